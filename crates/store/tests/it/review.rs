//! The review workflow as stored: comments, steps checked by the core rules, frozen revisions, and
//! all of it in the history and in bundles.

use std::path::Path;

use deepbrief_core::gaps::IsoDate;
use deepbrief_core::review::Refusal;
use deepbrief_core::{Answer, AnswerValue, Entry, Kind};
use deepbrief_store::{BriefStatus, CommentTarget, ReviewRequest, Store, StoreError};

use crate::{question_of, text, tyre_brief};

fn today() -> IsoDate {
    IsoDate::parse("2026-11-23").unwrap()
}

/// Answers every question of the brief with a fitting value (until nothing more appears).
fn answer_everything(store: &mut Store, brief: &str) {
    for _ in 0..3 {
        for checklist in store.brief_checklists(brief).unwrap() {
            for (_, q) in checklist.questions() {
                let entry = Entry::new(Answer::Answered(crate::support::fitting(q)));
                let _ = store.set_answer(brief, &q.id, Some(entry), "Анна");
            }
        }
    }
    // Answers a ready brief gives where the generic answer would raise a risk signal (core v2):
    // no buyers' data abroad, approvals within five days.
    for (id, value) in [
        ("personal_data_abroad", AnswerValue::Bool(false)),
        ("approval_days", AnswerValue::Number(2.0)),
    ] {
        let _ = store.set_answer(brief, id, Some(Entry::new(Answer::Answered(value))), "Анна");
    }
}

fn status(store: &Store, brief: &str) -> BriefStatus {
    store.brief_meta(brief).unwrap().status
}

#[test]
fn comments_need_text_and_a_real_target_and_resolve_once() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store).id;
    let q = question_of(&store, &brief, Kind::LongText);

    let empty = store.add_comment(&brief, CommentTarget::default(), "  ", "Лид");
    assert!(matches!(
        empty,
        Err(StoreError::Invalid {
            field: "comment",
            ..
        })
    ));
    let unknown = CommentTarget {
        question: Some("no_such_question".into()),
        ..CommentTarget::default()
    };
    assert!(matches!(
        store.add_comment(&brief, unknown, "Что это?", "Лид"),
        Err(StoreError::UnknownQuestion { .. })
    ));
    let section = store.brief_checklists(&brief).unwrap()[0].sections[0]
        .id
        .clone();
    let bad_section = CommentTarget {
        checklist: Some("core".into()),
        section: Some("nowhere".into()),
        question: None,
    };
    assert!(matches!(
        store.add_comment(&brief, bad_section, "Раздел?", "Лид"),
        Err(StoreError::Invalid {
            field: "section",
            ..
        })
    ));
    assert!(
        store.comments(&brief).unwrap().is_empty(),
        "nothing stored half-way"
    );

    let on_question = store
        .add_comment(
            &brief,
            CommentTarget {
                question: Some(q.clone()),
                ..CommentTarget::default()
            },
            "Кто именно принимает заявки в выходные?",
            "Лид",
        )
        .unwrap();
    let on_section = store
        .add_comment(
            &brief,
            CommentTarget {
                checklist: Some("core".into()),
                section: Some(section),
                question: None,
            },
            "Раздел заполнен со слов, нужны цифры",
            "Лид",
        )
        .unwrap();
    assert_eq!(store.comments(&brief).unwrap().len(), 2);

    let resolved = store
        .resolve_comment(
            &brief,
            &on_question.id,
            "Дежурный менеджер, уточнили",
            "Анна",
        )
        .unwrap();
    let resolution = resolved.resolved.clone().unwrap();
    assert_eq!(resolution.by, "Анна");
    assert_eq!(resolution.note, "Дежурный менеджер, уточнили");
    // Resolving again changes nothing.
    let again = store
        .resolve_comment(&brief, &on_question.id, "другое", "Борис")
        .unwrap();
    assert_eq!(again, resolved);
    assert!(
        store
            .comment(&brief, &on_section.id)
            .unwrap()
            .resolved
            .is_none()
    );

    let history = store.history(&brief, None).unwrap();
    let kinds: Vec<&str> = history.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == "comment").count(),
        2,
        "{kinds:?}"
    );
    assert_eq!(
        kinds.iter().filter(|k| **k == "comment_resolved").count(),
        1
    );
}

