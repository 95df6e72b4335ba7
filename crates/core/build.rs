//! Fingerprints this crate's source for `gaps::ANALYSIS_FINGERPRINT`: callers that keep gap reports
//! between runs (the store's kept board summaries) drop them when the analysis code changes.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

fn main() {
    println!("cargo::rerun-if-changed=src");
    let mut files = Vec::new();
    collect(Path::new("src"), &mut files);
    files.sort();
    let mut hash = Sha256::new();
    for file in &files {
        // Path and content, so a moved file changes the fingerprint too.
        hash.update(file.to_string_lossy().as_bytes());
        hash.update([0]);
        match std::fs::read(file) {
            Ok(bytes) => hash.update(&bytes),
            Err(e) => panic!(
                "reading {} for the analysis fingerprint: {e}",
                file.display()
            ),
        }
    }
    let digest = hash.finalize();
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    println!(
        "cargo::rustc-env=DEEPBRIEF_ANALYSIS_FINGERPRINT={}-{hex}",
        std::env::var("CARGO_PKG_VERSION").unwrap_or_default()
    );
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => panic!(
            "listing {} for the analysis fingerprint: {e}",
            dir.display()
        ),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}
