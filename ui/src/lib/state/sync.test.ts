import { describe, expect, it, vi } from 'vitest';
import type { SyncState } from '$lib/bindings/SyncState';
import type { TeamStatus } from '$lib/bindings/TeamStatus';
import { checkSignIn, SyncStatus, type SyncApi } from './sync.svelte';

const signedIn: TeamStatus = {
  signed_in: true,
  server: 'https://team.example',
  user: 'anna',
  role: 'am',
  team: 'Колесо',
  device: 'laptop',
  waiting: 2,
  state: { state: 'syncing', waiting: 2 },
};

function api(overrides: Partial<SyncApi> = {}): SyncApi {
  return {
    teamStatus: vi.fn(() =>
      Promise.resolve({ signed_in: false, waiting: 0, state: { state: 'signed_out' } } as TeamStatus),
    ),
    teamSignIn: vi.fn(() => Promise.resolve(signedIn)),
    teamSignOut: vi.fn(() => Promise.resolve(null)),
    syncNow: vi.fn(),
    onSyncState: vi.fn(() => Promise.resolve(() => {})),
    ...overrides,
  };
}

describe('checkSignIn', () => {
  it('names every empty field', () => {
    expect(checkSignIn({ url: ' ', user: '', password: '' })).toEqual({
      url: 'missing',
      user: 'missing',
      password: 'missing',
    });
  });

  it('wants an address with its scheme and a server', () => {
    expect(checkSignIn({ url: 'team.example', user: 'a', password: 'p' })).toEqual({
      url: 'not_an_address',
    });
    expect(checkSignIn({ url: 'https://', user: 'a', password: 'p' })).toEqual({
      url: 'not_an_address',
    });
    // Plain http is the shell's to refuse, in its words: not second-guessed here.
    expect(checkSignIn({ url: 'http://team.example', user: 'a', password: 'p' })).toEqual({});
    expect(checkSignIn({ url: ' https://team.example/ ', user: 'a', password: ' ' })).toEqual({});
  });
});

describe('SyncStatus', () => {
  it('signs in with the trimmed address and name, and follows the shell', async () => {
    let push: (s: SyncState) => void = () => {};
    const fake = api({
      onSyncState: vi.fn((handler) => {
        push = handler;
        return Promise.resolve(() => {});
      }),
    });
    const sync = new SyncStatus(fake);
    await sync.load();
    await sync.listen();
    expect(sync.state.state).toBe('signed_out');
    await sync.signIn({ url: ' https://team.example ', user: ' anna ', password: ' pw ' });
    expect(fake.teamSignIn).toHaveBeenCalledWith('https://team.example', 'anna', ' pw ');
    expect(sync.status?.user).toBe('anna');
    expect(sync.waiting).toBe(2);
    push({ state: 'synced', at: '2026-12-02T11:05:00Z', conflicts: 0 });
    expect(sync.state.state).toBe('synced');
    expect(sync.waiting).toBe(0);
  });
});
