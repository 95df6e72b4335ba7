//! Client links in the application layer, without a server: what is refused before anything is
//! asked of one (with the field named), the edit rule on the client's answers (an AM keeps out of a
//! brief in review), accepting offline when no file came, and the letter giving the live link.

use deepbrief_app::documents::{Signature, stored_letter};
use deepbrief_app::edits::{accept_client_answer, reject_client_answer};
use deepbrief_app::team::TeamError;
use deepbrief_app::team::links::{self, NewLink};
use deepbrief_app::{DataFolder, Person};
use deepbrief_core::review::Role;
use deepbrief_core::{IsoDate, Library, Sources};
use deepbrief_store::{
    ClientAnswerStatus, Contact, NewBrief, NewClientAnswer, NewClientLink, NewFollowUp,
    NewSubmission, ReviewRequest, Store, StoreError,
};

fn library() -> Library {
    deepbrief_folders::load_library(&Sources {
        bundled: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists"),
        agency: None,
        team: None,
    })
}

fn today() -> IsoDate {
    IsoDate::parse("2026-12-02").unwrap()
}

fn anna() -> Person {
    Person {
        name: "Анна".into(),
        role: Role::Am,
    }
}

struct Setup {
    _dir: tempfile::TempDir,
    folder: DataFolder,
    store: Store,
    library: Library,
    brief: String,
    followup: String,
    question: String,
}

fn setup(contacts: Vec<Contact>) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let folder = DataFolder::at(dir.path().to_path_buf(), None);
    let mut store = Store::open(&folder.database).unwrap();
    let library = library();
    let brief = store
        .create_brief(
            &NewBrief {
                client: "Колесо".into(),
                project: "Сайт и SEO".into(),
                services: vec!["seo".into()],
                account_manager: "Анна".into(),
                contacts,
                language: "ru".into(),
                prefill_from: None,
                industry: String::new(),
            },
            &library,
            "Анна",
        )
        .unwrap()
        .id;
    let report = store.gap_report(&brief, today()).unwrap();
    let question = report
        .gaps
        .iter()
        .filter_map(|g| g.key.question())
        .find(|q| {
            store
                .question(&brief, q)
                .is_ok_and(|q| q.kind == deepbrief_core::Kind::ShortText)
        })
        .unwrap()
        .to_owned();
    let followup = store
        .plan_followup(
            &brief,
            &NewFollowUp {
                title: "Уточняющая встреча".into(),
                start: "2026-12-10T11:00".into(),
                duration_minutes: 60,
                timezone: None,
                location: None,
                attendees: Vec::new(),
                items: report.gaps.iter().map(|g| g.key.to_string()).collect(),
            },
            "Анна",
        )
        .unwrap()
        .id;
    Setup {
        _dir: dir,
        folder,
        store,
        library,
        brief,
        followup,
        question,
    }
}

fn irina() -> Vec<Contact> {
    vec![Contact {
        name: "Ирина Петрова".into(),
        role: "директор".into(),
        phone: String::new(),
        email: "irina@koleso.example".into(),
        responsible: true,
    }]
}

fn field(e: &TeamError) -> Option<&'static str> {
    match e {
        TeamError::Store(StoreError::Invalid { field, .. }) => Some(field),
        _ => None,
    }
}

#[test]
fn a_link_is_refused_before_the_server_is_asked_naming_the_field() {
    let mut s = setup(Vec::new());
    let new = |agency: Option<&str>, expires: Option<&str>| NewLink {
        followup_id: s.followup.clone(),
        expires_on: expires.map(|d| IsoDate::parse(d).unwrap()),
        agency: agency.map(str::to_owned),
    };
    let cases = [
        (new(Some("Digital Sails"), Some("2026-12-01")), "expires_on"),
        (new(Some("Digital Sails"), Some("2027-12-01")), "expires_on"),
        (new(None, None), "agency"),
        (new(Some("Digital Sails"), None), "contacts"),
    ];
    for (link, wanted) in cases {
        let refused = links::create(&s.folder, &mut s.store, &s.library, &anna(), &link, today())
            .unwrap_err();
        assert_eq!(field(&refused), Some(wanted), "{refused}");
        assert!(refused.to_string().starts_with(wanted), "{refused}");
    }

    // Everything right but no sign-in: the fix is named.
    let mut s = setup(irina());
    let link = NewLink {
        followup_id: s.followup.clone(),
        expires_on: None,
        agency: Some("Digital Sails".into()),
    };
    let refused =
        links::create(&s.folder, &mut s.store, &s.library, &anna(), &link, today()).unwrap_err();
    assert!(matches!(refused, TeamError::NotSignedIn), "{refused}");
    assert!(refused.to_string().contains("team login"), "{refused}");
    assert!(links::list(&s.store, &s.brief, today()).unwrap().is_empty());
}

/// A link as if the server had made it, with one submission answering `question`.
fn linked(s: &mut Setup, answer: serde_json::Value) -> String {
    s.store
        .add_client_link(
            &NewClientLink {
                id: "link-1".into(),
                brief_id: s.brief.clone(),
                followup_id: s.followup.clone(),
                url: "https://brief.agency.example/c/secret-token".into(),
                contact: "Ирина Петрова".into(),
                expires_on: "2026-12-31".into(),
                created_by: "Анна".into(),
            },
            today(),
        )
        .unwrap();
    s.store
        .store_client_submission(
            "link-1",
            &NewSubmission {
                id: "s1".into(),
                at: "2026-12-03T10:00:00Z".into(),
                answers: vec![NewClientAnswer {
                    question_id: s.question.clone(),
                    answer: Some(answer),
                    files: Vec::new(),
                }],
            },
        )
        .unwrap();
    format!("s1/{}", s.question)
}