#[test]
fn the_workflow_is_enforced_and_approval_freezes_a_revision() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store).id;
    let q = question_of(&store, &brief, Kind::LongText);

    // A draft cannot be returned or approved.
    for request in [
        ReviewRequest::Return,
        ReviewRequest::Approve {
            override_note: Some("срочно".into()),
        },
    ] {
        let err = store.review(&brief, &request, "Лид", today()).unwrap_err();
        assert!(
            matches!(err, StoreError::Refused(Refusal::WrongStatus { .. })),
            "{err}"
        );
    }
    assert_eq!(status(&store, &brief), BriefStatus::Draft);

    store
        .review(&brief, &ReviewRequest::Submit, "Анна", today())
        .unwrap();
    assert_eq!(status(&store, &brief), BriefStatus::InReview);

    // Return needs an open comment.
    let err = store
        .review(&brief, &ReviewRequest::Return, "Лид", today())
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Refused(Refusal::NoComment)),
        "{err}"
    );
    let comment = store
        .add_comment(
            &brief,
            CommentTarget {
                question: Some(q.clone()),
                ..CommentTarget::default()
            },
            "Опишите, кто отвечает за заявки",
            "Лид",
        )
        .unwrap();
    store
        .review(&brief, &ReviewRequest::Return, "Лид", today())
        .unwrap();
    assert_eq!(status(&store, &brief), BriefStatus::Returned);

    // The AM answers, resolves and submits again.
    store
        .set_answer(
            &brief,
            &q,
            Some(text("Ольга, в выходные — дежурный")),
            "Анна",
        )
        .unwrap();
    store
        .resolve_comment(&brief, &comment.id, "Ответили", "Анна")
        .unwrap();
    store
        .review(&brief, &ReviewRequest::Submit, "Анна", today())
        .unwrap();

    // Not ready: refused with the reasons, unless an override note is given.
    let err = store
        .review(
            &brief,
            &ReviewRequest::Approve {
                override_note: Some("   ".into()),
            },
            "Лид",
            today(),
        )
        .unwrap_err();
    let StoreError::Refused(Refusal::NotReady { reasons }) = &err else {
        panic!("{err}");
    };
    assert!(
        reasons.iter().any(|r| r == "required_answers"),
        "{reasons:?}"
    );
    assert!(store.revisions(&brief).unwrap().is_empty());
    let approved = store
        .review(
            &brief,
            &ReviewRequest::Approve {
                override_note: Some("Клиент торопит, недостающее соберём на кикоффе".into()),
            },
            "Лид",
            today(),
        )
        .unwrap();
    assert_eq!(approved.status, BriefStatus::Approved);
    assert_eq!(approved.revision, 1);
    let revisions = store.revisions(&brief).unwrap();
    assert_eq!(revisions.len(), 1);
    assert_eq!(
        revisions[0].override_note.as_deref(),
        Some("Клиент торопит, недостающее соберём на кикоффе")
    );
    let history = store.history(&brief, None).unwrap();
    let approve = history.iter().find(|e| e.kind == "approve").unwrap();
    assert!(
        approve
            .new
            .as_ref()
            .unwrap()
            .to_string()
            .contains("Клиент торопит")
    );

    // An approved brief is read-only: the keystroke is refused and nothing changes.
    let refused = store
        .set_answer(&brief, &q, Some(text("Ольга и Пётр")), "Анна")
        .unwrap_err();
    assert!(
        matches!(refused, StoreError::Refused(Refusal::WrongStatus { .. })),
        "{refused}"
    );
    assert!(refused.to_string().contains("review reopen"), "{refused}");
    let meta = store.brief_meta(&brief).unwrap();
    assert_eq!((meta.status, meta.revision), (BriefStatus::Approved, 1));
    assert_eq!(
        store.open_brief(&brief).unwrap().entries[&q],
        text("Ольга, в выходные — дежурный")
    );

    // «Изменить — новая редакция» starts revision 2 as a draft; revision 1 stays as approved.
    let reopened = store
        .review(&brief, &ReviewRequest::Reopen, "Анна", today())
        .unwrap();
    assert_eq!(
        (reopened.status, reopened.revision),
        (BriefStatus::Draft, 2)
    );
    let history = store.history(&brief, None).unwrap();
    let revision = history.iter().rfind(|e| e.kind == "revision").unwrap();
    assert_eq!(revision.who, "Анна");
    store
        .set_answer(&brief, &q, Some(text("Ольга и Пётр")), "Анна")
        .unwrap();
    let meta = store.brief_meta(&brief).unwrap();
    assert_eq!((meta.status, meta.revision), (BriefStatus::Draft, 2));
    let frozen = store.revision(&brief, 1).unwrap();
    assert_eq!(
        frozen.data.entries[&q],
        text("Ольга, в выходные — дежурный")
    );
    assert_eq!(frozen.data.meta.status, BriefStatus::Approved);
    assert!(!frozen.checklists.is_empty());
    assert_eq!(
        store.open_brief(&brief).unwrap().entries[&q],
        text("Ольга и Пётр")
    );
    assert!(matches!(
        store.revision(&brief, 2),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn a_ready_brief_is_approved_without_a_note() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store).id;
    answer_everything(&mut store, &brief);
    let report = store.gap_report(&brief, today()).unwrap();
    assert!(report.verdict.ready, "{:?}", report.verdict);
    store
        .review(&brief, &ReviewRequest::Submit, "Анна", today())
        .unwrap();
    store
        .review(
            &brief,
            &ReviewRequest::Approve {
                override_note: None,
            },
            "Лид",
            today(),
        )
        .unwrap();
    let revisions = store.revisions(&brief).unwrap();
    assert_eq!(revisions.len(), 1);
    assert_eq!(revisions[0].override_note, None);
    // Approving again is refused.
    let err = store
        .review(
            &brief,
            &ReviewRequest::Approve {
                override_note: None,
            },
            "Лид",
            today(),
        )
        .unwrap_err();
    assert!(matches!(
        err,
        StoreError::Refused(Refusal::WrongStatus { .. })
    ));
}

