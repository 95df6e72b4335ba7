//! The kickoff document: everything the kickoff PDF (and the Markdown and JSON exports) shows,
//! already resolved to display text in the brief's language.
//!
//! [`KickoffDocument`] is the export's own input. It is built from core types by
//! [`KickoffDocument::from_parts`] and serialised to JSON for the Typst template, the Tera template
//! and the JSON export, so every template sees the same data. Templates never format numbers or
//! dates and never pick a language: that happens here, once, and is unit-tested.
//!
//! The inputs the store and the gap analysis provide are plain structs in [`input`]: brief meta,
//! contacts, a [`input::BriefSummary`] (completeness, verdict, processes, gaps, follow-ups — the gap
//! report maps onto it field by field), archived answers and review comments.

mod build;
mod cut;
pub mod fields;
pub mod format;
pub mod input;
mod labels;

use deepbrief_core::{EvidenceKind, Severity};
use serde::{Deserialize, Serialize};

pub use cut::MAX_PRINTED_ANSWER_CHARS;
pub use labels::Labels;

/// The language a brief is printed in: the one language type of Deepbrief.
pub use deepbrief_core::Lang;

/// Version of the [`KickoffDocument`] JSON shape; custom templates can check it
/// (`docs/kickoff-template-data.md` lists what each version added).
pub const FORMAT_VERSION: u32 = 2;

/// A brief, ready to print: every text resolved to the brief's language and formatted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KickoffDocument {
    /// [`FORMAT_VERSION`] of this shape (the same number as `schema_version`; kept for templates
    /// written for version 1).
    pub format: u32,
    /// [`FORMAT_VERSION`] of this shape.
    pub schema_version: u32,
    /// The brief's language.
    pub lang: Lang,
    /// Fixed words in that language.
    pub labels: Labels,
    /// Who, what, when, and which checklists.
    pub meta: MetaView,
    /// The client's people.
    pub contacts: Vec<ContactView>,
    /// Page one: what is launched and on what terms.
    pub passport: PassportView,
    /// Goal, completeness, verdict, processes, gaps, follow-ups.
    pub summary: SummaryView,
    /// The visible sections with their answered questions (and questions with a recorded state:
    /// unknown, later, not applicable), in interview order.
    pub sections: Vec<SectionView>,
    /// Visible optional questions nobody answered, listed once in an appendix.
    pub unanswered: Vec<UnansweredView>,
    /// Answers to questions removed by a checklist upgrade.
    pub archived: Vec<ArchivedView>,
    /// The lead's review comments (empty when not printed).
    pub reviews: Vec<ReviewView>,
}

/// The cover's facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetaView {
    /// The document title (`Бриф для запуска проекта` / `Kickoff brief`).
    pub title: String,
    /// The client's name.
    pub client: String,
    /// The project's name.
    pub project: String,
    /// The services bought.
    pub services: Vec<String>,
    /// The account manager who took the brief.
    pub account_manager: String,
    /// The brief's date; also the PDF's creation date.
    pub date: DateView,
    /// Review status.
    pub status: StatusView,
    /// The checklist versions the brief is pinned to.
    pub checklists: Vec<ChecklistView>,
}

/// Page one of the kickoff passport.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassportView {
    /// The facts, in print order; a fact with no answer has `value: None` and `text` «не указано».
    pub rows: Vec<PassportRow>,
    /// The brief is not approved: every page carries [`PassportView::draft_mark`].
    pub draft: bool,
    /// `ЧЕРНОВИК / DRAFT`.
    pub draft_mark: String,
    /// Who approved the printed revision and when; `None` for a brief not approved.
    pub approval: Option<ApprovalView>,
}

/// One fact of page one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassportRow {
    /// Stable key (`client`, `goal`, `budget`, …) for templates that place facts themselves.
    pub key: String,
    /// The label as printed.
    pub label: String,
    /// The value, when known.
    pub value: Option<String>,
    /// What to print: the value or «не указано».
    pub text: String,
}

/// The approval stamp.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalView {
    /// Who approved.
    pub by: String,
    /// When, as printed.
    pub date: String,
    /// The revision number.
    pub revision: u32,
    /// The stamp as printed (`Утверждён: Мария Лебедева, 5 декабря 2026, редакция 1`).
    pub text: String,
}

/// An optional question left unanswered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnansweredView {
    /// The section's title.
    pub section: String,
    /// The question as asked.
    pub prompt: String,
}

/// A date as ISO and as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateView {
    /// `YYYY-MM-DD` as given.
    pub iso: String,
    /// In the brief's language (`5 декабря 2026`).
    pub text: String,
    /// Year, month and day when `iso` is a valid date (templates build `datetime` from them).
    pub year: Option<i32>,
    /// The month, 1–12.
    pub month: Option<u8>,
    /// The day, 1–31.
    pub day: Option<u8>,
}

/// The review status of the brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusView {
    /// The machine name (`draft`, `in_review`, `returned`, `approved`).
    pub code: String,
    /// As printed.
    pub text: String,
}

/// One pinned checklist version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistView {
    /// The checklist id (`core`).
    pub id: String,
    /// Its version.
    pub version: u32,
    /// Its title in the brief's language.
    pub title: String,
    /// The content hash the brief is pinned to.
    pub hash: String,
}

/// A person on the client's side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactView {
    /// Full name.
    pub name: String,
    /// Position or role in the project.
    pub role: String,
    /// Phone number.
    pub phone: String,
    /// E-mail address.
    pub email: String,
    /// The one responsible person who sees the whole picture.
    pub responsible: bool,
}

