//! Gap analysis: one fully answered core brief, and 1,000 briefs for the lead's board (core plus one
//! service add-on each, answers in every state).

#![allow(
    clippy::expect_used,
    reason = "a benchmark should fail loudly on a broken fixture"
)]

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use deepbrief_core::gaps::{Brief, Entries, analyze_all};
use deepbrief_core::{
    Answer, AnswerValue, Checklist, Entry, IsoDate, Kind, Question, Sources, analyze,
};
use deepbrief_folders::load_library;

/// A value that fits the question; `variant` picks among choices and yes/no.
fn fitting(q: &Question, variant: usize) -> AnswerValue {
    let number = match (q.min, q.max) {
        (Some(lo), Some(hi)) => ((lo + hi) / 2.0).round(),
        (Some(lo), None) => lo + 20.0,
        _ => 20.0,
    };
    match q.kind {
        Kind::ShortText | Kind::LongText => {
            AnswerValue::Text("Склад в Туле, доставка по ЦФО за 2 дня, 300 заказов в месяц".into())
        }
        Kind::Link => AnswerValue::Text("https://example.ru/docs".into()),
        Kind::Date => AnswerValue::Text("2027-06-01".into()),
        Kind::Scale => AnswerValue::Number(3.0),
        Kind::Percent => AnswerValue::Number(30.0),
        Kind::Number | Kind::Money | Kind::Duration => AnswerValue::Number(number),
        Kind::YesNo => AnswerValue::Bool(variant.is_multiple_of(2)),
        Kind::SingleChoice => AnswerValue::Choice(q.choices[variant % q.choices.len()].id.clone()),
        Kind::MultiChoice => {
            AnswerValue::Choices(vec![q.choices[variant % q.choices.len()].id.clone()])
        }
        Kind::List => AnswerValue::Items(vec!["Тула".into(), "Калуга".into(), "все".into()]),
        Kind::Table => AnswerValue::Rows(vec![BTreeMap::from([(
            q.columns[0].id.clone(),
            "Ирина".to_owned(),
        )])]),
        Kind::Contact => AnswerValue::Contact(BTreeMap::from([(
            "name".to_owned(),
            "Ирина Петрова".to_owned(),
        )])),
    }
}

/// A brief with pseudo-random states: mostly answered, some empty, unknown, later, not applicable.
fn brief(checklists: &[&Checklist], seed: u64) -> Entries {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let mut entries = Entries::new();
    for checklist in checklists {
        for (_, q) in checklist.questions() {
            let roll = next() % 20;
            let answer = match roll {
                0..=1 => continue,
                2 => Answer::Unknown,
                3 => Answer::Later {
                    due: if next().is_multiple_of(2) {
                        "2026-11-01"
                    } else {
                        "2026-12-31"
                    }
                    .into(),
                },
                4 => Answer::NotApplicable {
                    reason: "нет".into(),
                },
                _ => Answer::Answered(fitting(q, next())),
            };
            let mut entry = Entry::new(answer);
            entry.to_confirm = next().is_multiple_of(25);
            entries.insert(q.id.clone(), entry);
        }
    }
    entries
}

fn bench_gaps(c: &mut Criterion) {
    let library = load_library(&Sources {
        bundled: Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists"),
        agency: None,
        team: None,
    });
    let get = |id: &str| &library.latest(id).expect("bundled checklist").checklist;
    let core = get("core");
    let today = IsoDate::parse("2026-11-23").expect("date");

    let mut full = Entries::new();
    for (_, q) in core.questions() {
        full.insert(q.id.clone(), Entry::new(Answer::Answered(fitting(q, 0))));
    }
    c.bench_function("analyze(one full core brief)", |b| {
        b.iter(|| analyze(black_box(&[core]), black_box(&full), today))
    });

    let sets: Vec<[&Checklist; 2]> = ["seo", "ppc", "web", "smm"]
        .iter()
        .map(|addon| [core, get(addon)])
        .collect();
    let entries: Vec<Entries> = (0..1000u64)
        .map(|i| brief(&sets[i as usize % sets.len()], i))
        .collect();
    let briefs: Vec<Brief<'_>> = entries
        .iter()
        .enumerate()
        .map(|(i, entries)| Brief {
            checklists: &sets[i % sets.len()],
            entries,
        })
        .collect();
    let gaps: usize = analyze_all(&briefs, today)
        .iter()
        .map(|r| r.gaps.len())
        .sum();
    eprintln!("1,000 briefs: {gaps} gaps in all");
    c.bench_function("analyze_all(1,000 briefs, core + one add-on)", |b| {
        b.iter(|| analyze_all(black_box(&briefs), today))
    });
}

criterion_group!(benches, bench_gaps);
criterion_main!(benches);
