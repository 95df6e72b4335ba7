//! Two writers on one database (the app and the CLI, two windows, a sync): every save waits its turn
//! and none is refused as "database is locked"; every save is in the history, and each history event's
//! "old" is exactly the "new" of the event before it (the write read what it replaced under its lock).
//!
//! The second process is this test binary itself, re-run with `DEEPBRIEF_RACE_DB` set:
//! `writer_process` does the writing then, and nothing otherwise.

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Stdio};

use deepbrief_core::Kind;
use deepbrief_store::Store;

use crate::{question_of, text, tyre_brief};

/// Saves per writer.
const SAVES: usize = 400;

/// `SAVES` answers to one question of `brief`, each a new value; the refusals, with their messages.
fn write_many(db: &Path, brief: &str, name: &str) -> Vec<String> {
    let mut store = Store::open(db).unwrap();
    let q = question_of(&store, brief, Kind::LongText);
    let mut refused = Vec::new();
    for i in 0..SAVES {
        if let Err(e) = store.set_answer(brief, &q, Some(text(&format!("{name} {i}"))), name) {
            refused.push(format!("save {i}: {e}"));
        }
    }
    refused
}

#[test]
#[ignore = "run by `two_processes_answering_one_brief_lose_nothing` as a child process"]
fn writer_process() {
    let (Some(db), Some(brief), Some(name)) = (
        std::env::var_os("DEEPBRIEF_RACE_DB"),
        std::env::var_os("DEEPBRIEF_RACE_BRIEF"),
        std::env::var_os("DEEPBRIEF_RACE_NAME"),
    ) else {
        return;
    };
    let refused = write_many(
        Path::new(&db),
        &brief.to_string_lossy(),
        &name.to_string_lossy(),
    );
    assert!(
        refused.is_empty(),
        "{} refused: {refused:#?}",
        refused.len()
    );
}

/// Every writer's every value is in the history once, and the events chain old → new.
fn assert_nothing_lost(db: &Path, brief: &str, writers: &[&str]) {
    let store = Store::open(db).unwrap();
    let q = question_of(&store, brief, Kind::LongText);
    let events = store.history(brief, Some(&q)).unwrap();
    let values: Vec<String> = events
        .iter()
        .map(|e| e.new.as_ref().unwrap().to_string())
        .collect();
    let distinct: HashSet<&String> = values.iter().collect();
    assert_eq!(events.len(), writers.len() * SAVES, "one event per save");
    assert_eq!(distinct.len(), events.len(), "no save recorded twice");
    for w in writers {
        for i in 0..SAVES {
            let v = serde_json::to_value(text(&format!("{w} {i}")))
                .unwrap()
                .to_string();
            assert!(distinct.contains(&v), "save {w} {i} is lost");
        }
    }
    assert!(events[0].old.is_none());
    for pair in events.windows(2) {
        assert_eq!(
            pair[1].old, pair[0].new,
            "event {} does not replace the value saved just before it",
            pair[1].event_id
        );
    }
}

#[test]
fn two_processes_answering_one_brief_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("deepbrief.db");
    let brief = {
        let mut store = Store::open(&db).unwrap();
        tyre_brief(&mut store).id
    };
    let exe = std::env::current_exe().unwrap();
    let writers = ["app", "cli"];
    let children: Vec<_> = writers
        .iter()
        .map(|name| {
            Command::new(&exe)
                .args([
                    "--exact",
                    "concurrency::writer_process",
                    "--ignored",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env("DEEPBRIEF_RACE_DB", &db)
                .env("DEEPBRIEF_RACE_BRIEF", &brief)
                .env("DEEPBRIEF_RACE_NAME", name)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for (child, name) in children.into_iter().zip(writers) {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "writer {name} failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // The child really ran the writer (a filter that matched nothing would also succeed).
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("1 passed"),
            "writer {name} did not run:\n{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    assert_nothing_lost(&db, &brief, &writers);
}

#[test]
fn two_connections_in_one_process_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("deepbrief.db");
    let brief = {
        let mut store = Store::open(&db).unwrap();
        tyre_brief(&mut store).id
    };
    let writers = ["window-1", "window-2"];
    let refused: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = writers
            .iter()
            .map(|name| s.spawn(|| write_many(&db, &brief, name)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        refused.is_empty(),
        "{} refused: {refused:#?}",
        refused.len()
    );
    assert_nothing_lost(&db, &brief, &writers);
}