/// The summary page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryView {
    /// The goal, from the core checklist's goal questions.
    pub goal: GoalView,
    /// Overall completeness, 0–100.
    pub completeness: u8,
    /// Completeness as printed (`82 %`).
    pub completeness_text: String,
    /// Completeness per section.
    pub sections: Vec<SectionProgressView>,
    /// Whether the brief is ready for kickoff.
    pub ready: bool,
    /// The verdict as printed.
    pub verdict: String,
    /// Why (the blocking gaps), or what the verdict rests on.
    pub reasons: Vec<String>,
    /// Status of each client process.
    pub processes: Vec<ProcessView>,
    /// Open gaps, most severe first.
    pub gaps: Vec<GapView>,
    /// Planned follow-up briefings.
    pub follow_ups: Vec<FollowUpView>,
}

/// The goal and what makes it measurable; each part is `None` when not answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoalView {
    /// The goal in the client's words.
    pub statement: Option<String>,
    /// The metric (choice label).
    pub metric: Option<String>,
    /// The current value.
    pub baseline: Option<String>,
    /// The target value.
    pub target: Option<String>,
    /// The deadline.
    pub deadline: Option<String>,
    /// Why this number by this date.
    pub rationale: Option<String>,
    /// Both a target and a deadline are answered.
    pub measurable: bool,
}

/// Completeness of one section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionProgressView {
    /// Section title.
    pub title: String,
    /// Answered required questions.
    pub answered: u32,
    /// Visible required questions.
    pub total: u32,
    /// 0–100.
    pub percent: u8,
    /// The percentage as printed (`75 %`).
    pub percent_text: String,
    /// `5 / 7`.
    pub text: String,
}

/// One client process and how it is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcessView {
    /// Process title.
    pub title: String,
    /// `documented`, `described` or `not_described`.
    pub status: String,
    /// The status as printed.
    pub status_text: String,
}

/// One open gap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GapView {
    /// How serious.
    pub severity: Severity,
    /// The severity as printed.
    pub severity_text: String,
    /// What is missing, in one line or a short paragraph (the risk).
    pub text: String,
    /// What goes wrong if it stays open.
    pub risk: String,
    /// What to do about it, and who.
    pub action: String,
}

/// A planned follow-up briefing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpView {
    /// What it is about.
    pub title: String,
    /// When, as printed; `None` when not scheduled.
    pub date: Option<String>,
    /// The questions to ask.
    pub agenda: Vec<String>,
}

/// One section of the interview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionView {
    /// Section id (unique within its checklist).
    pub id: String,
    /// `1`, `2`, … across all printed sections.
    pub number: String,
    /// Section title.
    pub title: String,
    /// Title of the checklist it comes from, for add-on sections; `None` for the core.
    pub checklist: Option<String>,
    /// The visible questions.
    pub questions: Vec<QuestionView>,
}

/// One question with its answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    /// Question id.
    pub id: String,
    /// `2.3`.
    pub number: String,
    /// The question as asked.
    pub prompt: String,
    /// Required for kickoff.
    pub required: bool,
    /// The answer rendered for its kind, or its state.
    pub answer: AnswerView,
    /// Notes, links and files behind the answer (footnotes in the PDF).
    pub evidence: Vec<EvidenceView>,
    /// Carried over from an earlier brief; needs the client's confirmation.
    pub to_confirm: bool,
}

/// An answer ready to print, by shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AnswerView {
    /// Free text, split into paragraphs.
    Text {
        /// The paragraphs.
        paragraphs: Vec<String>,
    },
    /// One formatted value: a number with its unit, money, percent, days, a date, yes/no, a
    /// choice, a point on a scale.
    Value {
        /// The value as printed.
        text: String,
    },
    /// A web address.
    Link {
        /// The URL as typed.
        url: String,
        /// The address to link to: only `http(s)://` and `mailto:` addresses are links; anything
        /// else (`javascript:`, a file path) has `None` and prints as text.
        href: Option<String>,
    },
    /// Items: a list answer or picked choices.
    List {
        /// The items as printed.
        items: Vec<String>,
    },
    /// Rows × columns.
    Table {
        /// Column headings.
        columns: Vec<ColumnView>,
        /// Cells as printed, row by row, in column order.
        rows: Vec<Vec<String>>,
    },
    /// A person.
    Contact {
        /// Label → value, in a fixed order (name, role, phone, e-mail, then others).
        fields: Vec<FieldView>,
    },
    /// No value: the answer's state, said plainly.
    State {
        /// Which state.
        state: AnswerState,
        /// As printed (`Клиент не знает`, `will send by 5 December`).
        text: String,
    },
}

/// Why a question has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerState {
    /// Nothing recorded.
    Empty,
    /// The client does not know.
    Unknown,
    /// The client will send it later.
    Later,
    /// Does not apply, with a reason.
    NotApplicable,
}

/// A table column heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnView {
    /// The heading.
    pub title: String,
    /// `left` for text, `right` for numbers.
    pub align: String,
}

/// A labelled value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldView {
    /// The label.
    pub label: String,
    /// The value.
    pub value: String,
}

/// One piece of evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceView {
    /// Note, link or file.
    pub kind: EvidenceKind,
    /// The kind as printed (`Ссылка`).
    pub kind_text: String,
    /// The note, URL or file name.
    pub text: String,
    /// Verified by the agency rather than claimed by the client.
    pub verified: bool,
    /// `проверено` / `со слов клиента`.
    pub verified_text: String,
}

/// An answer kept from a question a checklist upgrade removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchivedView {
    /// `core v1`.
    pub source: String,
    /// The question as it was.
    pub question: QuestionView,
}

/// A review comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    /// Who wrote it.
    pub author: String,
    /// When, as printed.
    pub date: String,
    /// The question it is about, as printed (`2.3 Prompt`), if any.
    pub question: Option<String>,
    /// The comment.
    pub text: String,
}
