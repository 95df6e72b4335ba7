/**
 * The text in a controlled answer field. The parent owns the stored value; the field owns what is
 * being typed, which may be half a number or an invalid link that is never stored. The draft follows
 * the parent only when the parent's value really changed (another brief, an undo, a restored answer),
 * not when it is the echo of what this field just emitted — so the caret and the "12," being typed
 * are never overwritten.
 */
import { untrack } from 'svelte';
import { sameValue } from './rules';

const UNSEEN = Symbol('unseen');

export class Draft<V, D> {
  /** What the field shows. */
  current: D = $state() as D;
  #seen: V | typeof UNSEEN = UNSEEN;

  /** `source` reads the parent's value; `toDraft` turns a value into what the field shows. */
  constructor(source: () => V, toDraft: (value: V) => D) {
    const initial = untrack(source);
    this.#seen = initial;
    this.current = toDraft(initial);
    $effect.pre(() => {
      const value = source();
      untrack(() => {
        if (this.#seen === UNSEEN || !sameValue(value, this.#seen)) {
          this.#seen = value;
          this.current = toDraft(value);
        }
      });
    });
  }

  /** Records a value about to be emitted, so that its echo from the parent leaves the draft alone. */
  sent(value: V): void {
    this.#seen = value;
  }
}
