import { screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { answered, renderField } from './field.test-helpers';
import { goalDeadline } from './questions.test-data';
import { parseDate } from './rules';

describe('DateAnswer', () => {
  it('reads a date typed as digits, day first, and shows it in words', async () => {
    const { user, last } = renderField(goalDeadline);
    const input = screen.getByLabelText(/К какой дате/) as HTMLInputElement;
    expect(input.type).toBe('text');

    await user.type(input, '01032027');

    expect(last()).toEqual({
      answer: { state: 'answered', value: { type: 'text', value: '2027-03-01' } },
    });
    expect(screen.getByText('1 марта 2027')).toBeInTheDocument();
    await user.tab();
    expect(input).toHaveValue('01.03.2027');
  });

  it('shows a stored date and stores nothing once cleared', async () => {
    const { user, last } = renderField(goalDeadline, {
      initial: answered({ type: 'text', value: '2026-09-01' }),
    });
    const input = screen.getByLabelText(/К какой дате/);
    expect(input).toHaveValue('01.09.2026');
    await user.clear(input);
    expect(last()).toBeNull();
  });

  it('explains what is not a date without storing anything', async () => {
    const { user, onchange, lastProblem } = renderField(goalDeadline, {
      initial: answered({ type: 'text', value: '2026-09-01' }),
    });
    const input = screen.getByLabelText(/К какой дате/) as HTMLInputElement;
    await user.clear(input);
    onchange.mockClear();
    await user.type(input, '31022027');
    expect(screen.queryByText(/Не похоже на дату/)).toBeNull();
    await user.tab();

    const message = 'Не похоже на дату: введите день, месяц и год — 01.03.2027 или 01032027';
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(lastProblem()).toBe(message);
    expect(onchange).not.toHaveBeenCalled();
  });

  it('speaks English', async () => {
    const { user } = renderField(goalDeadline, { lang: 'en' });
    const input = screen.getByLabelText(/By what date/) as HTMLInputElement;
    await user.type(input, '1.3.2027');
    expect(screen.getByText('1 March 2027')).toBeInTheDocument();
  });

  it('parses the ways people type dates', () => {
    expect(parseDate('01032027')).toBe('2027-03-01');
    expect(parseDate('010327')).toBeUndefined();
    expect(parseDate('1.3.2027')).toBe('2027-03-01');
    expect(parseDate('01/03/2027')).toBe('2027-03-01');
    expect(parseDate('1 3 27')).toBe('2027-03-01');
    expect(parseDate('2027-03-01')).toBe('2027-03-01');
    expect(parseDate('  ')).toBeNull();
    expect(parseDate('29.02.2027')).toBeUndefined();
    expect(parseDate('0103')).toBeUndefined();
    expect(parseDate('завтра')).toBeUndefined();
  });
});
