import { fireEvent, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { answered, renderField } from './field.test-helpers';
import { HOSTILE, accounts, teamMembers } from './questions.test-data';

describe('TableAnswer', () => {
  it('stores rows of typed cells, leaving blank cells out', async () => {
    const { user, last } = renderField(teamMembers);
    expect(screen.getByRole('table', { name: /Кто ещё участвует/ })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Зона ответственности' })).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Имя, строка 1' }), 'Анна');
    expect(last()).toEqual({
      answer: { state: 'answered', value: { type: 'rows', value: [{ name: 'Анна' }] } },
    });

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Зона ответственности, строка 1' }),
      'Маркетинг',
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Принимает решения, строка 1' }),
      'Да',
    );
    expect(last()).toEqual(
      answered({ type: 'rows', value: [{ name: 'Анна', area: 'marketing', decides: 'true' }] }),
    );
  });

  it('adds and removes rows; blank rows are not stored', async () => {
    const { user, last } = renderField(teamMembers, {
      initial: answered({
        type: 'rows',
        value: [{ name: 'Анна' }, { name: 'Борис', decides: 'false' }],
      }),
    });
    expect(screen.getByRole('textbox', { name: 'Имя, строка 2' })).toHaveValue('Борис');
    expect(screen.getByRole('combobox', { name: 'Принимает решения, строка 2' })).toHaveValue(
      'false',
    );

    await user.click(screen.getByRole('button', { name: '+ Добавить строку' }));
    const third = screen.getByRole('textbox', { name: 'Имя, строка 3' });
    expect(third).toHaveFocus();
    await user.keyboard('Вера');
    expect(last()).toEqual(
      answered({
        type: 'rows',
        value: [{ name: 'Анна' }, { name: 'Борис', decides: 'false' }, { name: 'Вера' }],
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Удалить строку 1' }));
    expect(last()).toEqual(
      answered({ type: 'rows', value: [{ name: 'Борис', decides: 'false' }, { name: 'Вера' }] }),
    );
    expect(screen.getByRole('textbox', { name: 'Имя, строка 1' })).toHaveValue('Борис');

    await user.click(screen.getByRole('button', { name: 'Удалить строку 2' }));
    await user.click(screen.getByRole('button', { name: 'Удалить строку 1' }));
    expect(last()).toBeNull();
    // An empty table still offers one row to type in.
    expect(screen.getByRole('textbox', { name: 'Имя, строка 1' })).toHaveValue('');
  });

  it('moves down a column with Enter, adding a row at the bottom', async () => {
    const { user, last } = renderField(teamMembers);
    await user.click(screen.getByRole('textbox', { name: 'Имя, строка 1' }));
    await user.keyboard('Анна{Enter}');
    expect(screen.getByRole('textbox', { name: 'Имя, строка 2' })).toHaveFocus();
    await user.keyboard('Борис{Enter}Вера');
    expect(last()).toEqual(
      answered({ type: 'rows', value: [{ name: 'Анна' }, { name: 'Борис' }, { name: 'Вера' }] }),
    );
  });

  it('stores numbers, money, links and dates in their text form', async () => {
    const { user, last } = renderField(accounts);
    expect(screen.getByRole('columnheader', { name: 'Бюджет, ₽' })).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Площадка, строка 1' }), 'VK');
    await user.type(screen.getByRole('textbox', { name: 'Ссылка, строка 1' }), 'vk.com/shina');
    await user.type(screen.getByRole('textbox', { name: 'Подписчики, строка 1' }), '12 500');
    await user.type(screen.getByRole('textbox', { name: 'Бюджет, строка 1' }), '30000,5');
    await user.type(screen.getByLabelText('С какого времени, строка 1'), '2024-03-01');

    expect(last()).toEqual(
      answered({
        type: 'rows',
        value: [
          {
            platform: 'VK',
            url: 'https://vk.com/shina',
            followers: '12500',
            budget: '30000.5',
            since: '2024-03-01',
          },
        ],
      }),
    );
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'Бюджет, строка 1' })).toHaveValue('30\u00a0000,5');
  });

  it('keeps an invalid cell, names it, and stores nothing until it is fixed', async () => {
    const { user, onchange, last, lastProblem } = renderField(accounts, {
      initial: answered({ type: 'rows', value: [{ platform: 'VK', followers: '12500' }] }),
    });
    const followers = screen.getByRole('textbox', { name: 'Подписчики, строка 1' });
    expect(followers).toHaveValue('12\u00a0500');

    await user.clear(followers);
    await user.type(followers, 'много');
    const message = 'Строка 1, «Подписчики»: Введите число, например 1 500 или 12,5';
    expect(followers).toHaveValue('много');
    expect(followers).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(lastProblem()).toBe(message);
    const before = onchange.mock.calls.length;

    // Other cells still edit, but nothing is stored while the table has a bad cell.
    await user.type(
      screen.getByRole('textbox', { name: 'Ссылка, строка 1' }),
      'javascript:alert(1)',
    );
    expect(screen.getByText(/Строка 1, «Ссылка»: Это не похоже на ссылку/)).toBeInTheDocument();
    expect(onchange.mock.calls.length).toBe(before);

    await user.clear(screen.getByRole('textbox', { name: 'Ссылка, строка 1' }));
    await user.clear(followers);
    await user.type(followers, '900');
    expect(lastProblem()).toBeNull();
    expect(last()).toEqual(
      answered({ type: 'rows', value: [{ platform: 'VK', followers: '900' }] }),
    );
  });

  it('marks a half-typed date cell invalid', async () => {
    const { onchange, lastProblem } = renderField(accounts);
    const since = screen.getByLabelText('С какого времени, строка 1') as HTMLInputElement;
    Object.defineProperty(since, 'validity', { configurable: true, value: { badInput: true } });
    await fireEvent.input(since);
    expect(lastProblem()).toBe(
      'Строка 1, «С какого времени»: Введите дату полностью: день, месяц и год',
    );
    expect(since).toHaveAttribute('aria-invalid', 'true');
    expect(onchange).not.toHaveBeenCalled();
  });

  it('stops adding rows at max', async () => {
    const { user } = renderField(accounts, {
      initial: answered({
        type: 'rows',
        value: [{ platform: 'VK' }, { platform: 'TG' }, { platform: 'OK' }],
      }),
    });
    expect(screen.getByRole('button', { name: '+ Добавить строку' })).toBeDisabled();
    expect(screen.getByText('Не больше 3 строк')).toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: 'Площадка, строка 3' }));
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('textbox', { name: 'Площадка, строка 4' })).not.toBeInTheDocument();
  });

  it('shows hostile cells literally', () => {
    renderField(teamMembers, { initial: answered({ type: 'rows', value: [{ name: HOSTILE }] }) });
    expect(screen.getByRole('textbox', { name: 'Имя, строка 1' })).toHaveValue(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
  });

  it('speaks English', () => {
    renderField(teamMembers, { lang: 'en' });
    expect(screen.getByRole('textbox', { name: 'Name, row 1' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '+ Add row' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove row 1' })).toBeInTheDocument();
  });
});
