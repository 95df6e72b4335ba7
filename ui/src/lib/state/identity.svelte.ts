/**
 * Who works at this machine: the name that signs every answer, comment and approval, the role
 * (account manager or lead) and the agency. Asked once on first launch, editable in Settings.
 */
import * as backend from '$lib/backend';
import { BackendError, toBackendError } from '$lib/backend';
import type { Identity } from '$lib/bindings/Identity';
import type { Role } from '$lib/bindings/Role';

/** The backend calls the identity uses (tests pass fakes). */
export type IdentityApi = Pick<typeof backend, 'identity' | 'saveIdentity'>;

export class IdentityState {
  /** The person, `null` when nobody introduced themselves yet, `undefined` until loaded. */
  current: Identity | null | undefined = $state(undefined);
  /** Why the last load or save failed. */
  error: BackendError | null = $state(null);
  /** True while a save is under way. */
  saving = $state(false);

  readonly #api: IdentityApi;

  constructor(api: IdentityApi = backend) {
    this.#api = api;
  }

  /** Whether to ask for the name now: loaded, and nobody is named yet. */
  get needed(): boolean {
    return this.current === null;
  }

  /** Loads the identity from settings. */
  async load(): Promise<void> {
    this.error = null;
    try {
      this.current = await this.#api.identity();
    } catch (error) {
      // Without the shell (a plain browser) there is no settings file to ask about.
      this.error = toBackendError(error);
    }
  }

  /**
   * Saves name, role, agency and the contact under letters; returns whether it was saved (the
   * shell refuses a blank name).
   */
  async save(name: string, role: Role, agency: string, contact = ''): Promise<boolean> {
    this.error = null;
    this.saving = true;
    try {
      this.current = await this.#api.saveIdentity(
        name.trim(),
        role,
        agency.trim(),
        contact.trim(),
      );
      return true;
    } catch (error) {
      this.error = toBackendError(error);
      return false;
    } finally {
      this.saving = false;
    }
  }
}

/** The one identity state of the window. */
export const identity = new IdentityState();
