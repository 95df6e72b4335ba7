import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ClientAnswer } from '$lib/bindings/ClientAnswer';
import type { Entry } from '$lib/bindings/Entry';
import type { Question } from '$lib/bindings/Question';
import {
  leadChannels,
  leadsPerMonth,
  marketingBudget,
} from '$lib/components/answer/questions.test-data';
import { describeEntry } from '$lib/text';
import ClientAnswersPanel from './ClientAnswersPanel.svelte';

const QUESTIONS: Question[] = [marketingBudget, leadsPerMonth, leadChannels];

function answer(extra: Partial<ClientAnswer> & Pick<ClientAnswer, 'id' | 'question_id'>): ClientAnswer {
  return {
    link_id: 'L1',
    brief_id: 'b1',
    prompt: 'Сколько компания готова тратить на продвижение в месяц?',
    contact: 'Ирина Соколова',
    submitted_at: '2026-12-03T09:30:00Z',
    files: [],
    status: 'waiting',
    ...extra,
  };
}

const budget = answer({
  id: 's1/marketing_budget',
  question_id: 'marketing_budget',
  answer: { state: 'answered', value: { type: 'number', value: 300000 } },
  files: [
    {
      id: 'F1',
      name: 'смета.pdf',
      content_type: 'application/pdf',
      bytes: 48_200,
    },
  ],
});
const leads = answer({
  id: 's1/sales_leads_per_month',
  question_id: 'sales_leads_per_month',
  prompt: 'Сколько обращений в месяц компания получает сейчас?',
  answer: { state: 'unknown' },
});

function setup(
  answers: ClientAnswer[] = [budget, leads],
  extra: { current?: Record<string, Entry>; onaccept?: () => Promise<void> } = {},
) {
  const onaccept = vi.fn(extra.onaccept ?? ((_id: string, _e: Entry | null) => Promise.resolve()));
  const onreject = vi.fn((_id: string, _c: string) => Promise.resolve());
  const ongoto = vi.fn();
  const onempty = vi.fn();
  const questionOf = (id: string) => QUESTIONS.find((q) => q.id === id);
  const view = render(ClientAnswersPanel, {
    answers,
    lang: 'ru',
    questionOf,
    current: (id: string) => extra.current?.[id],
    describe: (value: unknown, id: string) => describeEntry(value, 'ru', questionOf(id)),
    onaccept,
    onreject,
    ongoto,
    onempty,
  });
  return { onaccept, onreject, ongoto, onempty, view, user: userEvent.setup() };
}

const item = (id: string) =>
  document.querySelector<HTMLElement>(`[data-client-answer="${CSS.escape(id)}"]`) as HTMLElement;