#[test]
fn an_am_keeps_out_of_client_answers_of_a_brief_in_review_and_accepts_them_offline_after() {
    let mut s = setup(irina());
    let id = linked(
        &mut s,
        serde_json::json!({"state": "answered", "value": {"type": "text", "value": "Шины"}}),
    );
    s.store
        .review(&s.brief, &ReviewRequest::Submit, "Анна", today())
        .unwrap();
    let refused = accept_client_answer(&s.folder, &mut s.store, &anna(), &id, None).unwrap_err();
    assert!(
        matches!(refused, TeamError::Store(StoreError::Refused(_))),
        "{refused}"
    );
    let refused = reject_client_answer(&mut s.store, &anna(), &id, "нет").unwrap_err();
    assert!(matches!(refused, StoreError::Refused(_)), "{refused}");
    assert_eq!(
        links::answers(&s.store, &s.brief, "ru").unwrap()[0].status,
        ClientAnswerStatus::Waiting
    );

    // Back to draft: accepted, with no server at all (no file to download).
    s.store
        .review(&s.brief, &ReviewRequest::Reopen, "Анна", today())
        .unwrap();
    accept_client_answer(&s.folder, &mut s.store, &anna(), &id, None).unwrap();
    let answers = links::answers(&s.store, &s.brief, "ru").unwrap();
    assert_eq!(answers[0].status, ClientAnswerStatus::Accepted);
    assert_eq!(answers[0].decided_by.as_deref(), Some("Анна"));
    let history = s.store.history(&s.brief, Some(&s.question)).unwrap();
    assert_eq!(history.last().unwrap().who, "Ирина Петрова (клиент)");
}

#[test]
fn a_refused_answer_is_refused_before_any_file_is_fetched() {
    let mut s = setup(irina());
    // A short-text question answered with a number.
    let id = linked(
        &mut s,
        serde_json::json!({"state": "answered", "value": {"type": "number", "value": 5}}),
    );
    let refused = accept_client_answer(&s.folder, &mut s.store, &anna(), &id, None).unwrap_err();
    match &refused {
        TeamError::Store(StoreError::InvalidAnswer { question, .. }) => {
            assert_eq!(question, &s.question);
        }
        other => panic!("{other}"),
    }
    assert_eq!(
        links::answers(&s.store, &s.brief, "ru").unwrap()[0].status,
        ClientAnswerStatus::Waiting
    );
}

#[test]
fn the_letter_gives_the_live_link_and_not_a_revoked_one() {
    let mut s = setup(irina());
    linked(&mut s, serde_json::json!({"state": "unknown"}));
    let letter = stored_letter(
        &s.store,
        &s.brief,
        Some(&s.followup),
        &Signature::default(),
        today(),
    )
    .unwrap();
    let link = letter.link.expect("the live link");
    assert_eq!(link.url, "https://brief.agency.example/c/secret-token");
    assert_eq!(link.expires_on, "2026-12-31");
    let text = deepbrief_export::Templates::embedded()
        .render(
            &stored_letter(&s.store, &s.brief, None, &Signature::default(), today()).unwrap(),
            deepbrief_export::Format::Text,
        )
        .unwrap();
    assert!(
        text.contains("без регистрации: https://brief.agency.example/c/secret-token (ссылка действует до 31\u{a0}декабря)"),
        "{text}"
    );

    s.store.revoke_client_link("link-1", today()).unwrap();
    let letter = stored_letter(&s.store, &s.brief, None, &Signature::default(), today()).unwrap();
    assert_eq!(letter.link, None);
}

#[test]
fn an_item_closed_by_an_accepted_client_answer_is_still_named_in_the_meeting() {
    let mut s = setup(irina());
    let id = linked(
        &mut s,
        serde_json::json!({"state": "answered", "value": {"type": "text", "value": "Шины"}}),
    );
    let key = format!("answer:{}", s.question);
    let prompt = s.store.question(&s.brief, &s.question).unwrap().prompt;
    let before = deepbrief_app::brief::followup_subjects(&s.store, &s.brief).unwrap();
    assert_eq!(before.get(&key), Some(&prompt), "open: named");
    accept_client_answer(&s.folder, &mut s.store, &anna(), &id, None).unwrap();
    let report = s.store.gap_report(&s.brief, today()).unwrap();
    assert!(
        !report.gaps.iter().any(|g| g.key == *key.as_str()),
        "the gap closed"
    );
    let after = deepbrief_app::brief::followup_subjects(&s.store, &s.brief).unwrap();
    assert_eq!(
        after.get(&key),
        Some(&prompt),
        "closed: still named by its question"
    );
    // Every item of the meeting has its words (the bundled checklists name all of them).
    let planned = s.store.followup(&s.followup).unwrap().items;
    assert!(planned.iter().all(|k| after.contains_key(k)), "{planned:?}");
}
