//! The note "described at the meeting": stored with history, read by gap analysis, cleared, refused
//! for unknown processes and blank notes, and carried by bundles like an answer.

use std::path::Path;

use deepbrief_core::gaps::{ProcessStatus, process_note_key};
use deepbrief_core::{IsoDate, analyze};
use deepbrief_store::{Store, StoreError, bundle};

use crate::tyre_brief;

fn sales_status(store: &Store, brief: &str) -> (ProcessStatus, Option<String>) {
    let checklists = store.brief_checklists(brief).unwrap();
    let refs: Vec<&deepbrief_core::Checklist> = checklists.iter().map(|c| c.as_ref()).collect();
    let entries = store.entries(brief).unwrap();
    let report = analyze(&refs, &entries, IsoDate::parse("2026-12-02").unwrap());
    let p = report
        .processes
        .iter()
        .find(|p| p.checklist == "core" && p.process == "sales")
        .unwrap();
    (p.status, p.note.clone())
}

#[test]
fn a_note_marks_the_process_described_keeps_history_and_clears() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store);
    assert_eq!(
        sales_status(&store, &brief.id).0,
        ProcessStatus::NotDescribed
    );

    store
        .set_process_note(
            &brief.id,
            "sales",
            Some("  Прошли воронку на встрече: звонок → счёт → оплата  "),
            "Анна",
        )
        .unwrap();
    assert_eq!(
        sales_status(&store, &brief.id),
        (
            ProcessStatus::DescribedByNote,
            Some("Прошли воронку на встрече: звонок → счёт → оплата".to_owned())
        )
    );
    // The same note again adds no event.
    store
        .set_process_note(
            &brief.id,
            "core:sales",
            Some("Прошли воронку на встрече: звонок → счёт → оплата"),
            "Анна",
        )
        .unwrap();
    store
        .set_process_note(&brief.id, "sales", None, "Анна")
        .unwrap();
    assert_eq!(
        sales_status(&store, &brief.id),
        (ProcessStatus::NotDescribed, None)
    );
    let key = process_note_key("core", "sales");
    let history = store.history(&brief.id, Some(&key)).unwrap();
    assert_eq!(history.len(), 2, "{history:#?}");
    assert!(history[0].old.is_none() && history[0].new.is_some());
    assert!(history[1].old.is_some() && history[1].new.is_none());
    assert!(history.iter().all(|e| e.who == "Анна"));
}

#[test]
fn unknown_processes_and_blank_notes_are_refused_and_nothing_is_stored() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store);
    let before = store.history(&brief.id, None).unwrap().len();
    let err = store
        .set_process_note(&brief.id, "salse", Some("note"), "Анна")
        .unwrap_err();
    assert!(matches!(
        err,
        StoreError::Invalid {
            field: "process",
            ..
        }
    ));
    assert!(err.to_string().contains("core:sales"), "{err}");
    let err = store
        .set_process_note(&brief.id, "seo:sales", Some("note"), "Анна")
        .unwrap_err();
    assert!(matches!(
        err,
        StoreError::Invalid {
            field: "process",
            ..
        }
    ));
    let err = store
        .set_process_note(&brief.id, "sales", Some("   "), "Анна")
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid { field: "note", .. }));
    let long = "о".repeat(deepbrief_store::PROCESS_NOTE_MAX_CHARS + 1);
    assert!(
        store
            .set_process_note(&brief.id, "sales", Some(&long), "Анна")
            .is_err()
    );
    assert_eq!(store.history(&brief.id, None).unwrap().len(), before);
}

#[test]
fn a_note_travels_in_a_bundle() {
    let mut a = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut a);
    a.set_process_note(&brief.id, "fulfilment", Some("Склад в Туле, СДЭК"), "Анна")
        .unwrap();
    let bytes = bundle::export(&a, &brief.id).unwrap();
    let mut b = Store::open_in_memory().unwrap();
    b.import_bundle(&bytes, Path::new("brief.deepbrief"), &crate::library())
        .unwrap();
    assert_eq!(b.entries(&brief.id).unwrap(), a.entries(&brief.id).unwrap());
    assert!(
        b.entries(&brief.id)
            .unwrap()
            .contains_key(&process_note_key("core", "fulfilment"))
    );
}
