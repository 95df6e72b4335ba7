/**
 * What the answer inputs accept: parsing what was typed into the value the brief stores, and the
 * checks that mirror the checklist rules (min/max, integer, max_length, URL, e-mail, date).
 *
 * A check never changes what is in the field: it either yields the value to store (`null` when the
 * field is empty) or a calm message in the UI language, and the field keeps the text either way.
 */
import type { Column } from '$lib/bindings/Column';
import { KIND_SPECS } from '$lib/bindings/kindSpecs';
import type { Kind } from '$lib/bindings/Kind';
import type { Question } from '$lib/bindings/Question';
import { messages, type Lang } from '$lib/i18n';
import { unitText } from '$lib/text';

/** What a check says about a field: the value to store (`null`: nothing), or why it cannot be stored. */
export type Check<T> = { ok: true; value: T | null } | { ok: false; problem: string };

const empty = { ok: true, value: null } as const;

function ok<T>(value: T): Check<T> {
  return { ok: true, value };
}

function bad<T>(problem: string): Check<T> {
  return { ok: false, problem };
}

function locale(lang: Lang): string {
  return lang === 'ru' ? 'ru-RU' : 'en-US';
}

/** A number as people read it in `lang`: `1 234 567,5` in Russian, `1,234,567.5` in English. */
export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 20 }).format(n);
}

/** Spaces of every kind (thousands separators included), and the apostrophe some people group with. */
const SEPARATORS = /[\s\u00a0\u202f\u2009']/g;

/**
 * Reads a number typed in `lang`: spaces between digits are ignored; the decimal separator is `,` or
 * `.` in Russian and `.` in English, where `,` may only group thousands. `null` for an empty field,
 * `NaN` for text that is not a number.
 */
export function parseNumber(text: string, lang: Lang): number | null {
  let s = text.replace(SEPARATORS, '').replace(/^[\u2212\u2013]/, '-');
  if (s === '') return null;
  if (lang === 'ru') {
    s = s.replace(',', '.');
  } else if (s.includes(',')) {
    // In English a comma only groups thousands: "1,500" is fifteen hundred, but "1,5" is not read as
    // 15 — it is most likely a European 1.5, so it is refused rather than silently misread.
    if (!/^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return Number.NaN;
    s = s.replace(/,/g, '');
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return Number.NaN;
  return Number(s);
}

/** The numeric kinds: what a number-like field is. */
export type NumberKind = Extract<Kind, 'number' | 'money' | 'percent' | 'duration'>;

/** The bounds and integer rule of a numeric field (a question or a table column). */
export type NumberRules = { kind: Kind; min?: number; max?: number; integer?: boolean };

/**
 * The bounds of the number answered: the checklist's, else the kind's defaults from the store's own
 * table (`KIND_SPECS`, generated from Rust): percent 0…100, money and durations from 0, scale 1…5.
 */
export function bounds(rules: NumberRules): { min: number | null; max: number | null } {
  const spec = KIND_SPECS[rules.kind];
  if (spec.bounded !== 'value') return { min: null, max: null };
  return { min: rules.min ?? spec.default_min, max: rules.max ?? spec.default_max };
}

/** A typed number against its rules. */
export function checkNumber(text: string, rules: NumberRules, lang: Lang): Check<number> {
  const t = messages[lang].answer;
  const n = parseNumber(text, lang);
  if (n === null) return empty;
  if (Number.isNaN(n)) return bad(t.problemNumber);
  if ((rules.integer || KIND_SPECS[rules.kind].whole_value) && !Number.isInteger(n)) {
    return bad(t.problemInteger);
  }
  const { min, max } = bounds(rules);
  if (min !== null && n < min) return bad(t.problemMin(formatNumber(min, lang)));
  if (max !== null && n > max) return bad(t.problemMax(formatNumber(max, lang)));
  return ok(n);
}

/** Length in characters as people count them (an emoji is one), like Rust's `chars().count()`. */
export function charCount(text: string): number {
  return Array.from(text).length;
}

/** Free text: stored as typed; blank is empty; longer than `max_length` cannot be stored. */
export function checkText(text: string, maxLength: number | undefined, lang: Lang): Check<string> {
  if (text.trim() === '') return empty;
  if (maxLength !== undefined && charCount(text) > maxLength) {
    return bad(messages[lang].answer.problemMaxLength(maxLength));
  }
  return ok(text);
}

/** Whether `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * A native date field: its `value` is `YYYY-MM-DD` or empty; `badInput` is the browser saying the
 * field holds a date that is not complete or not real.
 */
export function checkDate(value: string, badInput: boolean, lang: Lang): Check<string> {
  if (value === '') return badInput ? bad(messages[lang].answer.problemDate) : empty;
  return isIsoDate(value) ? ok(value) : bad(messages[lang].answer.problemDate);
}

/** `YYYY-MM-DD` from its parts, when they make a real calendar date. */
function isoOf(y: number, m: number, d: number): string | null {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * A date typed as people type it, day first in both languages (the app is for Russian agencies):
 * `01.03.2027`, `1.3.2027`, `1/3/27`, `1 3 2027`, eight digits (`01032027`), or ISO `2027-03-01`.
 * A two-digit year (with separators only) is 20xx. `null` for an empty field, `undefined` for text
 * that is not a real date.
 */
export function parseDate(text: string): string | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3])) ?? undefined;
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!m) m = /^(\d{1,2})[.\/\-\s]+(\d{1,2})[.\/\-\s]+(\d{4}|\d{2})$/.exec(s);
  if (!m || m[3] === undefined) return undefined;
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return isoOf(year, Number(m[2]), Number(m[1])) ?? undefined;
}

