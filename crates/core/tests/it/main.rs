//! Integration tests of `deepbrief-core`; modules mirror `src/`.
#![allow(
    clippy::expect_used,
    reason = "a test should fail loudly at the first broken step"
)]

mod addons;
mod answers;
mod bundled;
mod condition;
mod core_v2;
mod gaps;
mod judge;
mod kinds;
mod library;
mod load;
mod robustness;
mod schema;
mod upgrade;

use std::path::{Path, PathBuf};

/// The folder of test fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The repository's bundled checklists.
pub fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists")
}

/// Loads a valid fixture, failing the test with its diagnostics if it does not load.
pub fn valid(name: &str) -> deepbrief_core::Checklist {
    let path = fixtures().join("valid").join(name);
    let bytes = std::fs::read(&path).expect("fixture exists");
    match deepbrief_core::check_bytes(&path.display().to_string(), &bytes) {
        Ok(c) => c,
        Err(d) => panic!("{name} should load: {d:#?}"),
    }
}
