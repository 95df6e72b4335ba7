import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackendError } from '$lib/backend';
import type { Entry } from '$lib/bindings/Entry';
import type { GapReport } from '$lib/bindings/GapReport';
import type { OpenedBrief } from '$lib/bindings/OpenedBrief';
import type { Saved } from '$lib/bindings/Saved';
import { InterviewState, SAVE_DELAY_MS, type InterviewApi } from './interview.svelte';

const text = (value: string): Entry => ({
  answer: { state: 'answered', value: { type: 'text', value } },
});
const yes: Entry = { answer: { state: 'answered', value: { type: 'bool', value: true } } };

const opened: OpenedBrief = {
  data: {
    meta: {
      id: 'b1',
      client: 'Колесо',
      project: 'Сайт',
      services: [],
      account_manager: 'Анна',
      contacts: [],
      language: 'ru',
      status: 'draft',
      archived: false,
      created_at: 't',
      updated_at: 't',
      revision: 1,
      industry: '',
    },
    pins: [],
    entries: {},
    archived: [],
    adhoc: [{ id: 'adhoc-1', prompt: 'Склад?', kind: 'yes_no' }],
  },
  checklists: [
    {
      id: 'core',
      version: 1,
      title: 'Core',
      languages: ['en'],
      sections: [
        {
          id: 'main',
          title: 'Main',
          questions: [
            { id: 'name', prompt: 'Name?', hint: 'Why', kind: 'short_text', required: true },
            { id: 'expand', prompt: 'Expand?', hint: 'Why', kind: 'yes_no' },
            { id: 'regions', prompt: 'Regions?', hint: 'Why', kind: 'list' },
          ],
        },
      ],
    },
  ],
};

const report = { completeness: { done: 0, total: 1, percent: 0 } } as unknown as GapReport;

function api(overrides: Partial<InterviewApi> = {}): InterviewApi {
  return {
    openBrief: vi.fn(() => Promise.resolve(opened)),
    saveAnswer: vi.fn(() => Promise.resolve({ event_id: 'e', at: 't' })),
    hiddenQuestions: vi.fn((_, entries: Record<string, Entry>) =>
      Promise.resolve(entries.expand ? [] : ['regions']),
    ),
    gapReport: vi.fn(() => Promise.resolve(report)),
    followUpItems: vi.fn(() => Promise.resolve([])),
    listFollowUps: vi.fn(() => Promise.resolve([])),
    ...overrides,
  };
}

describe('InterviewState', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows an edit at once and says saved only after the store confirmed', async () => {
    let resolve: (v: { event_id: string; at: string }) => void = () => {};
    const a = api({
      saveAnswer: vi.fn(() => new Promise<Saved>((r) => (resolve = r))),
    });
    const s = new InterviewState('b1', a);
    await s.load();
    s.change('name', text('Колесо'));
    expect(s.entries.name).toEqual(text('Колесо'));
    expect(s.status.state).toBe('saving');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 1);
    expect(a.saveAnswer).toHaveBeenCalledWith('b1', 'name', text('Колесо'));
    expect(s.status.state).toBe('saving');
    resolve({ event_id: 'e1', at: 't' });
    await vi.advanceTimersByTimeAsync(1);
    expect(s.status.state).toBe('saved');
  });

  it('typing saves once after the pause, with the newest text', async () => {
    const a = api();
    const s = new InterviewState('b1', a);
    await s.load();
    s.change('name', text('К'));
    s.change('name', text('Ко'));
    s.change('name', text('Кол'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 1);
    expect(a.saveAnswer).toHaveBeenCalledTimes(1);
    expect(a.saveAnswer).toHaveBeenCalledWith('b1', 'name', text('Кол'));
  });

  it('arrows through choices and a reason typed letter by letter are one save each', async () => {
    const a = api();
    const s = new InterviewState('b1', a);
    await s.load();
    s.change('expand', yes);
    s.change('expand', { answer: { state: 'answered', value: { type: 'bool', value: false } } });
    s.change('expand', yes);
    for (const reason of ['Н', 'Не', 'Не нужно']) {
      s.change('name', { answer: { state: 'not_applicable', value: { reason } } });
    }
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    expect(a.saveAnswer).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2);
    expect(a.saveAnswer).toHaveBeenCalledTimes(2);
    expect(a.saveAnswer).toHaveBeenCalledWith('b1', 'expand', yes);
    expect(a.saveAnswer).toHaveBeenCalledWith('b1', 'name', {
      answer: { state: 'not_applicable', value: { reason: 'Не нужно' } },
    });
  });

  it('leaving the question saves its edit at once', async () => {
    const a = api();
    const s = new InterviewState('b1', a);
    await s.load();
    s.change('name', text('Колесо'));
    s.settle('name');
    await vi.advanceTimersByTimeAsync(1);
    expect(a.saveAnswer).toHaveBeenCalledWith('b1', 'name', text('Колесо'));
    expect(s.status.state).toBe('saved');
    s.settle('name');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 1);
    expect(a.saveAnswer).toHaveBeenCalledTimes(1);
  });

  it('an edit during a save is sent after it: the newest value wins', async () => {
    const calls: (Entry | null)[] = [];
    let release: () => void = () => {};
    const a = api({
      saveAnswer: vi.fn((_, __, entry: Entry | null) => {
        calls.push(entry);
        return calls.length === 1
          ? new Promise<Saved>((r) => (release = () => r({ event_id: 'e1', at: 't' })))
          : Promise.resolve({ event_id: 'e2', at: 't' });
      }),
    });
    const s = new InterviewState('b1', a);
    await s.load();
    s.change('expand', yes);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 1);
    s.change('expand', null);
    s.settle('expand');
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([yes]);
    release();
    await vi.advanceTimersByTimeAsync(5);
    expect(calls).toEqual([yes, null]);
    expect(s.status.state).toBe('saved');
  });

  it('a failed save keeps the typed entry, shows the error and retries', async () => {
    let fail = true;
    const a = api({
      saveAnswer: vi.fn(() =>
        fail
          ? Promise.reject(new BackendError('internal', 'disk full'))
          : Promise.resolve({ event_id: 'e', at: 't' }),
      ),
    });
    const s = new InterviewState('b1', a);
    await s.load();
    s.change('name', text('Колесо'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 1);
    expect(s.status).toEqual({ state: 'error', message: 'disk full' });
    expect(s.entries.name).toEqual(text('Колесо'));
    expect(s.unsaved).toBe(true);
    fail = false;
    s.retry();
    await vi.advanceTimersByTimeAsync(1);
    expect(s.status.state).toBe('saved');
    expect(a.saveAnswer).toHaveBeenLastCalledWith('b1', 'name', text('Колесо'));
  });

  it('a conditional question appears when an answer makes its condition true', async () => {
    const s = new InterviewState('b1', api());
    await s.load();
    expect(s.hidden.has('regions')).toBe(true);
    s.change('expand', yes);
    await vi.advanceTimersByTimeAsync(200);
    expect(s.hidden.has('regions')).toBe(false);
  });

  it('ad-hoc questions without a section get the extra section', async () => {
    const s = new InterviewState('b1', api());
    await s.load();
    expect(s.sections.map((x) => x.key)).toEqual(['core:main', 'adhoc:extra']);
    expect(s.sectionOf('adhoc-1')?.key).toBe('adhoc:extra');
  });
});
