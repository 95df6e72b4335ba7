//! Deepbrief's store: one SQLite database (bundled SQLite, WAL, `synchronous=FULL`) that never
//! loses an answer. Nothing else in the workspace touches SQL.
//!
//! - [`db`]: the one open path (pragmas, integrity check, migrations, newer-schema refusal);
//! - [`error`]: what can go wrong, each with the fix;
//! - [`search`]: the FTS5 index, kept in step with every write;
//! - [`types`]: the records the app, the CLI and bundles exchange (TypeScript generated from them).
//!
//! The schema is `migrations/NNN_*.sql`, applied in order by `rusqlite_migration`; a released
//! migration is never edited.

pub mod db;
pub mod error;
#[allow(dead_code, reason = "the write paths that call the indexers land next")]
pub mod search;
pub mod types;

pub use db::{SCHEMA_VERSION, Store};
pub use error::StoreError;
pub use types::{
    AdhocQuestion, BackupInfo, BriefData, BriefFilter, BriefListItem, BriefMeta, BriefRow,
    BriefStatus, Contact, FollowUpBriefing, HistoryEvent, NewBrief, NewFollowUp, OpenedBrief,
    PinnedChecklist, Saved, SearchHit, SnippetPart,
};