#[test]
fn comments_statuses_and_revisions_travel_in_bundles() {
    let mut am = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut am).id;
    let q = question_of(&am, &brief, Kind::LongText);
    am.set_answer(&brief, &q, Some(text("Ольга")), "Анна")
        .unwrap();
    am.review(&brief, &ReviewRequest::Submit, "Анна", today())
        .unwrap();

    // The lead imports, comments and returns.
    let mut lead = Store::open_in_memory().unwrap();
    lead.import_bundle(
        &deepbrief_store::bundle::export(&am, &brief).unwrap(),
        Path::new("a.deepbrief"),
        &crate::library(),
    )
    .unwrap();
    let comment = lead
        .add_comment(
            &brief,
            CommentTarget::default(),
            "Нет цифр по продажам",
            "Лид",
        )
        .unwrap();
    lead.review(&brief, &ReviewRequest::Return, "Лид", today())
        .unwrap();

    // The AM gets it back with the comment, resolves, submits.
    am.import_bundle(
        &deepbrief_store::bundle::export(&lead, &brief).unwrap(),
        Path::new("b.deepbrief"),
        &crate::library(),
    )
    .unwrap();
    assert_eq!(status(&am, &brief), BriefStatus::Returned);
    assert_eq!(am.comments(&brief).unwrap()[0].id, comment.id);
    am.resolve_comment(&brief, &comment.id, "Добавили", "Анна")
        .unwrap();
    am.review(&brief, &ReviewRequest::Submit, "Анна", today())
        .unwrap();

    // The lead approves with a note; the AM sees the frozen revision after import.
    lead.import_bundle(
        &deepbrief_store::bundle::export(&am, &brief).unwrap(),
        Path::new("c.deepbrief"),
        &crate::library(),
    )
    .unwrap();
    assert!(lead.comments(&brief).unwrap()[0].resolved.is_some());
    lead.review(
        &brief,
        &ReviewRequest::Approve {
            override_note: Some("Запускаем, остальное на кикоффе".into()),
        },
        "Лид",
        today(),
    )
    .unwrap();
    am.import_bundle(
        &deepbrief_store::bundle::export(&lead, &brief).unwrap(),
        Path::new("d.deepbrief"),
        &crate::library(),
    )
    .unwrap();
    assert_eq!(status(&am, &brief), BriefStatus::Approved);
    let revisions = am.revisions(&brief).unwrap();
    assert_eq!(revisions.len(), 1);
    assert_eq!(
        am.revision(&brief, 1).unwrap().data.entries[&q],
        text("Ольга")
    );
}

