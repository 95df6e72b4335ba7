import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BriefRow } from '$lib/bindings/BriefRow';
import type { Identity } from '$lib/bindings/Identity';
import type { SearchHit } from '$lib/bindings/SearchHit';
import { sampleReport } from '$lib/fixtures.test-data';
import { BriefsState, type BriefsApi } from '$lib/state/briefs.svelte';
import { IdentityState, type IdentityApi } from '$lib/state/identity.svelte';
import { language } from '$lib/state/language.svelte';
import { LibraryState } from '$lib/state/library.svelte';
import App from './App.svelte';

const row = (id: string, client: string): BriefRow => ({
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
      archived: false,
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

function briefsApi(rows: () => BriefRow[]): BriefsApi {
  return {
    listBriefs: vi.fn(() => Promise.resolve(rows())),
    searchBriefs: vi.fn(() => Promise.resolve([] as SearchHit[])),
    archiveBrief: vi.fn(),
    restoreBrief: vi.fn(),
    importBundle: vi.fn(() => Promise.resolve(null)),
  } as unknown as BriefsApi;
}

function identityApi(start: Identity | null): IdentityApi & { saved: Identity[] } {
  const saved: Identity[] = [];
  return {
    saved,
    identity: vi.fn(() => Promise.resolve(start)),
    saveIdentity: vi.fn((name: string, role: Identity['role'], agency: string, contact = '') => {
      const who = { name, role, agency, contact };
      saved.push(who);
      return Promise.resolve(who);
    }),
  };
}

// Whole-window renders on a busy machine: more time than the default 5 s.
describe('state a user can trust', { timeout: 30_000 }, () => {
  beforeEach(() => language.set('ru'));

  it('shows current briefs on every visit of the list, not the list of the first visit', async () => {
    const user = userEvent.setup();
    let rows = [] as BriefRow[];
    const api = briefsApi(() => rows);
    const identity = new IdentityState(identityApi({ name: 'Анна', role: 'am', agency: '' }));
    render(App, {
      library: new LibraryState(() => Promise.resolve(sampleReport)),
      briefs: new BriefsState(api),
      identity,
      onready: () => {},
    });
    expect(await screen.findByText(/Брифов пока нет/)).toBeInTheDocument();
    // A brief is created elsewhere in the window (or by the CLI) while another screen is shown.
    await user.click(screen.getByRole('button', { name: 'Настройки' }));
    rows = [row('b1', 'Колесо')];
    await user.click(screen.getByRole('button', { name: 'Брифы' }));
    const table = await screen.findByTestId('briefs-table');
    expect(within(table).getByText('Колесо')).toBeInTheDocument();
    expect(api.listBriefs).toHaveBeenCalledTimes(2);
  });

  it('asks who works here on first launch and stops asking once answered', async () => {
    const user = userEvent.setup();
    const api = identityApi(null);
    const identity = new IdentityState(api);
    render(App, {
      library: new LibraryState(() => Promise.resolve(sampleReport)),
      briefs: new BriefsState(briefsApi(() => [])),
      identity,
      onready: () => {},
    });
    const dialog = await screen.findByTestId('first-launch');
    // A blank name is not saved: the dialog says why.
    await user.click(within(dialog).getByRole('button', { name: 'Начать работу' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Напишите имя');
    expect(api.saveIdentity).not.toHaveBeenCalled();

    await user.type(within(dialog).getByLabelText('Ваше имя'), '  Вера Лидова ');
    await user.click(within(dialog).getByLabelText(/руководитель/));
    await user.type(within(dialog).getByLabelText('Агентство'), 'Колесо-Диджитал');
    await user.click(within(dialog).getByRole('button', { name: 'Начать работу' }));
    await vi.waitFor(() => expect(screen.queryByTestId('first-launch')).toBeNull());
    expect(api.saved).toEqual([{ name: 'Вера Лидова', role: 'lead', agency: 'Колесо-Диджитал', contact: '' }]);
  });

  it('does not ask when the name is known, and shows it in Settings for editing', async () => {
    const user = userEvent.setup();
    const identity = new IdentityState(identityApi({ name: 'Анна', role: 'am', agency: 'Колесо' }));
    render(App, {
      library: new LibraryState(() => Promise.resolve(sampleReport)),
      briefs: new BriefsState(briefsApi(() => [])),
      identity,
      onready: () => {},
    });
    await screen.findByText(/Брифов пока нет/);
    expect(screen.queryByTestId('first-launch')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Настройки' }));
    const block = screen.getByTestId('identity-settings');
    expect(within(block).getByLabelText('Ваше имя')).toHaveValue('Анна');
    expect(within(block).getByLabelText('Агентство')).toHaveValue('Колесо');
  });
});
