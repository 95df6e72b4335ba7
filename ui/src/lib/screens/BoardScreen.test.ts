import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Board } from '$lib/bindings/Board';
import type { BoardBrief } from '$lib/bindings/BoardBrief';
import { BoardState, cellColour, groupRows, sortRows } from '$lib/state/board.svelte';
import { language } from '$lib/state/language.svelte';
import BoardScreen from './BoardScreen.svelte';

function brief(
  id: string,
  client: string,
  am: string,
  status: BoardBrief['item']['meta']['status'],
  percent: number,
  extra: Partial<BoardBrief> = {},
): BoardBrief {
  return {
    item: {
      meta: {
        id,
        client,
        project: 'Сайт',
        services: [],
        account_manager: am,
        contacts: [],
        language: 'ru',
        status,
        archived: false,
        created_at: '2026-11-01T10:00:00.000Z',
        updated_at: '2026-11-20T10:00:00.000Z',
        revision: 1,
        industry: '',
      },
      pins: [],
      entries: 5,
      conflicts: 0,
      client_waiting: 0,
    },
    summary: {
      completeness: { done: percent, total: 100, percent },
      gaps: 3,
      high: percent < 50 ? 2 : 0,
      pending: 0,
      processes_not_described: 1,
      ready: percent === 100,
    },
    medium: 1,
    open_comments: 0,
    followups_due: 0,
    followups_overdue: 0,
    days_since_change: 3,
    approved_revisions: 0,
    ...extra,
  };
}

const rows = [
  brief('b1', 'Колесо', 'Анна', 'draft', 40, { open_comments: 2 }),
  brief('b2', 'Пекарня', 'Борис', 'in_review', 90, { followups_overdue: 1, days_since_change: 12 }),
  brief('b3', 'Аптека', 'Анна', 'approved', 100),
];

const CORE = { ru: 'Базовый бриф', en: 'Core brief' };
const SEO = { ru: 'SEO-продвижение', en: 'SEO' };

const board: Board = {
  today: '2026-11-23',
  rows,
  heatmap: {
    columns: [
      { checklist: 'core', checklist_title: CORE, section: 'goal', title: { ru: 'Цель', en: 'Goal' } },
      { checklist: 'core', checklist_title: CORE, section: 'sales', title: { ru: 'Продажи', en: 'Sales' } },
      { checklist: 'seo', checklist_title: SEO, section: 'site', title: { ru: 'Сайт', en: 'Site' } },
    ],
    rows: [
      [{ done: 0, total: 4, percent: 0 }, { done: 2, total: 4, percent: 50 }, { done: 1, total: 3, percent: 33 }],
      [{ done: 4, total: 4, percent: 100 }, { done: 3, total: 4, percent: 75 }, null],
      [{ done: 4, total: 4, percent: 100 }, { done: 4, total: 4, percent: 100 }, null],
    ],
  },
};

describe('board ordering', () => {
  it('sorts by a column and keeps ties in the store order', () => {
    expect(sortRows(rows, 'completeness', true).map((r) => r.item.meta.id)).toEqual(['b3', 'b2', 'b1']);
    expect(sortRows(rows, 'client', false).map((r) => r.item.meta.client)).toEqual([
      'Аптека',
      'Колесо',
      'Пекарня',
    ]);
    // In review first, then returned, draft, approved.
    expect(sortRows(rows, 'status', false).map((r) => r.item.meta.id)).toEqual(['b2', 'b1', 'b3']);
    expect(sortRows(rows, 'followups', true)[0]?.item.meta.id).toBe('b2');
  });

  it('groups by account manager in the order of first appearance', () => {
    const groups = groupRows(rows, 'am');
    expect(groups.map((g) => [g.name, g.rows.length])).toEqual([
      ['Анна', 2],
      ['Борис', 1],
    ]);
    expect(groupRows(rows, 'none')).toEqual([{ name: '', rows }]);
  });

  it('colours cells from red to green and greys absent ones', () => {
    expect(cellColour(null)).toContain('surface-sunken');
    expect(cellColour({ done: 0, total: 4, percent: 0 })).toBe('hsl(0 70% 84%)');
    expect(cellColour({ done: 4, total: 4, percent: 100 })).toBe('hsl(130 70% 84%)');
  });
});

