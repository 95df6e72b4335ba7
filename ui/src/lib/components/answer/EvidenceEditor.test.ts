import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Evidence } from '$lib/bindings/Evidence';
import EvidenceEditor from './EvidenceEditor.svelte';
import { answered, renderField } from './field.test-helpers';
import { HOSTILE, marketingBudget } from './questions.test-data';

const note: Evidence = { kind: 'note', text: 'со слов директора', verified: false };
const file: Evidence = { kind: 'file', text: 'budget-2026.xlsx', verified: true };

function renderEditor(evidence: Evidence[], lang: 'ru' | 'en' = 'ru') {
  const onchange = vi.fn<(evidence: Evidence[]) => void>();
  render(EvidenceEditor, { evidence, lang, id: 'ev', onchange });
  return { onchange, user: userEvent.setup() };
}

describe('EvidenceEditor', () => {
  it('lists evidence with its kind and whether it was verified', () => {
    renderEditor([note, file]);
    const items = screen.getAllByRole('listitem');
    expect(within(items[0]!).getByText('Заметка')).toBeInTheDocument();
    expect(within(items[0]!).getByText('со слов директора')).toBeInTheDocument();
    expect(within(items[0]!).getByRole('checkbox', { name: 'со слов клиента' })).not.toBeChecked();
    expect(within(items[1]!).getByText('Файл')).toBeInTheDocument();
    expect(within(items[1]!).getByRole('checkbox', { name: 'проверено' })).toBeChecked();
  });

  it('is a quiet button until opened; Escape closes the form', async () => {
    const { user } = renderEditor([]);
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    const open = screen.getByRole('button', { name: '+ Добавить подтверждение' });
    await user.click(open);
    expect(screen.getByRole('textbox', { name: 'Текст, ссылка или имя файла' })).toHaveFocus();
    expect(screen.getByText(/Пока нет/)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '+ Добавить подтверждение' })).toHaveFocus();
  });

  it('adds a note with Enter and a verified link with the button', async () => {
    const { user, onchange } = renderEditor([note]);
    await user.click(screen.getByRole('button', { name: '+ Добавить подтверждение' }));
    const text = screen.getByRole('textbox', { name: 'Текст, ссылка или имя файла' });

    await user.type(text, 'прайс прислали{Enter}');
    expect(onchange).toHaveBeenLastCalledWith([
      note,
      { kind: 'note', text: 'прайс прислали', verified: false },
    ]);
    expect(text).toHaveValue('');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Вид' }), 'Ссылка');
    await user.type(text, 'shina.ru/price');
    await user.click(screen.getByRole('checkbox', { name: 'проверено' }));
    await user.click(screen.getByRole('button', { name: 'Добавить' }));
    expect(onchange).toHaveBeenLastCalledWith([
      note,
      { kind: 'link', text: 'https://shina.ru/price', verified: true },
    ]);
  });

  it('refuses a link that is not one, and blank text', async () => {
    const { user, onchange } = renderEditor([]);
    await user.click(screen.getByRole('button', { name: '+ Добавить подтверждение' }));
    await user.click(screen.getByRole('button', { name: 'Добавить' }));
    expect(onchange).not.toHaveBeenCalled();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Вид' }), 'link');
    await user.type(
      screen.getByRole('textbox', { name: 'Текст, ссылка или имя файла' }),
      'javascript:alert(1){Enter}',
    );
    expect(onchange).not.toHaveBeenCalled();
    expect(screen.getByText(/Это не похоже на ссылку/)).toBeInTheDocument();
  });

  it('removes an item and toggles verified', async () => {
    const { user, onchange } = renderEditor([note, file]);
    await user.click(screen.getByRole('checkbox', { name: 'со слов клиента' }));
    expect(onchange).toHaveBeenLastCalledWith([{ ...note, verified: true }, file]);

    await user.click(screen.getByRole('button', { name: 'Удалить подтверждение 1' }));
    expect(onchange).toHaveBeenLastCalledWith([file]);
  });

  it('goes with the entry in a question, and shows hostile text literally', async () => {
    const { user, last } = renderField(marketingBudget, {
      initial: answered({ type: 'number', value: 50000 }),
    });
    await user.click(screen.getByRole('button', { name: '+ Добавить подтверждение' }));
    await user.type(
      screen.getByRole('textbox', { name: 'Текст, ссылка или имя файла' }),
      `${HOSTILE}{Enter}`,
    );
    expect(last()).toEqual({
      answer: { state: 'answered', value: { type: 'number', value: 50000 } },
      evidence: [{ kind: 'note', text: HOSTILE, verified: false }],
    });
    expect(screen.getByText(HOSTILE)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();

    // Emptying the answer stores nothing; the evidence comes back with the next answer.
    const budget = screen.getByRole('textbox', { name: /Сколько компания/ });
    await user.clear(budget);
    expect(last()).toBeNull();
    expect(screen.queryByText(HOSTILE)).not.toBeInTheDocument();
    await user.type(budget, '7');
    expect(last()).toEqual({
      answer: { state: 'answered', value: { type: 'number', value: 7 } },
      evidence: [{ kind: 'note', text: HOSTILE, verified: false }],
    });

    await user.click(screen.getByRole('button', { name: 'Клиент не знает' }));
    expect(last()).toEqual({
      answer: { state: 'unknown' },
      evidence: [{ kind: 'note', text: HOSTILE, verified: false }],
    });
  });

  it('speaks English', () => {
    renderEditor([file], 'en');
    expect(screen.getByRole('heading', { name: /Evidence/ })).toBeInTheDocument();
    const item = screen.getByRole('listitem');
    expect(within(item).getByText('File')).toBeInTheDocument();
    expect(within(item).getByRole('checkbox', { name: 'verified' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Remove evidence 1' })).toBeInTheDocument();
  });
});
