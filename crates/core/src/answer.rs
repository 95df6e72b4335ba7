//! Answer values as conditions and gap analysis see them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::condition::Scalar;

/// What a brief records for one question. No entry at all means the question is empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "state", content = "value", rename_all = "snake_case")]
#[ts(export)]
pub enum Answer {
    /// A value was typed.
    Answered(AnswerValue),
    /// The client does not know, or has no description yet: a gap that needs a follow-up.
    Unknown,
    /// The client will send it later, by `due` (ISO date `YYYY-MM-DD`). Conditions see it as empty.
    Later {
        /// The promised date, `YYYY-MM-DD`.
        due: String,
    },
    /// Not applicable to this client, with the reason.
    NotApplicable {
        /// Why the question does not apply.
        reason: String,
    },
}

impl Answer {
    /// The typed value, when the question is answered.
    pub fn value(&self) -> Option<&AnswerValue> {
        match self {
            Answer::Answered(v) => Some(v),
            _ => None,
        }
    }

    /// The state's snake_case name (`answered`, `unknown`, `later`, `not_applicable`).
    pub fn state_name(&self) -> &'static str {
        match self {
            Answer::Answered(_) => "answered",
            Answer::Unknown => "unknown",
            Answer::Later { .. } => "later",
            Answer::NotApplicable { .. } => "not_applicable",
        }
    }
}

/// Everything a brief holds for one question: the answer, the evidence behind it, and whether it was
/// carried over from an earlier brief and still needs the client's confirmation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Entry {
    /// The answer or state.
    pub answer: Answer,
    /// Notes, links and files that back the answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Prefilled from a previous brief of the same client: ask "is this still true?".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub to_confirm: bool,
}

impl Entry {
    /// An entry with just an answer: no evidence, confirmed.
    pub fn new(answer: Answer) -> Self {
        Entry {
            answer,
            evidence: Vec::new(),
            to_confirm: false,
        }
    }
}

/// One piece of evidence behind an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Evidence {
    /// What it is.
    pub kind: EvidenceKind,
    /// The note's text, the URL, or the file's name or path.
    pub text: String,
    /// "Verified" (the agency saw it) rather than "claimed" (the client said so).
    #[serde(default)]
    pub verified: bool,
}

/// The kind of a piece of evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EvidenceKind {
    /// A note from the interview.
    Note,
    /// A link to a document, page or system.
    Link,
    /// A file the client sent (name or path).
    File,
}

impl EvidenceKind {
    /// Whether this kind of evidence is a written document (a link or a file), as opposed to a note.
    pub fn is_document(self) -> bool {
        matches!(self, EvidenceKind::Link | EvidenceKind::File)
    }
}

/// A typed answer value; which variant a question takes follows from its [`crate::model::Kind`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
#[ts(export)]
pub enum AnswerValue {
    /// `short_text`, `long_text`, `link`, `date` (ISO `YYYY-MM-DD`).
    Text(String),
    /// `number`, `money`, `percent`, `duration`, `scale`.
    Number(f64),
    /// `yes_no`.
    Bool(bool),
    /// `single_choice`: the choice id.
    Choice(String),
    /// `multi_choice`: the choice ids.
    Choices(Vec<String>),
    /// `list`: the items.
    Items(Vec<String>),
    /// `table`: rows of column id → cell text.
    Rows(Vec<BTreeMap<String, String>>),
    /// `contact`: field → text (`name`, `role`, `phone`, `email`).
    Contact(BTreeMap<String, String>),
}

impl AnswerValue {
    /// Characters of every text in the value (a table's column ids and a contact's field names
    /// included): what the size limits and the printed-answer cut measure.
    pub fn chars(&self) -> usize {
        let pairs = |map: &BTreeMap<String, String>| -> usize {
            map.iter()
                .map(|(k, v)| k.chars().count() + v.chars().count())
                .sum()
        };
        match self {
            AnswerValue::Text(s) | AnswerValue::Choice(s) => s.chars().count(),
            AnswerValue::Number(_) | AnswerValue::Bool(_) => 0,
            AnswerValue::Choices(items) | AnswerValue::Items(items) => {
                items.iter().map(|s| s.chars().count()).sum()
            }
            AnswerValue::Rows(rows) => rows.iter().map(pairs).sum(),
            AnswerValue::Contact(fields) => pairs(fields),
        }
    }

    /// The number, for numeric kinds.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            AnswerValue::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// Whether the answer equals a literal from a condition.
    pub fn equals(&self, literal: &Scalar) -> bool {
        match (self, literal) {
            (AnswerValue::Bool(a), Scalar::Bool(b)) => a == b,
            (AnswerValue::Number(a), Scalar::Number(b)) => (a - b).abs() < 1e-9,
            (AnswerValue::Text(a) | AnswerValue::Choice(a), Scalar::Text(b)) => {
                a.trim() == b.trim()
            }
            _ => false,
        }
    }

    /// Whether a multi-choice answer includes the choice.
    pub fn includes(&self, literal: &Scalar) -> bool {
        match (self, literal) {
            (AnswerValue::Choices(ids), Scalar::Text(id)) => ids.iter().any(|i| i == id),
            _ => false,
        }
    }
}
