//! Opening a brief with 500 answered questions (`Store::opened`: header, pins, answers, archived and
//! ad-hoc questions, and the pinned checklists) — warm (checklists parsed once) and cold (a new
//! connection and an empty parse cache). Goal: under 5 ms.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark should fail loudly on a broken fixture"
)]

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use deepbrief_core::{Answer, AnswerValue, Entry, Kind, Question, Sources, load_library};
use deepbrief_store::{Contact, NewBrief, Store};

const ANSWERS: usize = 500;

/// A value that fits the question's kind and bounds.
fn fitting(q: &Question) -> AnswerValue {
    let n = match (q.min, q.max) {
        (Some(lo), Some(hi)) => ((lo + hi) / 2.0).round(),
        (Some(lo), None) => lo + 20.0,
        _ => 20.0,
    };
    match q.kind {
        Kind::ShortText | Kind::LongText => {
            AnswerValue::Text("Склад в Туле, доставка по ЦФО за 2 дня".into())
        }
        Kind::Link => AnswerValue::Text("https://example.ru/docs".into()),
        Kind::Date => AnswerValue::Text("2027-06-01".into()),
        Kind::Scale => AnswerValue::Number(3.0),
        Kind::Percent => AnswerValue::Number(30.0),
        Kind::Number | Kind::Money | Kind::Duration => AnswerValue::Number(n),
        Kind::YesNo => AnswerValue::Bool(true),
        Kind::SingleChoice => AnswerValue::Choice(q.choices[0].id.clone()),
        Kind::MultiChoice => AnswerValue::Choices(vec![q.choices[0].id.clone()]),
        Kind::List => AnswerValue::Items(vec!["Тула".into(), "Калуга".into(), "Рязань".into()]),
        Kind::Table => AnswerValue::Rows(vec![
            q.columns
                .iter()
                .map(|c| (c.id.clone(), "1".to_owned()))
                .collect::<BTreeMap<_, _>>(),
        ]),
        Kind::Contact => AnswerValue::Contact(BTreeMap::from([
            ("name".to_owned(), "Ирина Петрова".to_owned()),
            ("email".to_owned(), "irina@koleso.example".to_owned()),
        ])),
    }
}

fn bench_open(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir");
    let path = dir.path().join("deepbrief.db");
    let mut store = Store::open(&path).expect("open");
    let library = load_library(&Sources {
        bundled: Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists"),
        agency: None,
    });
    let services: Vec<String> = ["seo", "ppc", "web", "smm"].map(String::from).to_vec();
    let brief = store
        .create_brief(
            &NewBrief {
                client: "Колесо".into(),
                project: "Сайт".into(),
                services,
                account_manager: "Анна".into(),
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
            },
            &library,
            "Анна",
        )
        .expect("brief")
        .id;
    let mut answered = 0;
    for checklist in store.brief_checklists(&brief).expect("checklists") {
        for (_, q) in checklist.questions() {
            let entry = Entry::new(Answer::Answered(fitting(q)));
            if store.set_answer(&brief, &q.id, Some(entry), "Анна").is_ok() {
                answered += 1;
            }
        }
    }
    while answered < ANSWERS {
        let q = store
            .add_adhoc(
                &brief,
                None,
                &format!("Дополнительный вопрос {answered}"),
                Kind::ShortText,
                "Анна",
            )
            .expect("ad-hoc");
        let entry = Entry::new(Answer::Answered(AnswerValue::Text(format!(
            "Ответ {answered}"
        ))));
        store
            .set_answer(&brief, &q.id, Some(entry), "Анна")
            .expect("answer");
        answered += 1;
    }
    drop(store);
    let store = Store::open(&path).expect("reopen");
    let opened = store.opened(&brief).expect("opened");
    assert!(
        opened.data.entries.len() >= ANSWERS,
        "{}",
        opened.data.entries.len()
    );
    eprintln!(
        "brief with {} answers on {} checklists",
        opened.data.entries.len(),
        opened.checklists.len()
    );
    c.bench_function("opened(500 answers, warm)", |b| {
        b.iter(|| black_box(store.opened(&brief).expect("opened")))
    });
    c.bench_function("Store::open alone (migrations check, quick_check)", |b| {
        b.iter(|| black_box(Store::open(&path).expect("open")))
    });
    c.bench_function(
        "Store::open + opened(500 answers, cold: parses 5 stored checklists)",
        |b| {
            b.iter(|| {
                let store = Store::open(&path).expect("open");
                black_box(store.opened(&brief).expect("opened"))
            })
        },
    );
    // What the app does: the library loaded at start-up seeds the parse cache.
    c.bench_function(
        "Store::open + remember_checklists + opened(500 answers)",
        |b| {
            b.iter(|| {
                let store = Store::open(&path).expect("open");
                store.remember_checklists(&library);
                black_box(store.opened(&brief).expect("opened"))
            })
        },
    );
}

criterion_group!(benches, bench_open);
criterion_main!(benches);
