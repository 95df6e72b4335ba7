//! Refuse, don't drop: a stored value that does not read back is an error naming the brief and the
//! field — never an empty list, a draft status or a blank history entry — and the listing still shows
//! the other briefs, with the damaged one marked.

use deepbrief_core::IsoDate;
use deepbrief_store::{BriefFilter, Store, StoreError};

use crate::{text, tyre_brief};

/// A store with two briefs, the first with one answer; the raw connection to break rows with.
fn two_briefs() -> (tempfile::TempDir, std::path::PathBuf, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deepbrief.db");
    let mut store = Store::open(&path).unwrap();
    let first = tyre_brief(&mut store);
    let second = tyre_brief(&mut store);
    let question = crate::question_of(&store, &first.id, deepbrief_core::Kind::LongText);
    store
        .set_answer(&first.id, &question, Some(text("Шины и диски")), "Анна")
        .unwrap();
    (dir, path, first.id, second.id)
}

fn break_row(path: &std::path::Path, sql: &str, id: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    assert_eq!(conn.execute(sql, [id]).unwrap(), 1, "{sql}");
}

fn assert_names(error: &StoreError, brief: &str, field: &str) {
    let StoreError::Unreadable(u) = error else {
        panic!("not refused as unreadable: {error}");
    };
    assert_eq!(u.brief, brief);
    assert_eq!(u.field, field);
    let message = error.to_string();
    assert!(
        message.contains(brief) && message.contains(field),
        "{message}"
    );
    assert!(message.contains("restore a backup"), "{message}");
}

#[test]
fn a_brief_whose_stored_header_does_not_read_is_refused_and_listed_as_damaged() {
    for (sql, field) in [
        (
            "UPDATE brief SET services = 'not json' WHERE id = ?1",
            "services",
        ),
        (
            "UPDATE brief SET contacts = '{\"broken\"' WHERE id = ?1",
            "contacts",
        ),
        ("UPDATE brief SET status = 'frozen' WHERE id = ?1", "status"),
    ] {
        let (_dir, path, first, second) = two_briefs();
        break_row(&path, sql, &first);
        let store = Store::open(&path).unwrap();
        assert_names(&store.brief_meta(&first).unwrap_err(), &first, field);
        assert_names(&store.opened(&first).unwrap_err(), &first, field);
        // The other brief opens; the list and the board show both, the broken one marked.
        assert!(store.opened(&second).is_ok());
        let today = IsoDate::new(2026, 12, 2).unwrap();
        let rows = store.rows(&BriefFilter::default(), today).unwrap();
        assert_eq!(rows.len(), 2, "{field}");
        let damaged = rows.iter().find(|r| r.item.meta.id == first).unwrap();
        let why = damaged.item.damaged.as_deref().unwrap_or_default();
        assert!(why.contains(field), "{field}: {why}");
        assert!(
            rows.iter()
                .any(|r| r.item.meta.id == second && r.item.damaged.is_none())
        );
        let board = store.board(&BriefFilter::default(), today).unwrap();
        assert_eq!(board.rows.len(), 2);
    }
}

#[test]
fn a_history_value_that_does_not_read_is_refused_not_shown_as_nothing() {
    let (_dir, path, first, _) = two_briefs();
    // The history is append-only; a damaged copy (or a hand edit with the trigger gone) is not.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("DROP TRIGGER event_is_append_only_update")
        .unwrap();
    drop(conn);
    break_row(
        &path,
        "UPDATE event SET new = '{cut off' WHERE rowid = (SELECT max(rowid) FROM event WHERE brief_id = ?1)",
        &first,
    );
    let store = Store::open(&path).unwrap();
    let refused = store.history(&first, None).unwrap_err();
    assert_names(&refused, &first, "history value after");
}
