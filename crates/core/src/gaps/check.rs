//! Whether a recorded value fits its question: the right type for the kind, within the question's
//! bounds, known choice ids (each once), a real date, a link of an allowed scheme, table cells that
//! fit their column's kind, a contact with a name.
//!
//! The one place these value rules live: gap analysis uses them to decide whether an answer counts as
//! done, and `answer_check` uses the same [`problem`] to decide what the store refuses.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::answer::AnswerValue;
use crate::gaps::date::IsoDate;
use crate::model::{Column, Kind, Question};

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
    /// A link whose scheme is not `http`, `https` or `mailto` (`javascript:`, `file:`, `data:`, …).
    LinkScheme,
    /// A table cell that does not fit its column's kind (text in a number column, an unknown choice).
    BadCell,
    /// The same choice picked twice.
    DuplicateChoice,
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

/// The first problem of a (non-blank) value for the question, if any. The match is over the kind,
/// with no catch-all: a new kind is named here by the compiler. A value of another shape than the
/// kind's is `WrongType`.
pub(crate) fn problem(q: &Question, value: &AnswerValue) -> Option<ValueProblem> {
    use ValueProblem as P;
    let wrong = Some(P::WrongType);
    match q.kind {
        Kind::ShortText | Kind::LongText => match value {
            AnswerValue::Text(t) => q
                .max_length
                .is_some_and(|max| t.chars().count() > max as usize)
                .then_some(P::TooLong),
            _ => wrong,
        },
        Kind::Date => match value {
            AnswerValue::Text(t) => IsoDate::parse(t).is_none().then_some(P::BadDate),
            _ => wrong,
        },
        Kind::Link => match value {
            AnswerValue::Text(t) => link_problem(t),
            _ => wrong,
        },
        Kind::Number | Kind::Money | Kind::Percent | Kind::Duration | Kind::Scale => match value {
            AnswerValue::Number(n) => number(q, *n),
            _ => wrong,
        },
        Kind::YesNo => match value {
            AnswerValue::Bool(_) => None,
            _ => wrong,
        },
        Kind::SingleChoice => match value {
            AnswerValue::Choice(id) => {
                (!q.choices.iter().any(|c| c.id == *id)).then_some(P::UnknownChoice)
            }
            _ => wrong,
        },
        Kind::MultiChoice => match value {
            AnswerValue::Choices(ids) => {
                let mut seen = std::collections::HashSet::new();
                if ids.iter().any(|id| !q.choices.iter().any(|c| c.id == *id)) {
                    Some(P::UnknownChoice)
                } else if !ids.iter().all(|id| seen.insert(id.as_str())) {
                    Some(P::DuplicateChoice)
                } else {
                    count(q, ids.len())
                }
            }
            _ => wrong,
        },
        Kind::List => match value {
            AnswerValue::Items(items) => {
                count(q, items.iter().filter(|i| !i.trim().is_empty()).count())
            }
            _ => wrong,
        },
        Kind::Table => match value {
            AnswerValue::Rows(rows) => table(q, rows),
            _ => wrong,
        },
        Kind::Contact => match value {
            AnswerValue::Contact(fields) => fields
                .get("name")
                .is_none_or(|n| n.trim().is_empty())
                .then_some(P::NoName),
            _ => wrong,
        },
    }
}

fn table(
    q: &Question,
    rows: &[std::collections::BTreeMap<String, String>],
) -> Option<ValueProblem> {
    let known = |col: &String| q.columns.iter().any(|c| c.id == *col);
    if rows.iter().any(|r| r.keys().any(|k| !known(k))) {
        Some(ValueProblem::UnknownColumn)
    } else if rows.iter().any(|r| {
        q.columns
            .iter()
            .any(|c| r.get(&c.id).is_some_and(|cell| !cell_fits(c, cell)))
    }) {
        Some(ValueProblem::BadCell)
    } else {
        count(q, rows.len())
    }
}

fn number(q: &Question, n: f64) -> Option<ValueProblem> {
    use ValueProblem as P;
    let (min, max) = q.value_bounds();
    if !n.is_finite() {
        Some(P::NotANumber)
    } else if min.is_some_and(|min| n < min) {
        Some(P::BelowMin)
    } else if max.is_some_and(|max| n > max) {
        Some(P::AboveMax)
    } else if q.whole_value() && n.fract() != 0.0 {
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

/// Schemes a link may have: web pages and e-mail. Anything else (`javascript:`, `file:`, `data:`)
/// is refused, so no export ever makes it clickable.
pub const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// The scheme of a typed link, lowercased (`https`, `mailto`, `javascript`); none when it has none
/// (`shop.ru/price`) or the part before `:` is a host with a port (`shop.ru:8080/price`).
pub fn link_scheme(text: &str) -> Option<String> {
    let t = text.trim();
    let (scheme, rest) = t.split_once(':')?;
    let mut chars = scheme.chars();
    let well_formed = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !well_formed {
        return None;
    }
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let port = digits > 0 && matches!(rest[digits..].chars().next(), None | Some('/' | '?' | '#'));
    if port && !rest.starts_with("//") {
        return None;
    }
    Some(scheme.to_ascii_lowercase())
}

/// Whether a link's scheme (if it has one) is one of [`LINK_SCHEMES`].
pub fn scheme_allowed(text: &str) -> bool {
    link_scheme(text).is_none_or(|s| LINK_SCHEMES.contains(&s.as_str()))
}

/// The problem of a typed link, if any: a refused scheme, or not a web or e-mail address at all.
fn link_problem(text: &str) -> Option<ValueProblem> {
    if !scheme_allowed(text) {
        Some(ValueProblem::LinkScheme)
    } else if !is_link(text) {
        Some(ValueProblem::BadLink)
    } else {
        None
    }
}

/// A web or e-mail address: no spaces, and `http(s)://host…`, `mailto:name@host` or a dotted host
/// without a scheme (`shop.ru/…`).
fn is_link(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.chars().any(char::is_whitespace) {
        return false;
    }
    match link_scheme(t).as_deref() {
        Some("http" | "https") => t
            .split_once("://")
            .is_some_and(|(_, rest)| !rest.is_empty() && !rest.starts_with('/')),
        Some("mailto") => t.split_once(':').is_some_and(|(_, to)| to.contains('@')),
        Some(_) => false,
        None => t.split('/').next().is_some_and(|host| host.contains('.')),
    }
}

/// Whether a (non-blank) table cell fits its column: cells are stored as text — numbers as plain
/// decimals, dates `YYYY-MM-DD`, yes/no `true`/`false`, a choice as its id, a link with its scheme.
pub(crate) fn cell_fits(column: &Column, cell: &str) -> bool {
    let t = cell.trim();
    if t.is_empty() {
        return true;
    }
    let number = || t.parse::<f64>().ok().filter(|n| n.is_finite());
    match column.kind {
        Kind::ShortText | Kind::LongText => true,
        Kind::Number | Kind::Money | Kind::Scale => number().is_some(),
        Kind::Percent => number().is_some_and(|n| (0.0..=100.0).contains(&n)),
        Kind::Duration => number().is_some_and(|n| n >= 0.0),
        Kind::Date => IsoDate::parse(t).is_some(),
        Kind::YesNo => matches!(t, "true" | "false"),
        Kind::SingleChoice => column.choices.iter().any(|c| c.id == t),
        Kind::Link => link_problem(t).is_none(),
        // Not cell kinds: loading refuses such a column, so a cell under one fits nothing.
        Kind::MultiChoice | Kind::List | Kind::Table | Kind::Contact => false,
    }
}
