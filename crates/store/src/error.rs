//! What can go wrong in the store. Every message names the file or the record and says what to do.

use std::path::PathBuf;

/// A store failure.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database was written by a newer Deepbrief; it is left untouched.
    #[error(
        "{path}: the database has schema version {found}, newer than this app's {supported}; \
         update Deepbrief to open it (the file was not changed)"
    )]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// The schema version in the file.
        found: u32,
        /// The newest version this build knows.
        supported: u32,
    },
    /// The integrity check failed; the file is left untouched.
    #[error(
        "{path}: the database is damaged ({detail}); restore it from a backup \
         (`deepbrief db restore`), the file was not changed"
    )]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// What `PRAGMA quick_check` (or SQLite) reported.
        detail: String,
    },
    /// The file is not a SQLite database at all.
    #[error("{path}: not a Deepbrief database ({detail}); the file was not changed")]
    NotADatabase {
        /// The file.
        path: PathBuf,
        /// What SQLite reported.
        detail: String,
    },
    /// Creating the database's folder failed.
    #[error("{path}: cannot create the database folder: {source}")]
    Folder {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A migration failed; the transaction was rolled back.
    #[error("cannot upgrade the database schema: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// No brief (or follow-up, or backup) with that id.
    #[error("{what} `{id}` does not exist on this machine")]
    NotFound {
        /// What was looked for: "brief", "follow-up briefing", "backup".
        what: &'static str,
        /// The id asked for.
        id: String,
    },
    /// A field of a brief was refused; nothing was stored.
    #[error("{field}: {message}")]
    Invalid {
        /// The field (`client`, `contacts`, `services`…).
        field: &'static str,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// Settling a conflict that is not open, or keeping a value that is not one of its sides.
    #[error("brief `{brief}`, question `{question}`: {message}")]
    Conflict {
        /// The brief.
        brief: String,
        /// The question.
        question: String,
        /// What is wrong and what to do.
        message: String,
    },
    /// An answer does not fit its question; nothing was stored.
    #[error("question `{question}`: {problem}")]
    InvalidAnswer {
        /// The question id.
        question: String,
        /// What is wrong.
        problem: deepbrief_core::answer_check::AnswerProblem,
    },
    /// A review step the workflow does not allow now (wrong status, no comment, not ready).
    #[error("{0}")]
    Refused(#[from] deepbrief_core::review::Refusal),
    /// The brief has no such question.
    #[error("brief `{brief}` has no question `{question}`; see `deepbrief brief show {brief}`")]
    UnknownQuestion {
        /// The brief.
        brief: String,
        /// The question id asked for.
        question: String,
    },
    /// A checklist file's content changed under an id and version the database already holds.
    #[error(
        "{file}: checklist `{checklist}` version {version} is already stored with other content; \
         raise `version` in the file to publish a change (briefs keep the version they started with)"
    )]
    ChangedVersion {
        /// The file (or bundle) that brought the new content.
        file: String,
        /// Checklist id.
        checklist: String,
        /// Version.
        version: u32,
    },
    /// A checklist file changed on disk between loading and storing it.
    #[error(
        "{file}: the file changed while it was being loaded; reload the checklists and try again"
    )]
    ChangedOnDisk {
        /// The file.
        file: String,
    },
    /// A stored checklist version no longer loads (a damaged row, or a newer checklist format).
    #[error("stored checklist {name} cannot be read: {detail}")]
    StoredChecklist {
        /// `id@version`.
        name: String,
        /// The first problem.
        detail: String,
    },
    /// Reading or writing a file (backups).
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A bundle file was refused; nothing was imported.
    #[error("{file}: {message}")]
    Bundle {
        /// The file.
        file: String,
        /// What is wrong with it.
        message: String,
    },
    /// A stored value of a brief does not read back; nothing was changed.
    #[error(transparent)]
    Unreadable(#[from] crate::unreadable::Unreadable),
    /// Any other SQLite failure.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    /// A stored JSON value could not be read back (a bug or a damaged row).
    #[error("a stored value cannot be read: {0}")]
    Json(#[from] serde_json::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match crate::unreadable::Unreadable::within(&error) {
            Some(unreadable) => StoreError::Unreadable(unreadable.clone()),
            None => StoreError::Sqlite(error),
        }
    }
}
