import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { answered, renderField } from './field.test-helpers';
import { HOSTILE, targetRegions } from './questions.test-data';

const items = () => screen.getAllByRole('textbox', { name: /^Пункт \d+$/ });

describe('ListAnswer', () => {
  it('adds the next item with Enter and stores the non-blank items', async () => {
    const { user, last } = renderField(targetRegions);
    const group = screen.getByRole('group', { name: /В какие регионы/ });
    expect(within(group).getByText(/Enter — следующий пункт/)).toBeInTheDocument();

    await user.click(items()[0]!);
    await user.keyboard('Тула{Enter}');
    expect(items()).toHaveLength(2);
    expect(items()[1]).toHaveFocus();
    expect(last()).toEqual({
      answer: { state: 'answered', value: { type: 'items', value: ['Тула'] } },
    });
    // One of at least two is stored, with a note of how many more are needed.
    expect(screen.getByText('Нужно ещё 1 пункт')).toBeInTheDocument();

    await user.keyboard('Калуга');
    expect(last()).toEqual(answered({ type: 'items', value: ['Тула', 'Калуга'] }));
    expect(screen.queryByText(/Нужно ещё/)).not.toBeInTheDocument();
  });

  it('inserts after the current item, and Backspace on an empty item removes it', async () => {
    const { user, last } = renderField(targetRegions, {
      initial: answered({ type: 'items', value: ['Тула', 'Калуга'] }),
    });
    await user.click(items()[0]!);
    await user.keyboard('{Enter}');
    expect(items().map((i) => (i as HTMLInputElement).value)).toEqual(['Тула', '', 'Калуга']);
    expect(items()[1]).toHaveFocus();

    await user.keyboard('{Backspace}');
    expect(items().map((i) => (i as HTMLInputElement).value)).toEqual(['Тула', 'Калуга']);
    expect(items()[0]).toHaveFocus();
    // Backspace in a non-empty item just edits it.
    await user.keyboard('{Backspace}');
    expect(last()).toEqual(answered({ type: 'items', value: ['Тул', 'Калуга'] }));
    expect(items()).toHaveLength(2);
  });

  it('removes an item with its button and stops adding at max', async () => {
    const { user, last } = renderField(targetRegions, {
      initial: answered({ type: 'items', value: ['Тула', 'Калуга', 'Рязань'] }),
    });
    const add = screen.getByRole('button', { name: '+ Добавить: регион' });
    expect(add).toBeDisabled();
    expect(screen.getByText('Не больше 3 пунктов')).toBeInTheDocument();
    await user.click(items()[2]!);
    await user.keyboard('{End}{Enter}');
    expect(items()).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: 'Удалить пункт 2' }));
    expect(last()).toEqual(answered({ type: 'items', value: ['Тула', 'Рязань'] }));
    expect(add).toBeEnabled();

    await user.click(add);
    expect(items()).toHaveLength(3);
    expect(items()[2]).toHaveFocus();
  });

  it('stores nothing once the last item is removed', async () => {
    const { user, last } = renderField(targetRegions, {
      initial: answered({ type: 'items', value: ['Тула'] }),
    });
    await user.click(screen.getByRole('button', { name: 'Удалить пункт 1' }));
    expect(last()).toBeNull();
    expect(items()).toHaveLength(1);
  });

  it('shows hostile items literally', () => {
    renderField(targetRegions, { initial: answered({ type: 'items', value: [HOSTILE] }) });
    expect(items()[0]).toHaveValue(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
  });

  it('speaks English', () => {
    renderField(targetRegions, { lang: 'en' });
    expect(screen.getByRole('textbox', { name: 'Item 1' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '+ Add region' })).toBeInTheDocument();
    expect(screen.getByText(/Enter adds the next item/)).toBeInTheDocument();
  });
});
