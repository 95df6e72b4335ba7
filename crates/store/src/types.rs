//! The store's records as the app, the CLI and bundles see them. TypeScript bindings are generated
//! from these types (`ts-rs`, into `ui/src/lib/bindings`); never copy them by hand.

use std::collections::BTreeMap;

use deepbrief_core::{ArchivedAnswer, Entry, Kind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A person on the client's side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Contact {
    /// Full name.
    pub name: String,
    /// Position or role in the project ("директор", "логистика").
    #[serde(default)]
    pub role: String,
    /// Phone, as typed.
    #[serde(default)]
    pub phone: String,
    /// E-mail, as typed.
    #[serde(default)]
    pub email: String,
    /// The one person responsible for the brief on the client's side.
    #[serde(default)]
    pub responsible: bool,
}

/// Where a brief is in the review workflow (one type with the workflow rules in `deepbrief-core`).
pub use deepbrief_core::review::BriefStatus;

/// What the "New brief" wizard (or `deepbrief brief new`) asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewBrief {
    /// The client company.
    pub client: String,
    /// The project's name.
    pub project: String,
    /// Service ids (`seo`, `context_ads`, …): they pick the add-on checklists whose `applies_to`
    /// matches; the core checklist is always included.
    pub services: Vec<String>,
    /// The agency's account manager running the brief.
    pub account_manager: String,
    /// The client's people; exactly one is responsible when there are any.
    pub contacts: Vec<Contact>,
    /// The brief's language (`ru` or `en`): texts of the checklists, the PDF and the letter.
    pub language: String,
    /// Re-briefing: start from this earlier brief of the same client, its answers marked "to confirm".
    #[serde(default)]
    #[ts(optional)]
    pub prefill_from: Option<String>,
    /// The client's industry, in the AM's words (a re-brief takes the earlier brief's when empty).
    #[serde(default)]
    pub industry: String,
}

/// A brief's identity and header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BriefMeta {
    /// Stable id (UUID), the same on every machine the brief travels to.
    pub id: String,
    /// The client company.
    pub client: String,
    /// The project's name.
    pub project: String,
    /// Service ids.
    pub services: Vec<String>,
    /// The account manager.
    pub account_manager: String,
    /// The client's people.
    pub contacts: Vec<Contact>,
    /// `ru` or `en`.
    pub language: String,
    /// Review status.
    pub status: BriefStatus,
    /// Archived briefs are hidden from the default list, never deleted.
    pub archived: bool,
    /// The earlier brief this one was prefilled from.
    #[ts(optional)]
    pub prefilled_from: Option<String>,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// RFC 3339 UTC: the last change of anything in the brief.
    pub updated_at: String,
    /// The revision being edited: 1 until the first approval; an edit of an approved brief starts
    /// the next one (the approved revision stays frozen).
    #[serde(default = "first_revision")]
    pub revision: u32,
    /// The client's industry, in the AM's words; may be empty.
    #[serde(default)]
    pub industry: String,
}

fn first_revision() -> u32 {
    1
}

/// One checklist version a brief is pinned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PinnedChecklist {
    /// Checklist id.
    pub checklist: String,
    /// Version.
    pub version: u32,
    /// SHA-256 of the stored YAML, hex.
    pub hash: String,
}

/// A question the AM added to one brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AdhocQuestion {
    /// `adhoc-N`, unique in the brief; answers use it as their question id.
    pub id: String,
    /// The section it sits in (a section id of a pinned checklist), or none for "Extra questions".
    #[ts(optional)]
    pub section: Option<String>,
    /// The question, as the AM typed it.
    pub prompt: String,
    /// The input it takes.
    pub kind: Kind,
}

/// Everything needed to show one brief. The checklists themselves come from
/// `Store::brief_checklists`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BriefData {
    /// Header.
    pub meta: BriefMeta,
    /// Pinned checklist versions, in interview order.
    pub pins: Vec<PinnedChecklist>,
    /// Current answers by question id.
    pub entries: BTreeMap<String, Entry>,
    /// Answers kept aside by upgrades.
    pub archived: Vec<ArchivedAnswer>,
    /// Ad-hoc questions, in order.
    pub adhoc: Vec<AdhocQuestion>,
}

