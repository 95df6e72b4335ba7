//! Client links and the client's answers: stored once however often a sync fetches them, waiting
//! until the account manager accepts (the history names the client's contact, the gap closes) or
//! rejects them (with a comment on the question); an answer the kind rules refuse is never dropped —
//! it waits with the problem named.

use deepbrief_core::gaps::{GapCode, IsoDate};
use deepbrief_core::{Answer, AnswerValue, Entry, Evidence, EvidenceKind, Kind};
use deepbrief_store::{
    ClientAnswerFile, ClientAnswerStatus, ClientLinkState, NewClientAnswer, NewClientLink,
    NewFollowUp, NewSubmission, ReviewRequest, Store, StoreError,
};
use serde_json::json;

use crate::tyre_brief;

fn today() -> IsoDate {
    IsoDate::parse("2026-12-02").unwrap()
}

/// A brief with a follow-up over its open questions and a link for it: (brief, link, questions
/// with a missing answer by kind).
struct Linked {
    brief: String,
    link: String,
    followup: String,
}

/// The first question of `kind` with a missing answer in the brief.
fn open_question(store: &Store, brief: &str, kind: Kind) -> String {
    store
        .gap_report(brief, today())
        .unwrap()
        .gaps
        .iter()
        .filter(|g| g.code == GapCode::MissingAnswer)
        .filter_map(|g| g.key.question().map(str::to_owned))
        .find(|q| store.question(brief, q).is_ok_and(|q| q.kind == kind))
        .unwrap_or_else(|| panic!("no open {kind:?} question"))
}

fn linked(store: &mut Store) -> Linked {
    let brief = tyre_brief(store).id;
    let items: Vec<String> = store
        .gap_report(&brief, today())
        .unwrap()
        .gaps
        .iter()
        .map(|g| g.key.to_string())
        .collect();
    let followup = store
        .plan_followup(
            &brief,
            &NewFollowUp {
                title: "Уточняющая встреча".into(),
                start: "2026-12-10T11:00".into(),
                duration_minutes: 60,
                timezone: Some("Europe/Moscow".into()),
                location: None,
                attendees: Vec::new(),
                items,
            },
            "Анна",
        )
        .unwrap()
        .id;
    let link = store
        .add_client_link(
            &NewClientLink {
                id: "link-1".into(),
                brief_id: brief.clone(),
                followup_id: followup.clone(),
                url: "https://brief.agency.example/c/tok".into(),
                contact: "Ирина Петрова".into(),
                expires_on: "2026-12-31".into(),
                created_by: "Анна".into(),
            },
            today(),
        )
        .unwrap()
        .id;
    Linked {
        brief,
        link,
        followup,
    }
}

fn submission(id: &str, at: &str, answers: Vec<(&str, serde_json::Value)>) -> NewSubmission {
    NewSubmission {
        id: id.into(),
        at: at.into(),
        answers: answers
            .into_iter()
            .map(|(q, a)| NewClientAnswer {
                question_id: q.into(),
                answer: Some(a),
                files: Vec::new(),
            })
            .collect(),
    }
}

fn text(s: &str) -> serde_json::Value {
    json!({"state": "answered", "value": {"type": "text", "value": s}})
}

#[test]
fn a_submission_stored_twice_gives_one_row_and_the_board_counts_it() {
    let mut store = Store::open_in_memory().unwrap();
    let l = linked(&mut store);
    let q = open_question(&store, &l.brief, Kind::ShortText);
    let sub = submission("s1", "2026-12-03T10:00:00Z", vec![(&q, text("Шины"))]);
    assert_eq!(store.store_client_submission(&l.link, &sub).unwrap(), 1);
    assert_eq!(
        store.store_client_submission(&l.link, &sub).unwrap(),
        0,
        "fetched again: nothing new"
    );
    let answers = store.client_answers(&l.brief, "ru").unwrap();
    assert_eq!(answers.len(), 1);
    assert_eq!(answers[0].id, format!("s1/{q}"));
    assert_eq!(answers[0].status, ClientAnswerStatus::Waiting);
    assert_eq!(answers[0].contact, "Ирина Петрова");
    assert_eq!(answers[0].kind, Some(Kind::ShortText));
    assert_ne!(answers[0].prompt, q, "the question's words, not its id");
    assert_eq!(answers[0].problem, None);
    assert_eq!(
        store.list_briefs(&Default::default()).unwrap()[0].client_waiting,
        1
    );
    let board = store.board(&Default::default(), today()).unwrap();
    assert_eq!(board.rows[0].item.client_waiting, 1);
    // Nothing went into the brief yet.
    assert!(!store.entries(&l.brief).unwrap().contains_key(&q));
}

