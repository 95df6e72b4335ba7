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

mod adhoc;
mod answers;
pub mod backup;
pub mod board;
mod briefs;
pub mod bundle;
pub mod client_links;
mod conflicts;
pub mod db;
pub mod error;
mod followups;
mod history;
pub mod limits;
mod pins;
mod process_notes;
pub mod review;
pub mod search;
mod summaries;
pub mod sync;
mod time;
pub mod types;
pub mod unreadable;
mod upgrade;

pub use board::{Board, BoardBrief};
pub use client_links::{
    ClientAnswer, ClientAnswerFile, ClientAnswerStatus, ClientLink, ClientLinkState,
    NewClientAnswer, NewClientLink, NewSubmission,
};
pub use db::{SCHEMA_VERSION, Store};
pub use error::StoreError;
pub use followups::SentLetter;
pub use history::{EDIT_PAUSE_SECONDS, coalesce_edits};
pub use process_notes::PROCESS_NOTE_MAX_CHARS;
pub use review::{Comment, CommentTarget, Resolution, ReviewRequest, ReviewState, RevisionInfo};
pub use types::{
    AdhocQuestion, BackupInfo, BriefData, BriefFilter, BriefListItem, BriefMeta, BriefRow,
    BriefStatus, Contact, FollowUpBriefing, HistoryEvent, NewBrief, NewFollowUp, OpenedBrief,
    PinnedChecklist, Saved, SearchHit, SnippetPart,
};
pub use unreadable::Unreadable;
