import type { Entry } from '$lib/bindings/Entry';
import type { Text } from '$lib/bindings/Text';

/** Checklist text in `lang`, falling back to the first language the text has. */
export function localize(text: Text, lang: string): string {
  if (typeof text === 'string') return text;
  return text[lang] ?? Object.values(text)[0] ?? '';
}

/** An answer (an `Entry`, or nothing) in words, for history and read-only views. */
export function describeEntry(value: unknown, lang: string): string {
  if (value === null || value === undefined) return '—';
  const entry = value as Entry;
  const a = entry.answer;
  if (!a) return JSON.stringify(value);
  switch (a.state) {
    case 'unknown':
      return lang === 'en' ? "client doesn't know" : 'клиент не знает';
    case 'later':
      return (lang === 'en' ? 'will send by ' : 'пришлёт до ') + a.value.due;
    case 'not_applicable':
      return (lang === 'en' ? 'not applicable: ' : 'неприменимо: ') + a.value.reason;
    case 'answered': {
      const v = a.value;
      switch (v.type) {
        case 'text':
        case 'choice':
          return v.value;
        case 'number':
          return String(v.value);
        case 'bool':
          return v.value ? (lang === 'en' ? 'yes' : 'да') : lang === 'en' ? 'no' : 'нет';
        case 'choices':
        case 'items':
          return v.value.join('; ');
        case 'rows':
          return v.value.map((r) => Object.values(r).join(' | ')).join('; ');
        case 'contact':
          return Object.values(v.value).join(', ');
      }
    }
  }
  return JSON.stringify(value);
}