#[test]
fn the_same_answer_sent_again_shows_once_and_a_changed_one_supersedes_the_waiting_one() {
    let mut store = Store::open_in_memory().unwrap();
    let l = linked(&mut store);
    let q = open_question(&store, &l.brief, Kind::ShortText);
    let first = submission("s1", "2026-12-03T10:00:00Z", vec![(&q, text("Шины"))]);
    let same = submission("s2", "2026-12-03T11:00:00Z", vec![(&q, text("Шины"))]);
    let changed = submission(
        "s3",
        "2026-12-03T12:00:00Z",
        vec![(&q, text("Шины и диски"))],
    );
    for sub in [&first, &same, &changed] {
        store.store_client_submission(&l.link, sub).unwrap();
    }
    // The server sends every submission on every fetch, oldest first: still the same rows.
    for sub in [&first, &same, &changed] {
        assert_eq!(store.store_client_submission(&l.link, sub).unwrap(), 0);
    }
    let answers = store.client_answers(&l.brief, "ru").unwrap();
    let states: Vec<(&str, ClientAnswerStatus)> =
        answers.iter().map(|a| (a.id.as_str(), a.status)).collect();
    assert_eq!(
        states,
        vec![
            (format!("s3/{q}").as_str(), ClientAnswerStatus::Waiting),
            (format!("s1/{q}").as_str(), ClientAnswerStatus::Superseded),
        ]
    );
    assert_eq!(
        store.list_briefs(&Default::default()).unwrap()[0].client_waiting,
        1
    );
}

#[test]
fn accept_writes_the_answer_in_the_contacts_name_and_closes_its_gap() {
    let mut store = Store::open_in_memory().unwrap();
    let l = linked(&mut store);
    let q = open_question(&store, &l.brief, Kind::ShortText);
    store
        .store_client_submission(
            &l.link,
            &submission("s1", "2026-12-03T10:00:00Z", vec![(&q, text("Шины"))]),
        )
        .unwrap();
    let open = |store: &Store| {
        store
            .gap_report(&l.brief, today())
            .unwrap()
            .gaps
            .iter()
            .any(|g| g.key.question() == Some(q.as_str()))
    };
    assert!(open(&store));

    let file = Evidence {
        kind: EvidenceKind::File,
        text: "прайс.pdf".into(),
        verified: true,
    };
    let saved = store
        .accept_client_answer(
            &format!("s1/{q}"),
            None,
            std::slice::from_ref(&file),
            "Анна",
        )
        .unwrap();
    assert!(!open(&store), "the gap closed");
    let entry = &store.entries(&l.brief).unwrap()[&q];
    assert_eq!(
        entry.answer,
        Answer::Answered(AnswerValue::Text("Шины".into()))
    );
    assert_eq!(entry.evidence, vec![file]);
    let history = store.history(&l.brief, Some(&q)).unwrap();
    let last = history.last().unwrap();
    assert_eq!(last.event_id, saved.event_id);
    assert_eq!(
        last.who, "Ирина Петрова (клиент)",
        "the history names the contact"
    );
    let accepted = store.client_answer(&format!("s1/{q}"), "ru").unwrap();
    assert_eq!(accepted.status, ClientAnswerStatus::Accepted);
    assert_eq!(accepted.decided_by.as_deref(), Some("Анна"));
    assert_eq!(
        store.list_briefs(&Default::default()).unwrap()[0].client_waiting,
        0
    );

    // Decided once: a second accept or a reject is refused and changes nothing.
    let again = store
        .accept_client_answer(&format!("s1/{q}"), None, &[], "Анна")
        .unwrap_err();
    assert!(
        matches!(
            again,
            StoreError::Invalid {
                field: "status",
                ..
            }
        ),
        "{again}"
    );
    assert!(
        store
            .reject_client_answer(&format!("s1/{q}"), "нет", "Анна")
            .is_err()
    );
}

