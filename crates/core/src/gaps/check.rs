//! Whether a recorded value fits its question: the right type for the kind, within the question's
//! bounds, known choice ids, a real date.
//!
//! A small check of gap analysis's own. The store's fuller answer validation lives elsewhere; this one
//! only has to decide whether an answer counts as done.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::answer::AnswerValue;
use crate::gaps::date::IsoDate;
use crate::model::{Kind, Question};

/// Why a recorded value does not fit its question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ValueProblem {
    /// The value's type does not match the question's kind (e.g. text for a number).
    WrongType,
    /// Longer than the question's `max_length`.
    TooLong,
    /// A number below the question's `min` (or negative where the kind forbids it).
    BelowMin,
    /// A number above the question's `max`.
    AboveMax,
    /// A fraction where the question wants a whole number.
    NotWhole,
    /// A number that is not finite.
    NotANumber,
    /// A choice id the question does not offer.
    UnknownChoice,
    /// Fewer picks, items or rows than the question's `min`.
    TooFew,
    /// More picks, items or rows than the question's `max`.
    TooMany,
    /// Not a `YYYY-MM-DD` calendar date.
    BadDate,
    /// Not a web address.
    BadLink,
    /// A table cell in a column the question does not have.
    UnknownColumn,
    /// A contact without a name.
    NoName,
}

/// Whether a value says nothing at all (blank text, no items): such an answer counts as empty.
pub(crate) fn is_blank(value: &AnswerValue) -> bool {
    match value {
        AnswerValue::Text(t) | AnswerValue::Choice(t) => t.trim().is_empty(),
        AnswerValue::Number(_) | AnswerValue::Bool(_) => false,
        AnswerValue::Choices(items) | AnswerValue::Items(items) => {
            items.iter().all(|i| i.trim().is_empty())
        }
        AnswerValue::Rows(rows) => rows.iter().all(|r| r.values().all(|c| c.trim().is_empty())),
        AnswerValue::Contact(fields) => fields.values().all(|c| c.trim().is_empty()),
    }
}

/// The first problem of a (non-blank) value for the question, if any.
pub(crate) fn problem(q: &Question, value: &AnswerValue) -> Option<ValueProblem> {
    use ValueProblem as P;
    match (q.kind, value) {
        (Kind::ShortText | Kind::LongText, AnswerValue::Text(t)) => q
            .max_length
            .is_some_and(|max| t.chars().count() > max as usize)
            .then_some(P::TooLong),
        (Kind::Date, AnswerValue::Text(t)) => IsoDate::parse(t).is_none().then_some(P::BadDate),
        (Kind::Link, AnswerValue::Text(t)) => (!is_link(t)).then_some(P::BadLink),
        (k, AnswerValue::Number(n)) if k.is_numeric() => number(q, *n),
        (Kind::YesNo, AnswerValue::Bool(_)) => None,
        (Kind::SingleChoice, AnswerValue::Choice(id)) => {
            (!q.choices.iter().any(|c| c.id == *id)).then_some(P::UnknownChoice)
        }
        (Kind::MultiChoice, AnswerValue::Choices(ids)) => {
            if ids.iter().any(|id| !q.choices.iter().any(|c| c.id == *id)) {
                Some(P::UnknownChoice)
            } else {
                count(q, ids.len())
            }
        }
        (Kind::List, AnswerValue::Items(items)) => {
            count(q, items.iter().filter(|i| !i.trim().is_empty()).count())
        }
        (Kind::Table, AnswerValue::Rows(rows)) => {
            let known = |col: &String| q.columns.iter().any(|c| c.id == *col);
            if rows.iter().any(|r| r.keys().any(|k| !known(k))) {
                Some(P::UnknownColumn)
            } else {
                count(q, rows.len())
            }
        }
        (Kind::Contact, AnswerValue::Contact(fields)) => fields
            .get("name")
            .is_none_or(|n| n.trim().is_empty())
            .then_some(P::NoName),
        _ => Some(P::WrongType),
    }
}

fn number(q: &Question, n: f64) -> Option<ValueProblem> {
    use ValueProblem as P;
    let (default_min, default_max) = match q.kind {
        Kind::Percent => (Some(0.0), Some(100.0)),
        Kind::Money | Kind::Duration => (Some(0.0), None),
        Kind::Scale => (Some(1.0), Some(5.0)),
        _ => (None, None),
    };
    let whole = q.integer == Some(true) || q.kind == Kind::Scale;
    if !n.is_finite() {
        Some(P::NotANumber)
    } else if q.min.or(default_min).is_some_and(|min| n < min) {
        Some(P::BelowMin)
    } else if q.max.or(default_max).is_some_and(|max| n > max) {
        Some(P::AboveMax)
    } else if whole && n.fract() != 0.0 {
        Some(P::NotWhole)
    } else {
        None
    }
}

fn count(q: &Question, n: usize) -> Option<ValueProblem> {
    let n = n as f64;
    if q.min.is_some_and(|min| n < min) {
        Some(ValueProblem::TooFew)
    } else if q.max.is_some_and(|max| n > max) {
        Some(ValueProblem::TooMany)
    } else {
        None
    }
}

/// A web address: no spaces, and either a scheme (`https://…`) or a dotted host (`shop.ru/…`).
fn is_link(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && !t.chars().any(char::is_whitespace)
        && (t.contains("://") || t.split('/').next().is_some_and(|host| host.contains('.')))
}
