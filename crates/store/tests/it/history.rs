//! The history records old → new, who and when, and cannot be rewritten.

use deepbrief_core::Kind;
use deepbrief_store::Store;

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