#[test]
fn an_edited_accept_keeps_the_clients_words_in_the_history_then_the_ams() {
    let mut store = Store::open_in_memory().unwrap();
    let l = linked(&mut store);
    let q = open_question(&store, &l.brief, Kind::ShortText);
    store
        .store_client_submission(
            &l.link,
            &submission("s1", "2026-12-03T10:00:00Z", vec![(&q, text("шины"))]),
        )
        .unwrap();
    let edited = Entry::new(Answer::Answered(AnswerValue::Text("Шины и диски".into())));
    store
        .accept_client_answer(&format!("s1/{q}"), Some(edited.clone()), &[], "Анна")
        .unwrap();
    assert_eq!(store.entries(&l.brief).unwrap()[&q], edited);
    let who: Vec<String> = store
        .history(&l.brief, Some(&q))
        .unwrap()
        .into_iter()
        .map(|e| e.who)
        .collect();
    assert_eq!(who, vec!["Ирина Петрова (клиент)", "Анна"]);
}

#[test]
fn an_answer_the_kind_rules_refuse_waits_with_the_problem_and_is_refused_at_accept() {
    let mut store = Store::open_in_memory().unwrap();
    let l = linked(&mut store);
    let q = open_question(&store, &l.brief, Kind::YesNo);
    // A yes/no question answered with words (a page of another version, a hand-made request).
    store
        .store_client_submission(
            &l.link,
            &submission("s1", "2026-12-03T10:00:00Z", vec![(&q, text("наверное"))]),
        )
        .unwrap();
    let waiting = store.client_answer(&format!("s1/{q}"), "ru").unwrap();
    let problem = waiting.problem.expect("the problem is shown before accept");
    assert!(problem.contains(&q), "{problem}");

    let refused = store
        .accept_client_answer(&format!("s1/{q}"), None, &[], "Анна")
        .unwrap_err();
    match &refused {
        StoreError::InvalidAnswer { question, .. } => assert_eq!(question, &q),
        other => panic!("{other:?}"),
    }
    assert!(refused.to_string().contains(&q), "{refused}");
    let still = store.client_answer(&format!("s1/{q}"), "ru").unwrap();
    assert_eq!(still.status, ClientAnswerStatus::Waiting, "never dropped");
    assert!(!store.entries(&l.brief).unwrap().contains_key(&q));

    // Corrected by the AM, it goes in under the AM's name (the client's words did not fit).
    let yes = Entry::new(Answer::Answered(AnswerValue::Bool(true)));
    store
        .accept_client_answer(&format!("s1/{q}"), Some(yes.clone()), &[], "Анна")
        .unwrap();
    assert_eq!(store.entries(&l.brief).unwrap()[&q], yes);
    let history = store.history(&l.brief, Some(&q)).unwrap();
    assert_eq!(history.last().unwrap().who, "Анна");
}

#[test]
fn reject_needs_a_comment_and_puts_it_on_the_question() {
    let mut store = Store::open_in_memory().unwrap();
    let l = linked(&mut store);
    let q = open_question(&store, &l.brief, Kind::ShortText);
    let id = format!("s1/{q}");
    store
        .store_client_submission(
            &l.link,
            &submission("s1", "2026-12-03T10:00:00Z", vec![(&q, text("не скажу"))]),
        )
        .unwrap();
    let refused = store.reject_client_answer(&id, "  ", "Анна").unwrap_err();
    assert!(
        matches!(
            refused,
            StoreError::Invalid {
                field: "comment",
                ..
            }
        ),
        "{refused}"
    );
    assert_eq!(
        store.client_answer(&id, "ru").unwrap().status,
        ClientAnswerStatus::Waiting
    );

    let comment = store
        .reject_client_answer(&id, "нужны цифры", "Анна")
        .unwrap();
    assert_eq!(comment.target.question.as_deref(), Some(q.as_str()));
    assert!(
        comment.text.starts_with("Ответ клиента отклонён"),
        "{}",
        comment.text
    );
    assert!(comment.text.ends_with("нужны цифры"));
    assert_eq!(store.comments(&l.brief).unwrap(), vec![comment]);
    let rejected = store.client_answer(&id, "ru").unwrap();
    assert_eq!(rejected.status, ClientAnswerStatus::Rejected);
    assert_eq!(rejected.comment.as_deref(), Some("нужны цифры"));
    assert!(!store.entries(&l.brief).unwrap().contains_key(&q));
}

