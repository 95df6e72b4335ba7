//! The history records old → new, who and when, and cannot be rewritten.

use deepbrief_core::Kind;
use deepbrief_store::types::HistoryEvent;
use deepbrief_store::{Store, coalesce_edits};

use crate::{question_of, text, tyre_brief};

#[test]
fn every_change_is_an_event_with_old_and_new() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store);
    let q = question_of(&store, &brief.id, Kind::LongText);
    store
        .set_answer(&brief.id, &q, Some(text("один")), "Анна")
        .unwrap();
    store
        .set_answer(&brief.id, &q, Some(text("два")), "Олег")
        .unwrap();
    store.set_answer(&brief.id, &q, None, "Анна").unwrap();
    let events = store.history(&brief.id, Some(&q)).unwrap();
    assert_eq!(events.len(), 3);
    assert_eq!(events[0].old, None);
    assert_eq!(events[1].who, "Олег");
    assert_eq!(
        events[1].old,
        Some(serde_json::to_value(text("один")).unwrap())
    );
    assert_eq!(events[2].new, None);
    assert!(events.windows(2).all(|w| w[0].at <= w[1].at));
    let all = store.history(&brief.id, None).unwrap();
    assert_eq!(all[0].kind, "created");
}

/// An event as the store writes it, for the grouping rules.
fn event(
    seq: u32,
    at: &str,
    who: &str,
    kind: &str,
    subject: &str,
    old: &str,
    new: &str,
) -> HistoryEvent {
    let value = |s: &str| (!s.is_empty()).then(|| serde_json::json!(s));
    HistoryEvent {
        event_id: format!("e{seq}"),
        brief_id: "b".into(),
        at: at.into(),
        who: who.into(),
        kind: kind.into(),
        subject: Some(subject.into()),
        old: value(old),
        new: value(new),
        base: None,
    }
}

#[test]
fn saves_of_one_edit_read_as_one_change() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store);
    let q = question_of(&store, &brief.id, Kind::LongText);
    // A reason typed word by word, saved as it settles: four durable saves…
    for typed in ["Не", "Не продаём", "Не продаём в", "Не продаём в регионах"]
    {
        store
            .set_answer(&brief.id, &q, Some(text(typed)), "Анна")
            .unwrap();
    }
    assert_eq!(store.history(&brief.id, Some(&q)).unwrap().len(), 4);
    // …one change in the history a person reads: nothing → the whole reason.
    let edits = store.edits(&brief.id, Some(&q)).unwrap();
    assert_eq!(edits.len(), 1, "{edits:#?}");
    assert_eq!(edits[0].old, None);
    assert_eq!(
        edits[0].new,
        Some(serde_json::to_value(text("Не продаём в регионах")).unwrap())
    );
    let raw = store.history(&brief.id, Some(&q)).unwrap();
    assert_eq!(edits[0].event_id, raw[3].event_id);
    assert_eq!(edits[0].at, raw[3].at);
}

#[test]
fn another_person_or_question_in_between_ends_an_edit() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store);
    let q = question_of(&store, &brief.id, Kind::LongText);
    let other = question_of(&store, &brief.id, Kind::ShortText);
    store
        .set_answer(&brief.id, &q, Some(text("один")), "Анна")
        .unwrap();
    store
        .set_answer(&brief.id, &q, Some(text("одна")), "Анна")
        .unwrap();
    store
        .set_answer(&brief.id, &q, Some(text("два")), "Олег")
        .unwrap();
    store
        .set_answer(&brief.id, &other, Some(text("другой")), "Олег")
        .unwrap();
    store
        .set_answer(&brief.id, &q, Some(text("три")), "Олег")
        .unwrap();
    let edits = store.edits(&brief.id, Some(&q)).unwrap();
    let news: Vec<_> = edits
        .iter()
        .map(|e| (e.who.as_str(), e.new.clone()))
        .collect();
    assert_eq!(
        news,
        vec![
            ("Анна", Some(serde_json::to_value(text("одна")).unwrap())),
            ("Олег", Some(serde_json::to_value(text("два")).unwrap())),
            ("Олег", Some(serde_json::to_value(text("три")).unwrap())),
        ]
    );
    assert_eq!(
        edits[1].old,
        Some(serde_json::to_value(text("одна")).unwrap())
    );
    // The whole brief reads the same way, with its creation first.
    let all = store.edits(&brief.id, None).unwrap();
    assert_eq!(all[0].kind, "created");
    // created, the responsible contact from the dialog, then the four edits above.
    assert_eq!(all.len(), 6, "{all:?}");
}

#[test]
fn a_long_pause_ends_an_edit_and_an_undone_edit_is_left_out() {
    let events = vec![
        event(
            1,
            "2026-12-02T10:00:00.000Z",
            "Анна",
            "answer",
            "q",
            "",
            "а",
        ),
        event(
            2,
            "2026-12-02T10:01:59.000Z",
            "Анна",
            "answer",
            "q",
            "а",
            "аб",
        ),
        // More than two minutes later: a new edit.
        event(
            3,
            "2026-12-02T10:04:00.000Z",
            "Анна",
            "answer",
            "q",
            "аб",
            "абв",
        ),
        // Typed and erased within one edit: nothing changed.
        event(
            4,
            "2026-12-02T10:10:00.000Z",
            "Анна",
            "answer",
            "q",
            "абв",
            "абвг",
        ),
        event(
            5,
            "2026-12-02T10:10:01.000Z",
            "Анна",
            "answer",
            "q",
            "абвг",
            "абв",
        ),
        // Not an answer: never grouped.
        event(
            6,
            "2026-12-02T10:10:02.000Z",
            "Анна",
            "brief",
            "project",
            "x",
            "y",
        ),
        event(
            7,
            "2026-12-02T10:10:03.000Z",
            "Анна",
            "brief",
            "project",
            "y",
            "z",
        ),
    ];
    let edits = coalesce_edits(events);
    let ids: Vec<_> = edits.iter().map(|e| e.event_id.as_str()).collect();
    assert_eq!(ids, ["e2", "e3", "e6", "e7"]);
    assert_eq!(edits[0].old, None);
    assert_eq!(edits[0].new, Some(serde_json::json!("аб")));
    assert_eq!(edits[1].old, Some(serde_json::json!("аб")));
}
