/**
 * The checklist library as the UI knows it: the last report from the shell, or why it could not
 * be had, and whether a load is under way.
 */
import { BackendError, listChecklists, toBackendError } from '$lib/backend';
import type { LibraryReport } from '$lib/bindings/LibraryReport';

export class LibraryState {
  /** The last report, once one arrived. */
  report: LibraryReport | null = $state(null);
  /** Why the last load failed (not a bad checklist file: those are in the report). */
  error: BackendError | null = $state(null);
  /** True while a load is under way. */
  loading = $state(false);

  readonly #load: () => Promise<LibraryReport>;

  /** `load` is the backend call; tests pass their own. */
  constructor(load: () => Promise<LibraryReport> = listChecklists) {
    this.#load = load;
  }

  /** Loads the library again from disk. */
  async refresh(): Promise<void> {
    this.loading = true;
    this.error = null;
    try {
      this.report = await this.#load();
    } catch (error) {
      this.error = toBackendError(error);
    } finally {
      this.loading = false;
    }
  }
}