#[test]
fn every_write_to_an_approved_brief_is_refused_until_a_revision_is_opened() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store).id;
    answer_everything(&mut store, &brief);
    let q = question_of(&store, &brief, Kind::LongText);
    store
        .review(&brief, &ReviewRequest::Submit, "Анна", today())
        .unwrap();
    store
        .review(
            &brief,
            &ReviewRequest::Approve {
                override_note: None,
            },
            "Вера",
            today(),
        )
        .unwrap();
    let before = store.history(&brief, None).unwrap().len();
    let meta = store.brief_meta(&brief).unwrap();

    // Answers (set and clear), the header and ad-hoc questions: all refused, nothing recorded.
    assert!(
        store
            .set_answer(&brief, &q, Some(text("ещё")), "Анна")
            .is_err()
    );
    assert!(store.set_answer(&brief, &q, None, "Анна").is_err());
    assert!(
        store
            .update_brief(
                &brief,
                "Другой клиент",
                &meta.project,
                &meta.contacts,
                "Анна"
            )
            .is_err()
    );
    assert!(
        store
            .add_adhoc(&brief, None, "Сколько складов?", Kind::ShortText, "Анна")
            .is_err()
    );
    assert_eq!(store.history(&brief, None).unwrap().len(), before);
    assert_eq!(status(&store, &brief), BriefStatus::Approved);
    // Setting the same answer again is no change and no error.
    let same = store.open_brief(&brief).unwrap().entries[&q].clone();
    assert!(store.set_answer(&brief, &q, Some(same), "Анна").is_ok());

    // Reopening a draft is refused: it can be edited already.
    store
        .review(&brief, &ReviewRequest::Reopen, "Анна", today())
        .unwrap();
    let err = store
        .review(&brief, &ReviewRequest::Reopen, "Анна", today())
        .unwrap_err();
    assert!(matches!(
        err,
        StoreError::Refused(Refusal::WrongStatus { .. })
    ));
    store
        .set_answer(&brief, &q, Some(text("ещё")), "Анна")
        .unwrap();
    // The board counts the approved revision beside the new draft.
    let board = store
        .board(&deepbrief_store::BriefFilter::default(), today())
        .unwrap();
    let row = board.rows.iter().find(|r| r.item.meta.id == brief).unwrap();
    assert_eq!(row.item.meta.status, BriefStatus::Draft);
    assert_eq!(row.item.meta.revision, 2);
    assert_eq!(row.approved_revisions, 1);
}

#[test]
fn a_brief_in_review_is_taken_back_to_draft_in_the_same_revision() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store).id;
    store
        .review(&brief, &ReviewRequest::Submit, "Анна", today())
        .unwrap();
    let back = store
        .review(&brief, &ReviewRequest::Reopen, "Анна", today())
        .unwrap();
    assert_eq!((back.status, back.revision), (BriefStatus::Draft, 1));
    let history = store.history(&brief, None).unwrap();
    assert!(!history.iter().any(|e| e.kind == "revision"));
    let last = history.last().unwrap();
    assert_eq!((last.kind.as_str(), last.who.as_str()), ("brief", "Анна"));
}

#[test]
fn every_action_is_signed_by_the_person_who_took_it() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store).id;
    let q = question_of(&store, &brief, Kind::LongText);
    store
        .set_answer(&brief, &q, Some(text("Ольга")), "Анна Петрова")
        .unwrap();
    let comment = store
        .add_comment(&brief, CommentTarget::default(), "Где цены?", "Вера Лидова")
        .unwrap();
    assert_eq!(comment.author, "Вера Лидова");
    let history = store.history(&brief, Some(&q)).unwrap();
    assert_eq!(history.last().unwrap().who, "Анна Петрова");
    let resolved = store
        .resolve_comment(&brief, &comment.id, "Добавила", "Анна Петрова")
        .unwrap();
    assert_eq!(resolved.resolved.unwrap().by, "Анна Петрова");
}
