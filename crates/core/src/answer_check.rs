//! Whether an entry may be stored for a question: the store refuses a wrong type or an out-of-range
//! value with a message, and nothing is stored half-way.
//!
//! Hard problems (the value cannot be what the question asks: a wrong type, a number out of range, an
//! unknown or repeated choice, a date that does not exist, a link of another scheme than http(s) or
//! mailto, a table cell that does not fit its column, a contact without a name) are refused. Soft ones
//! (fewer list items than `min`, a link without a dot) are stored — nothing typed is lost — and gap
//! analysis reports them as invalid answers until they are fixed. The rules themselves live in
//! [`crate::gaps::check`], shared with gap analysis.

use crate::answer::{Answer, AnswerValue, Entry, EvidenceKind};
use crate::gaps::IsoDate;
use crate::gaps::check::{LINK_SCHEMES, ValueProblem, cell_fits, is_blank, link_scheme, problem};
use crate::kinds::Bounded;
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
    /// A table cell that does not fit its column's kind.
    #[error("row {row}, column `{column}`: `{cell}` is not {expected}")]
    Cell {
        /// The row, from 1.
        row: usize,
        /// The column's id.
        column: String,
        /// The cell as given.
        cell: String,
        /// What the column holds, in words.
        expected: &'static str,
    },
    /// A link (the answer's or a piece of evidence's) with a scheme that is not allowed.
    #[error(
        "`{0}:` links are not accepted; give a web address (https://…) or an e-mail address (mailto:…)"
    )]
    LinkScheme(String),
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
        ValueProblem::NoName => "a contact needs a name: fill in the name field".to_owned(),
        ValueProblem::LinkScheme => format!("only {} links are accepted", LINK_SCHEMES.join(", ")),
        ValueProblem::BadCell => "a table cell does not fit its column".to_owned(),
        ValueProblem::DuplicateChoice => {
            "the same choice is picked twice; pick each choice once".to_owned()
        }
    }
}

/// Whether a value problem is stored anyway (and shown as a gap) rather than refused.
pub fn is_soft(p: ValueProblem) -> bool {
    matches!(p, ValueProblem::TooFew | ValueProblem::BadLink)
}

/// What a table column holds, in words, for the message about a cell that does not fit.
fn cell_expected(kind: Kind) -> &'static str {
    match kind {
        Kind::Number | Kind::Money | Kind::Scale => "a number (plain decimal, e.g. 1500.5)",
        Kind::Percent => "a percentage from 0 to 100",
        Kind::Duration => "a number of days, 0 or more",
        Kind::Date => "a date YYYY-MM-DD",
        Kind::YesNo => "`true` or `false`",
        Kind::SingleChoice => "one of the column's choice ids",
        Kind::Link => "a web address with http:// or https://",
        Kind::ShortText
        | Kind::LongText
        | Kind::MultiChoice
        | Kind::List
        | Kind::Table
        | Kind::Contact => "a value this column can hold",
    }
}

/// The first table cell that does not fit its column, as a refusal.
fn bad_cell(q: &Question, value: &AnswerValue) -> Option<AnswerProblem> {
    let AnswerValue::Rows(rows) = value else {
        return None;
    };
    rows.iter().enumerate().find_map(|(i, row)| {
        q.columns.iter().find_map(|c| {
            let cell = row.get(&c.id)?;
            (!cell_fits(c, cell)).then(|| AnswerProblem::Cell {
                row: i + 1,
                column: c.id.clone(),
                cell: cell.clone(),
                expected: cell_expected(c.kind),
            })
        })
    })
}

