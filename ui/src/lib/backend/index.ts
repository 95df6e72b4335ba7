/**
 * The only module that talks to the Rust side. Components never call `invoke`; they get data from
 * state modules (`$lib/state/*.svelte.ts`), which call the functions here.
 *
 * Every command rejects with a {@link BackendError}: the `{code, message}` the shell sends
 * (`IpcError` in src-tauri), or an `internal` one when the call itself failed (for example when the
 * UI runs in a plain browser without the Tauri shell).
 */
import { invoke } from '@tauri-apps/api/core';
import type { AdhocQuestion } from '$lib/bindings/AdhocQuestion';
import type { AppInfo } from '$lib/bindings/AppInfo';
import type { BackupInfo } from '$lib/bindings/BackupInfo';
import type { Board } from '$lib/bindings/Board';
import type { Comment } from '$lib/bindings/Comment';
import type { CommentTarget } from '$lib/bindings/CommentTarget';
import type { ReviewRequest } from '$lib/bindings/ReviewRequest';
import type { ReviewState } from '$lib/bindings/ReviewState';
import type { BriefFilter } from '$lib/bindings/BriefFilter';
import type { BriefListItem } from '$lib/bindings/BriefListItem';
import type { BriefMeta } from '$lib/bindings/BriefMeta';
import type { BriefRow } from '$lib/bindings/BriefRow';
import type { Contact } from '$lib/bindings/Contact';
import type { Entry } from '$lib/bindings/Entry';
import type { FollowUpBriefing } from '$lib/bindings/FollowUpBriefing';
import type { SentLetter } from '$lib/bindings/SentLetter';
import type { FollowUpItem } from '$lib/bindings/FollowUpItem';
import type { Format } from '$lib/bindings/Format';
import type { GapReport } from '$lib/bindings/GapReport';
import type { HistoryEvent } from '$lib/bindings/HistoryEvent';
import type { Kind } from '$lib/bindings/Kind';
import type { NewBrief } from '$lib/bindings/NewBrief';
import type { NewFollowUp } from '$lib/bindings/NewFollowUp';
import type { OpenedBrief } from '$lib/bindings/OpenedBrief';
import type { OpenedFile } from '$lib/bindings/OpenedFile';
import type { Saved } from '$lib/bindings/Saved';
import type { SearchHit } from '$lib/bindings/SearchHit';
import type { UpgradePlan } from '$lib/bindings/UpgradePlan';
import type { ErrorCode } from '$lib/bindings/ErrorCode';
import type { IpcError } from '$lib/bindings/IpcError';
import type { LibraryReport } from '$lib/bindings/LibraryReport';
import type { Identity } from '$lib/bindings/Identity';
import type { Checklist } from '$lib/bindings/Checklist';
import type { Role } from '$lib/bindings/Role';
import type { AnswerConflict } from '$lib/bindings/AnswerConflict';
import type { SyncReport } from '$lib/bindings/SyncReport';
import type { SyncState } from '$lib/bindings/SyncState';
import type { TeamStatus } from '$lib/bindings/TeamStatus';
import type { TeamProblem } from '$lib/bindings/TeamProblem';
import type { ClientAnswer } from '$lib/bindings/ClientAnswer';
import type { ClientLink } from '$lib/bindings/ClientLink';
import type { Lang } from '$lib/bindings/Lang';
import type { Text } from '$lib/bindings/Text';

/** A failed command, as the UI sees it. */
export class BackendError extends Error implements IpcError {
  readonly code: ErrorCode;
  /** For a team-server failure: its kind, said in the person's language by the UI. */
  readonly team?: TeamProblem;

  constructor(code: ErrorCode, message: string, team?: TeamProblem) {
    super(message);
    this.name = 'BackendError';
    this.code = code;
    if (team) this.team = team;
  }
}

function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).code === 'string' &&
    typeof (value as Record<string, unknown>).message === 'string'
  );
}