#[test]
fn only_files_back_the_answer_the_brief_has() {
    let mut store = Store::open_in_memory().unwrap();
    let l = linked(&mut store);
    let q = open_question(&store, &l.brief, Kind::LongText);
    let file = ClientAnswerFile {
        id: "f1".into(),
        name: "регламент.docx".into(),
        content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            .into(),
        bytes: 2048,
    };
    let sub = NewSubmission {
        id: "s1".into(),
        at: "2026-12-03T10:00:00Z".into(),
        answers: vec![NewClientAnswer {
            question_id: q.clone(),
            answer: None,
            files: vec![file.clone()],
        }],
    };
    store.store_client_submission(&l.link, &sub).unwrap();
    let id = format!("s1/{q}");
    let waiting = store.client_answer(&id, "ru").unwrap();
    assert_eq!(waiting.files, vec![file]);
    assert!(waiting.problem.is_some(), "no answer to back yet");
    assert!(store.accept_client_answer(&id, None, &[], "Анна").is_err());

    store
        .set_answer(
            &l.brief,
            &q,
            Some(Entry::new(Answer::Answered(AnswerValue::Text(
                "Описали на встрече".into(),
            )))),
            "Анна",
        )
        .unwrap();
    assert_eq!(store.client_answer(&id, "ru").unwrap().problem, None);
    let evidence = Evidence {
        kind: EvidenceKind::File,
        text: "регламент.docx".into(),
        verified: true,
    };
    store
        .accept_client_answer(&id, None, std::slice::from_ref(&evidence), "Анна")
        .unwrap();
    let entry = &store.entries(&l.brief).unwrap()[&q];
    assert_eq!(
        entry.answer,
        Answer::Answered(AnswerValue::Text("Описали на встрече".into()))
    );
    assert_eq!(entry.evidence, vec![evidence]);
}

#[test]
fn an_approved_brief_takes_no_client_answer_until_it_is_reopened() {
    let mut store = Store::open_in_memory().unwrap();
    let l = linked(&mut store);
    let q = open_question(&store, &l.brief, Kind::ShortText);
    store
        .store_client_submission(
            &l.link,
            &submission("s1", "2026-12-03T10:00:00Z", vec![(&q, text("Шины"))]),
        )
        .unwrap();
    store
        .review(&l.brief, &ReviewRequest::Submit, "Анна", today())
        .unwrap();
    store
        .review(
            &l.brief,
            &ReviewRequest::Approve {
                override_note: Some("запускаем".into()),
            },
            "Лид",
            today(),
        )
        .unwrap();
    let refused = store
        .accept_client_answer(&format!("s1/{q}"), None, &[], "Анна")
        .unwrap_err();
    assert!(matches!(refused, StoreError::Refused(_)), "{refused}");
    assert_eq!(
        store
            .client_answer(&format!("s1/{q}"), "ru")
            .unwrap()
            .status,
        ClientAnswerStatus::Waiting
    );
}

