/**
 * One brief's interview: the answers as the screen holds them, saved in the background so typing
 * never waits on the disk, plus the live gap report and follow-ups.
 *
 * Saving: an edit changes the local entry at once; the question's newest entry is sent when the
 * edit settles — after a short pause, or at once when focus leaves the question (`settle`). Every
 * kind waits the same way, so arrows through radio buttons, the segments of a date and a "not
 * applicable" reason typed letter by letter are one save, not one per step; the store reads the saves
 * of one edit as one change of the history. One save per question is in flight at a time; an edit that arrives meanwhile is sent when
 * it returns (the newest value wins). The status says "saved" only when nothing is pending, nothing
 * is in flight and the store confirmed the last save; a failure keeps the typed entry and offers a
 * retry.
 */
import * as backend from '$lib/backend';
import { BackendError, toBackendError } from '$lib/backend';
import type { Checklist } from '$lib/bindings/Checklist';
import type { Entry } from '$lib/bindings/Entry';
import type { FollowUpBriefing } from '$lib/bindings/FollowUpBriefing';
import type { FollowUpItem } from '$lib/bindings/FollowUpItem';
import type { GapReport } from '$lib/bindings/GapReport';
import type { OpenedBrief } from '$lib/bindings/OpenedBrief';
import type { Question } from '$lib/bindings/Question';
import type { Section } from '$lib/bindings/Section';
import type { SaveStatus } from '$lib/components/answer/types';

/** The backend calls the interview uses (tests pass fakes). */
export type InterviewApi = Pick<
  typeof backend,
  | 'openBrief'
  | 'saveAnswer'
  | 'hiddenQuestions'
  | 'gapReport'
  | 'followUpItems'
  | 'listFollowUps'
>;

/** A section of the interview, with where it comes from. */
export interface InterviewSection {
  /** `checklist:section`, unique across the brief. */
  key: string;
  checklist: string;
  section: Section;
}

/** The id of the "extra questions" section of ad-hoc questions without a section. */
export const EXTRA = 'adhoc:extra';

/** Pause after the last edit of a question before it is saved, in ms. */
export const SAVE_DELAY_MS = 400;
const HIDDEN_DELAY_MS = 120;

function adhocQuestion(id: string, prompt: string, kind: Question['kind']): Question {
  return { id, prompt, hint: '', kind, required: false };
}

export class InterviewState {
  readonly briefId: string;
  opened: OpenedBrief | null = $state(null);
  /** The answers as the screen holds them (saved or not). */
  entries: Record<string, Entry> = $state({});
  hidden: Set<string> = $state(new Set());
  report: GapReport | null = $state(null);
  items: FollowUpItem[] = $state([]);
  followups: FollowUpBriefing[] = $state([]);
  status: SaveStatus = $state({ state: 'idle' });
  loadError: BackendError | null = $state(null);
  /** The section on screen (`checklist:section`). */
  current = $state('');

  readonly #api: InterviewApi;
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Entries waiting to be sent (`null` = clear). */
  readonly #pending = new Map<string, Entry | null>();
  readonly #inflight = new Set<string>();
  readonly #failed = new Map<string, string>();
  #hiddenTimer: ReturnType<typeof setTimeout> | null = null;
  #reportQueued = false;

  constructor(briefId: string, api: InterviewApi = backend) {
    this.briefId = briefId;
    this.#api = api;
  }

  /** Every section in interview order: checklists' sections with their ad-hoc questions, then extras. */
  get sections(): InterviewSection[] {
    const opened = this.opened;
    if (!opened) return [];
    const adhoc = opened.data.adhoc;
    const out: InterviewSection[] = [];
    for (const checklist of opened.checklists as Checklist[]) {
      for (const section of checklist.sections) {
        const extra = adhoc
          .filter((a) => a.section === section.id)
          .map((a) => adhocQuestion(a.id, a.prompt, a.kind));
        out.push({
          key: `${checklist.id}:${section.id}`,
          checklist: checklist.id,
          section: extra.length ? { ...section, questions: [...section.questions, ...extra] } : section,
        });
      }
    }
    const loose = adhoc.filter((a) => !a.section);
    if (loose.length) {
      out.push({
        key: EXTRA,
        checklist: 'adhoc',
        section: {
          id: 'extra',
          title: '',
          questions: loose.map((a) => adhocQuestion(a.id, a.prompt, a.kind)),
        },
      });
    }
    return out;
  }

  /** Sections with at least one question shown. */
  get visibleSections(): InterviewSection[] {
    return this.sections.filter((s) => s.section.questions.some((q) => !this.hidden.has(q.id)));
  }

  /** The section on screen. */
  get currentSection(): InterviewSection | undefined {
    const visible = this.visibleSections;
    return visible.find((s) => s.key === this.current) ?? visible[0];
  }

  /** Where a question is. */
  sectionOf(questionId: string): InterviewSection | undefined {
    return this.sections.find((s) => s.section.questions.some((q) => q.id === questionId));
  }

  /** Whether anything typed is not yet confirmed by the store. */
  get unsaved(): boolean {
    return this.#pending.size > 0 || this.#inflight.size > 0 || this.#failed.size > 0;
  }

