import { screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { answered, renderField } from './field.test-helpers';
import { processDocs } from './questions.test-data';

describe('LinkAnswer', () => {
  it('stores an http(s) address, adding the scheme when it was left out', async () => {
    const { user, last } = renderField(processDocs);
    const input = screen.getByRole('textbox', { name: /Есть ли письменное описание/ });

    await user.type(input, 'docs.shina.ru/sales');

    expect(input).toHaveValue('docs.shina.ru/sales');
    expect(last()).toEqual({
      answer: { state: 'answered', value: { type: 'text', value: 'https://docs.shina.ru/sales' } },
    });
    // The address is shown as text; nothing in the field navigates the app window.
    expect(screen.getByText('https://docs.shina.ru/sales')).toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });

  it('keeps what is not a link without storing it', async () => {
    const { user, onchange, lastProblem } = renderField(processDocs, {
      initial: answered({ type: 'text', value: 'https://docs.shina.ru' }),
    });
    const input = screen.getByRole('textbox', { name: /Есть ли письменное описание/ });
    await user.clear(input);
    onchange.mockClear();

    await user.type(input, 'javascript:alert(1)');
    expect(input).toHaveValue('javascript:alert(1)');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(lastProblem()).toBe('Это не похоже на ссылку: нужен адрес вида https://example.ru');
    expect(onchange.mock.calls.filter(([e]) => e !== null)).toEqual([]);

    await user.clear(input);
    await user.type(input, 'папка на диске');
    expect(
      screen.getByText('Это не похоже на ссылку: нужен адрес вида https://example.ru'),
    ).toBeInTheDocument();
    expect(onchange.mock.calls.filter(([e]) => e !== null)).toEqual([]);
  });

  it('speaks English', async () => {
    const { user } = renderField(processDocs, { lang: 'en' });
    await user.type(
      screen.getByRole('textbox', { name: /Is there a written description/ }),
      'nope',
    );
    expect(screen.getByText(/This doesn't look like a link/)).toBeInTheDocument();
  });
});
