import type { Entry } from '$lib/bindings/Entry';
import type { Question } from '$lib/bindings/Question';
import type { Text } from '$lib/bindings/Text';

/** Checklist text in `lang`, falling back to the first language the text has. */
export function localize(text: Text, lang: string): string {
  if (typeof text === 'string') return text;
  return text[lang] ?? Object.values(text)[0] ?? '';
}

/** The sign people read for a currency code: `RUB` → `₽` (codes without a sign stay as they are). */
export function currencySign(code: string | undefined): string {
  switch (code) {
    case undefined:
      return '';
    case 'RUB':
      return '₽';
    case 'USD':
      return '$';
    case 'EUR':
      return '€';
    case 'KZT':
      return '₸';
    default:
      return code;
  }
}

function localeOf(lang: string): string {
  return lang === 'en' ? 'en-GB' : 'ru-RU';
}

/** A number as people read it: `150 000`, `12,5` in Russian; `150,000` in English. */
export function readableNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'ru-RU', {
    maximumFractionDigits: 20,
  }).format(n);
}

/** A `YYYY-MM-DD` date in words: «1 марта 2027»; anything else as it is. */
export function readableDate(iso: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
    .format(date)
    .replace(/\s?г\.$/, '');
}

/** A moment (RFC 3339) in the app's language, not the system's: «2 декабря 2026, 14:05». */
export function readableMoment(at: string, lang: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = readableDate(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, lang);
  return `${day}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The question a stored value answers, as far as describing it needs. */
type Described = Pick<Question, 'kind' | 'unit' | 'currency' | 'choices' | 'columns'>;

/**
 * The unit people read after a number of `field`'s kind: the question's unit, the currency sign, `%`
 * or days (in the plural `n` takes); empty for the kinds that have none. The answer fields and the
 * values shown read it here, once.
 */
export function unitText(
  field: Pick<Question, 'kind' | 'unit' | 'currency'>,
  n: number,
  lang: string,
): string {
  switch (field.kind) {
    case 'number':
      return field.unit === undefined ? '' : localize(field.unit, lang);
    case 'money':
      return currencySign(field.currency);
    case 'percent':
      return '%';
    case 'duration':
      return lang === 'en' ? (n === 1 ? 'day' : 'days') : pluralDays(n);
    // Every kind named (no default): a new kind is pointed out by the compiler.
    case 'scale':
    case 'short_text':
    case 'long_text':
    case 'date':
    case 'yes_no':
    case 'single_choice':
    case 'multi_choice':
    case 'list':
    case 'table':
    case 'contact':
    case 'link':
      return '';
  }
}

function numberText(n: number, q: Described | undefined, lang: string): string {
  const num = readableNumber(n, lang);
  const unit = q ? unitText(q, n, lang) : '';
  if (unit === '') return num;
  // "$ 1,500" in English for a sign longer than one letter ("USD"), "1 500 ₽" otherwise.
  return q?.kind === 'money' && lang === 'en' && unit.length > 1 ? `${unit} ${num}` : `${num} ${unit}`;
}

function pluralDays(n: number): string {
  const c = new Intl.PluralRules('ru').select(n);
  return c === 'one' ? 'день' : c === 'few' ? 'дня' : 'дней';
}

function choiceLabel(id: string, q: Described | undefined, lang: string): string {
  const choice = q?.choices?.find((c) => c.id === id);
  return choice ? localize(choice.label, lang) : id;
}

/**
 * A stored entry as people read it: labels for choices (not their ids), numbers with their unit or
 * currency («150 000 ₽»), dates in words in the app's language, the answer states in words. Give the
 * question whenever it is known; without it values are shown as stored.
 */
export function describeEntry(value: unknown, lang: string, question?: Described): string {
  if (value === null || value === undefined) return '—';
  const entry = value as Entry;
  const a = entry.answer;
  if (!a) return '—';
  switch (a.state) {
    case 'unknown':
      return lang === 'en' ? "client doesn't know" : 'клиент не знает';
    case 'later':
      return (lang === 'en' ? 'will send by ' : 'пришлёт до ') + readableDate(a.value.due, lang);
    case 'not_applicable':
      return (lang === 'en' ? 'not applicable: ' : 'не применимо: ') + a.value.reason;
    case 'answered': {
      const v = a.value;
      switch (v.type) {
        case 'text':
          return question?.kind === 'date' ? readableDate(v.value, lang) : v.value;
        case 'choice':
          return choiceLabel(v.value, question, lang);
        case 'number':
          return numberText(v.value, question, lang);
        case 'bool':
          return v.value ? (lang === 'en' ? 'yes' : 'да') : lang === 'en' ? 'no' : 'нет';
        case 'choices':
          return v.value.map((id) => choiceLabel(id, question, lang)).join('; ');
        case 'items':
          return v.value.join('; ');
        case 'rows':
          return v.value
            .map((r) =>
              (question?.columns ? question.columns.map((c) => r[c.id]) : Object.values(r))
                .filter((x) => x !== undefined && x !== '')
                .join(' | '),
            )
            .join('; ');
        case 'contact':
          return Object.values(v.value)
            .filter((x) => x)
            .join(', ');
      }
    }
  }
  return '—';
}
