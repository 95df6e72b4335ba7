//! The rule the CLI and the window share: an account manager keeps out of a brief the lead is
//! reviewing; a lead may still correct it; nobody changes an approved one.

use deepbrief_app::Person;
use deepbrief_app::edits::{save_answer, set_process_note};
use deepbrief_core::review::Role;
use deepbrief_core::{Answer, AnswerValue, Entry, IsoDate, Sources};
use deepbrief_store::{NewBrief, ReviewRequest, Store, StoreError};

fn person(name: &str, role: Role) -> Person {
    Person {
        name: name.to_owned(),
        role,
    }
}

fn text(s: &str) -> Option<Entry> {
    Some(Entry::new(Answer::Answered(AnswerValue::Text(
        s.to_owned(),
    ))))
}

#[test]
fn an_am_keeps_out_of_a_brief_in_review_and_a_lead_may_still_correct_it() {
    let library = deepbrief_folders::load_library(&Sources {
        bundled: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists"),
        agency: None,
        team: None,
    });
    let mut store = Store::open_in_memory().unwrap();
    let brief = store
        .create_brief(
            &NewBrief {
                client: "Колесо".into(),
                project: "Сайт".into(),
                services: Vec::new(),
                account_manager: "Анна".into(),
                contacts: Vec::new(),
                language: "ru".into(),
                prefill_from: None,
                industry: String::new(),
            },
            &library,
            "Анна",
        )
        .unwrap();
    let anna = person("Анна", Role::Am);
    let lead = person("Ольга", Role::Lead);
    save_answer(
        &mut store,
        &anna,
        &brief.id,
        "goal_statement",
        text("Продажи в регионах"),
    )
    .unwrap();

    store
        .review(
            &brief.id,
            &ReviewRequest::Submit,
            "Анна",
            IsoDate::new(2026, 12, 2).unwrap(),
        )
        .unwrap();
    let refused = save_answer(
        &mut store,
        &anna,
        &brief.id,
        "goal_statement",
        text("Другое"),
    )
    .unwrap_err();
    assert!(matches!(refused, StoreError::Refused(_)), "{refused}");
    let refused =
        set_process_note(&mut store, &anna, &brief.id, "sales", Some("Звонок")).unwrap_err();
    assert!(matches!(refused, StoreError::Refused(_)), "{refused}");
    // Nothing changed: the answer is still the one given before the review.
    let opened = store.opened(&brief.id).unwrap();
    assert_eq!(
        opened.data.entries["goal_statement"],
        text("Продажи в регионах").unwrap()
    );

    save_answer(
        &mut store,
        &lead,
        &brief.id,
        "goal_statement",
        text("Продажи в трёх регионах"),
    )
    .unwrap();
    let opened = store.opened(&brief.id).unwrap();
    assert_eq!(
        opened.data.entries["goal_statement"],
        text("Продажи в трёх регионах").unwrap()
    );
}
