//! What [`KickoffDocument::from_parts`](super::KickoffDocument::from_parts) takes besides the
//! checklists and answers: plain structs the store and the gap analysis fill in.
//!
//! The gap report maps onto [`BriefSummary`] field by field: completeness, per-section progress,
//! the verdict, process statuses, gaps (by id: question, process or rule — texts are resolved from
//! the checklists here) and follow-ups.

use std::collections::BTreeMap;

use deepbrief_core::gaps::{GapCode, GapKey};
use deepbrief_core::{Checklist, Entry, Question, Severity, Text};
use serde::{Deserialize, Serialize};

use super::Lang;

/// Everything the kickoff document is built from.
#[derive(Debug, Clone, Copy)]
pub struct KickoffInput<'a> {
    /// The language to print in.
    pub lang: Lang,
    /// Who, what, when.
    pub meta: &'a BriefMeta,
    /// The checklist versions the brief is pinned to, core first, with their content hashes.
    pub checklists: &'a [PinnedChecklist<'a>],
    /// The brief's answers by question id.
    pub entries: &'a BTreeMap<String, Entry>,
    /// Gap analysis results.
    pub summary: &'a BriefSummary,
    /// Answers of questions removed by a checklist upgrade.
    pub archived: &'a [ArchivedAnswer],
    /// Review comments to print; pass an empty slice to leave them out.
    pub reviews: &'a [ReviewComment],
}

/// A checklist version and the hash of the content the brief is pinned to.
#[derive(Debug, Clone, Copy)]
pub struct PinnedChecklist<'a> {
    /// The checklist.
    pub checklist: &'a Checklist,
    /// Its content hash (as the store recorded it).
    pub hash: &'a str,
}

/// The brief's own facts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BriefMeta {
    /// The client's name.
    pub client: String,
    /// The project's name.
    pub project: String,
    /// The services bought, as printed (`SEO`, `Контекстная реклама`).
    pub services: Vec<String>,
    /// The account manager.
    pub account_manager: String,
    /// The brief's date, ISO `YYYY-MM-DD`. It is also the PDF's creation date, so the same brief
    /// always gives the same bytes.
    pub date: String,
    /// Review status.
    pub status: BriefStatus,
    /// The client's people.
    pub contacts: Vec<ContactPerson>,
    /// Who approved the printed revision and when (`None` when it is not an approved revision).
    #[serde(default)]
    pub approval: Option<Approval>,
}

/// An approved revision's stamp.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Approval {
    /// The lead who approved.
    pub by: String,
    /// When, `YYYY-MM-DD` (a longer RFC 3339 time is cut to the date).
    pub date: String,
    /// The revision number.
    pub revision: u32,
    /// Why it was approved although not ready, when it was.
    #[serde(default)]
    pub override_note: Option<String>,
}

/// Where a brief is in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BriefStatus {
    /// Being filled in.
    #[default]
    Draft,
    /// Sent to the lead.
    InReview,
    /// Returned to the account manager.
    Returned,
    /// Approved for kickoff.
    Approved,
}

impl BriefStatus {
    /// The machine name.
    pub fn code(self) -> &'static str {
        match self {
            BriefStatus::Draft => "draft",
            BriefStatus::InReview => "in_review",
            BriefStatus::Returned => "returned",
            BriefStatus::Approved => "approved",
        }
    }
}

/// A person on the client's side.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ContactPerson {
    /// Full name.
    pub name: String,
    /// Position or role.
    #[serde(default)]
    pub role: String,
    /// Phone.
    #[serde(default)]
    pub phone: String,
    /// E-mail.
    #[serde(default)]
    pub email: String,
    /// The one responsible person.
    #[serde(default)]
    pub responsible: bool,
}

/// What gap analysis says about the brief.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct BriefSummary {
    /// Overall completeness, 0–100 (required, visible questions).
    pub completeness: u8,
    /// Per section, in interview order.
    pub sections: Vec<SectionProgress>,
    /// Whether the brief is ready for kickoff.
    pub ready_for_kickoff: bool,
    /// Each client process and how it is known.
    pub processes: Vec<ProcessState>,
    /// Open gaps.
    pub gaps: Vec<Gap>,
    /// Planned follow-up briefings.
    pub follow_ups: Vec<FollowUp>,
}

/// Completeness of one section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionProgress {
    /// Section id.
    pub section: String,
    /// Answered required visible questions.
    pub answered: u32,
    /// Required visible questions.
    pub total: u32,
}

/// How a client process is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessState {
    /// Process id (from a checklist's `processes`).
    pub process: String,
    /// Its status.
    pub status: ProcessStatus,
}

/// The three states of a process description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProcessStatus {
    /// The client has a written description.
    Documented,
    /// Described in the interview.
    Described,
    /// Not described: needs a follow-up briefing.
    NotDescribed,
}

/// One gap between the brief and kickoff, in the core's terms: what kind of gap ([`GapCode`]) and
/// which ([`GapKey`]); the document words it from the checklists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gap {
    /// How serious.
    pub severity: Severity,
    /// What kind of gap.
    pub code: GapCode,
    /// Which question, process, rule or goal it is about.
    pub key: GapKey,
    /// `overdue`: the promised date, ISO.
    pub due: Option<String>,
    /// What is missing, in the checklist's words (the analysis's subject).
    pub subject: Text,
}

/// A planned follow-up briefing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    /// What it is about.
    pub title: Text,
    /// When, ISO; `None` when not scheduled yet.
    pub date: Option<String>,
    /// The questions to ask.
    pub agenda: Vec<Text>,
}

/// An answer kept from a question that a checklist upgrade removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchivedAnswer {
    /// The checklist id the question belonged to.
    pub checklist: String,
    /// The version it was answered in.
    pub version: u32,
    /// The question as that version defined it.
    pub question: Question,
    /// The answer as it was.
    pub entry: Entry,
}

/// A comment from the lead's review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewComment {
    /// Who wrote it.
    pub author: String,
    /// When, ISO.
    pub date: String,
    /// The question it is about, if any.
    pub question: Option<String>,
    /// The comment.
    pub text: String,
}
