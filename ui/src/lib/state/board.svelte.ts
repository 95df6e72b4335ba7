/**
 * The lead's review board: every brief with its gap summary, comments, follow-ups and age, and the
 * heatmap of briefs × sections. Filtering, sorting and grouping happen here, over the loaded rows
 * (the store computes everything once per refresh).
 */
import * as backend from '$lib/backend';
import { BackendError, toBackendError } from '$lib/backend';
import type { Board } from '$lib/bindings/Board';
import type { BoardBrief } from '$lib/bindings/BoardBrief';
import type { Completeness } from '$lib/bindings/Completeness';

/** The backend call the board uses (tests pass a fake). */
export type BoardApi = Pick<typeof backend, 'reviewBoard'>;

/** Columns the table sorts by. */
export type SortKey =
  | 'client'
  | 'project'
  | 'am'
  | 'status'
  | 'completeness'
  | 'high'
  | 'medium'
  | 'processes'
  | 'comments'
  | 'conflicts'
  | 'client_answers'
  | 'followups'
  | 'days';

export type GroupKey = 'none' | 'am' | 'status' | 'client';

/** Review order of statuses: what waits for the lead first. */
const STATUS_ORDER: Record<string, number> = { in_review: 0, returned: 1, draft: 2, approved: 3 };

function value(row: BoardBrief, key: SortKey): string | number {
  const m = row.item.meta;
  switch (key) {
    case 'client':
      return m.client;
    case 'project':
      return m.project;
    case 'am':
      return m.account_manager;
    case 'status':
      return STATUS_ORDER[m.status] ?? 9;
    case 'completeness':
      return row.summary.completeness.percent;
    case 'high':
      return row.summary.high;
    case 'medium':
      return row.medium;
    case 'processes':
      return row.summary.processes_not_described;
    case 'comments':
      return row.open_comments;
    case 'conflicts':
      return row.item.conflicts;
    case 'client_answers':
      return row.item.client_waiting;
    case 'followups':
      // Overdue weighs more than planned.
      return row.followups_overdue * 1000 + row.followups_due;
    case 'days':
      return row.days_since_change;
  }
}

/** Rows sorted by `key` (ties keep the store's order: most recently changed first). */
export function sortRows(rows: BoardBrief[], key: SortKey, descending: boolean): BoardBrief[] {
  const sign = descending ? -1 : 1;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      const x = value(a.row, key);
      const y = value(b.row, key);
      const c =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x).localeCompare(String(y));
      return c !== 0 ? sign * c : a.i - b.i;
    })
    .map(({ row }) => row);
}

/** Rows in groups (in the order of their first row), or one group with an empty name. */
export function groupRows(rows: BoardBrief[], key: GroupKey): { name: string; rows: BoardBrief[] }[] {
  if (key === 'none') return [{ name: '', rows }];
  const groups = new Map<string, BoardBrief[]>();
  for (const row of rows) {
    const m = row.item.meta;
    const name = key === 'am' ? m.account_manager : key === 'client' ? m.client : m.status;
    const list = groups.get(name);
    if (list) list.push(row);
    else groups.set(name, [row]);
  }
  return [...groups].map(([name, rows]) => ({ name, rows }));
}

/** A heatmap cell's colour: red (nothing) through amber to green (complete); grey when absent. */
export function cellColour(cell: Completeness | null): string {
  if (!cell) return 'var(--surface-sunken)';
  if (cell.total === 0) return 'hsl(130 45% 86%)';
  const hue = Math.round((cell.done / cell.total) * 130);
  return `hsl(${hue} 70% 84%)`;
}

export class BoardState {
  board: Board | null = $state(null);
  error: BackendError | null = $state(null);
  /** Filters ('' = any). */
  client = $state('');
  manager = $state('');
  status = $state('');
  sort: SortKey = $state('status');
  descending = $state(false);
  group: GroupKey = $state('none');
  /** Which view is shown; kept here with the filters, so both survive opening a brief. */
  view: 'table' | 'heatmap' = $state('table');
  readonly #api: BoardApi;

  constructor(api: BoardApi = backend) {
    this.#api = api;
  }

  /** Loads the board (active briefs). */
  async refresh(): Promise<void> {
    this.error = null;
    try {
      this.board = await this.#api.reviewBoard({ archived: false });
    } catch (error) {
      this.error = toBackendError(error);
    }
  }

  /** Indexes into `board.rows` that pass the filters, sorted. */
  get visible(): { row: BoardBrief; index: number }[] {
    const rows = (this.board?.rows ?? [])
      .map((row, index) => ({ row, index }))
      .filter(
        ({ row: r }) =>
          (!this.client || r.item.meta.client === this.client) &&
          (!this.manager || r.item.meta.account_manager === this.manager) &&
          (!this.status || r.item.meta.status === this.status),
      );
    const order = new Map(rows.map((r) => [r.row, r.index]));
    return sortRows(
      rows.map((r) => r.row),
      this.sort,
      this.descending,
    ).map((row) => ({ row, index: order.get(row) ?? 0 }));
  }

  /** Sorts by `key`; the same key again flips the direction. */
  sortBy(key: SortKey): void {
    if (this.sort === key) this.descending = !this.descending;
    else {
      this.sort = key;
      // Numbers read best largest first; names alphabetically.
      this.descending = !['client', 'project', 'am', 'status'].includes(key);
    }
  }

  /** Distinct values of a field, for the filter menus. */
  options(field: 'client' | 'account_manager' | 'status'): string[] {
    return [...new Set((this.board?.rows ?? []).map((r) => r.item.meta[field]))].sort((a, b) =>
      a.localeCompare(b),
    );
  }
}
