//! Durable answer save (`Store::set_answer`, WAL + `synchronous=FULL`) next to the physical floor of
//! a durable write: one `write` + `fsync` of a small file in the same directory, measured in the same
//! run. Besides criterion's figures, a loop of timed calls prints p50 and p99 of both.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a benchmark should fail loudly on a broken fixture"
)]

#[path = "support/mod.rs"]
#[allow(dead_code, reason = "each benchmark uses part of the support module")]
mod support;

use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use deepbrief_core::{Answer, AnswerValue, Entry};
use deepbrief_store::Store;

const LOOP: usize = 500;

fn text(i: usize) -> Entry {
    Entry::new(Answer::Answered(AnswerValue::Text(format!(
        "Заявки принимает менеджер, записывает в amoCRM, перезванивает в течение часа ({i})"
    ))))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn bench_save(c: &mut Criterion) {
    // A directory on the same disk as the build (not tmpfs): the figure is about the real disk.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir");
    let mut store = Store::open(&dir.path().join("deepbrief.db")).expect("open");
    let library = support::library();
    let brief = store
        .create_brief(
            &support::new_brief("Колесо", &["seo"], "Анна"),
            &library,
            "Анна",
        )
        .expect("brief")
        .id;
    let question = "sales_request_handling";

    // The floor: write 4 KB and fsync, in the same directory.
    let floor_path = dir.path().join("fsync-floor.bin");
    let mut file = std::fs::File::create(&floor_path).expect("file");
    let block = vec![0x5au8; 4096];

    let mut saves = Vec::with_capacity(LOOP);
    let mut syncs = Vec::with_capacity(LOOP);
    for i in 0..LOOP {
        let t = Instant::now();
        store
            .set_answer(&brief, question, Some(text(i)), "Анна")
            .expect("save");
        saves.push(t.elapsed());
        let t = Instant::now();
        file.write_all(&block).expect("write");
        file.sync_all().expect("fsync");
        syncs.push(t.elapsed());
    }
    saves.sort();
    syncs.sort();
    eprintln!(
        "durable save over {LOOP} calls: p50 {:.2?}, p99 {:.2?}; write+fsync: p50 {:.2?}, p99 {:.2?}; ratio p50 {:.2}",
        percentile(&saves, 0.5),
        percentile(&saves, 0.99),
        percentile(&syncs, 0.5),
        percentile(&syncs, 0.99),
        percentile(&saves, 0.5).as_secs_f64() / percentile(&syncs, 0.5).as_secs_f64()
    );

    let mut i = 0usize;
    c.bench_function("set_answer (durable)", |b| {
        b.iter(|| {
            i += 1;
            black_box(
                store
                    .set_answer(&brief, question, Some(text(i)), "Анна")
                    .expect("save"),
            )
        })
    });
    c.bench_function("write 4 KB + fsync (the floor)", |b| {
        b.iter(|| {
            file.write_all(&block).expect("write");
            file.sync_all().expect("fsync");
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50);
    targets = bench_save
}
criterion_main!(benches);
