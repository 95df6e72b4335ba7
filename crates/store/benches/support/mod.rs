//! What the store benchmarks share: the bundled library, a brief to create, an answer that fits.

use std::collections::BTreeMap;
use std::path::Path;

use deepbrief_core::{AnswerValue, Kind, Library, Question, Sources};
use deepbrief_folders::load_library;
use deepbrief_store::{Contact, NewBrief};

/// The repository's bundled checklists.
pub fn library() -> Library {
    load_library(&Sources {
        bundled: Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists"),
        agency: None,
        team: None,
    })
}

/// A brief of `client` for `services`, with one responsible contact.
pub fn new_brief(client: &str, services: &[&str], am: &str) -> NewBrief {
    NewBrief {
        client: client.into(),
        project: "Сайт".into(),
        services: services.iter().map(|s| (*s).to_owned()).collect(),
        account_manager: am.into(),
        contacts: vec![Contact {
            name: "Ирина".into(),
            role: String::new(),
            phone: String::new(),
            email: String::new(),
            responsible: true,
        }],
        language: "ru".into(),
        prefill_from: None,
        industry: String::new(),
    }
}

/// A value that fits the question's kind and bounds.
pub fn fitting(q: &Question) -> AnswerValue {
    let n = match (q.min, q.max) {
        (Some(lo), Some(hi)) => ((lo + hi) / 2.0).round(),
        (Some(lo), None) => lo + 7.0,
        _ => 7.0,
    };
    match q.kind {
        Kind::ShortText | Kind::LongText => AnswerValue::Text(
            "Заявки с сайта принимает менеджер, вносит в CRM, перезванивает в течение часа".into(),
        ),
        Kind::Link => AnswerValue::Text("https://example.ru/docs".into()),
        Kind::Date => AnswerValue::Text("2027-06-01".into()),
        Kind::Scale => AnswerValue::Number(3.0),
        Kind::Percent => AnswerValue::Number(30.0),
        Kind::Number | Kind::Money | Kind::Duration => AnswerValue::Number(n),
        Kind::YesNo => AnswerValue::Bool(true),
        Kind::SingleChoice => AnswerValue::Choice(q.choices[0].id.clone()),
        Kind::MultiChoice => AnswerValue::Choices(vec![q.choices[0].id.clone()]),
        Kind::List => AnswerValue::Items(vec!["Тула".into(), "Калуга".into(), "Рязань".into()]),
        // As many rows as the table asks for at least (one when it names no minimum).
        Kind::Table => AnswerValue::Rows(
            (0..q.min.map_or(1, |m| m.max(1.0) as usize))
                .map(|_| {
                    q.columns
                        .iter()
                        .map(|c| (c.id.clone(), cell(c)))
                        .collect::<BTreeMap<_, _>>()
                })
                .collect(),
        ),
        Kind::Contact => AnswerValue::Contact(BTreeMap::from([
            ("name".to_owned(), "Ирина Петрова".to_owned()),
            ("email".to_owned(), "irina@koleso.example".to_owned()),
        ])),
    }
}

/// A cell that fits its column's kind (the store checks cells against their column).
fn cell(c: &deepbrief_core::model::Column) -> String {
    match c.kind {
        Kind::Date => "2026-12-05".to_owned(),
        Kind::YesNo => "true".to_owned(),
        Kind::SingleChoice => c
            .choices
            .first()
            .map_or_else(String::new, |ch| ch.id.clone()),
        Kind::Link => "https://shina.example".to_owned(),
        Kind::ShortText
        | Kind::LongText
        | Kind::Number
        | Kind::Money
        | Kind::Percent
        | Kind::Duration
        | Kind::Scale
        | Kind::MultiChoice
        | Kind::List
        | Kind::Table
        | Kind::Contact => "1".to_owned(),
    }
}
