//! Loading and validating all bundled checklists: from disk, and from bytes already in memory.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use deepbrief_core::{Origin, Sources, load_files};
use deepbrief_folders::collect_files;
use deepbrief_folders::load_library;

fn bundled() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists")
}

fn bench_load(c: &mut Criterion) {
    let sources = Sources {
        bundled: bundled(),
        agency: None,
        team: None,
    };
    let library = load_library(&sources);
    assert!(
        library.problems.is_empty() && !library.checklists.is_empty(),
        "bundled checklists must load cleanly before they are measured"
    );
    c.bench_function("load_library(bundled, from disk)", |b| {
        b.iter(|| load_library(black_box(&sources)))
    });
    let files = collect_files(&bundled(), Origin::Bundled, true);
    c.bench_function("load_files(bundled, bytes in memory)", |b| {
        b.iter(|| load_files(black_box(files.clone())))
    });
    let bytes: Vec<Vec<u8>> = files
        .iter()
        .filter_map(|f| f.content.as_ref().ok().cloned())
        .collect();
    c.bench_function("yaml::parse(bundled) only", |b| {
        b.iter(|| {
            for file in &bytes {
                let _ = black_box(deepbrief_core::yaml::parse(black_box(file)));
            }
        })
    });
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
