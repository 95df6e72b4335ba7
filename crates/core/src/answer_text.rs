//! Typed text to an answer value, by the question's kind: how `deepbrief brief answer VALUE` (and
//! any other text surface) reads what was typed — `да`, `1 500,50`, `a, b` for choices, `a; b` for
//! lists. The match is over the kind with no catch-all, next to the kind table.

use crate::answer::AnswerValue;
use crate::model::{Kind, Question};

/// Why typed text is not an answer to the question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextProblem {
    /// A number was expected.
    #[error("`{text}` is not a number (question `{question}`)")]
    NotANumber {
        /// What was typed.
        text: String,
        /// The question.
        question: String,
    },
    /// Yes or no was expected.
    #[error("`{text}`: answer yes/no (да/нет) for question `{question}`")]
    NotYesNo {
        /// What was typed.
        text: String,
        /// The question.
        question: String,
    },
    /// The kind's answers are structured and are given as JSON.
    #[error("question `{question}` is a {kind}: pass its answer as JSON (--value-json)")]
    NeedsJson {
        /// The question.
        question: String,
        /// The kind's name.
        kind: &'static str,
    },
}

/// Reads a typed value for a question.
pub fn parse_value(q: &Question, text: &str) -> Result<AnswerValue, TextProblem> {
    let number = || -> Result<f64, TextProblem> {
        let cleaned: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        cleaned.parse::<f64>().map_err(|_| TextProblem::NotANumber {
            text: text.to_owned(),
            question: q.id.clone(),
        })
    };
    Ok(match q.kind {
        Kind::ShortText | Kind::LongText | Kind::Link | Kind::Date => {
            AnswerValue::Text(text.to_owned())
        }
        Kind::Number | Kind::Money | Kind::Percent | Kind::Duration | Kind::Scale => {
            AnswerValue::Number(number()?)
        }
        Kind::YesNo => match text.trim().to_lowercase().as_str() {
            "yes" | "y" | "true" | "да" | "д" => AnswerValue::Bool(true),
            "no" | "n" | "false" | "нет" | "н" => AnswerValue::Bool(false),
            other => {
                return Err(TextProblem::NotYesNo {
                    text: other.to_owned(),
                    question: q.id.clone(),
                });
            }
        },
        Kind::SingleChoice => AnswerValue::Choice(text.trim().to_owned()),
        Kind::MultiChoice => AnswerValue::Choices(
            text.split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
        ),
        Kind::List => AnswerValue::Items(
            text.split(';')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect(),
        ),
        Kind::Table | Kind::Contact => {
            return Err(TextProblem::NeedsJson {
                question: q.id.clone(),
                kind: q.kind.name(),
            });
        }
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, reason = "tests fail loudly")]
    use super::*;

    fn question(kind: &str) -> Question {
        serde_json::from_value(serde_json::json!({
            "id": "q",
            "prompt": {"ru": "Вопрос", "en": "Question"},
            "hint": {"ru": "Зачем", "en": "Why"},
            "kind": kind,
        }))
        .expect("a question")
    }

    fn parse(kind: &str, text: &str) -> AnswerValue {
        parse_value(&question(kind), text).expect("parses")
    }

    #[test]
    fn numbers_take_a_decimal_comma_and_spaces_between_thousands() {
        assert_eq!(parse("number", "1 500,5"), AnswerValue::Number(1500.5));
        assert_eq!(parse("money", "2\u{a0}000"), AnswerValue::Number(2000.0));
        let err = parse_value(&question("percent"), "много").expect_err("not a number");
        assert!(
            err.to_string()
                .contains("`много` is not a number (question `q`)"),
            "{err}"
        );
    }

    #[test]
    fn yes_and_no_in_either_language() {
        for yes in ["да", "Д", "yes", " Y ", "true"] {
            assert_eq!(parse("yes_no", yes), AnswerValue::Bool(true), "{yes}");
        }
        for no in ["нет", "н", "No", "false"] {
            assert_eq!(parse("yes_no", no), AnswerValue::Bool(false), "{no}");
        }
        let err = parse_value(&question("yes_no"), "может быть").expect_err("not yes/no");
        assert!(err.to_string().contains("answer yes/no (да/нет)"), "{err}");
    }

    #[test]
    fn choices_split_on_commas_and_lists_on_semicolons() {
        assert_eq!(
            parse("single_choice", " below "),
            AnswerValue::Choice("below".to_owned())
        );
        assert_eq!(
            parse("multi_choice", "lower_price, free_delivery,"),
            AnswerValue::Choices(vec!["lower_price".to_owned(), "free_delivery".to_owned()])
        );
        assert_eq!(
            parse("list", "Тула; Калуга;"),
            AnswerValue::Items(vec!["Тула".to_owned(), "Калуга".to_owned()])
        );
        assert_eq!(
            parse("short_text", " как есть "),
            AnswerValue::Text(" как есть ".to_owned())
        );
    }

    #[test]
    fn tables_and_contacts_need_json() {
        for kind in ["table", "contact"] {
            let err = parse_value(&question(kind), "x").expect_err("needs JSON");
            assert!(
                err.to_string().contains("as JSON (--value-json)"),
                "{kind}: {err}"
            );
        }
    }
}