/** Turns whatever `invoke` rejected with into a {@link BackendError}. */
export function toBackendError(error: unknown): BackendError {
  if (error instanceof BackendError) return error;
  if (isIpcError(error)) return new BackendError(error.code, error.message, error.team);
  if (error instanceof Error) return new BackendError('internal', error.message);
  return new BackendError('internal', String(error));
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toBackendError(error);
  }
}

/** The bundled and agency checklists that loaded, and every file that did not. */
export function listChecklists(): Promise<LibraryReport> {
  return call<LibraryReport>('list_checklists');
}

/** Tells the shell that the first screen is interactive (start-up timing; see src-tauri/src/startup.rs). */
export function uiReady(): Promise<void> {
  return call<void>('ui_ready');
}

// ---- Briefs -------------------------------------------------------------------------------------

/** Briefs with their gap summary (completeness, open gaps, ready for kickoff), newest change first. */
export function listBriefs(filter: BriefFilter = { archived: false }): Promise<BriefRow[]> {
  return call<BriefRow[]>('list_briefs', { filter });
}

/** Full-text search over answers, client, project, notes and ad-hoc questions, best first. */
export function searchBriefs(query: string): Promise<SearchHit[]> {
  return call<SearchHit[]>('search_briefs', { query });
}

/** Creates a brief (or a re-brief when `prefill_from` is set); its checklists follow from the services. */
export function createBrief(brief: NewBrief): Promise<BriefMeta> {
  return call<BriefMeta>('create_brief', { brief });
}

/** One brief with the exact checklist versions it is pinned to. */
export function openBrief(id: string): Promise<OpenedBrief> {
  return call<OpenedBrief>('open_brief', { id });
}

/** Renames a brief or edits its contacts. */
export function updateBrief(
  briefId: string,
  client: string,
  project: string,
  contacts: Contact[],
): Promise<BriefMeta> {
  return call<BriefMeta>('update_brief', { briefId, client, project, contacts });
}

/** Hides a brief from the active list (nothing is deleted). */
export function archiveBrief(briefId: string): Promise<BriefMeta> {
  return call<BriefMeta>('archive_brief', { briefId });
}

/** Brings an archived brief back. */
export function restoreBrief(briefId: string): Promise<BriefMeta> {
  return call<BriefMeta>('restore_brief', { briefId });
}

// ---- Answers ------------------------------------------------------------------------------------

/**
 * Stores an answer (or clears it with `null`). Resolves only after the store made it durable; rejects
 * with a `validation` error when the value does not fit the question (nothing stored).
 */
export function saveAnswer(briefId: string, questionId: string, entry: Entry | null): Promise<Saved> {
  return call<Saved>('save_answer', { briefId, questionId, entry });
}

/**
 * The ids of the brief's questions whose `when` condition is false for `entries` (the answers as the
 * screen holds them, saved or not): those questions are hidden and do not count.
 */
export function hiddenQuestions(briefId: string, entries: Record<string, Entry>): Promise<string[]> {
  return call<string[]>('hidden_questions', { briefId, entries });
}

/** Adds a question to this brief only. */
export function addAdhocQuestion(
  briefId: string,
  section: string | null,
  prompt: string,
  kind: Kind,
): Promise<AdhocQuestion> {
  return call<AdhocQuestion>('add_adhoc_question', { briefId, section, prompt, kind });
}

/** Every change of one question's answer, oldest first. */
export function questionHistory(briefId: string, questionId: string): Promise<HistoryEvent[]> {
  return call<HistoryEvent[]>('question_history', { briefId, questionId });
}

// ---- Gaps and follow-ups ------------------------------------------------------------------------

/** The brief's gap analysis for today. */
export function gapReport(briefId: string): Promise<GapReport> {
  return call<GapReport>('gap_report', { briefId });
}

/**
 * Marks a process described at the meeting with a short note, or clears the mark (`note: null`).
 * `process` is `checklist:process`; the note is kept in the brief's history.
 */
