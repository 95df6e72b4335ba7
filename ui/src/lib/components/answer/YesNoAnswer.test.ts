import { screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { answered, renderField } from './field.test-helpers';
import { productUnique } from './questions.test-data';

describe('YesNoAnswer', () => {
  it('is a radio group labelled by the prompt that stores a bool', async () => {
    const { user, last } = renderField(productUnique);
    const group = screen.getByRole('radiogroup', { name: /Уникален ли сам продукт/ });
    expect(group).toHaveAttribute('aria-required', 'true');

    await user.click(screen.getByRole('radio', { name: 'Да' }));
    expect(last()).toEqual({ answer: { state: 'answered', value: { type: 'bool', value: true } } });

    await user.click(screen.getByRole('radio', { name: 'Нет' }));
    expect(last()).toEqual(answered({ type: 'bool', value: false }));
    expect(screen.getByRole('radio', { name: 'Нет' })).toBeChecked();
  });

  it('answers from the keyboard and clears', async () => {
    const { user, last } = renderField(productUnique, {
      initial: answered({ type: 'bool', value: false }),
    });
    expect(screen.getByRole('radio', { name: 'Нет' })).toBeChecked();

    screen.getByRole('radio', { name: 'Нет' }).focus();
    await user.keyboard('{ArrowLeft}');
    expect(last()).toEqual(answered({ type: 'bool', value: true }));

    await user.click(screen.getByRole('button', { name: 'Очистить' }));
    expect(last()).toBeNull();
    expect(screen.getByRole('radio', { name: 'Да' })).not.toBeChecked();
  });

  it('speaks English', () => {
    renderField(productUnique, { lang: 'en' });
    expect(
      screen.getByRole('radiogroup', { name: /Is the product itself unique/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Yes' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'No' })).toBeInTheDocument();
  });
});
