/**
 * The UI language: Russian by default, English when the system language is English; the RU/EN
 * switch changes it for the whole window.
 */
import { detectLang, messages, type Lang, type Messages } from '$lib/i18n';

class LanguageState {
  /** The current UI language. */
  current: Lang = $state(detectLang(globalThis.navigator?.language));
  /** The strings for the current language. */
  readonly t: Messages = $derived(messages[this.current]);

  /** Switches the UI (and the document's `lang`, for screen readers and hyphenation). */
  set(lang: Lang): void {
    this.current = lang;
    if (typeof document !== 'undefined') document.documentElement.lang = lang;
  }
}

/** The one language state of the window. */
export const language = new LanguageState();