  /** Opens the brief and its gap report. */
  async load(): Promise<void> {
    this.loadError = null;
    try {
      const opened = await this.#api.openBrief(this.briefId);
      this.opened = opened;
      this.entries = { ...(opened.data.entries as Record<string, Entry>) };
      await Promise.all([this.#refreshHidden(), this.refreshReport()]);
    } catch (error) {
      this.loadError = toBackendError(error);
    }
  }

  /**
   * Reloads the brief after a sync brought the team's changes: their answers show; an answer being
   * edited here (waiting, being saved, or refused) stays as typed, and goes out after.
   */
  async reload(): Promise<void> {
    try {
      const opened = await this.#api.openBrief(this.briefId);
      const entries = { ...(opened.data.entries as Record<string, Entry>) };
      const mine = new Set([
        ...this.#timers.keys(),
        ...this.#pending.keys(),
        ...this.#inflight,
        ...this.#failed.keys(),
      ]);
      for (const id of mine) {
        const typed = this.entries[id];
        if (typed) entries[id] = typed;
        else delete entries[id];
      }
      this.opened = opened;
      this.entries = entries;
      await Promise.all([this.#refreshHidden(), this.refreshReport()]);
    } catch {
      // What is on screen stays; the next sync or visit loads it again.
    }
  }

  /** Takes an edit: shown at once, saved when it settles (a pause, or `settle` on leaving it). */
  change(questionId: string, entry: Entry | null): void {
    const next = { ...this.entries };
    if (entry) next[questionId] = entry;
    else delete next[questionId];
    this.entries = next;
    this.#pending.set(questionId, entry);
    this.#failed.delete(questionId);
    this.status = { state: 'saving' };
    const existing = this.#timers.get(questionId);
    if (existing) clearTimeout(existing);
    this.#timers.set(
      questionId,
      setTimeout(() => {
        this.#timers.delete(questionId);
        void this.#send(questionId);
      }, SAVE_DELAY_MS),
    );
    if (this.#hiddenTimer) clearTimeout(this.#hiddenTimer);
    this.#hiddenTimer = setTimeout(() => void this.#refreshHidden(), HIDDEN_DELAY_MS);
  }

  /** Focus left the question: its waiting edit is sent now instead of after the pause. */
  settle(questionId: string): void {
    const timer = this.#timers.get(questionId);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.#timers.delete(questionId);
    void this.#send(questionId);
  }

  /** A field holds text that cannot be stored (the input said why). */
  invalid(message: string | null): void {
    if (message) this.status = { state: 'invalid' };
    else this.#settle();
  }

  /** Sends every failed save again. */
  retry(): void {
    for (const [id] of this.#failed) {
      this.#pending.set(id, this.entries[id] ?? null);
      void this.#send(id);
    }
    this.#failed.clear();
  }

  /** Sends everything waiting now (before leaving the screen). */
  async flush(): Promise<void> {
    for (const [id, timer] of this.#timers) {
      clearTimeout(timer);
      this.#timers.delete(id);
      void this.#send(id);
    }
    while (this.#inflight.size > 0 || this.#pending.size > 0) {
      await new Promise((r) => setTimeout(r, 20));
      if (this.#failed.size > 0 && this.#inflight.size === 0) break;
    }
  }

  async #send(questionId: string): Promise<void> {
    if (this.#inflight.has(questionId) || !this.#pending.has(questionId)) return;
    const entry = this.#pending.get(questionId) ?? null;
    this.#pending.delete(questionId);
    this.#inflight.add(questionId);
    try {
      await this.#api.saveAnswer(this.briefId, questionId, entry);
      this.#inflight.delete(questionId);
      if (this.#pending.has(questionId) && !this.#timers.has(questionId)) {
        void this.#send(questionId);
      }
      this.#queueReport();
    } catch (error) {
      this.#inflight.delete(questionId);
      const e = toBackendError(error);
      this.#failed.set(questionId, e.message);
    }
    this.#settle();
  }

  #settle(): void {
    if (this.#failed.size > 0) {
      const message = [...this.#failed.values()].pop() ?? '';
      this.status = { state: 'error', message };
    } else if (this.#pending.size > 0 || this.#inflight.size > 0) {
      this.status = { state: 'saving' };
    } else {
      this.status = { state: 'saved' };
    }
  }

  #queueReport(): void {
    if (this.#reportQueued) return;
    this.#reportQueued = true;
    setTimeout(() => {
      this.#reportQueued = false;
      void this.refreshReport();
    }, 50);
  }

  async #refreshHidden(): Promise<void> {
    try {
      const ids = await this.#api.hiddenQuestions(this.briefId, this.entries);
      this.hidden = new Set(ids);
    } catch {
      // Keep the last known set: a question never disappears because of a failed refresh.
    }
  }

  /** Reloads the gap report, open items and planned briefings. */
  async refreshReport(): Promise<void> {
    try {
      const [report, items, followups] = await Promise.all([
        this.#api.gapReport(this.briefId),
        this.#api.followUpItems(this.briefId),
        this.#api.listFollowUps(this.briefId),
      ]);
      this.report = report;
      this.items = items;
      this.followups = followups;
    } catch {
      // The panel keeps the last report; the next save refreshes it again.
    }
  }
}
