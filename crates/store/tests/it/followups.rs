//! Follow-up meetings and the letters sent about them.

use deepbrief_store::{NewFollowUp, Store, StoreError};

use crate::tyre_brief;

#[test]
fn a_sent_letter_is_kept_as_sent_with_its_meeting() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store).id;
    let other = tyre_brief(&mut store).id;
    let meeting = store
        .plan_followup(
            &brief,
            &NewFollowUp {
                title: "Уточняющая встреча".into(),
                start: "2026-11-30T11:00".into(),
                duration_minutes: 60,
                timezone: Some("Europe/Moscow".into()),
                location: None,
                attendees: Vec::new(),
                items: vec!["answer:goal_target".into()],
            },
            "Анна",
        )
        .unwrap();
    assert!(store.letters_sent(&brief).unwrap().is_empty());

    let edited = "Тема: Проект «SEO»: что уточнить до 27 ноября\n\nЗдравствуйте, Ирина!\n(поправлено вручную)";
    let sent = store
        .record_letter_sent(&brief, Some(&meeting.id), edited, "Анна")
        .unwrap();
    store
        .record_letter_sent(&brief, None, "Второе письмо", "Анна")
        .unwrap();
    let kept = store.letters_sent(&brief).unwrap();
    assert_eq!(kept.len(), 2);
    assert_eq!(kept[0], sent);
    assert_eq!(kept[0].text, edited);
    assert_eq!(kept[0].followup_id.as_deref(), Some(meeting.id.as_str()));
    assert_eq!(kept[1].followup_id, None);
    assert!(store.letters_sent(&other).unwrap().is_empty());

    // Nothing to record, or a meeting of another brief: refused, nothing kept.
    assert!(matches!(
        store.record_letter_sent(&brief, None, "  \n", "Анна"),
        Err(StoreError::Invalid { field: "text", .. })
    ));
    assert!(matches!(
        store.record_letter_sent(&other, Some(&meeting.id), "Письмо", "Анна"),
        Err(StoreError::Invalid {
            field: "followup_id",
            ..
        })
    ));
    assert_eq!(store.letters_sent(&brief).unwrap().len(), 2);
}