/// Checks an entry against its question: `Ok` when it may be stored.
pub fn check_entry(q: &Question, entry: &Entry) -> Result<(), AnswerProblem> {
    match &entry.answer {
        Answer::Answered(value) => {
            if is_blank(value) {
                return Err(AnswerProblem::Blank);
            }
            let problem = problem(q, value).filter(|p| !is_soft(*p));
            if problem == Some(ValueProblem::BadCell)
                && let Some(cell) = bad_cell(q, value)
            {
                return Err(cell);
            }
            if let (Some(ValueProblem::LinkScheme), AnswerValue::Text(t)) = (problem, value)
                && let Some(scheme) = link_scheme(t)
            {
                return Err(AnswerProblem::LinkScheme(scheme));
            }
            if let Some(p) = problem {
                let whole = |x: Option<f64>| x.map(|v| v as i64);
                // Counts (items, picks, rows) are bounded by the question's own `min`/`max`.
                let (min, max) = match q.kind.spec().bounded {
                    Bounded::Value => q.value_bounds(),
                    Bounded::Count | Bounded::Nothing => (q.min, q.max),
                };
                return Err(AnswerProblem::Value(
                    p,
                    Bounds {
                        min: whole(min),
                        max: whole(max),
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
    for e in &entry.evidence {
        if e.kind == EvidenceKind::Link
            && let Some(scheme) =
                link_scheme(&e.text).filter(|s| !LINK_SCHEMES.contains(&s.as_str()))
        {
            return Err(AnswerProblem::LinkScheme(scheme));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use std::collections::BTreeMap;

    use super::*;
    use crate::answer::Evidence;
    use crate::model::{Choice, Column};
    use crate::text::Text;

    fn question(kind: Kind) -> Question {
        let mut q = Question::new(
            "q",
            Text::Plain("Q".into()),
            Text::Plain(String::new()),
            kind,
        );
        let choice = |id: &str| Choice {
            id: id.into(),
            label: Text::Plain(id.into()),
            other: false,
        };
        q.choices = vec![choice("a"), choice("b")];
        let column = |id: &str, kind: Kind| Column {
            id: id.into(),
            title: Text::Plain(id.into()),
            kind,
            unit: None,
            currency: None,
            choices: if kind == Kind::SingleChoice {
                vec![choice("x")]
            } else {
                Vec::new()
            },
        };
        q.columns = vec![
            column("name", Kind::ShortText),
            column("count", Kind::Number),
            column("share", Kind::Percent),
            column("since", Kind::Date),
            column("active", Kind::YesNo),
            column("area", Kind::SingleChoice),
            column("site", Kind::Link),
        ];
        q
    }

    fn answered(value: AnswerValue) -> Entry {
        Entry::new(Answer::Answered(value))
    }

    fn text(kind: Kind, t: &str) -> Result<(), AnswerProblem> {
        check_entry(&question(kind), &answered(AnswerValue::Text(t.into())))
    }

    #[test]
    fn links_are_web_or_mail_only() {
        for ok in [
            "https://shina.ru/price",
            "http://shina.ru",
            "shina.ru/price",
            "shina.ru:8080/price",
            "mailto:irina@koleso.example",
            "HTTPS://SHINA.RU",
        ] {
            assert_eq!(text(Kind::Link, ok), Ok(()), "{ok}");
        }
        for (bad, scheme) in [
            ("javascript:alert(document.cookie)", "javascript"),
            ("JavaScript:alert(1)", "javascript"),
            ("file:///etc/passwd", "file"),
            ("data:text/html,<b>x</b>", "data"),
            ("vbscript:msgbox(1)", "vbscript"),
            ("ftp://files.shina.ru", "ftp"),
        ] {
            let err = text(Kind::Link, bad).unwrap_err();
            assert_eq!(err, AnswerProblem::LinkScheme(scheme.into()), "{bad}");
            assert!(err.to_string().contains("https://"), "{err}");
        }
        // Not a link at all (no dot): stored, and gap analysis shows it until it is fixed.
        assert_eq!(text(Kind::Link, "сайт"), Ok(()));
    }

    #[test]
    fn evidence_links_are_web_or_mail_only() {
        let mut entry = answered(AnswerValue::Text("ответ".into()));
        entry.evidence.push(Evidence {
            kind: EvidenceKind::Link,
            text: "javascript:alert(1)".into(),
            verified: false,
        });
        assert_eq!(
            check_entry(&question(Kind::ShortText), &entry),
            Err(AnswerProblem::LinkScheme("javascript".into()))
        );
        entry.evidence[0].text = "https://docs.example/sales".into();
        assert_eq!(check_entry(&question(Kind::ShortText), &entry), Ok(()));
    }

    #[test]
    fn a_choice_picked_twice_is_refused() {
        let q = question(Kind::MultiChoice);
        let picks = |ids: &[&str]| {
            check_entry(
                &q,
                &answered(AnswerValue::Choices(
                    ids.iter().map(|s| (*s).to_owned()).collect(),
                )),
            )
        };
        assert_eq!(picks(&["a", "b"]), Ok(()));
        let err = picks(&["a", "b", "a"]).unwrap_err();
        assert!(
            matches!(err, AnswerProblem::Value(ValueProblem::DuplicateChoice, _)),
            "{err:?}"
        );
    }

    #[test]
    fn a_contact_without_a_name_is_refused() {
        let q = question(Kind::Contact);
        let contact = |fields: &[(&str, &str)]| {
            check_entry(
                &q,
                &answered(AnswerValue::Contact(
                    fields
                        .iter()
                        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                        .collect(),
                )),
            )
        };
        assert_eq!(contact(&[("name", "Ирина")]), Ok(()));
        for nameless in [
            &[("phone", "+7 900 000-00-00")][..],
            &[("name", "  "), ("email", "irina@koleso.example")][..],
        ] {
            let err = contact(nameless).unwrap_err();
            assert!(
                matches!(err, AnswerProblem::Value(ValueProblem::NoName, _)),
                "{err:?}"
            );
        }
    }

    #[test]
    fn table_cells_are_checked_against_their_column() {
        let q = question(Kind::Table);
        let rows = |cells: &[(&str, &str)]| {
            let row: BTreeMap<String, String> = cells
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect();
            check_entry(&q, &answered(AnswerValue::Rows(vec![row])))
        };
        assert_eq!(
            rows(&[
                ("name", "Ирина"),
                ("count", "1500.5"),
                ("share", "30"),
                ("since", "2026-12-05"),
                ("active", "true"),
                ("area", "x"),
                ("site", "https://shina.ru"),
            ]),
            Ok(())
        );
        for (column, cell) in [
            ("count", "много"),
            ("count", "NaN"),
            ("share", "130"),
            ("since", "2026-02-30"),
            ("active", "да"),
            ("area", "y"),
            ("site", "javascript:alert(1)"),
            ("site", "не ссылка"),
        ] {
            let err = rows(&[("name", "Ирина"), (column, cell)]).unwrap_err();
            match &err {
                AnswerProblem::Cell { row, column: c, .. } => {
                    assert_eq!((*row, c.as_str()), (1, column), "{cell}")
                }
                other => panic!("{column} = {cell}: {other:?}"),
            }
            assert!(err.to_string().contains(&format!("`{column}`")), "{err}");
        }
    }
}
