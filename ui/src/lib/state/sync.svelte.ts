/**
 * The team server as the window sees it: who is signed in where, and the sync indicator's state,
 * which the shell's background sync pushes (`sync-state` events) whenever it changes. Settings signs
 * in and out and syncs now through here; the indicator in the top bar only reads `state`.
 */
import * as backend from '$lib/backend';
import { BackendError, toBackendError } from '$lib/backend';
import type { SyncReport } from '$lib/bindings/SyncReport';
import type { SyncState } from '$lib/bindings/SyncState';
import type { TeamStatus } from '$lib/bindings/TeamStatus';

/** The backend calls the sync state uses (tests pass fakes). */
export type SyncApi = Pick<
  typeof backend,
  'teamStatus' | 'teamSignIn' | 'teamSignOut' | 'syncNow' | 'onSyncState'
>;

/** What the sign-in form holds. */
export interface SignInForm {
  url: string;
  user: string;
  password: string;
}

/** Why each field of the sign-in form cannot be sent, by field; empty when it can. */
export type SignInProblems = Partial<Record<keyof SignInForm, 'missing' | 'not_an_address'>>;

/**
 * Checks the sign-in form before it is sent: every field filled, the address written with its
 * scheme and a server (`https://…`). Whether the server may be reached over plain http is the
 * shell's rule, not repeated here: its refusal is shown as it says it.
 */
export function checkSignIn(form: SignInForm): SignInProblems {
  const problems: SignInProblems = {};
  const url = form.url.trim();
  if (url === '') problems.url = 'missing';
  else if (!/^[a-z][a-z0-9+.-]*:\/\/[^\s/?#]+/i.test(url)) problems.url = 'not_an_address';
  if (form.user.trim() === '') problems.user = 'missing';
  if (form.password === '') problems.password = 'missing';
  return problems;
}

/** How many briefs wait to go out, as far as `state` tells (`null`: it does not say). */
export function waitingOf(state: SyncState): number | null {
  switch (state.state) {
    case 'syncing':
    case 'waiting':
    case 'offline':
    case 'error':
      return state.waiting;
    case 'synced':
      return 0;
    case 'signed_out':
      return null;
  }
}

export class SyncStatus {
  /** Who is signed in where; `null` until loaded. */
  status: TeamStatus | null = $state(null);
  /** What the indicator shows. */
  state: SyncState = $state({ state: 'signed_out' });
  /** Why the last load failed (no shell: a plain browser). */
  error: BackendError | null = $state(null);

  readonly #api: SyncApi;

  constructor(api: SyncApi = backend) {
    this.#api = api;
  }

  /** Briefs changed here and not yet on the server. */
  get waiting(): number {
    return waitingOf(this.state) ?? this.status?.waiting ?? 0;
  }

  /** Loads the sign-in and the indicator's state. */
  async load(): Promise<void> {
    try {
      this.#take(await this.#api.teamStatus());
      this.error = null;
    } catch (error) {
      this.error = toBackendError(error);
    }
  }

  /** Follows the shell's sync; returns the function that stops following. */
  async listen(): Promise<() => void> {
    return this.#api.onSyncState((next) => {
      const was = this.state.state;
      this.state = next;
      // Signed in or out elsewhere (the CLI, another tab of Settings): who is signed in changed.
      if ((was === 'signed_out') !== (next.state === 'signed_out')) void this.load();
    });
  }

  /** Signs in; rejects with the shell's words (a wrong password, plain http off this computer). */
  async signIn(form: SignInForm): Promise<void> {
    this.#take(await this.#api.teamSignIn(form.url.trim(), form.user.trim(), form.password));
  }

  /** Signs out; resolves with a warning when the server could not be told. */
  async signOut(): Promise<string | null> {
    const warning = await this.#api.teamSignOut();
    await this.load();
    return warning;
  }

  /** Runs a round now. */
  async syncNow(): Promise<SyncReport> {
    const report = await this.#api.syncNow();
    await this.load();
    return report;
  }

  #take(status: TeamStatus): void {
    this.status = status;
    this.state = status.state;
  }
}

/** The one sync state of the window. */
export const sync = new SyncStatus();
