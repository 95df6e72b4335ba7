import { describe, expect, it, vi } from 'vitest';
import { BackendError } from '$lib/backend';
import { IdentityState } from './identity.svelte';

describe('IdentityState', () => {
  it('asks only once loaded and nobody is named', async () => {
    const state = new IdentityState({
      identity: vi.fn(() => Promise.resolve(null)),
      saveIdentity: vi.fn(),
    });
    expect(state.needed).toBe(false);
    await state.load();
    expect(state.needed).toBe(true);
  });

  it('does not ask when the settings cannot be read (no shell)', async () => {
    const state = new IdentityState({
      identity: vi.fn(() => Promise.reject(new Error('no Tauri'))),
      saveIdentity: vi.fn(),
    });
    await state.load();
    expect(state.needed).toBe(false);
    expect(state.error?.message).toBe('no Tauri');
  });

  it('saves trimmed fields and keeps the refusal when the shell refuses', async () => {
    const saveIdentity = vi
      .fn()
      .mockResolvedValueOnce({ name: 'Анна', role: 'am', agency: 'Колесо' })
      .mockRejectedValueOnce({ code: 'validation', message: 'settings, name: the name is empty' });
    const state = new IdentityState({ identity: vi.fn(() => Promise.resolve(null)), saveIdentity });
    expect(await state.save(' Анна ', 'am', ' Колесо ', ' +7 900 000-00-00 ')).toBe(true);
    expect(saveIdentity).toHaveBeenCalledWith('Анна', 'am', 'Колесо', '+7 900 000-00-00');
    expect(state.current?.name).toBe('Анна');
    expect(state.needed).toBe(false);
    expect(await state.save('x', 'lead', '')).toBe(false);
    expect(state.error).toBeInstanceOf(BackendError);
    expect(state.error?.message).toContain('name is empty');
    expect(state.current?.name).toBe('Анна');
  });
});
