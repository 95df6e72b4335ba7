//! Integration tests of `deepbrief-app`, and the workspace's dependency rules.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    reason = "a test should fail loudly at the first broken step"
)]

mod architecture;
mod edits;
mod links;
