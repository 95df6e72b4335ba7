import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import AnswerStateBar from './AnswerStateBar.svelte';
import { answered, renderField } from './field.test-helpers';
import { goalDeadline, marketingBudget } from './questions.test-data';

describe('AnswerStateBar', () => {
  it('marks "client doesn\'t know" and hides the input', async () => {
    const { user, last } = renderField(marketingBudget);
    const unknown = screen.getByRole('button', { name: 'Клиент не знает' });
    expect(unknown).toHaveAttribute('aria-pressed', 'false');

    await user.click(unknown);

    expect(last()).toEqual({ answer: { state: 'unknown' } });
    expect(unknown).toHaveAttribute('aria-pressed', 'true');
    expect(screen.queryByRole('textbox', { name: /Сколько компания/ })).not.toBeInTheDocument();
    expect(screen.getByText(/попадёт в «Что уточнить»/)).toBeInTheDocument();
  });

  it('"will send later" is stored once the due date is given', async () => {
    const { user, onchange, last, lastProblem } = renderField(marketingBudget);

    await user.click(screen.getByRole('button', { name: 'Пришлёт позже' }));
    const due = screen.getByLabelText('Когда пришлёт');
    expect(due).toHaveFocus();
    expect(onchange).not.toHaveBeenCalled();
    expect(screen.getByText('Укажите дату, к которой клиент пришлёт ответ.')).toBeInTheDocument();
    expect(lastProblem()).toBe('Укажите дату, к которой клиент пришлёт ответ.');

    await user.type(due, '01.12.2026');
    expect(last()).toEqual({ answer: { state: 'later', value: { due: '2026-12-01' } } });
    expect(lastProblem()).toBeNull();
  });

  it('"not applicable" is stored with its reason', async () => {
    const { user, onchange, last } = renderField(marketingBudget);

    await user.click(screen.getByRole('button', { name: 'Не применимо' }));
    const reason = screen.getByLabelText('Почему не применимо');
    expect(reason).toHaveFocus();
    expect(onchange).not.toHaveBeenCalled();

    await user.keyboard('бюджет платит головной офис');
    expect(last()).toEqual({
      answer: { state: 'not_applicable', value: { reason: 'бюджет платит головной офис' } },
    });
  });

  it('goes back to answering with the value typed before, keeping it', async () => {
    const { user, last } = renderField(marketingBudget, {
      initial: answered({ type: 'number', value: 50000 }),
    });
    await user.click(screen.getByRole('button', { name: 'Клиент не знает' }));
    expect(last()).toEqual({ answer: { state: 'unknown' } });

    await user.click(screen.getByRole('button', { name: 'Вернуться к ответу' }));
    expect(last()).toEqual(answered({ type: 'number', value: 50000 }));
    expect(screen.getByRole('textbox', { name: /Сколько компания/ })).toHaveValue('50\u00a0000');
  });

  it('keeps text that could not be stored through a state and back', async () => {
    const { user, last, lastProblem } = renderField(marketingBudget, {
      initial: answered({ type: 'number', value: 50000 }),
    });
    const input = screen.getByRole('textbox', { name: /Сколько компания/ });
    await user.clear(input);
    await user.type(input, 'полмиллиона');
    expect(lastProblem()).toBe('Введите число, например 1 500 или 12,5');

    await user.click(screen.getByRole('button', { name: 'Клиент не знает' }));
    expect(last()).toEqual({ answer: { state: 'unknown' } });
    // The unreadable text does not matter while the client doesn't know.
    expect(lastProblem()).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Вернуться к ответу' }));
    // The last storable value (the cleared field: nothing) is stored again; the text is back, flagged.
    expect(last()).toBeNull();
    expect(screen.getByRole('textbox', { name: /Сколько компания/ })).toHaveValue('полмиллиона');
    expect(lastProblem()).toBe('Введите число, например 1 500 или 12,5');
  });

  it('toggles a state off with its own button, and answers to Alt+1 / Alt+0', async () => {
    const { user, last } = renderField(goalDeadline, { initial: { answer: { state: 'unknown' } } });
    const unknown = screen.getByRole('button', { name: 'Клиент не знает' });
    expect(unknown).toHaveAttribute('aria-pressed', 'true');

    unknown.focus();
    await user.keyboard('{Enter}');
    expect(last()).toBeNull();
    expect(screen.getByLabelText(/К какой дате/)).toBeInTheDocument();

    // The state buttons are not Tab stops: one Tab stop per answer, the states behind shortcuts.
    const input = screen.getByLabelText(/К какой дате/);
    input.focus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Клиент не знает' })).not.toHaveFocus();
    input.focus();
    await user.keyboard('{Alt>}1{/Alt}');
    expect(last()).toEqual({ answer: { state: 'unknown' } });
    // The input is hidden now: the cursor stays in the question, on the pressed state.
    expect(screen.getByRole('button', { name: 'Клиент не знает' })).toHaveFocus();
    await user.keyboard('{Alt>}0{/Alt}');
    expect(last()).toBeNull();
    expect(screen.getByLabelText(/К какой дате/)).toHaveFocus();
    await user.keyboard('{Alt>}3{/Alt}');
    expect(screen.getByLabelText('Почему не применимо')).toHaveFocus();
  });

  it('shows a stored later or not-applicable state with its details', () => {
    renderField(marketingBudget, {
      initial: { answer: { state: 'later', value: { due: '2026-12-01' } } },
    });
    expect(screen.getByRole('button', { name: 'Пришлёт позже' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(screen.getByLabelText('Когда пришлёт')).toHaveValue('01.12.2026');
    expect(screen.getByText('1 декабря 2026')).toBeInTheDocument();
  });

  it('explains a due date that is not a date', async () => {
    const onchange = vi.fn();
    const oninvalid = vi.fn();
    render(AnswerStateBar, {
      answer: undefined,
      mode: 'later',
      lang: 'ru',
      id: 'q',
      onmode: () => {},
      onchange,
      oninvalid,
    });
    const due = screen.getByLabelText('Когда пришлёт') as HTMLInputElement;
    await fireEvent.input(due, { target: { value: '0103' } });
    await fireEvent.blur(due);
    expect(oninvalid).toHaveBeenLastCalledWith(
      'Не похоже на дату: введите день, месяц и год — 01.03.2027 или 01032027',
    );
    expect(due).toHaveAttribute('aria-invalid', 'true');
    expect(onchange).not.toHaveBeenCalled();
  });

  it('speaks English', async () => {
    const { user } = renderField(marketingBudget, { lang: 'en' });
    expect(screen.getByRole('group', { name: 'Answer state' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: "Client doesn't know" })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Will send later' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Not applicable' }));
    expect(screen.getByLabelText("Why it doesn't apply")).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back to answering' })).toBeInTheDocument();
  });
});
