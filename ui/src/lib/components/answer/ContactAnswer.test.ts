import { screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { answered, renderField } from './field.test-helpers';
import { HOSTILE, clientResponsible } from './questions.test-data';

describe('ContactAnswer', () => {
  it('stores the filled fields of a contact', async () => {
    const { user, last } = renderField(clientResponsible);
    expect(
      screen.getByRole('group', { name: /Кто со стороны клиента отвечает/ }),
    ).toBeInTheDocument();

    await user.type(screen.getByLabelText('Имя'), 'Ирина Петрова');
    expect(last()).toEqual({
      answer: { state: 'answered', value: { type: 'contact', value: { name: 'Ирина Петрова' } } },
    });
    await user.type(screen.getByLabelText('Должность'), 'маркетолог');
    await user.type(screen.getByLabelText('Телефон'), '+7 495 123-45-67');
    await user.type(screen.getByLabelText('E-mail'), 'irina@shina.ru');

    expect(last()).toEqual(
      answered({
        type: 'contact',
        value: {
          name: 'Ирина Петрова',
          role: 'маркетолог',
          phone: '+7 495 123-45-67',
          email: 'irina@shina.ru',
        },
      }),
    );
  });

  it('keeps a bad e-mail without storing the contact', async () => {
    const { user, onchange, lastProblem } = renderField(clientResponsible, {
      initial: answered({ type: 'contact', value: { name: 'Ирина' } }),
    });
    expect(screen.getByLabelText('Имя')).toHaveValue('Ирина');
    const email = screen.getByLabelText('E-mail');

    await user.type(email, 'irina@');
    expect(email).toHaveValue('irina@');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText('Проверьте e-mail: нужен адрес вида name@example.ru'),
    ).toBeInTheDocument();
    expect(lastProblem()).toBe('Проверьте e-mail: нужен адрес вида name@example.ru');
    // "i", "ir", … "irina" are not e-mails either: nothing was stored since the first key.
    expect(onchange).not.toHaveBeenCalled();
  });

  it('keeps a contact without a name without storing it, and stores it once named', async () => {
    const { user, onchange, lastProblem, last } = renderField(clientResponsible);
    await user.type(screen.getByLabelText('Телефон'), '+7 495 123-45-67');
    expect(screen.getByLabelText('Телефон')).toHaveValue('+7 495 123-45-67');
    expect(lastProblem()).toBe('Впишите имя: контакт без имени не сохраняется');
    expect(onchange).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('Имя'), 'Ирина');
    expect(last()).toEqual(
      answered({ type: 'contact', value: { name: 'Ирина', phone: '+7 495 123-45-67' } }),
    );
  });

  it('stores nothing when every field is blank, and shows hostile text literally', async () => {
    const { user, last } = renderField(clientResponsible, {
      initial: answered({ type: 'contact', value: { name: HOSTILE } }),
    });
    const name = screen.getByLabelText('Имя');
    expect(name).toHaveValue(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
    await user.clear(name);
    expect(last()).toBeNull();
  });

  it('speaks English', () => {
    renderField(clientResponsible, { lang: 'en' });
    for (const label of ['Name', 'Role', 'Phone', 'E-mail']) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
  });
});