describe('BoardScreen', () => {
  beforeEach(() => language.set('ru'));

  function setup() {
    const state = new BoardState({ reviewBoard: vi.fn(() => Promise.resolve(board)) });
    const onopen = vi.fn();
    render(BoardScreen, { board: state, onopen });
    return { state, onopen };
  }

  it('lists every brief with its counts, filters and sorts', async () => {
    const user = userEvent.setup();
    setup();
    const table = await screen.findByTestId('board-table');
    const bodyRows = within(table).getAllByRole('row').slice(1);
    expect(bodyRows).toHaveLength(3);
    expect(within(table).getByText('просрочено: 1')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Менеджер'), 'Анна');
    expect(within(screen.getByTestId('board-table')).getAllByRole('row')).toHaveLength(3);
    await user.selectOptions(screen.getByLabelText('Менеджер'), '');
    await user.click(screen.getByRole('button', { name: /Дней без изменений/ }));
    const first = within(screen.getByTestId('board-table')).getAllByRole('row')[1];
    expect(first).toHaveAttribute('data-brief', 'b2');
  });

  it('counts the edit conflicts of each brief beside its manager, and sorts by them', async () => {
    const user = userEvent.setup();
    const withConflicts: Board = {
      ...board,
      rows: rows.map((r) => (r.item.meta.id === 'b3' ? { ...r, item: { ...r.item, conflicts: 2 } } : r)),
    };
    render(BoardScreen, {
      board: new BoardState({ reviewBoard: vi.fn(() => Promise.resolve(withConflicts)) }),
      onopen: vi.fn(),
    });
    const table = await screen.findByTestId('board-table');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
    expect(headers).toContain('Менеджер');
    expect(headers).toContain('Конфликт правок');
    const b3 = table.querySelector('[data-brief="b3"]') as HTMLElement;
    expect(within(b3).getByTestId('board-conflicts')).toHaveTextContent('⚠ 2');
    expect(within(b3).getByText('Анна')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Конфликт правок/ }));
    expect(within(screen.getByTestId('board-table')).getAllByRole('row')[1]).toHaveAttribute(
      'data-brief',
      'b3',
    );
  });

  it('counts the client answers waiting for review, and sorts by them', async () => {
    const user = userEvent.setup();
    const waiting: Board = {
      ...board,
      rows: rows.map((r) =>
        r.item.meta.id === 'b2' ? { ...r, item: { ...r.item, client_waiting: 3 } } : r,
      ),
    };
    render(BoardScreen, {
      board: new BoardState({ reviewBoard: vi.fn(() => Promise.resolve(waiting)) }),
      onopen: vi.fn(),
    });
    const table = await screen.findByTestId('board-table');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
    expect(headers).toContain('Ответы клиента');
    const b2 = table.querySelector('[data-brief="b2"]') as HTMLElement;
    const cell = within(b2).getByTestId('board-client-answers');
    expect(cell).toHaveTextContent('✉ 3');
    expect(within(cell).getByTitle('Ответы клиента ждут проверки: 3')).toBeInTheDocument();
    expect(
      within(table.querySelector('[data-brief="b1"]') as HTMLElement).getByTestId('board-client-answers'),
    ).toHaveTextContent('0');
    await user.click(screen.getByRole('button', { name: /Ответы клиента/ }));
    expect(within(screen.getByTestId('board-table')).getAllByRole('row')[1]).toHaveAttribute(
      'data-brief',
      'b2',
    );
  });

  it('groups rows under headings', async () => {
    const user = userEvent.setup();
    setup();
    await screen.findByTestId('board-table');
    await user.selectOptions(screen.getByLabelText('Группировать'), 'status');
    expect(screen.getByRole('rowheader', { name: /на проверке/ })).toBeInTheDocument();
  });

  it('shows the heatmap with the right cells and opens a brief at a section', async () => {
    const user = userEvent.setup();
    const { onopen } = setup();
    await screen.findByTestId('board-table');
    await user.click(screen.getByRole('button', { name: 'Тепловая карта' }));
    const heat = screen.getByTestId('heatmap');
    const groups = [...heat.querySelectorAll('th.checklist')].map((th) => [th.textContent, th.getAttribute('colspan')]);
    expect(groups).toEqual([
      ['Базовый бриф', '2'],
      ['SEO-продвижение', '1'],
    ]);
    const kolesoRow = heat.querySelector('tr[data-brief="b1"]') as HTMLElement;
    expect(within(kolesoRow).getByRole('button', { name: 'Колесо — Продажи: 2 из 4' })).toBeInTheDocument();
    const bakery = heat.querySelector('tr[data-brief="b2"]') as HTMLElement;
    expect(bakery.querySelector('[data-cell="seo:site"]')).toHaveClass('none');
    await user.click(within(kolesoRow).getByRole('button', { name: 'Колесо — Сайт: 1 из 3' }));
    expect(onopen).toHaveBeenCalledWith('b1', 'seo:site');
  });
});

describe('BoardScreen with many briefs', () => {
  beforeEach(() => language.set('ru'));

  it('draws a hundred rows at a time, counts every brief in its group, and shows the rest on request', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 250 }, (_, i) =>
      brief(`m${i}`, `Клиент ${i}`, i < 150 ? 'Анна' : 'Борис', 'draft', 50),
    );
    const cells = many.map(() => [{ done: 1, total: 2, percent: 50 }]);
    const big: Board = {
      today: '2026-11-23',
      rows: many,
      heatmap: { columns: [board.heatmap.columns[0]!], rows: cells },
    };
    const state = new BoardState({ reviewBoard: vi.fn(() => Promise.resolve(big)) });
    render(BoardScreen, { board: state, onopen: vi.fn() });
    const table = await screen.findByTestId('board-table');
    const drawn = () => within(screen.getByTestId('board-table')).getAllByRole('row').length - 1;
    expect(drawn()).toBe(100);
    expect(screen.getByText('Показано 100 из 250')).toBeInTheDocument();

    // Grouped: the heading counts the whole group, only the drawn rows are in the table.
    await user.selectOptions(screen.getByLabelText('Группировать'), 'am');
    expect(within(table).getByText('· 150')).toBeInTheDocument();
    expect(within(table).queryByText('Борис')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Группировать'), 'none');

    await user.click(screen.getByRole('button', { name: 'Показать ещё 100' }));
    expect(drawn()).toBe(200);
    await user.click(screen.getByRole('button', { name: 'Показать все' }));
    expect(drawn()).toBe(250);
    expect(screen.queryByTestId('show-more')).toBeNull();
  });
});
