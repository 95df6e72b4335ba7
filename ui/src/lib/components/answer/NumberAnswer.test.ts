import { screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { answered, renderField } from './field.test-helpers';
import { conversion, dealCycle, leadsPerMonth, marketingBudget } from './questions.test-data';

describe('NumberAnswer', () => {
  it('stores a whole number with its unit shown', async () => {
    const { user, last } = renderField(leadsPerMonth);
    const input = screen.getByRole('textbox', { name: /Сколько обращений в месяц/ });
    expect(screen.getByText('обращений в месяц')).toBeInTheDocument();

    await user.type(input, '120');

    expect(last()).toEqual({
      answer: { state: 'answered', value: { type: 'number', value: 120 } },
    });
  });

  it('keeps a fraction in an integer question without storing it', async () => {
    const { user, onchange, last, lastProblem } = renderField(leadsPerMonth);
    const input = screen.getByRole('textbox', { name: /Сколько обращений/ });

    await user.type(input, '12,5');

    expect(input).toHaveValue('12,5');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Нужно целое число')).toBeInTheDocument();
    expect(
      screen.getByText('Пока значение не исправлено, сохранён прежний ответ.'),
    ).toBeInTheDocument();
    expect(lastProblem()).toBe('Нужно целое число');
    // "12" was stored on the way; "12," and "12,5" were not.
    expect(last()).toEqual(answered({ type: 'number', value: 12 }));
    expect(
      onchange.mock.calls.every(
        ([e]) =>
          e?.answer.state === 'answered' &&
          e.answer.value.type === 'number' &&
          Number.isInteger(e.answer.value.value),
      ),
    ).toBe(true);
  });

  it('rejects text that is not a number and values below min, keeping what was typed', async () => {
    const { user, onchange } = renderField(leadsPerMonth);
    const input = screen.getByRole('textbox', { name: /Сколько обращений/ });

    await user.type(input, 'много');
    expect(input).toHaveValue('много');
    expect(screen.getByText('Введите число, например 1 500 или 12,5')).toBeInTheDocument();

    await user.clear(input);
    await user.type(input, '-5');
    expect(screen.getByText('Не меньше 0')).toBeInTheDocument();
    expect(onchange.mock.calls.filter(([e]) => e !== null)).toEqual([]);
  });

  it('reads and formats money with thousands separators and shows the currency', async () => {
    const { user, last } = renderField(marketingBudget);
    const input = screen.getByRole('textbox', { name: /Сколько компания готова тратить/ });
    expect(screen.getByText('₽')).toBeInTheDocument();

    await user.type(input, '1 500 000,50');
    expect(last()).toEqual(answered({ type: 'number', value: 1500000.5 }));

    await user.tab();
    expect(input).toHaveValue('1\u00a0500\u00a0000,5');
  });

  it('formats money the English way', async () => {
    const { user, last } = renderField(marketingBudget, {
      lang: 'en',
      initial: answered({ type: 'number', value: 250000 }),
    });
    const input = screen.getByRole('textbox', { name: /How much is the company ready/ });
    expect(input).toHaveValue('250,000');

    await user.clear(input);
    await user.type(input, '1,250,000.75');
    expect(last()).toEqual(answered({ type: 'number', value: 1250000.75 }));
  });

  it('reformats a number when the language switches, so its meaning stays', async () => {
    const { user, rerender, last } = renderField(marketingBudget);
    const input = screen.getByRole('textbox', { name: /Сколько компания/ });
    await user.type(input, '1,5');
    expect(last()).toEqual(answered({ type: 'number', value: 1.5 }));

    await rerender({ lang: 'en' });
    expect(input).toHaveValue('1.5');
  });

  it('keeps a percentage within 0…100', async () => {
    const { user, last } = renderField(conversion);
    const input = screen.getByRole('textbox', { name: /Какая доля обращений/ });
    expect(screen.getByText('%')).toBeInTheDocument();

    await user.type(input, '25');
    expect(last()).toEqual(answered({ type: 'number', value: 25 }));
    await user.type(input, '0');
    expect(screen.getByText('Не больше 100')).toBeInTheDocument();
    expect(last()).toEqual(answered({ type: 'number', value: 25 }));
  });

  it('counts a duration in days, with the Russian plural', async () => {
    const { user, last } = renderField(dealCycle);
    const input = screen.getByRole('textbox', { name: /Сколько дней обычно/ });

    await user.type(input, '2');
    expect(last()).toEqual(answered({ type: 'number', value: 2 }));
    expect(screen.getByText('дня')).toBeInTheDocument();
    await user.type(input, '1');
    expect(screen.getByText('день')).toBeInTheDocument();
    await user.clear(input);
    expect(last()).toBeNull();
    expect(screen.getByText('дней')).toBeInTheDocument();
  });
});
