import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BackendError } from '$lib/backend';
import type { BriefRow } from '$lib/bindings/BriefRow';
import type { SearchHit } from '$lib/bindings/SearchHit';
import { sampleReport } from '$lib/fixtures.test-data';
import { BriefsState, type BriefsApi } from '$lib/state/briefs.svelte';
import { language } from '$lib/state/language.svelte';
import { LibraryState } from '$lib/state/library.svelte';
import App from './App.svelte';

const row = (id: string, client: string, archived = false): BriefRow => ({
  item: {
    meta: {
      id,
      client,
      project: 'Сайт',
      services: ['seo'],
      account_manager: 'Анна',
      contacts: [],
      language: 'ru',
      status: 'draft',
      archived,
      created_at: '2026-11-20T10:00:00.000Z',
      updated_at: '2026-11-22T10:00:00.000Z',
      revision: 1,
      industry: '',
    },
    pins: [],
    entries: 3,
    conflicts: 0,
    client_waiting: 0,
  },
  board: {
    completeness: { done: 3, total: 10, percent: 30 },
    gaps: 7,
    high: 2,
    pending: 0,
    processes_not_described: 1,
    ready: false,
  },
});

function fakeApi(overrides: Partial<BriefsApi> = {}): BriefsApi {
  return {
    listBriefs: vi.fn((filter) =>
      Promise.resolve(filter?.archived ? [row('b9', 'Архивный', true)] : [row('b1', 'Колесо')]),
    ),
    searchBriefs: vi.fn(() => Promise.resolve([] as SearchHit[])),
    archiveBrief: vi.fn(() => Promise.resolve(row('b1', 'Колесо', true).item.meta)),
    restoreBrief: vi.fn(() => Promise.resolve(row('b9', 'Архивный').item.meta)),
    importBundle: vi.fn(() => Promise.resolve(null)),
    ...overrides,
  };
}

function setup(api = fakeApi(), load = () => Promise.resolve(sampleReport)) {
  const library = new LibraryState(load);
  const briefs = new BriefsState(api);
  const onready = vi.fn();
  render(App, { library, briefs, onready });
  return { api, onready, briefs };
}

describe('App', () => {
  beforeEach(() => language.set('ru'));

  it('opens on the briefs list with completeness and gaps', async () => {
    setup();
    expect(screen.getByRole('heading', { level: 1, name: 'Deepbrief' })).toBeInTheDocument();
    const table = await screen.findByTestId('briefs-table');
    expect(within(table).getByText('Колесо')).toBeInTheDocument();
    expect(within(table).getByText('черновик')).toBeInTheDocument();
    expect(within(table).getByText('30%')).toBeInTheDocument();
    expect(within(table).getByText('(2 важных)')).toBeInTheDocument();
  });

  it('reports the first screen ready once, after briefs and library rendered', async () => {
    const { onready, briefs } = setup();
    await screen.findByTestId('briefs-table');
    await vi.waitFor(() => expect(onready).toHaveBeenCalledTimes(1));
    await briefs.refresh();
    expect(onready).toHaveBeenCalledTimes(1);
  });

  it('shows the checklist library and failed files on the Checklists tab', async () => {
    const user = userEvent.setup();
    setup();
    await user.click(screen.getByRole('button', { name: 'Чек-листы' }));
    expect(await screen.findByText('Базовый бриф')).toBeInTheDocument();
    expect(screen.getByText('/agency/broken/v1.yaml:12:5')).toBeInTheDocument();
  });

  it('switches the whole window to English', async () => {
    const user = userEvent.setup();
    setup();
    await screen.findByTestId('briefs-table');
    await user.click(screen.getByRole('button', { name: 'EN' }));
    expect(screen.getByRole('heading', { name: 'Briefs' })).toBeInTheDocument();
    expect(within(screen.getByTestId('briefs-table')).getByText('draft')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Checklists' }));
    expect(screen.getByText('Core brief')).toBeInTheDocument();
  });

  it('shows a failed library load with its message and loads again on retry', async () => {
    const user = userEvent.setup();
    let calls = 0;
    // The window loads the library at start and the Checklists screen again on its visit.
    setup(fakeApi(), () => {
      calls += 1;
      return calls <= 2
        ? Promise.reject(new BackendError('internal', 'the checklist folder is unreadable'))
        : Promise.resolve(sampleReport);
    });
    await user.click(screen.getByRole('button', { name: 'Чек-листы' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('the checklist folder is unreadable');
    await user.click(screen.getByRole('button', { name: 'Повторить' }));
    expect(await screen.findByText('Базовый бриф')).toBeInTheDocument();
    expect(calls).toBe(3);
  });

  it('search shows marked snippets and renders hostile text literally', async () => {
    const user = userEvent.setup();
    const hits: SearchHit[] = [
      {
        brief_id: 'b1',
        client: 'Колесо',
        project: 'Сайт',
        field: 'answer',
        subject: 'sales',
        snippet: [
          { text: '<img src=x onerror=alert(1)> новых ', hit: false },
          { text: 'клиентов', hit: true },
        ],
        rank: -1,
      },
    ];
    const api = fakeApi({ searchBriefs: vi.fn(() => Promise.resolve(hits)) });
    setup(api);
    await screen.findByTestId('briefs-table');
    await user.type(screen.getByRole('searchbox'), 'клиент');
    const list = await screen.findByTestId('search-hits');
    expect(within(list).getByText('клиентов').tagName).toBe('MARK');
    expect(list.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(list.querySelector('img')).toBeNull();
    expect(api.searchBriefs).toHaveBeenLastCalledWith('клиент');
  });

  it('filters the list by account manager', async () => {
    const user = userEvent.setup();
    const other = row('b2', 'Шиномонтаж');
    other.item.meta.account_manager = 'Олег';
    setup(fakeApi({ listBriefs: vi.fn(() => Promise.resolve([row('b1', 'Колесо'), other])) }));
    const table = await screen.findByTestId('briefs-table');
    expect(within(table).getByText('Шиномонтаж')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Менеджер' }), 'Олег');
    expect(within(table).queryByText('Колесо')).toBeNull();
    expect(within(table).getByText('Шиномонтаж')).toBeInTheDocument();
  });

  it('archives only after confirmation and shows the archive on request', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    setup(api);
    await screen.findByTestId('briefs-table');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    await user.click(screen.getByRole('button', { name: 'В архив' }));
    expect(api.archiveBrief).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'В архив' }));
    expect(api.archiveBrief).toHaveBeenCalledWith('b1');
    confirm.mockRestore();
    await user.click(screen.getByRole('checkbox', { name: 'Архив' }));
    expect(api.listBriefs).toHaveBeenLastCalledWith({ archived: true });
    await vi.waitFor(() =>
      expect(within(screen.getByTestId('briefs-table')).getByText('Архивный')).toBeInTheDocument(),
    );
  });
});
