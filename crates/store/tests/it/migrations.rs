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
