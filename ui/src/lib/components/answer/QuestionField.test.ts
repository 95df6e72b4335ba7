import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Question } from '$lib/bindings/Question';
import { answered, renderField } from './field.test-helpers';
import QuestionField from './QuestionField.svelte';
import * as q from './questions.test-data';

describe('QuestionField', () => {
  it('renders the right input for every kind, labelled by its prompt', () => {
    const byKind: [Question, () => HTMLElement][] = [
      [q.companyName, () => screen.getByRole('textbox', { name: /Как называется компания/ })],
      [q.goalStatement, () => screen.getByRole('textbox', { name: /Чего компания хочет/ })],
      [q.leadsPerMonth, () => screen.getByRole('textbox', { name: /Сколько обращений/ })],
      [q.marketingBudget, () => screen.getByRole('textbox', { name: /Сколько компания готова/ })],
      [q.conversion, () => screen.getByRole('textbox', { name: /Какая доля обращений/ })],
      [q.dealCycle, () => screen.getByRole('textbox', { name: /Сколько дней обычно/ })],
      [q.goalDeadline, () => screen.getByLabelText(/К какой дате/)],
      [q.productUnique, () => screen.getByRole('radiogroup', { name: /Уникален ли/ })],
      [q.goalMetric, () => screen.getByRole('radiogroup', { name: /По какому показателю/ })],
      [q.leadChannels, () => screen.getByRole('group', { name: /Откуда сейчас приходят/ })],
      [q.competition, () => screen.getByRole('radiogroup', { name: /Насколько высока/ })],
      [q.targetRegions, () => screen.getByRole('group', { name: /В какие регионы/ })],
      [q.teamMembers, () => screen.getByRole('table', { name: /Кто ещё участвует/ })],
      [q.clientResponsible, () => screen.getByRole('group', { name: /Кто со стороны клиента/ })],
      [q.processDocs, () => screen.getByRole('textbox', { name: /Есть ли письменное/ })],
    ];
    const kinds = new Set<string>();
    for (const [question, find] of byKind) {
      const { unmount } = renderField(question);
      expect(find()).toBeInTheDocument();
      kinds.add(question.kind);
      unmount();
    }
    expect(kinds.size).toBe(15);
  });

  it('marks a required question and says nothing extra for an optional one', () => {
    const { unmount } = renderField(q.companyName);
    expect(screen.getByTitle('обязательный вопрос')).toHaveTextContent('*');
    unmount();
    renderField(q.conversion);
    expect(screen.queryByTitle('обязательный вопрос')).not.toBeInTheDocument();
  });

  it('asks to confirm an answer carried over from an earlier brief; editing also confirms', async () => {
    const initial = { ...answered({ type: 'text', value: 'ШинаМаркет' }), to_confirm: true };
    const { user, last } = renderField(q.companyName, { initial });
    expect(screen.getByText(/Ответ перенесён из прошлого брифа/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Верно' }));
    expect(last()).toEqual(answered({ type: 'text', value: 'ШинаМаркет' }));
    expect(screen.queryByText(/Ответ перенесён/)).not.toBeInTheDocument();
  });

  it('reports the focused question for the hint panel', async () => {
    const onfocus = vi.fn();
    render(QuestionField, {
      question: q.companyName,
      entry: undefined,
      lang: 'ru',
      onchange: () => {},
      onfocus,
    });
    screen.getByRole('textbox', { name: /Как называется/ }).focus();
    expect(onfocus).toHaveBeenCalledWith(q.companyName);
  });

  it('follows a new entry from the parent (another brief, a restored answer)', async () => {
    const props = { question: q.marketingBudget, lang: 'ru' as const, onchange: () => {} };
    const { rerender } = render(QuestionField, {
      ...props,
      entry: answered({ type: 'number', value: 1 }),
    });
    const input = screen.getByRole('textbox', { name: /Сколько компания/ });
    expect(input).toHaveValue('1');
    await rerender({ entry: answered({ type: 'number', value: 2500 }) });
    expect(input).toHaveValue('2\u00a0500');
    await rerender({ entry: { answer: { state: 'not_applicable', value: { reason: 'нет' } } } });
    expect(screen.getByLabelText('Почему не применимо')).toHaveValue('нет');
    expect(screen.queryByRole('textbox', { name: /Сколько компания/ })).not.toBeInTheDocument();
  });

  it('shows a hostile prompt literally', () => {
    renderField(q.hostile);
    expect(screen.getByText(`${q.HOSTILE} вопрос`)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  it('speaks both languages', async () => {
    const { rerender } = renderField(q.productUnique);
    expect(screen.getByRole('radiogroup', { name: /Уникален ли сам продукт/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Клиент не знает' })).toBeInTheDocument();
    await rerender({ lang: 'en' });
    expect(
      screen.getByRole('radiogroup', { name: /Is the product itself unique/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: "Client doesn't know" })).toBeInTheDocument();
    expect(screen.getByTitle('required question')).toBeInTheDocument();
  });
});
