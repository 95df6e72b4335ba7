import { describe, expect, it, vi } from 'vitest';
import type { BriefRow } from '$lib/bindings/BriefRow';
import type { SearchHit } from '$lib/bindings/SearchHit';
import { BriefsState } from './briefs.svelte';

const row = (id: string, client: string, am: string): BriefRow => ({
  item: {
    meta: {
      id,
      client,
      project: 'Сайт',
      services: [],
      account_manager: am,
      contacts: [],
      language: 'ru',
      status: 'draft',
      archived: false,
      created_at: '2026-11-20T10:00:00.000Z',
      updated_at: '2026-11-22T10:00:00.000Z',
      revision: 1,
      industry: '',
    },
    pins: [],
    entries: 0,
    conflicts: 0,
    client_waiting: 0,
  },
  board: {
    completeness: { done: 0, total: 1, percent: 0 },
    gaps: 1,
    high: 0,
    pending: 0,
    processes_not_described: 0,
    ready: false,
  },
});

const hit = (brief_id: string): SearchHit => ({
  brief_id,
  client: '',
  project: '',
  field: 'answer',
  snippet: [{ text: 'доставка', hit: true }],
  rank: -1,
});

describe('BriefsState search hits', () => {
  it('follow the list filters, and show everything without one', async () => {
    const state = new BriefsState({
      listBriefs: vi.fn(() => Promise.resolve([row('b1', 'Колесо', 'Анна'), row('b2', 'Пекарня', 'Борис')])),
      searchBriefs: vi.fn(() => Promise.resolve([hit('b1'), hit('b2'), hit('archived')])),
      archiveBrief: vi.fn(),
      restoreBrief: vi.fn(),
      importBundle: vi.fn(),
    });
    await state.refresh();
    state.search('доставка', 0);
    await vi.waitFor(() => expect(state.hits).not.toBeNull());
    expect(state.visibleHits?.map((h) => h.brief_id)).toEqual(['b1', 'b2', 'archived']);
    state.manager = 'Борис';
    expect(state.visibleHits?.map((h) => h.brief_id)).toEqual(['b2']);
  });
});