export function setProcessNote(briefId: string, process: string, note: string | null): Promise<Saved> {
  return call<Saved>('set_process_note', { briefId, process, note });
}

/** The open gaps as follow-up items, in checklist order. */
export function followUpItems(briefId: string): Promise<FollowUpItem[]> {
  return call<FollowUpItem[]>('follow_up_items', { briefId });
}

/** Follow-up briefings planned for the brief. */
export function listFollowUps(briefId: string): Promise<FollowUpBriefing[]> {
  return call<FollowUpBriefing[]>('list_followups', { briefId });
}

/** What each item of the brief's planned briefings is about, by its key — closed items too. */
export function followupSubjects(briefId: string): Promise<Record<string, Text>> {
  return call<Record<string, Text>>('followup_subjects', { briefId });
}

/** Plans a follow-up briefing over some of the open items. */
export function planFollowUp(briefId: string, plan: NewFollowUp): Promise<FollowUpBriefing> {
  return call<FollowUpBriefing>('plan_followup', { briefId, plan });
}

/** Asks where to save the briefing's `.ics` and writes it; `null` when the user cancelled. */
export function exportFollowUpIcs(followupId: string): Promise<string | null> {
  return call<string | null>('export_followup_ics', { followupId });
}

/** The letter to the client about what is still missing, as plain text or Markdown. */
export function clientLetter(
  briefId: string,
  followupId: string | null,
  format: Format,
): Promise<string> {
  return call<string>('client_letter', { briefId, followupId, format });
}

/** Records the letter as sent, with its text as edited. */
export function recordLetterSent(
  briefId: string,
  followupId: string | null,
  text: string,
): Promise<SentLetter> {
  return call<SentLetter>('record_letter_sent', { briefId, followupId, text });
}

/** The letters sent about a brief, oldest first. */
export function lettersSent(briefId: string): Promise<SentLetter[]> {
  return call<SentLetter[]>('letters_sent', { briefId });
}

/** Asks where to save the letter (as edited) and writes it; `null` when the user cancelled. */
export function saveLetter(briefId: string, text: string, markdown: boolean): Promise<string | null> {
  return call<string | null>('save_letter', { briefId, text, markdown });
}

/** Opens the letter (as edited) in the mail client, addressed to the client's responsible person. */
export function openLetterInMail(briefId: string, text: string): Promise<void> {
  return call<void>('open_letter_in_mail', { briefId, text });
}

// ---- Checklist versions -------------------------------------------------------------------------

/** What upgrading the brief to the newest checklist versions would do; `null` when it is current. */
export function upgradePreview(briefId: string): Promise<UpgradePlan | null> {
  return call<UpgradePlan | null>('upgrade_preview', { briefId });
}

/** Applies the upgrade the preview showed. */
export function upgradeApply(briefId: string): Promise<OpenedBrief> {
  return call<OpenedBrief>('upgrade_apply', { briefId });
}

// ---- Files --------------------------------------------------------------------------------------

/**
 * Asks where to save the kickoff PDF (of the brief now, or of an approved `revision`), writes it
 * and opens it; `null` when the user cancelled.
 */
export function exportPdf(briefId: string, revision: number | null = null): Promise<string | null> {
  return call<string | null>('export_pdf', { briefId, revision });
}

/** Asks where to save the brief's bundle and writes it; `null` when the user cancelled. */
export function exportBundle(briefId: string): Promise<string | null> {
  return call<string | null>('export_bundle', { briefId });
}

/** Asks for a bundle file and imports it (merging with the local copy); `null` when cancelled. */
export function importBundle(): Promise<BriefMeta | null> {
  return call<BriefMeta | null>('import_bundle');
}

/**
 * Imports the brief files the app was asked to open (a double-clicked `.deepbrief` file), each with
 * its brief or why it was refused; empty when there are none.
 */
export function takeOpenedFiles(): Promise<OpenedFile[]> {
  return call<OpenedFile[]>('take_opened_files');
}

