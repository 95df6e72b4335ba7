//! Reads never write: the briefs list, the board, opening and searching a brief work on a database
//! opened read-only, and leave the file exactly as it was.

use deepbrief_core::IsoDate;
use deepbrief_store::{BriefFilter, Store};

use crate::{text, tyre_brief};

fn file_bytes(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).expect("read the database file")
}

#[test]
fn listing_and_the_board_work_on_a_read_only_database_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deepbrief.db");
    let id = {
        let mut store = Store::open(&path).unwrap();
        let brief = tyre_brief(&mut store);
        let question = crate::question_of(&store, &brief.id, deepbrief_core::Kind::LongText);
        store
            .set_answer(
                &brief.id,
                &question,
                Some(text("Шины и диски, Москва")),
                "Анна",
            )
            .unwrap();
        // Everything on disk in the main file, so the bytes can be compared.
        store.checkpoint().unwrap();
        brief.id
    };
    let before = file_bytes(&path);
    let today = IsoDate::new(2026, 12, 2).unwrap();

    let store = Store::open_read_only(&path).unwrap();
    let rows = store.rows(&BriefFilter::default(), today).unwrap();
    assert_eq!(rows.len(), 1);
    let board = store.board(&BriefFilter::default(), today).unwrap();
    assert_eq!(board.rows.len(), 1);
    assert!(board.rows[0].summary.completeness.percent < 100);
    // Twice: the second comes from memory.
    assert_eq!(
        store
            .board(&BriefFilter::default(), today)
            .unwrap()
            .rows
            .len(),
        1
    );
    assert_eq!(store.opened(&id).unwrap().data.meta.id, id);
    assert!(store.gap_report(&id, today).is_ok());

    // A write is refused, not half done.
    let refused = store.refresh_summaries(today).unwrap_err().to_string();
    assert!(
        refused.contains("readonly") || refused.contains("read-only"),
        "{refused}"
    );
    drop(store);
    assert_eq!(
        file_bytes(&path),
        before,
        "a read changed the database file"
    );
}

#[test]
fn a_read_only_open_refuses_a_file_of_another_schema_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 2).unwrap();
    drop(conn);
    let refused = Store::open_read_only(&path).unwrap_err().to_string();
    assert!(refused.contains("schema version 2"), "{refused}");
    assert!(refused.contains("open it once for writing"), "{refused}");
}
