//! Answers: validation, durability, clearing, and hostile text round-tripping byte for byte.

use deepbrief_core::{Answer, AnswerValue, Entry, Evidence, EvidenceKind, Kind};
use deepbrief_store::{Store, StoreError};

use crate::{question_of, text, tyre_brief};

fn answered(v: AnswerValue) -> Entry {
    Entry::new(Answer::Answered(v))
}

#[test]
fn a_value_that_does_not_fit_is_refused_and_nothing_is_stored() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store);
    let number = question_of(&store, &brief.id, Kind::Number);
    let date = question_of(&store, &brief.id, Kind::Date);
    let choice = question_of(&store, &brief.id, Kind::SingleChoice);
    let percent = question_of(&store, &brief.id, Kind::Percent);
    let cases: Vec<(&str, Entry, &str)> = vec![
        (
            number.as_str(),
            answered(AnswerValue::Text("много".into())),
            "type",
        ),
        (
            date.as_str(),
            answered(AnswerValue::Text("2026-02-30".into())),
            "calendar date",
        ),
        (
            choice.as_str(),
            answered(AnswerValue::Choice("nope".into())),
            "does not offer",
        ),
        (
            percent.as_str(),
            answered(AnswerValue::Number(140.0)),
            "maximum",
        ),
        (
            number.as_str(),
            Entry::new(Answer::Later {
                due: "завтра".into(),
            }),
            "YYYY-MM-DD",
        ),
        (
            number.as_str(),
            Entry::new(Answer::NotApplicable { reason: " ".into() }),
            "why",
        ),
    ];
    for (question, entry, message) in cases {
        let err = store
            .set_answer(&brief.id, question, Some(entry), "Анна")
            .unwrap_err();
        assert!(matches!(err, StoreError::InvalidAnswer { .. }), "{err}");
        assert!(err.to_string().contains(message), "{question}: {err}");
        assert!(
            err.to_string().contains(question),
            "names the question: {err}"
        );
    }
    // Only the responsible contact typed in the new-brief dialog is answered.
    let entries = store.open_brief(&brief.id).unwrap().entries;
    assert_eq!(
        entries.keys().collect::<Vec<_>>(),
        ["client_responsible"],
        "nothing refused was stored"
    );
    assert!(
        store
            .history(&brief.id, None)
            .unwrap()
            .iter()
            .all(|e| e.kind != "answer" || e.subject.as_deref() == Some("client_responsible"))
    );
    let err = store
        .set_answer(&brief.id, "no_such_question", Some(text("x")), "Анна")
        .unwrap_err();
    assert!(matches!(err, StoreError::UnknownQuestion { .. }), "{err}");
}

#[test]
fn states_and_evidence_are_stored() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store);
    let q = question_of(&store, &brief.id, Kind::LongText);
    let mut entry = text("Продажи по телефону, заказы в amoCRM");
    entry.evidence.push(Evidence {
        kind: EvidenceKind::Link,
        text: "https://koleso.example/regl.pdf".into(),
        verified: true,
    });
    store
        .set_answer(&brief.id, &q, Some(entry.clone()), "Анна")
        .unwrap();
    assert_eq!(store.open_brief(&brief.id).unwrap().entries[&q], entry);
    for state in [
        Answer::Unknown,
        Answer::Later {
            due: "2026-12-01".into(),
        },
        Answer::NotApplicable {
            reason: "нет интернет-магазина".into(),
        },
    ] {
        store
            .set_answer(&brief.id, &q, Some(Entry::new(state.clone())), "Анна")
            .unwrap();
        assert_eq!(
            store.open_brief(&brief.id).unwrap().entries[&q].answer,
            state
        );
    }
    store.set_answer(&brief.id, &q, None, "Анна").unwrap();
    assert!(
        !store
            .open_brief(&brief.id)
            .unwrap()
            .entries
            .contains_key(&q)
    );
    // A blank value clears too.
    store
        .set_answer(&brief.id, &q, Some(text("x")), "Анна")
        .unwrap();
    store
        .set_answer(&brief.id, &q, Some(text("   ")), "Анна")
        .unwrap();
    assert!(
        !store
            .open_brief(&brief.id)
            .unwrap()
            .entries
            .contains_key(&q)
    );
}

#[test]
fn the_same_answer_twice_is_one_event() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store);
    let q = question_of(&store, &brief.id, Kind::LongText);
    let first = store
        .set_answer(&brief.id, &q, Some(text("a")), "Анна")
        .unwrap();
    let again = store
        .set_answer(&brief.id, &q, Some(text("a")), "Анна")
        .unwrap();
    assert_eq!(first, again);
    assert_eq!(store.history(&brief.id, Some(&q)).unwrap().len(), 1);
}

#[test]
fn an_answer_survives_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deepbrief.db");
    let mut store = Store::open(&path).unwrap();
    let brief = tyre_brief(&mut store);
    let q = question_of(&store, &brief.id, Kind::LongText);
    store
        .set_answer(&brief.id, &q, Some(text("сохранено")), "Анна")
        .unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.open_brief(&brief.id).unwrap().entries[&q],
        text("сохранено")
    );
}

#[test]
fn hostile_text_round_trips_byte_for_byte() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store);
    let q = question_of(&store, &brief.id, Kind::LongText);
    let megabyte: String = "Шины ".repeat(1024 * 1024 / "Шины ".len() + 1);
    let samples = [
        megabyte.as_str(),
        "emoji 🚗🛞👍🏽 and ZWJ 👩‍💻",
        "RTL: שלום עולם مرحبا بالعالم",
        "NUL \u{0} inside \u{0}\u{0} text",
        "'); DROP TABLE brief;-- \" OR 1=1; /* */",
        "<img src=x onerror=alert(1)>",
        "tab\tnewline\r\nend",
    ];
    for sample in samples {
        store
            .set_answer(&brief.id, &q, Some(text(sample)), "Анна")
            .unwrap();
        let back = store.open_brief(&brief.id).unwrap().entries[&q].clone();
        assert_eq!(
            back,
            text(sample),
            "round trip of {:?}",
            &sample[..sample.len().min(40)]
        );
        let last = store.history(&brief.id, Some(&q)).unwrap().pop().unwrap();
        let from_history: Entry = serde_json::from_value(last.new.unwrap()).unwrap();
        assert_eq!(from_history, text(sample));
    }
    // The brief table is still there.
    assert_eq!(store.brief_meta(&brief.id).unwrap().client, "Колесо");
}
