/**
 * The only module that talks to the Rust side. Components never call `invoke`; they get data from
 * state modules (`$lib/state/*.svelte.ts`), which call the functions here.
 *
 * Every command rejects with a {@link BackendError}: the `{code, message}` the shell sends
 * (`IpcError` in src-tauri), or an `internal` one when the call itself failed (for example when the
 * UI runs in a plain browser without the Tauri shell).
 */
import { invoke } from '@tauri-apps/api/core';
import type { ErrorCode } from '$lib/bindings/ErrorCode';
import type { IpcError } from '$lib/bindings/IpcError';
import type { LibraryReport } from '$lib/bindings/LibraryReport';

/** A failed command, as the UI sees it. */
export class BackendError extends Error implements IpcError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
  }
}

function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).code === 'string' &&
    typeof (value as Record<string, unknown>).message === 'string'
  );
}

/** Turns whatever `invoke` rejected with into a {@link BackendError}. */
export function toBackendError(error: unknown): BackendError {
  if (error instanceof BackendError) return error;
  if (isIpcError(error)) return new BackendError(error.code, error.message);
  if (error instanceof Error) return new BackendError('internal', error.message);
  return new BackendError('internal', String(error));
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toBackendError(error);
  }
}

/** The bundled and agency checklists that loaded, and every file that did not. */
export function listChecklists(): Promise<LibraryReport> {
  return call<LibraryReport>('list_checklists');
}

/** Tells the shell that the first screen is interactive (start-up timing; see src-tauri/src/startup.rs). */
export function uiReady(): Promise<void> {
  return call<void>('ui_ready');
}
