//! Databases written by every earlier schema version open and migrate. Fixtures are committed in
//! `tests/fixtures/schema-vN.db`; `generate_fixture` (ignored) wrote the current version's.

use std::path::{Path, PathBuf};

use deepbrief_core::Kind;
use deepbrief_store::{SCHEMA_VERSION, Store};

use crate::{question_of, text, tyre_brief};

fn fixture(version: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema-v{version}.db"))
}

#[test]
#[ignore = "writes tests/fixtures/schema-vN.db for the current schema; run once per new schema version"]
fn generate_fixture() {
    let path = fixture(SCHEMA_VERSION);
    let _ = std::fs::remove_file(&path);
    let mut store = Store::open(&path).unwrap();
    let brief = tyre_brief(&mut store);
    let q = question_of(&store, &brief.id, Kind::LongText);
    store
        .set_answer(&brief.id, &q, Some(text("Ответ из старой базы")), "Анна")
        .unwrap();
    store
        .add_comment(
            &brief.id,
            deepbrief_store::CommentTarget::default(),
            "Комментарий из старой базы",
            "Лид",
        )
        .unwrap();
    // Since v4 the board keeps its gap summaries in the file.
    let today = deepbrief_core::IsoDate::parse("2026-11-23").unwrap();
    store.board(&Default::default(), today).unwrap();
    // Since v7: a client link with an answer waiting for review.
    let followup = store
        .plan_followup(
            &brief.id,
            &deepbrief_store::NewFollowUp {
                title: "Уточняющая встреча".into(),
                start: "2026-11-30T11:00".into(),
                duration_minutes: 60,
                timezone: Some("Europe/Moscow".into()),
                location: None,
                attendees: Vec::new(),
                items: vec![format!("answer:{q}")],
            },
            "Анна",
        )
        .unwrap();
    store
        .add_client_link(
            &deepbrief_store::NewClientLink {
                id: "link-from-the-old-database".into(),
                brief_id: brief.id.clone(),
                followup_id: followup.id,
                url: "https://brief.agency.example/c/old-token".into(),
                contact: "Ирина Петрова".into(),
                expires_on: "2026-12-31".into(),
                created_by: "Анна".into(),
            },
            today,
        )
        .unwrap();
    store
        .store_client_submission(
            "link-from-the-old-database",
            &deepbrief_store::NewSubmission {
                id: "submission-1".into(),
                at: "2026-11-24T10:00:00Z".into(),
                answers: vec![deepbrief_store::NewClientAnswer {
                    question_id: q.clone(),
                    answer: Some(serde_json::json!({"state": "answered", "value": {"type": "text", "value": "Ответ клиента из старой базы"}})),
                    files: Vec::new(),
                }],
            },
        )
        .unwrap();
    store.checkpoint().unwrap();
}

#[test]
fn every_earlier_schema_opens_and_keeps_its_briefs() {
    for version in 1..=SCHEMA_VERSION {
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join("old.db");
        std::fs::copy(fixture(version), &copy).unwrap();
        let store = Store::open(&copy).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let briefs = store.list_briefs(&Default::default()).unwrap();
        assert_eq!(briefs.len(), 1, "schema v{version}");
        let data = store.open_brief(&briefs[0].meta.id).unwrap();
        assert_eq!(
            briefs[0].entries as usize,
            data.entries.len(),
            "schema v{version}: the list counts the brief's answers"
        );
        assert!(
            data.entries
                .values()
                .any(|e| *e == text("Ответ из старой базы")),
            "schema v{version}: the answer is there"
        );
        let hits = store.search("старой базы", 10).unwrap();
        assert!(
            hits.iter().any(|h| h.brief_id == briefs[0].meta.id),
            "schema v{version}: the search index came through the migration"
        );
        assert!(
            !store
                .opened(&briefs[0].meta.id)
                .unwrap()
                .checklists
                .is_empty()
        );
    }
}

#[test]
fn a_v6_database_keeps_its_data_and_gains_empty_client_link_tables() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("old.db");
    std::fs::copy(fixture(6), &copy).unwrap();
    let waiting_before = {
        let conn = rusqlite::Connection::open(&copy).unwrap();
        conn.query_row("SELECT count(*) FROM sync_outbox", [], |r| {
            r.get::<_, u32>(0)
        })
        .unwrap()
    };
    let mut store = Store::open(&copy).unwrap();
    assert_eq!(store.schema_version().unwrap(), 7);
    let today = deepbrief_core::IsoDate::parse("2026-12-02").unwrap();
    let briefs = store.list_briefs(&Default::default()).unwrap();
    assert_eq!(briefs.len(), 1);
    assert_eq!(briefs[0].client_waiting, 0);
    let brief = briefs[0].meta.id.clone();
    assert!(
        store
            .entries(&brief)
            .unwrap()
            .values()
            .any(|e| *e == text("Ответ из старой базы"))
    );
    assert_eq!(store.comments(&brief).unwrap().len(), 1);
    assert_eq!(
        store.sync_waiting().unwrap().changed,
        waiting_before,
        "migrating queues nothing for the server"
    );
    assert!(store.client_links(&brief, today).unwrap().is_empty());
    assert!(store.client_answers(&brief, "ru").unwrap().is_empty());
    // And takes a link.
    let q = question_of(&store, &brief, Kind::LongText);
    let followup = store
        .plan_followup(
            &brief,
            &deepbrief_store::NewFollowUp {
                title: "Встреча".into(),
                start: "2026-12-10T11:00".into(),
                duration_minutes: 60,
                timezone: None,
                location: None,
                attendees: Vec::new(),
                items: vec![format!("answer:{q}")],
            },
            "Анна",
        )
        .unwrap();
    let link = store
        .add_client_link(
            &deepbrief_store::NewClientLink {
                id: "l".into(),
                brief_id: brief.clone(),
                followup_id: followup.id,
                url: "https://x.example/c/t".into(),
                contact: "Ирина".into(),
                expires_on: "2026-12-31".into(),
                created_by: "Анна".into(),
            },
            today,
        )
        .unwrap();
    assert_eq!(store.client_links(&brief, today).unwrap(), vec![link]);
}

#[test]
fn a_v7_database_keeps_its_links_and_waiting_answers() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("v7.db");
    std::fs::copy(fixture(7), &copy).unwrap();
    let store = Store::open(&copy).unwrap();
    let today = deepbrief_core::IsoDate::parse("2026-12-02").unwrap();
    let briefs = store.list_briefs(&Default::default()).unwrap();
    assert_eq!(briefs[0].client_waiting, 1);
    let brief = &briefs[0].meta.id;
    let links = store.client_links(brief, today).unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].url, "https://brief.agency.example/c/old-token");
    let answers = store.client_answers(brief, "ru").unwrap();
    assert_eq!(answers.len(), 1);
    assert_eq!(
        answers[0].status,
        deepbrief_store::ClientAnswerStatus::Waiting
    );
}
