import { describe, expect, it } from 'vitest';
import type { Column } from '$lib/bindings/Column';
import {
  cellText,
  charCount,
  checkCell,
  checkDate,
  checkEmail,
  checkLink,
  checkNumber,
  checkText,
  formatNumber,
  isIsoDate,
  linkTarget,
  parseNumber,
  sameValue,
  type NumberRules,
} from './rules';
// Shared with the core's tests: one list of cases for both sides.
import numberCases from '../../../../../tests/kinds/number-cases.json';

describe('numbers', () => {
  it('reads Russian and English writing', () => {
    expect(parseNumber('1 500 000,5', 'ru')).toBe(1500000.5);
    expect(parseNumber('1\u00a0500', 'ru')).toBe(1500);
    expect(parseNumber('1.5', 'ru')).toBe(1.5);
    expect(parseNumber('1,500,000.5', 'en')).toBe(1500000.5);
    expect(parseNumber('−20', 'en')).toBe(-20);
    expect(parseNumber('12.', 'en')).toBe(12);
    expect(parseNumber('  ', 'ru')).toBeNull();
    expect(parseNumber('1,2,3', 'ru')).toBeNaN();
    expect(parseNumber('12abc', 'en')).toBeNaN();
    expect(parseNumber('1e5', 'en')).toBeNaN();
    // A comma in English groups thousands; "1,5" is refused rather than read as 15.
    expect(parseNumber('1,5', 'en')).toBeNaN();
    expect(parseNumber('12,50.5', 'en')).toBeNaN();
    expect(parseNumber('-12,500', 'en')).toBe(-12500);
  });

  it('formats with the language separators', () => {
    expect(formatNumber(1500000.5, 'ru')).toBe('1\u00a0500\u00a0000,5');
    expect(formatNumber(1500000.5, 'en')).toBe('1,500,000.5');
  });

  it('checks integer and bounds, with percent 0…100, money and duration ≥ 0 by default', () => {
    expect(checkNumber('7', { kind: 'number', integer: true }, 'ru')).toEqual({
      ok: true,
      value: 7,
    });
    expect(checkNumber('7,5', { kind: 'number', integer: true }, 'ru')).toEqual({
      ok: false,
      problem: 'Нужно целое число',
    });
    expect(checkNumber('101', { kind: 'percent' }, 'en')).toEqual({
      ok: false,
      problem: 'At most 100',
    });
    expect(checkNumber('-1', { kind: 'duration' }, 'en')).toEqual({
      ok: false,
      problem: 'At least 0',
    });
    expect(checkNumber('-1', { kind: 'money' }, 'en')).toEqual({
      ok: false,
      problem: 'At least 0',
    });
    expect(checkNumber('5', { kind: 'number', min: 10000 }, 'ru')).toEqual({
      ok: false,
      problem: 'Не меньше 10\u00a0000',
    });
    expect(checkNumber('', { kind: 'number', min: 1 }, 'ru')).toEqual({ ok: true, value: null });
  });
});

describe('text, dates, links, e-mails', () => {
  it('counts characters like Rust does', () => {
    expect(charCount('шина🛞')).toBe(5);
    expect(checkText('🛞🛞', 2, 'ru')).toEqual({ ok: true, value: '🛞🛞' });
    expect(checkText('🛞🛞🛞', 2, 'en').ok).toBe(false);
    expect(checkText(' \n ', undefined, 'en')).toEqual({ ok: true, value: null });
  });

  it('knows real ISO dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('01.09.2026')).toBe(false);
    expect(checkDate('', true, 'ru').ok).toBe(false);
    expect(checkDate('', false, 'ru')).toEqual({ ok: true, value: null });
  });

  it('accepts http(s) links only, adding the scheme', () => {
    expect(linkTarget('shina.ru')).toBe('https://shina.ru');
    expect(linkTarget(' http://shina.ru/a?b=1 ')).toBe('http://shina.ru/a?b=1');
    expect(linkTarget('javascript:alert(1)')).toBeNull();
    expect(linkTarget('file:///etc/passwd')).toBeNull();
    expect(linkTarget('shina')).toBeNull();
    expect(linkTarget('shina .ru')).toBeNull();
    expect(checkLink('', 'en')).toEqual({ ok: true, value: null });
  });

  it('checks e-mails loosely', () => {
    expect(checkEmail('a@b.ru', 'ru')).toEqual({ ok: true, value: 'a@b.ru' });
    expect(checkEmail('a@b', 'ru').ok).toBe(false);
  });
});

describe('table cells', () => {
  const number: Column = { id: 'n', title: 'n', kind: 'number' };
  const yes: Column = { id: 'y', title: 'y', kind: 'yes_no' };

  it('are stored as text and shown for the language', () => {
    expect(checkCell(number, '1 500,5', 'ru')).toEqual({ ok: true, value: '1500.5' });
    expect(checkCell(yes, 'true', 'ru')).toEqual({ ok: true, value: 'true' });
    expect(cellText(number, '1500.5', 'ru')).toBe('1\u00a0500,5');
    expect(cellText(number, 'n/a', 'ru')).toBe('n/a');
  });
});

describe('sameValue', () => {
  it('ignores key order and null vs undefined', () => {
    expect(
      sameValue(
        { type: 'contact', value: { name: 'a', email: 'b' } },
        { value: { email: 'b', name: 'a' }, type: 'contact' },
      ),
    ).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(
      sameValue({ type: 'items', value: ['a', 'b'] }, { type: 'items', value: ['b', 'a'] }),
    ).toBe(false);
  });
});

describe('the same bounds as the store', () => {
  // The cases the core's tests feed to the store's check (crates/core/tests/it/kinds.rs).
  type Case = {
    kind: NumberRules['kind'];
    min?: number;
    max?: number;
    integer?: boolean;
    text: string;
    value: number;
    ok: boolean;
  };
  const cases = (numberCases as { cases: Case[] }).cases;

  it.each(cases)('$kind $text (min $min, max $max, integer $integer): ok = $ok', (c) => {
    const checked = checkNumber(c.text, { kind: c.kind, min: c.min, max: c.max, integer: c.integer }, 'en');
    expect(checked.ok).toBe(c.ok);
    if (checked.ok) expect(checked.value).toBe(c.value);
  });
});