#[test]
fn links_are_live_revoked_or_expired_and_fetched_until_a_month_past_expiry() {
    let mut store = Store::open_in_memory().unwrap();
    let l = linked(&mut store);
    let day = |d: &str| IsoDate::parse(d).unwrap();
    let link = store.client_link(&l.link, today()).unwrap();
    assert_eq!(link.state, ClientLinkState::Live);
    assert_eq!(
        store.client_link(&l.link, day("2027-01-01")).unwrap().state,
        ClientLinkState::Expired
    );
    assert_eq!(
        store
            .client_links_to_fetch(day("2027-01-30"))
            .unwrap()
            .len(),
        1
    );
    assert!(
        store
            .client_links_to_fetch(day("2027-01-31"))
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store
            .live_client_link(&l.brief, Some(&l.followup), today())
            .unwrap()
            .map(|l| l.id),
        Some(l.link.clone())
    );

    let revoked = store.revoke_client_link(&l.link, today()).unwrap();
    assert_eq!(revoked.state, ClientLinkState::Revoked);
    let again = store.revoke_client_link(&l.link, today()).unwrap();
    assert_eq!(
        again.revoked_at, revoked.revoked_at,
        "the first time is kept"
    );
    assert!(store.client_links_to_fetch(today()).unwrap().is_empty());
    assert_eq!(
        store.live_client_link(&l.brief, None, today()).unwrap(),
        None
    );
    assert_eq!(store.client_links(&l.brief, today()).unwrap(), vec![again]);

    // A link for a follow-up of another brief is refused.
    let other = tyre_brief(&mut store).id;
    let refused = store
        .add_client_link(
            &NewClientLink {
                id: "link-2".into(),
                brief_id: other,
                followup_id: l.followup.clone(),
                url: "https://x/c/t".into(),
                contact: "Ирина".into(),
                expires_on: "2026-12-31".into(),
                created_by: "Анна".into(),
            },
            today(),
        )
        .unwrap_err();
    assert!(
        matches!(
            refused,
            StoreError::Invalid {
                field: "followup_id",
                ..
            }
        ),
        "{refused}"
    );
}

#[test]
fn an_answer_the_client_cleared_before_sending_again_waits_no_more_and_may_come_back() {
    let mut store = Store::open_in_memory().unwrap();
    let l = linked(&mut store);
    let q = open_question(&store, &l.brief, Kind::ShortText);
    let kept = open_question(&store, &l.brief, Kind::LongText);
    let first = submission(
        "s1",
        "2026-12-03T10:00:00Z",
        vec![(&q, text("Шины")), (&kept, text("Доставка по городу"))],
    );
    // The client cleared `q` and sent again: the server's snapshot no longer carries it.
    let cleared = submission(
        "s2",
        "2026-12-03T11:00:00Z",
        vec![(&kept, text("Доставка по городу"))],
    );
    // Then wrote the same words again.
    let again = submission(
        "s3",
        "2026-12-03T12:00:00Z",
        vec![(&q, text("Шины")), (&kept, text("Доставка по городу"))],
    );
    let status_of = |store: &Store, id: String| {
        store
            .client_answers(&l.brief, "ru")
            .unwrap()
            .into_iter()
            .find(|a| a.id == id)
            .map(|a| a.status)
    };
    store.store_client_submission(&l.link, &first).unwrap();
    assert_eq!(store.store_client_submission(&l.link, &cleared).unwrap(), 0);
    assert_eq!(
        status_of(&store, format!("s1/{q}")),
        Some(ClientAnswerStatus::Superseded),
        "taken back by the client"
    );
    assert_eq!(
        status_of(&store, format!("s1/{kept}")),
        Some(ClientAnswerStatus::Waiting),
        "still sent: still waiting"
    );
    assert_eq!(
        store.list_briefs(&Default::default()).unwrap()[0].client_waiting,
        1
    );
    assert_eq!(store.store_client_submission(&l.link, &again).unwrap(), 1);
    assert_eq!(
        status_of(&store, format!("s3/{q}")),
        Some(ClientAnswerStatus::Waiting),
        "the same words after a withdrawal are news"
    );
    // Every fetch sends all three again, oldest first: nothing changes.
    for sub in [&first, &cleared, &again] {
        assert_eq!(store.store_client_submission(&l.link, sub).unwrap(), 0);
    }
    assert_eq!(
        status_of(&store, format!("s3/{q}")),
        Some(ClientAnswerStatus::Waiting)
    );
    assert_eq!(
        status_of(&store, format!("s1/{kept}")),
        Some(ClientAnswerStatus::Waiting)
    );
    assert_eq!(
        store.list_briefs(&Default::default()).unwrap()[0].client_waiting,
        2
    );
}
