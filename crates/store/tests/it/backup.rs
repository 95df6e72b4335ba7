//! Backups: rolling copies at open, restore, and a damaged database refused, never overwritten.

use deepbrief_core::Kind;
use deepbrief_store::backup::{list_backups, restore, rolling_backup};
use deepbrief_store::{Store, StoreError};

use crate::{question_of, text, tyre_brief};

#[test]
fn opening_keeps_the_last_n_copies_and_restore_brings_a_copy_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("deepbrief.db");
    let backups = dir.path().join("backups");
    let mut store = Store::open_with_backups(&db, &backups, 3).unwrap();
    assert!(
        list_backups(&backups).unwrap().is_empty(),
        "an empty database is not backed up"
    );
    let brief = tyre_brief(&mut store);
    let q = question_of(&store, &brief.id, Kind::LongText);
    store
        .set_answer(&brief.id, &q, Some(text("до")), "Анна")
        .unwrap();
    drop(store);
    for _ in 0..5 {
        drop(Store::open_with_backups(&db, &backups, 3).unwrap());
    }
    let list = list_backups(&backups).unwrap();
    assert_eq!(list.len(), 3);
    let kept = list[0].path.clone();
    // Several copies in one second (`….db`, `…-2.db`, …): the newest is listed first and kept.
    let newest = rolling_backup(&db, &backups, 3).unwrap().unwrap();
    let list = list_backups(&backups).unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(list[0].path, newest.path, "{list:?}");
    std::fs::remove_file(&newest.path).unwrap();

    let mut store = Store::open(&db).unwrap();
    store
        .set_answer(&brief.id, &q, Some(text("после")), "Анна")
        .unwrap();
    drop(store);
    restore(&db, std::path::Path::new(&kept), &backups).unwrap();
    let store = Store::open(&db).unwrap();
    assert_eq!(store.open_brief(&brief.id).unwrap().entries[&q], text("до"));
    assert_eq!(
        list_backups(&backups).unwrap().len(),
        4,
        "the replaced database was backed up first"
    );
}

#[test]
fn a_damaged_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("deepbrief.db");
    let backups = dir.path().join("backups");
    let mut store = Store::open_with_backups(&db, &backups, 3).unwrap();
    tyre_brief(&mut store);
    store.backup_now(&backups).unwrap();
    drop(store);
    // Garble the middle of the file (past the header page).
    let mut bytes = std::fs::read(&db).unwrap();
    let len = bytes.len();
    for b in &mut bytes[4096..len.min(4096 * 3)] {
        *b = 0x5a;
    }
    std::fs::write(&db, &bytes).unwrap();
    let err = Store::open_with_backups(&db, &backups, 3).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Corrupt { .. } | StoreError::NotADatabase { .. }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("was not changed") || err.to_string().contains("backup"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "the damaged file is untouched"
    );
    let newest = list_backups(&backups).unwrap()[0].path.clone();
    restore(&db, std::path::Path::new(&newest), &backups).unwrap();
    assert_eq!(
        Store::open(&db)
            .unwrap()
            .list_briefs(&Default::default())
            .unwrap()
            .len(),
        1
    );
    let aside = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().contains("damaged"));
    assert!(aside, "the damaged database was moved aside, not deleted");
}

/// The app takes its rolling backup on another thread while the AM already types: every copy made
/// meanwhile is a whole, consistent database, and no answer written meanwhile is lost.
#[test]
fn a_rolling_backup_taken_while_answers_are_written_is_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("deepbrief.db");
    let backups = dir.path().join("backups");
    let mut store = Store::open_or_name_backup(&db, &backups).unwrap();
    let brief = tyre_brief(&mut store);
    let q = question_of(&store, &brief.id, Kind::LongText);
    store
        .set_answer(&brief.id, &q, Some(text("ответ 0")), "Анна")
        .unwrap();
    let copier = {
        let (db, backups) = (db.clone(), backups.clone());
        std::thread::spawn(move || {
            (0..5)
                .map(|_| rolling_backup(&db, &backups, 10).unwrap().unwrap())
                .collect::<Vec<_>>()
        })
    };
    for n in 1..=200 {
        store
            .set_answer(&brief.id, &q, Some(text(&format!("ответ {n}"))), "Анна")
            .unwrap();
    }
    let copies = copier.join().unwrap();
    assert_eq!(copies.len(), 5);
    assert_eq!(list_backups(&backups).unwrap().len(), 5);

    // A copy the app left half-written when it closed is neither listed nor kept.
    let half = backups.join("deepbrief-20260101-000000.db.partial");
    std::fs::write(&half, b"SQLite format 3\0 cut short").unwrap();
    assert_eq!(list_backups(&backups).unwrap().len(), 5);
    rolling_backup(&db, &backups, 10).unwrap();
    assert!(!half.exists(), "the next backup removes it");
    for copy in &copies {
        let copy = Store::open(std::path::Path::new(&copy.path)).unwrap();
        let entries = copy.open_brief(&brief.id).unwrap().entries;
        let answer = entries[&q].clone();
        assert!(
            (0..=200).any(|n| answer == text(&format!("ответ {n}"))),
            "a copy holds one of the answers as written: {answer:?}"
        );
    }
    assert_eq!(
        store.open_brief(&brief.id).unwrap().entries[&q],
        text("ответ 200")
    );
}
