import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Section } from '$lib/bindings/Section';
import InterviewSection from './InterviewSection.svelte';
import { HOSTILE, goalDeadline, goalStatement, marketingBudget } from './questions.test-data';

const goal: Section = {
  id: 'goal',
  title: { ru: 'Цель', en: 'Goal' },
  intro: { ru: `Цель должна быть измеримой. ${HOSTILE}`, en: 'The goal must be measurable.' },
  questions: [goalStatement, goalDeadline, marketingBudget],
};

describe('InterviewSection', () => {
  it('shows the section, its visible questions, and the hint of the focused one', async () => {
    const user = userEvent.setup();
    const onchange = vi.fn();
    render(InterviewSection, {
      section: goal,
      entries: {},
      hidden: new Set(['goal_deadline']),
      lang: 'ru',
      onchange,
    });
    expect(screen.getByRole('heading', { name: 'Цель' })).toBeInTheDocument();
    expect(screen.getByText(`Цель должна быть измеримой. ${HOSTILE}`)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.queryByLabelText(/К какой дате/)).not.toBeInTheDocument();

    const hint = screen.getByRole('complementary', { name: 'Подсказка' });
    expect(hint).toHaveTextContent(/Запишите цель словами клиента/);

    await user.click(screen.getByRole('textbox', { name: /Сколько компания/ }));
    expect(hint).toHaveTextContent('Бюджет рядом с целью.');

    await user.keyboard('90000');
    expect(onchange).toHaveBeenLastCalledWith('marketing_budget', {
      answer: { state: 'answered', value: { type: 'number', value: 90000 } },
    });
  });

  it('shows a question once its condition holds, and speaks English', async () => {
    const props = { section: goal, entries: {}, lang: 'ru' as const, onchange: () => {} };
    const { rerender } = render(InterviewSection, { ...props, hidden: new Set(['goal_deadline']) });
    await rerender({ hidden: new Set(), lang: 'en' });
    expect(screen.getByLabelText(/By what date/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Goal' })).toBeInTheDocument();
    expect(screen.getByRole('complementary', { name: 'Hint' })).toBeInTheDocument();
  });
});
