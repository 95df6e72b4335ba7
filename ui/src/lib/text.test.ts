import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/bindings/Question';
import { describeEntry, readableDate, readableMoment } from './text';

const answered = (value: unknown) => ({ answer: { state: 'answered', value } });

const audience: Question = {
  id: 'audience_type',
  prompt: 'Кто покупает?',
  hint: '',
  kind: 'single_choice',
  choices: [
    { id: 'b2b', label: { ru: 'Компании', en: 'Businesses' } },
    { id: 'b2c', label: { ru: 'Люди', en: 'People' } },
  ],
};
const budget: Question = { id: 'budget', prompt: 'Бюджет', hint: '', kind: 'money', currency: 'RUB' };
const deadline: Question = { id: 'deadline', prompt: 'Когда', hint: '', kind: 'date' };

describe('describeEntry: what people read, never internal codes', () => {
  it('shows the labels of choices, not their ids', () => {
    expect(describeEntry(answered({ type: 'choice', value: 'b2b' }), 'ru', audience)).toBe('Компании');
    expect(describeEntry(answered({ type: 'choices', value: ['b2c', 'b2b'] }), 'en', audience)).toBe(
      'People; Businesses',
    );
  });

  it('formats money with its sign and dates in the app language', () => {
    expect(describeEntry(answered({ type: 'number', value: 150000 }), 'ru', budget)).toBe(
      '150\u00a0000 ₽',
    );
    expect(describeEntry(answered({ type: 'text', value: '2027-03-01' }), 'ru', deadline)).toBe(
      '1 марта 2027',
    );
    expect(describeEntry(answered({ type: 'text', value: '2027-03-01' }), 'en', deadline)).toBe(
      '1 March 2027',
    );
  });

  it('says the answer states in words, with the due date readable', () => {
    expect(describeEntry({ answer: { state: 'later', value: { due: '2026-12-05' } } }, 'ru')).toBe(
      'пришлёт до 5 декабря 2026',
    );
    expect(describeEntry({ answer: { state: 'not_applicable', value: { reason: 'нет доставки' } } }, 'ru')).toBe(
      'не применимо: нет доставки',
    );
    expect(describeEntry(null, 'ru')).toBe('—');
    expect(describeEntry({ something: 'else' }, 'ru')).toBe('—');
  });

  it('writes dates and moments in the app language, whatever the system locale', () => {
    expect(readableDate('2026-12-05', 'ru')).toBe('5 декабря 2026');
    expect(readableMoment('2026-12-02T10:05:00.000Z', 'ru')).toMatch(/^2 декабря 2026, \d{2}:05$/);
    expect(readableMoment('2026-12-02T10:05:00.000Z', 'en')).toMatch(/^2 December 2026, \d{2}:05$/);
  });
});
