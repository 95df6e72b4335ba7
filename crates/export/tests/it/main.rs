//! Integration tests of deepbrief-export; modules mirror `src/`.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    reason = "a test should fail loudly at the first broken step"
)]

mod fixture;
mod kickoff;
mod markdown;
mod pdf;
mod poppler;
