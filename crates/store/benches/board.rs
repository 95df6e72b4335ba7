//! The lead's board for 1,000 briefs: `Store::board` (list, pinned checklists, answers, gap
//! analysis of every brief, open comments, follow-ups, heatmap) — from the store to data ready for
//! the UI. Goal: under 100 ms. Measured three ways: every brief analysed (the first board in a fresh
//! process), after one answer changed (one brief analysed again, the others' summaries kept), and
//! nothing changed; also with the serialization to JSON the app sends over IPC.
//!
//! The database is generated once into `target/tmp/board-bench-v4-<N>.db` (real `create_brief` and
//! `set_answer` calls: core + one add-on each, ~60 % of questions answered in every state).

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark should fail loudly on a broken fixture"
)]

#[path = "support/mod.rs"]
#[allow(dead_code, reason = "each benchmark uses part of the support module")]
mod support;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use deepbrief_core::gaps::IsoDate;
use deepbrief_core::{Answer, AnswerValue, Entry};
use deepbrief_store::{BriefFilter, CommentTarget, NewBrief, Store};

const SERVICES: [&str; 4] = ["seo", "ppc", "web", "smm"];

/// A tiny deterministic generator (no dependency for a fixture).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn database(briefs: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(format!("board-bench-v4-{briefs}.db"));
    if path.exists() {
        return path;
    }
    let partial = dir.join(format!("board-bench-v4-{briefs}.partial.db"));
    let _ = std::fs::remove_file(&partial);
    eprintln!("generating {briefs} briefs into {} …", partial.display());
    let started = Instant::now();
    let library = support::library();
    let mut store = Store::open(&partial).expect("open");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for b in 0..briefs {
        let brief = store
            .create_brief(
                &NewBrief {
                    client: format!("Клиент {b}"),
                    ..support::new_brief(
                        "",
                        &[SERVICES[b % SERVICES.len()]],
                        ["Анна", "Борис", "Вера", "Глеб"][b % 4],
                    )
                },
                &library,
                "Анна",
            )
            .expect("brief")
            .id;
        for checklist in store.brief_checklists(&brief).expect("checklists") {
            for (_, q) in checklist.questions() {
                let answer = match rng.below(10) {
                    0..=5 => Answer::Answered(support::fitting(q)),
                    6 => Answer::Unknown,
                    _ => continue,
                };
                let _ = store.set_answer(&brief, &q.id, Some(Entry::new(answer)), "Анна");
            }
        }
        if rng.below(3) == 0 {
            store
                .add_comment(&brief, CommentTarget::default(), "Уточнить цифры", "Лид")
                .expect("comment");
        }
    }
    drop(store);
    std::fs::rename(&partial, &path).expect("rename");
    let _ = std::fs::remove_file(partial.with_extension("db-wal"));
    let _ = std::fs::remove_file(partial.with_extension("db-shm"));
    eprintln!("  done in {:.1?}", started.elapsed());
    path
}

fn bench_board(c: &mut Criterion) {
    let briefs = std::env::var("DEEPBRIEF_BENCH_BRIEFS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000);
    let path = database(briefs);
    let today = IsoDate::parse("2026-11-23").expect("date");
    forget_summaries(&path);
    let store = Store::open(&path).expect("open");
    let first = Instant::now();
    let board = store.board(&BriefFilter::default(), today).expect("board");
    eprintln!(
        "the very first board (parses the pinned checklists, analyses and keeps every summary): \
         {:.1?}; {} rows, {} heatmap columns",
        first.elapsed(),
        board.rows.len(),
        board.heatmap.columns.len()
    );
    assert_eq!(board.rows.len(), briefs);
    let json = serde_json::to_vec(&board).expect("json");
    eprintln!("board as JSON: {} KB", json.len() / 1000);

    let mut group = c.benchmark_group("board");
    group.sample_size(20);
    // The first board of a fresh process, from the summaries kept in the file: every start of the
    // app after the first.
    group.bench_function(
        format!("Store::board, first of a process, summaries kept in the file ({briefs} briefs)"),
        |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    let fresh = Store::open(&path).expect("open");
                    let started = Instant::now();
                    let board = fresh.board(&BriefFilter::default(), today).expect("board");
                    total += started.elapsed();
                    assert_eq!(black_box(board).rows.len(), briefs);
                }
                total
            })
        },
    );
    // Every brief analysed and its summary kept: nothing kept yet (the first board ever, or the
    // first after an update of the analysis), the pinned checklists parsed already.
    let ids: Vec<String> = board.rows.iter().map(|r| r.item.meta.id.clone()).collect();
    group.bench_function(
        format!("Store::board, every brief analysed and kept ({briefs} briefs)"),
        |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    forget_summaries(&path);
                    let fresh = Store::open(&path).expect("open");
                    for id in ids.iter().take(SERVICES.len()) {
                        fresh
                            .brief_checklists(id)
                            .expect("warm the checklist cache");
                    }
                    let started = Instant::now();
                    black_box(fresh.board(&BriefFilter::default(), today).expect("board"));
                    total += started.elapsed();
                }
                total
            })
        },
    );
    // The board refreshed after the AM answered one question: one brief analysed again.
    let mut writer = Store::open(&path).expect("open writer");
    let edited = board.rows[0].item.meta.id.clone();
    let question = writer
        .brief_checklists(&edited)
        .expect("checklists")
        .iter()
        .flat_map(|c| c.questions().map(|(_, q)| q.clone()).collect::<Vec<_>>())
        .find(|q| q.kind == deepbrief_core::Kind::LongText)
        .expect("a long text question");
    let mut n = 0u64;
    group.bench_function(
        format!("Store::board after one answer changed ({briefs} briefs)"),
        |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    n += 1;
                    let text = format!("Ответ номер {n}");
                    writer
                        .set_answer(
                            &edited,
                            &question.id,
                            Some(Entry::new(Answer::Answered(AnswerValue::Text(text)))),
                            "Анна",
                        )
                        .expect("answer");
                    let started = Instant::now();
                    black_box(store.board(&BriefFilter::default(), today).expect("board"));
                    total += started.elapsed();
                }
                total
            })
        },
    );
    group.bench_function(
        format!("Store::board, nothing changed ({briefs} briefs)"),
        |b| b.iter(|| black_box(store.board(&BriefFilter::default(), today).expect("board"))),
    );
    group.bench_function(
        format!("Store::board + JSON, nothing changed ({briefs} briefs)"),
        |b| {
            b.iter(|| {
                let board = store.board(&BriefFilter::default(), today).expect("board");
                black_box(serde_json::to_vec(&board).expect("json"))
            })
        },
    );
    group.finish();
}

/// Deletes the gap summaries kept in the file, as a new build of the analysis finds them.
fn forget_summaries(path: &Path) {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.execute("DELETE FROM gap_summary", []).expect("forget");
}

criterion_group!(benches, bench_board);
criterion_main!(benches);
