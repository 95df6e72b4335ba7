import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import HintPanel from './HintPanel.svelte';
import { HOSTILE, goalStatement, hostile } from './questions.test-data';

describe('HintPanel', () => {
  it('shows the prompt and hint of the question, keeping line breaks', () => {
    render(HintPanel, { question: goalStatement, lang: 'ru' });
    expect(screen.getByRole('complementary', { name: 'Подсказка' })).toBeInTheDocument();
    expect(
      screen.getByText('Чего компания хочет добиться с помощью услуг агентства?'),
    ).toBeInTheDocument();
    const hint = screen.getByText(/Запишите цель словами клиента/);
    expect(hint.textContent).toBe('Запишите цель словами клиента.\nПлохо: «хотим больше продаж».');
  });

  it('renders hostile text as text, never as HTML', () => {
    render(HintPanel, { question: hostile, lang: 'ru' });
    expect(screen.getByText(`${HOSTILE} подсказка`)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  it('says what appears here when no question is focused, in both languages', async () => {
    const { rerender } = render(HintPanel, { question: undefined, lang: 'ru' });
    expect(screen.getByText(/Выберите вопрос — здесь появится подсказка/)).toBeInTheDocument();
    await rerender({ question: goalStatement, lang: 'en' });
    expect(screen.getByRole('complementary', { name: 'Hint' })).toBeInTheDocument();
    expect(screen.getByText(/Write the goal down in the client's words/)).toBeInTheDocument();
  });
});