/** A typed date (see `parseDate`): stored as `YYYY-MM-DD`; anything else says how to type it. */
export function checkTypedDate(text: string, lang: Lang): Check<string> {
  const iso = parseDate(text);
  if (iso === null) return empty;
  return iso === undefined ? bad(messages[lang].answer.problemDateTyped) : ok(iso);
}

/** A stored `YYYY-MM-DD` as the field shows it: `01.03.2027`. */
export function dateFieldText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** A stored `YYYY-MM-DD` as people read it in `lang`: «1 марта 2027», "1 March 2027". */
export function formatDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // en-GB: day before month, as the glossary writes dates ("5 December 2026").
  const text = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
  // Intl writes «1 марта 2027 г.»; a brief reads better without the abbreviation.
  return text.replace(/\s?г\.$/, '');
}

/**
 * The address a typed link points to: `https://` is assumed when no scheme is given
 * (`shina.ru` → `https://shina.ru`); only http and https to a named host are links.
 */
export function linkTarget(text: string): string | null {
  const s = text.trim();
  if (s === '' || /\s/.test(s)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null;
  if (url.hostname.startsWith('.') || url.hostname.endsWith('.')) return null;
  return withScheme;
}

/** A link: stored with its scheme; anything that is not an http(s) address cannot be stored. */
export function checkLink(text: string, lang: Lang): Check<string> {
  if (text.trim() === '') return empty;
  const target = linkTarget(text);
  return target === null ? bad(messages[lang].answer.problemUrl) : ok(target);
}

/** An e-mail address, checked loosely: something@host.domain, no spaces. */
export function checkEmail(text: string, lang: Lang): Check<string> {
  const s = text.trim();
  if (s === '') return empty;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? ok(s) : bad(messages[lang].answer.problemEmail);
}

/** The unit shown after a numeric field (see `unitText`); days agree with the typed value, else 5. */
export function unitOf(
  field: Pick<Question, 'kind' | 'unit' | 'currency'>,
  value: number | null,
  lang: Lang,
): string {
  return unitText(field, value ?? 5, lang);
}

/**
 * Table cells are stored as text (`AnswerValue` `rows`): numbers as plain decimals (`1500.5`), dates as
 * `YYYY-MM-DD`, yes/no as `true`/`false`, a choice as its id, a link with its scheme.
 */
export function checkCell(column: Column, text: string, lang: Lang): Check<string> {
  switch (column.kind) {
    case 'number':
    case 'money':
    case 'percent':
    case 'duration': {
      const c = checkNumber(text, { kind: column.kind }, lang);
      return c.ok ? ok(c.value === null ? null : String(c.value)) : c;
    }
    case 'date':
      return text === ''
        ? empty
        : isIsoDate(text)
          ? ok(text)
          : bad(messages[lang].answer.problemDate);
    case 'link':
      return checkLink(text, lang);
    // Every kind named (no default): a new kind is pointed out by the compiler.
    case 'scale':
    case 'short_text':
    case 'long_text':
    case 'yes_no':
    case 'single_choice':
    case 'multi_choice':
    case 'list':
    case 'table':
    case 'contact':
      return text.trim() === '' ? empty : ok(text);
  }
}

/** What a stored cell shows in its field: numbers formatted for `lang`, the rest as stored. */
export function cellText(column: Column, stored: string | undefined, lang: Lang): string {
  if (stored === undefined) return '';
  if (['number', 'money', 'percent', 'duration'].includes(column.kind)) {
    const n = Number(stored);
    return stored.trim() !== '' && Number.isFinite(n) ? formatNumber(n, lang) : stored;
  }
  return stored;
}

/** The same answer value, whatever the object identity (`undefined` and `null` are both "none"). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` (a Rust `BTreeMap`) compare equal. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/** Delete or Backspace on a radio button clears the answer ("Clear" is not a Tab stop). */
export function clearKey(event: KeyboardEvent, clear: () => void): void {
  if (event.key === 'Delete' || event.key === 'Backspace') {
    event.preventDefault();
    clear();
  }
}
