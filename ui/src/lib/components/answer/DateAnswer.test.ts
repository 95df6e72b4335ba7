import { fireEvent, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { answered, renderField } from './field.test-helpers';
import { goalDeadline } from './questions.test-data';

/** What a real date field reports while it holds a half-typed date (jsdom never sets `badInput`). */
function typeHalfDate(input: HTMLInputElement): void {
  Object.defineProperty(input, 'validity', { configurable: true, value: { badInput: true } });
  input.value = '';
  void fireEvent.input(input);
}

describe('DateAnswer', () => {
  it('stores an ISO date from the native date field', async () => {
    const { user, last } = renderField(goalDeadline);
    const input = screen.getByLabelText(/К какой дате/) as HTMLInputElement;
    expect(input.type).toBe('date');

    await user.type(input, '2026-09-01');

    expect(last()).toEqual({
      answer: { state: 'answered', value: { type: 'text', value: '2026-09-01' } },
    });
  });

  it('shows a stored date and stores nothing once cleared', async () => {
    const { user, last } = renderField(goalDeadline, {
      initial: answered({ type: 'text', value: '2026-09-01' }),
    });
    const input = screen.getByLabelText(/К какой дате/);
    expect(input).toHaveValue('2026-09-01');
    await user.clear(input);
    expect(last()).toBeNull();
  });

  it('reports a half-typed date without storing anything', async () => {
    const { onchange, lastProblem } = renderField(goalDeadline, {
      initial: answered({ type: 'text', value: '2026-09-01' }),
    });
    const input = screen.getByLabelText(/К какой дате/) as HTMLInputElement;

    typeHalfDate(input);

    expect(
      await screen.findByText('Введите дату полностью: день, месяц и год'),
    ).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(lastProblem()).toBe('Введите дату полностью: день, месяц и год');
    expect(onchange).not.toHaveBeenCalled();
  });

  it('speaks English', async () => {
    renderField(goalDeadline, { lang: 'en' });
    const input = screen.getByLabelText(/By what date/) as HTMLInputElement;
    typeHalfDate(input);
    expect(await screen.findByText('Enter a full date: day, month and year')).toBeInTheDocument();
  });
});
