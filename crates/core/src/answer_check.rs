//! Whether an entry may be stored for a question: the store refuses a wrong type or an out-of-range
//! value with a message, and nothing is stored half-way.
//!
//! Hard problems (the value cannot be what the question asks: a wrong type, a number out of range, an
//! unknown choice, a date that does not exist) are refused. Soft ones (fewer list items than `min`, a
//! contact without a name yet, a link without a dot) are stored — nothing typed is lost — and gap
//! analysis reports them as invalid answers until they are fixed.

use crate::answer::{Answer, Entry};
use crate::gaps::IsoDate;
use crate::gaps::check::{ValueProblem, is_blank, problem};
use crate::model::{Kind, Question};

/// Why an entry is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerProblem {
    /// The value does not fit the question.
    #[error("{}", value_message(*.0, .1))]
    Value(ValueProblem, Bounds),
    /// "Will send later" without a real date.
    #[error("the promised date `{0}` is not a date; use YYYY-MM-DD")]
    BadDue(String),
    /// "Not applicable" without a reason.
    #[error("say why the question does not apply")]
    NoReason,
    /// A piece of evidence without text.
    #[error("evidence needs a note, a link or a file name")]
    BlankEvidence,
    /// A blank value: clear the answer instead.
    #[error("the answer is empty; clear it instead")]
    Blank,
}

/// The question's bounds, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Bounds {
    /// `min`, as text-friendly integer-or-not.
    pub min: Option<i64>,
    /// `max`.
    pub max: Option<i64>,
    /// `max_length`.
    pub max_length: Option<u32>,
    /// The question's kind.
    pub kind: Option<Kind>,
}

fn value_message(p: ValueProblem, b: &Bounds) -> String {
    let kind = b.kind.map_or("the question's kind", Kind::name);
    match p {
        ValueProblem::WrongType => format!("the value's type does not fit a `{kind}` question"),
        ValueProblem::TooLong => format!(
            "the text is longer than {} characters",
            b.max_length.unwrap_or_default()
        ),
        ValueProblem::BelowMin => match b.min {
            Some(min) => format!("the number is below the minimum {min}"),
            None => "the number cannot be negative".to_owned(),
        },
        ValueProblem::AboveMax => match b.max {
            Some(max) => format!("the number is above the maximum {max}"),
            None => "the number is too large".to_owned(),
        },
        ValueProblem::NotWhole => "the question wants a whole number".to_owned(),
        ValueProblem::NotANumber => "not a number".to_owned(),
        ValueProblem::UnknownChoice => "a choice the question does not offer".to_owned(),
        ValueProblem::TooFew => "fewer items than the question asks for".to_owned(),
        ValueProblem::TooMany => match b.max {
            Some(max) => format!("more than {max} items"),
            None => "too many items".to_owned(),
        },
        ValueProblem::BadDate => "not a calendar date; use YYYY-MM-DD".to_owned(),
        ValueProblem::BadLink => "not a web address".to_owned(),
        ValueProblem::UnknownColumn => {
            "a table cell in a column the question does not have".to_owned()
        }
        ValueProblem::NoName => "a contact needs a name".to_owned(),
    }
}

/// Whether a value problem is stored anyway (and shown as a gap) rather than refused.
pub fn is_soft(p: ValueProblem) -> bool {
    matches!(
        p,
        ValueProblem::TooFew | ValueProblem::NoName | ValueProblem::BadLink
    )
}

/// Checks an entry against its question: `Ok` when it may be stored.
pub fn check_entry(q: &Question, entry: &Entry) -> Result<(), AnswerProblem> {
    match &entry.answer {
        Answer::Answered(value) => {
            if is_blank(value) {
                return Err(AnswerProblem::Blank);
            }
            if let Some(p) = problem(q, value).filter(|p| !is_soft(*p)) {
                let whole = |x: Option<f64>| x.map(|v| v as i64);
                let (default_min, default_max) = match q.kind {
                    Kind::Percent => (Some(0.0), Some(100.0)),
                    Kind::Scale => (Some(1.0), Some(5.0)),
                    Kind::Money | Kind::Duration => (Some(0.0), None),
                    _ => (None, None),
                };
                return Err(AnswerProblem::Value(
                    p,
                    Bounds {
                        min: whole(q.min.or(default_min)),
                        max: whole(q.max.or(default_max)),
                        max_length: q.max_length,
                        kind: Some(q.kind),
                    },
                ));
            }
        }
        Answer::Later { due } => {
            if IsoDate::parse(due).is_none() {
                return Err(AnswerProblem::BadDue(due.clone()));
            }
        }
        Answer::NotApplicable { reason } => {
            if reason.trim().is_empty() {
                return Err(AnswerProblem::NoReason);
            }
        }
        Answer::Unknown => {}
    }
    if entry.evidence.iter().any(|e| e.text.trim().is_empty()) {
        return Err(AnswerProblem::BlankEvidence);
    }
    Ok(())
}
