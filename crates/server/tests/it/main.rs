//! Integration tests of `deepbrief-server`: the real binary over a real PostgreSQL (run under
//! `pg_virtualenv`), talked to over HTTP. Each test makes its own database.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    missing_docs,
    reason = "a test should fail loudly at the first broken step"
)]

mod auth;
mod board;
mod checklists;
mod cli;
mod client;
mod client_desktop;
mod desktops;
mod migrations;
mod pull;
mod push;
mod support;
mod teams;
