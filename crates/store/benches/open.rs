//! Opening a brief with 500 answered questions (`Store::opened`: header, pins, answers, archived and
//! ad-hoc questions, and the pinned checklists) — warm (checklists parsed once) and cold (a new
//! connection and an empty parse cache). Goal: under 5 ms.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark should fail loudly on a broken fixture"
)]

#[path = "support/mod.rs"]
#[allow(dead_code, reason = "each benchmark uses part of the support module")]
mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use deepbrief_core::{Answer, AnswerValue, Entry, Kind};
use deepbrief_store::Store;

const ANSWERS: usize = 500;

fn bench_open(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir");
    let path = dir.path().join("deepbrief.db");
    let mut store = Store::open(&path).expect("open");
    let library = support::library();
    let brief = store
        .create_brief(
            &support::new_brief("Колесо", &["seo", "ppc", "web", "smm"], "Анна"),
            &library,
            "Анна",
        )
        .expect("brief")
        .id;
    let mut answered = 0;
    for checklist in store.brief_checklists(&brief).expect("checklists") {
        for (_, q) in checklist.questions() {
            let entry = Entry::new(Answer::Answered(support::fitting(q)));
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
