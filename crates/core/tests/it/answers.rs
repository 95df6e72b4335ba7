//! Answers written the short way, for the tests that build realistic briefs (`core_v2`, `addons`).

use std::collections::BTreeMap;

use deepbrief_core::{Answer, AnswerValue};

/// A text answer.
pub fn text(s: &str) -> Answer {
    Answer::Answered(AnswerValue::Text(s.to_owned()))
}
/// A number, money, percent, duration or scale answer.
pub fn number(n: f64) -> Answer {
    Answer::Answered(AnswerValue::Number(n))
}
/// A yes/no answer.
pub fn yes(b: bool) -> Answer {
    Answer::Answered(AnswerValue::Bool(b))
}
/// A single choice, by its id.
pub fn choice(id: &str) -> Answer {
    Answer::Answered(AnswerValue::Choice(id.to_owned()))
}
/// Several choices, by their ids.
pub fn choices(ids: &[&str]) -> Answer {
    Answer::Answered(AnswerValue::Choices(
        ids.iter().map(|s| (*s).to_owned()).collect(),
    ))
}
/// A list.
pub fn items(list: &[&str]) -> Answer {
    Answer::Answered(AnswerValue::Items(
        list.iter().map(|s| (*s).to_owned()).collect(),
    ))
}
/// A table: each row its `(column, cell)` pairs.
pub fn rows(list: &[&[(&str, &str)]]) -> Answer {
    Answer::Answered(AnswerValue::Rows(
        list.iter()
            .map(|row| {
                row.iter()
                    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                    .collect()
            })
            .collect(),
    ))
}
/// A contact with a name and a phone.
pub fn contact(name: &str, phone: &str) -> Answer {
    Answer::Answered(AnswerValue::Contact(BTreeMap::from([
        ("name".to_owned(), name.to_owned()),
        ("phone".to_owned(), phone.to_owned()),
    ])))
}
