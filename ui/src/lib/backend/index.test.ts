import { describe, expect, it, vi } from 'vitest';
import { sampleReport } from '$lib/fixtures.test-data';

// Each test sets its own implementation. No mockReset/mockClear between tests: with them, Vitest 4.1
// reports a rejection that the code under test did handle as the test's failure.
const invoke = vi.hoisted(() => vi.fn());
vi.mock('@tauri-apps/api/core', () => ({ invoke }));

const { BackendError, listChecklists, toBackendError } = await import('./index');

describe('backend', () => {
  it('lists checklists through the list_checklists command', async () => {
    invoke.mockResolvedValue(sampleReport);
    await expect(listChecklists()).resolves.toBe(sampleReport);
    expect(invoke).toHaveBeenLastCalledWith('list_checklists', undefined);
  });

  it('turns the shell error {code, message} into a BackendError', async () => {
    invoke.mockImplementation(() => Promise.reject({ code: 'internal', message: 'boom' }));
    const error = await listChecklists().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: 'internal', message: 'boom' });
  });

  it('wraps anything else as an internal error', () => {
    expect(toBackendError(new Error('no tauri'))).toMatchObject({
      code: 'internal',
      message: 'no tauri',
    });
    expect(toBackendError('plain text')).toMatchObject({ code: 'internal', message: 'plain text' });
  });
});