/** Calls `handler` whenever a second launch brings brief files; returns the function that stops it. */
export async function onFilesOpened(handler: () => void): Promise<() => void> {
  const { listen } = await import('@tauri-apps/api/event');
  return listen('files-opened', handler);
}

// ---- Review -------------------------------------------------------------------------------------

/** Every brief matching the filter with what the lead's board shows, and the heatmap. */
export function reviewBoard(filter: BriefFilter = { archived: false }): Promise<Board> {
  return call<Board>('review_board', { filter });
}

/** The brief's status, comments and approved revisions. */
export function reviewState(briefId: string): Promise<ReviewState> {
  return call<ReviewState>('review_state', { briefId });
}

/** Comments on a question, a section or (empty target) the whole brief. */
export function addComment(briefId: string, target: CommentTarget, text: string): Promise<Comment> {
  return call<Comment>('add_comment', { briefId, target, text });
}

/** Resolves a comment with an optional reply. */
export function resolveComment(briefId: string, commentId: string, note: string): Promise<Comment> {
  return call<Comment>('resolve_comment', { briefId, commentId, note });
}

/** Submits, returns or approves; rejects with a `validation` error saying why when not allowed. */
export function reviewBrief(briefId: string, request: ReviewRequest): Promise<BriefMeta> {
  return call<BriefMeta>('review_brief', { briefId, request });
}

/** Briefs like this one (same industry or a shared service), best first. */
export function similarBriefs(briefId: string): Promise<BriefListItem[]> {
  return call<BriefListItem[]>('similar_briefs', { briefId });
}

/** An approved revision exactly as approved. */
export function openRevision(briefId: string, number: number): Promise<OpenedBrief> {
  return call<OpenedBrief>('open_revision', { briefId, number });
}

// ---- Settings and backups -----------------------------------------------------------------------

/** Where the app keeps its data, and its version. */
export function appInfo(): Promise<AppInfo> {
  return call<AppInfo>('app_info');
}

/** Makes a backup of the database now. */
export function backupNow(): Promise<BackupInfo> {
  return call<BackupInfo>('backup_now');
}

/** The backups on disk, newest first. */
export function listBackups(): Promise<BackupInfo[]> {
  return call<BackupInfo[]>('list_backups');
}

/** Replaces the database with a backup (the current one is backed up first). */
export function restoreBackup(file: string): Promise<void> {
  return call<void>('restore_backup', { file });
}

// ---- Who works here, the agency checklist folder --------------------------------------------------

/** The person at this machine, or null before the first-launch question was answered. */
export function identity(): Promise<Identity | null> {
  return call<Identity | null>('identity');
}

/** Saves the person's name, role and agency; every later action is signed with the name. */
export function saveIdentity(
  name: string,
  role: Role,
  agency: string,
  contact = '',
): Promise<Identity> {
  return call<Identity>('save_identity', { name, role, agency, contact });
}

/**
 * Sets the agency checklist folder ('' = the default one) after checking it is a folder, and
 * loads checklists from it: the report lists what loaded and which files failed.
 */
export function setChecklistsDir(dir: string): Promise<LibraryReport> {
  return call<LibraryReport>('set_checklists_dir', { dir });
}

/** One loaded checklist version in full, for reading its questions, hints and rules. */
export function openChecklist(id: string, version: number): Promise<Checklist> {
  return call<Checklist>('open_checklist', { id, version });
}

// ---- Team server and sync -----------------------------------------------------------------------

/** Whether this database is signed in to a team server, as who, what waits, the indicator's state. */
export function teamStatus(): Promise<TeamStatus> {
  return call<TeamStatus>('team_status');
}

/**
 * Signs in to the team server at `url`; the first sync starts at once. Rejects in words: a wrong
 * password, an unreachable server, a plain `http://` address off this computer.
 */
export function teamSignIn(url: string, user: string, password: string): Promise<TeamStatus> {
  return call<TeamStatus>('team_sign_in', { url, user, password });
}

