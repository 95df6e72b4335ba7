import { screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { answered, renderField } from './field.test-helpers';
import { competition } from './questions.test-data';

describe('ScaleAnswer', () => {
  it('offers one button per step with the end labels and stores a number', async () => {
    const { user, last } = renderField(competition);
    const group = screen.getByRole('radiogroup', { name: /Насколько высока конкуренция/ });
    expect(group).toHaveAccessibleDescription(/Конкурентов почти нет.*Очень жёсткая конкуренция/);
    expect(
      screen.getAllByRole('radio').map((r) => r.closest('label')?.textContent?.trim()),
    ).toEqual(['1', '2', '3', '4', '5']);

    await user.click(screen.getByRole('radio', { name: '4' }));
    expect(last()).toEqual({ answer: { state: 'answered', value: { type: 'number', value: 4 } } });

    await user.keyboard('{ArrowRight}');
    expect(last()).toEqual(answered({ type: 'number', value: 5 }));
  });

  it('honours other bounds and clears', async () => {
    const { user, last } = renderField(
      { ...competition, min: 0, max: 10 },
      { initial: answered({ type: 'number', value: 7 }) },
    );
    expect(screen.getAllByRole('radio')).toHaveLength(11);
    expect(screen.getByRole('radio', { name: '7' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Очистить' }));
    expect(last()).toBeNull();
  });

  it('speaks English', () => {
    renderField(competition, { lang: 'en' });
    expect(screen.getByText(/Hardly any competitors/)).toBeInTheDocument();
    expect(screen.getByText(/Very fierce competition/)).toBeInTheDocument();
  });
});
