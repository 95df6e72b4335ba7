/**
 * The contract every answer input follows. Inputs are controlled and pure: they get the stored value
 * and report what the user typed through callbacks; they never save anything themselves.
 */
import type { AnswerValue } from '$lib/bindings/AnswerValue';
import type { Question } from '$lib/bindings/Question';
import type { Lang } from '$lib/i18n';

/** Props of one input per kind family (`TextAnswer`, `NumberAnswer`, …). */
export interface AnswerInputProps {
  /** The question; its `kind` and rules (min/max, integer, max_length, choices, columns…) apply. */
  question: Question;
  /** The stored value, or `undefined` when the question has none. */
  value: AnswerValue | undefined;
  /** The UI language, for labels, number formats and messages. */
  lang: Lang;
  /** The id of the main control, for the prompt's `<label for>`. */
  id: string;
  /** The id of the prompt, for groups (`role="group"`, radio groups, tables) to be labelled by. */
  labelledBy: string;
  /**
   * A value that may be stored: the new `AnswerValue`, or `null` when the field was emptied. Called
   * only with values that pass the rules.
   */
  onvalue: (value: AnswerValue | null) => void;
  /**
   * What was typed cannot be stored: `message` says why (in the UI language, also shown under the
   * field). The text stays in the field and nothing is emitted through `onvalue` until it is fixed;
   * `null` once the field is valid (or empty) again.
   */
  oninvalid: (message: string | null) => void;
}

/** The answer state the user is in; `answered` covers "empty" and "typing a value". */
export type AnswerMode = 'answered' | 'unknown' | 'later' | 'not_applicable';

/** What `SaveState` shows; the parent (the interview state) decides, after the store answered. */
export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'invalid' }
  | { state: 'error'; message: string };