/// A row of the briefs list (before gap analysis, which the caller adds).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BriefListItem {
    /// Header.
    pub meta: BriefMeta,
    /// Pinned checklist versions.
    pub pins: Vec<PinnedChecklist>,
    /// How many questions have an entry.
    pub entries: u32,
    /// Answers in conflict between two copies (synced or imported), not settled yet.
    #[serde(default)]
    pub conflicts: u32,
    /// Answers the client sent through a link, waiting for the account manager's review.
    #[serde(default)]
    pub client_waiting: u32,
    /// What is wrong when the brief cannot be read (a stored checklist or answer that does not
    /// load); it is still listed, marked damaged, and the other briefs are not affected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub damaged: Option<String>,
}

/// Which briefs to list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BriefFilter {
    /// Only this client (exact).
    #[serde(default)]
    #[ts(optional)]
    pub client: Option<String>,
    /// Only this account manager (exact).
    #[serde(default)]
    #[ts(optional)]
    pub account_manager: Option<String>,
    /// Only this status.
    #[serde(default)]
    #[ts(optional)]
    pub status: Option<BriefStatus>,
    /// Archived briefs only (`true`), or active only (`false`, the default).
    #[serde(default)]
    pub archived: bool,
}

/// Proof that a change is durable: returned only after the transaction committed (fsync).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Saved {
    /// The history event that records the change.
    pub event_id: String,
    /// RFC 3339 UTC.
    pub at: String,
}

/// One entry of a brief's history (the core's type: the merge policy reads it too).
pub use deepbrief_core::history::HistoryEvent;

/// A follow-up briefing planned from open gaps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FollowUpBriefing {
    /// Stable id (UUID).
    pub id: String,
    /// The brief.
    pub brief_id: String,
    /// Title shown in the calendar.
    pub title: String,
    /// Local wall-clock start, `YYYY-MM-DDTHH:MM`.
    pub start: String,
    /// Length.
    pub duration_minutes: u32,
    /// IANA time zone, e.g. `Europe/Moscow`.
    #[ts(optional)]
    pub timezone: Option<String>,
    /// Place or call link.
    #[ts(optional)]
    pub location: Option<String>,
    /// Who attends (from the brief's contacts, plus the AM).
    pub attendees: Vec<Contact>,
    /// The gap keys (`deepbrief_core::gaps::Gap::key`) it covers, in agenda order.
    pub items: Vec<String>,
}

/// A piece of a search snippet: matched words are marked, nothing is HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SnippetPart {
    /// The text.
    pub text: String,
    /// Whether it matched the query.
    pub hit: bool,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchHit {
    /// The brief.
    pub brief_id: String,
    /// Its client.
    pub client: String,
    /// Its project.
    pub project: String,
    /// Where the match is: `client`, `project`, `answer`, `evidence`, `adhoc`.
    pub field: String,
    /// The question id, for answers, evidence and ad-hoc questions.
    #[ts(optional)]
    pub subject: Option<String>,
    /// The matching passage.
    pub snippet: Vec<SnippetPart>,
    /// BM25 rank (lower is better).
    pub rank: f64,
}

/// A row of the briefs list and the lead's board: the brief and what its gap analysis says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BriefRow {
    /// The brief.
    pub item: BriefListItem,
    /// Completeness, open gaps, processes not described, ready for kickoff.
    pub board: deepbrief_core::gaps::BoardRow,
}

/// A brief with the exact checklist versions it is pinned to, ready for the interview screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OpenedBrief {
    /// The brief's records.
    pub data: BriefData,
    /// The pinned checklists, parsed from their stored YAML, in interview order.
    pub checklists: Vec<deepbrief_core::Checklist>,
}

/// A follow-up briefing to plan (the store gives it its id).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NewFollowUp {
    /// Title shown in the calendar.
    pub title: String,
    /// Local wall-clock start, `YYYY-MM-DDTHH:MM`.
    pub start: String,
    /// Length.
    pub duration_minutes: u32,
    /// IANA time zone, e.g. `Europe/Moscow`.
    #[serde(default)]
    #[ts(optional)]
    pub timezone: Option<String>,
    /// Place or call link.
    #[serde(default)]
    #[ts(optional)]
    pub location: Option<String>,
    /// Who attends.
    pub attendees: Vec<Contact>,
    /// Gap keys, in agenda order.
    pub items: Vec<String>,
}

/// One automatic or manual backup of the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    /// File name in the backups folder.
    pub file: String,
    /// Full path.
    pub path: String,
    /// RFC 3339 UTC, when it was made.
    pub created_at: String,
    /// Size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    /// Why the file cannot be restored (a copy cut short, damaged, not a Deepbrief database, a
    /// newer schema); `None` when it passed the check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub problem: Option<String>,
}
