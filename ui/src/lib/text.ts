import type { Text } from '$lib/bindings/Text';

/** Checklist text in `lang`, falling back to the first language the text has. */
export function localize(text: Text, lang: string): string {
  if (typeof text === 'string') return text;
  return text[lang] ?? Object.values(text)[0] ?? '';
}
