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
    /// The client does not know, or has no description yet.
    Unknown,
    /// Not applicable to this client.
    NotApplicable,
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
