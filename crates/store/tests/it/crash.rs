//! Crash: a writer process is killed (SIGKILL) in the middle of a stream of answers, many times; every
//! answer it had acknowledged (its `set_answer` returned) must be in the reopened database.
//!
//! The writer is this test binary itself, re-run with `DEEPBRIEF_CRASH_DB` set: `writer_process`
//! does the writing then, and nothing otherwise.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use deepbrief_core::Kind;
use deepbrief_store::Store;

use crate::{question_of, text, tyre_brief};

const ROUNDS: usize = 20;

#[test]
#[ignore = "run by `every_acknowledged_answer_survives_a_kill` as a child process"]
fn writer_process() {
    let (Some(db), Some(brief)) = (
        std::env::var_os("DEEPBRIEF_CRASH_DB"),
        std::env::var_os("DEEPBRIEF_CRASH_BRIEF"),
    ) else {
        return;
    };
    let brief = brief.to_string_lossy().into_owned();
    let mut store = Store::open(std::path::Path::new(&db)).unwrap();
    let q = question_of(&store, &brief, Kind::LongText);
    let mut out = std::io::stdout().lock();
    for i in 0..100_000u32 {
        let saved = store
            .set_answer(&brief, &q, Some(text(&format!("ответ {i}"))), "writer")
            .unwrap();
        writeln!(out, "ack {} {i}", saved.event_id).unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn every_acknowledged_answer_survives_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("deepbrief.db");
    let brief = {
        let mut store = Store::open(&db).unwrap();
        tyre_brief(&mut store).id
    };
    let exe = std::env::current_exe().unwrap();
    let mut total = 0usize;
    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "crash::writer_process",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("DEEPBRIEF_CRASH_DB", &db)
            .env("DEEPBRIEF_CRASH_BRIEF", &brief)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        // Kill after a round-dependent number of acknowledgements (3, 10, 17, …).
        let stop_after = 3 + (round * 7) % 40;
        let mut acked: Vec<(String, u32)> = Vec::new();
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            let mut parts = line.split_whitespace();
            if parts.next() != Some("ack") {
                continue;
            }
            let event = parts.next().unwrap().to_owned();
            let i: u32 = parts.next().unwrap().parse().unwrap();
            acked.push((event, i));
            if acked.len() >= stop_after {
                child.kill().unwrap();
                break;
            }
        }
        child.wait().unwrap();
        let store = Store::open(&db).unwrap();
        let q = question_of(&store, &brief, Kind::LongText);
        let history: std::collections::HashSet<String> = store
            .history(&brief, Some(&q))
            .unwrap()
            .into_iter()
            .map(|e| e.event_id)
            .collect();
        for (event, i) in &acked {
            assert!(
                history.contains(event),
                "round {round}: acknowledged answer {i} ({event}) is lost"
            );
        }
        let current = store.open_brief(&brief).unwrap().entries[&q].clone();
        let (_, last) = acked.last().unwrap();
        let value = match current.answer {
            deepbrief_core::Answer::Answered(deepbrief_core::AnswerValue::Text(t)) => t,
            other => panic!("{other:?}"),
        };
        let n: u32 = value.trim_start_matches("ответ ").parse().unwrap();
        assert!(
            n >= *last,
            "round {round}: the stored answer {n} is older than acknowledged {last}"
        );
        total += acked.len();
    }
    assert!(total >= ROUNDS * 3);
}
