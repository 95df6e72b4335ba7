//! Deepbrief's application layer: what the `deepbrief` CLI, the desktop shell and (later) the team
//! server all do, written once — the counterpart of GitButler's `but-api`.
//!
//! - [`folder`]: where a person's data lives (data folder, database, backups, settings, log);
//! - [`sources`]: where checklists come from (bundled, the agency folder, flags and environment);
//! - [`clock`]: today's date and "now" stamps — the one place that reads the clock;
//! - [`brief`]: open a stored brief and analyse it for a day;
//! - [`documents`]: a stored brief as the exports take it (kickoff document, letter, calendar event);
//! - [`edits`]: changes to a brief's content by a person in a role (an AM keeps out of a brief in review);
//! - [`team`]: signing in to a team server and syncing with it (offline-first).
//!
//! The domain rules stay in `deepbrief-core`; this crate wires the core, the store, the exports and
//! the folders together. Functions take the day and the acting person as arguments; only
//! [`clock`] and the environment readers in [`folder`] and [`sources`] look outside.

pub mod brief;
pub mod clock;
pub mod documents;
pub mod edits;
pub mod folder;
pub mod sources;
pub mod team;

pub use brief::analyzed;
pub use edits::Person;
pub use folder::DataFolder;