describe('ClientAnswersPanel', () => {
  it('lists each answer as people read it, who sent it and when, and its files', () => {
    setup(undefined, {
      current: { marketing_budget: { answer: { state: 'later', value: { due: '2026-12-10' } } } },
    });
    expect(screen.getByRole('heading', { name: /Ответы клиента: 2/ })).toBeInTheDocument();
    const first = within(item(budget.id));
    expect(first.getByTestId('client-answer-value')).toHaveTextContent(/300\s000\s₽/);
    expect(first.getByText(/Ирина Соколова, 3 декабря 2026/)).toBeInTheDocument();
    expect(first.getByText(/Сейчас в брифе: пришлёт до 10 декабря 2026/)).toBeInTheDocument();
    expect(first.getByRole('button', { name: /смета\.pdf/ })).toBeInTheDocument();
    expect(first.getByText('(47 KB)')).toBeInTheDocument();
    expect(within(item(leads.id)).getByTestId('client-answer-value')).toHaveTextContent(
      'клиент не знает',
    );
  });

  it('accepts as sent; the next answer takes the focus', async () => {
    const { onaccept, view, user } = setup();
    await user.click(within(item(budget.id)).getByRole('button', { name: 'Принять' }));
    expect(onaccept).toHaveBeenCalledWith(budget.id, null);
    await view.rerender({ answers: [leads] });
    await vi.waitFor(() =>
      expect(within(item(leads.id)).getByRole('button', { name: 'Принять' })).toHaveFocus(),
    );
  });

  it('says when the last answer is decided', async () => {
    const { onempty, user } = setup([leads]);
    await user.click(screen.getByRole('button', { name: 'Принять' }));
    expect(onempty).toHaveBeenCalled();
  });

  it('edits in the answer field of the interview, then accepts what the field holds', async () => {
    const { onaccept, user } = setup();
    await user.click(within(item(budget.id)).getByRole('button', { name: 'Изменить и принять' }));
    const field = within(item(budget.id)).getByRole('textbox', { name: /тратить на продвижение/ });
    expect(field).toHaveFocus();
    expect((field as HTMLInputElement).value).toMatch(/^300\s000$/);
    await user.clear(field);
    await user.type(field, '250000');
    await user.click(within(item(budget.id)).getByRole('button', { name: 'Принять' }));
    expect(onaccept).toHaveBeenCalledWith(budget.id, {
      answer: { state: 'answered', value: { type: 'number', value: 250000 } },
    });
  });

  it('will not accept an edit that cannot be stored', async () => {
    const { onaccept, user } = setup();
    await user.click(within(item(budget.id)).getByRole('button', { name: 'Изменить и принять' }));
    const field = within(item(budget.id)).getByRole('textbox', { name: /тратить на продвижение/ });
    await user.clear(field);
    await user.type(field, 'много');
    await user.tab();
    await user.click(within(item(budget.id)).getByRole('button', { name: 'Принять' }));
    expect(onaccept).not.toHaveBeenCalled();
    expect(within(item(budget.id)).getByRole('alert')).toHaveTextContent('Исправьте ответ');
  });

  it('Esc leaves the edit and gives the focus back', async () => {
    const { user } = setup();
    const edit = within(item(budget.id)).getByRole('button', { name: 'Изменить и принять' });
    await user.click(edit);
    await user.keyboard('{Escape}');
    expect(within(item(budget.id)).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(item(budget.id)).getByRole('button', { name: 'Изменить и принять' })).toHaveFocus();
  });

  it('rejects only with a comment', async () => {
    const { onreject, user } = setup();
    await user.click(within(item(leads.id)).getByRole('button', { name: 'Отклонить' }));
    const comment = within(item(leads.id)).getByLabelText('Почему ответ отклонён');
    expect(comment).toHaveFocus();
    await user.click(within(item(leads.id)).getByRole('button', { name: 'Отклонить ответ' }));
    expect(onreject).not.toHaveBeenCalled();
    expect(comment).toHaveAttribute('aria-invalid', 'true');
    expect(comment).toHaveAccessibleDescription(/без комментария отклонить нельзя/);
    expect(comment).toHaveFocus();
    await user.type(comment, '  Нужна цифра хотя бы примерно  {Control>}{Enter}{/Control}');
    expect(onreject).toHaveBeenCalledWith(leads.id, 'Нужна цифра хотя бы примерно');
  });

  it('keeps the answer and says why when accepting fails', async () => {
    const { user } = setup(undefined, {
      onaccept: () => Promise.reject({ code: 'validation', message: 'the brief is approved' }),
    });
    await user.click(within(item(budget.id)).getByRole('button', { name: 'Принять' }));
    expect(await within(item(budget.id)).findByRole('alert')).toHaveTextContent(
      'Не удалось принять ответ: the brief is approved',
    );
  });

  it('cannot accept as sent what the store refuses, but edits or rejects it', async () => {
    setup([{ ...budget, problem: 'не меньше 0' }]);
    const accept = screen.getByRole('button', { name: 'Принять' });
    expect(accept).toBeDisabled();
    expect(accept).toHaveAccessibleDescription(/Так принять нельзя: не меньше 0/);
    expect(screen.getByRole('button', { name: 'Изменить и принять' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Отклонить' })).toBeEnabled();
  });

  it('opens an attached file', async () => {
    const onopenfile = vi.fn((_a: string, _f: string) => Promise.resolve());
    const user = userEvent.setup();
    render(ClientAnswersPanel, {
      answers: [budget],
      lang: 'ru',
      questionOf: () => marketingBudget,
      current: () => undefined,
      describe: () => '',
      onaccept: vi.fn(),
      onreject: vi.fn(),
      ongoto: vi.fn(),
      onopenfile,
    });
    await user.click(screen.getByRole('button', { name: /смета\.pdf/ }));
    expect(onopenfile).toHaveBeenCalledWith(budget.id, 'F1');
  });

  it('goes to the question and folds away', async () => {
    const { ongoto, user } = setup();
    await user.click(within(item(leads.id)).getByRole('button', { name: 'К вопросу' }));
    expect(ongoto).toHaveBeenCalledWith('sales_leads_per_month');
    const fold = screen.getByRole('button', { name: 'Свернуть' });
    await user.click(fold);
    expect(fold).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(/смета/)).not.toBeVisible();
  });
});
