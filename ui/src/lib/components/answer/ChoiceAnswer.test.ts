import { screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { answered, renderField } from './field.test-helpers';
import { HOSTILE, goalMetric, hostile, leadChannels } from './questions.test-data';

describe('ChoiceAnswer', () => {
  it('stores the id of a single choice', async () => {
    const { user, last } = renderField(goalMetric);
    expect(screen.getByRole('radiogroup', { name: /По какому показателю/ })).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Выручка' }));
    expect(last()).toEqual({
      answer: { state: 'answered', value: { type: 'choice', value: 'revenue' } },
    });

    await user.click(screen.getByRole('button', { name: 'Очистить' }));
    expect(last()).toBeNull();
  });

  it('stores multi-choice ids in checklist order, with min noted and max enforced', async () => {
    const { user, last } = renderField(leadChannels);
    expect(screen.getByRole('group', { name: /Откуда сейчас приходят/ })).toBeInTheDocument();
    expect(screen.getByText('Выберите от 2 до 3')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Соцсети' }));
    // One pick of at least two is still stored, with a quiet note.
    expect(last()).toEqual(answered({ type: 'choices', value: ['social'] }));
    expect(screen.getByText('Выберите ещё 1 вариант')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Поиск (SEO)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Рекомендации, сарафанное радио' }));
    expect(last()).toEqual(answered({ type: 'choices', value: ['search', 'social', 'referrals'] }));

    // At the max, the other boxes cannot be ticked.
    expect(screen.getByRole('checkbox', { name: 'Другое' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Соцсети' })).toBeEnabled();

    await user.click(screen.getByRole('checkbox', { name: 'Соцсети' }));
    expect(last()).toEqual(answered({ type: 'choices', value: ['search', 'referrals'] }));
    expect(screen.getByRole('checkbox', { name: 'Другое' })).toBeEnabled();
  });

  it('stores nothing when every box is unticked', async () => {
    const { user, last } = renderField(leadChannels, {
      initial: answered({ type: 'choices', value: ['ads'] }),
    });
    await user.click(
      screen.getByRole('checkbox', { name: 'Контекстная и таргетированная реклама' }),
    );
    expect(last()).toBeNull();
  });

  it('shows hostile labels literally', () => {
    renderField(hostile);
    expect(screen.getByRole('radio', { name: `${HOSTILE} да` })).toBeInTheDocument();
    expect(screen.getByText(`${HOSTILE} вопрос`)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  it('speaks English', () => {
    renderField(leadChannels, { lang: 'en' });
    expect(screen.getByRole('checkbox', { name: 'Social media' })).toBeInTheDocument();
    expect(screen.getByText('Pick 2 to 3')).toBeInTheDocument();
  });
});
