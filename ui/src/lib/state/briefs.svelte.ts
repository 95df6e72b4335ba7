/**
 * The briefs list: rows with their gap summary, the archive toggle, and full-text search.
 */
import * as backend from '$lib/backend';
import { BackendError, toBackendError } from '$lib/backend';
import type { BriefRow } from '$lib/bindings/BriefRow';
import type { SearchHit } from '$lib/bindings/SearchHit';

/** The backend calls the list uses (tests pass fakes). */
export type BriefsApi = Pick<
  typeof backend,
  'listBriefs' | 'searchBriefs' | 'archiveBrief' | 'restoreBrief' | 'importBundle'
>;

export class BriefsState {
  rows: BriefRow[] | null = $state(null);
  error: BackendError | null = $state(null);
  archived = $state(false);
  query = $state('');
  hits: SearchHit[] | null = $state(null);
  /** Narrowing of the list: exact client, account manager, status ('' = any). */
  client = $state('');
  manager = $state('');
  status = $state('');

  /** The rows that pass the filters. */
  get visible(): BriefRow[] {
    return (this.rows ?? []).filter(
      (r) =>
        (!this.client || r.item.meta.client === this.client) &&
        (!this.manager || r.item.meta.account_manager === this.manager) &&
        (!this.status || r.item.meta.status === this.status),
    );
  }

  /**
   * Search hits narrowed by the same filters as the list (a hit in a brief that is not listed —
   * archived while the list shows active ones — stays when no filter is set).
   */
  get visibleHits(): SearchHit[] | null {
    if (!this.hits) return null;
    if (!this.client && !this.manager && !this.status) return this.hits;
    const shown = new Set(this.visible.map((r) => r.item.meta.id));
    return this.hits.filter((h) => shown.has(h.brief_id));
  }

  /** Distinct values of a field over the loaded rows, for the filter menus. */
  options(field: 'client' | 'account_manager' | 'status'): string[] {
    return [...new Set((this.rows ?? []).map((r) => r.item.meta[field]))].sort((a, b) =>
      a.localeCompare(b),
    );
  }
  readonly #api: BriefsApi;
  #searchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(api: BriefsApi = backend) {
    this.#api = api;
  }

  /** Loads the rows for the current archive toggle. */
  async refresh(): Promise<void> {
    this.error = null;
    try {
      this.rows = await this.#api.listBriefs({ archived: this.archived });
    } catch (error) {
      this.error = toBackendError(error);
    }
  }

  /** Shows archived (or active) briefs. */
  async showArchived(archived: boolean): Promise<void> {
    this.archived = archived;
    await this.refresh();
  }

  /** Searches after a short pause; a blank query shows the list again. */
  search(query: string, delay = 200): void {
    this.query = query;
    if (this.#searchTimer) clearTimeout(this.#searchTimer);
    if (!query.trim()) {
      this.hits = null;
      return;
    }
    this.#searchTimer = setTimeout(async () => {
      try {
        const hits = await this.#api.searchBriefs(query);
        if (this.query === query) this.hits = hits;
      } catch (error) {
        this.error = toBackendError(error);
      }
    }, delay);
  }

  /** Archives or restores a brief, then reloads. */
  async setArchived(id: string, archived: boolean): Promise<void> {
    try {
      if (archived) await this.#api.archiveBrief(id);
      else await this.#api.restoreBrief(id);
      await this.refresh();
    } catch (error) {
      this.error = toBackendError(error);
    }
  }

  /** Imports a bundle the user picks; returns the brief's client, or null when cancelled. */
  async importBundle(): Promise<string | null> {
    try {
      const meta = await this.#api.importBundle();
      await this.refresh();
      return meta ? meta.client : null;
    } catch (error) {
      this.error = toBackendError(error);
      return null;
    }
  }
}