/** Signs out; what waits to go out stays here. Resolves with a warning when the server was not told. */
export function teamSignOut(): Promise<string | null> {
  return call<string | null>('team_sign_out');
}

/** Runs a sync round now and returns what it did. */
export function syncNow(): Promise<SyncReport> {
  return call<SyncReport>('sync_now');
}

/** The brief's open conflicts of edits, each side newest first (the first is the one shown). */
export function briefConflicts(briefId: string): Promise<AnswerConflict[]> {
  return call<AnswerConflict[]>('brief_conflicts', { briefId });
}

/** Keeps one side (`keep`: its answer event id) of the conflict on `question`; the conflicts left. */
export function resolveConflict(
  briefId: string,
  question: string,
  keep: string,
): Promise<AnswerConflict[]> {
  return call<AnswerConflict[]>('resolve_conflict', { briefId, question, keep });
}

// ---- Client links -------------------------------------------------------------------------------

/** The brief's client links, newest first, each live, revoked or expired as of today. */
export function clientLinks(briefId: string): Promise<ClientLink[]> {
  return call<ClientLink[]>('client_links', { briefId });
}

/** The day a new link of the follow-up works until unless changed (`YYYY-MM-DD`): a month, or
 * until the meeting when that is later. */
export function clientLinkDefaultExpiry(followupId: string): Promise<string> {
  return call<string>('client_link_default_expiry', { followupId });
}

/**
 * Creates a client link to the open items of the follow-up, working until `expiresOn` (inclusive;
 * `null`: the default above). The brief goes to the team server first. Rejects in words: not signed
 * in, no open item, no contact, a day out of range.
 */
export function createClientLink(followupId: string, expiresOn: string | null): Promise<ClientLink> {
  return call<ClientLink>('create_client_link', { followupId, expiresOn });
}

/** Revokes a client link: the client can no longer answer through it. */
export function revokeClientLink(linkId: string): Promise<ClientLink> {
  return call<ClientLink>('revoke_client_link', { linkId });
}

/** Opens a client link of the brief (its stored address) in the system's browser. */
export function openClientLink(briefId: string, linkId: string): Promise<void> {
  return call<void>('open_client_link', { briefId, linkId });
}

/** What the client sent about the brief, every status, waiting first; prompts in `lang`. */
export function clientAnswers(briefId: string, lang: Lang): Promise<ClientAnswer[]> {
  return call<ClientAnswer[]>('client_answers', { briefId, lang });
}

/**
 * Accepts a client answer into the brief, as sent (`edited` null) or as edited; files attached
 * become its evidence. Rejects with a `validation` error when the answer does not fit the question.
 */
export function acceptClientAnswer(answerId: string, edited: Entry | null): Promise<Saved> {
  return call<Saved>('accept_client_answer', { answerId, edited });
}

/** Rejects a client answer; the comment (required) stays on the question in the brief. */
export function rejectClientAnswer(answerId: string, comment: string): Promise<Comment> {
  return call<Comment>('reject_client_answer', { answerId, comment });
}

/** Downloads a file the client attached (once) and opens it in the system's viewer. */
export function openClientFile(answerId: string, fileId: string): Promise<void> {
  return call<void>('open_client_file', { answerId, fileId });
}

/** Calls `handler` with every new state of the sync indicator; returns the function that stops it. */
export async function onSyncState(handler: (state: SyncState) => void): Promise<() => void> {
  const { listen } = await import('@tauri-apps/api/event');
  return listen<SyncState>('sync-state', (event) => handler(event.payload));
}

/** Calls `handler` when a sync brought briefs or answers from the team; returns the unsubscriber. */
export async function onBriefsChanged(handler: () => void): Promise<() => void> {
  const { listen } = await import('@tauri-apps/api/event');
  return listen('briefs-changed', handler);
}

/** Calls `handler` when a sync brought checklist versions the team published. */
export async function onChecklistsChanged(handler: () => void): Promise<() => void> {
  const { listen } = await import('@tauri-apps/api/event');
  return listen('checklists-changed', handler);
}
