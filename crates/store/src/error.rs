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
    /// Any other SQLite failure.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored JSON value could not be read back (a bug or a damaged row).
    #[error("a stored value cannot be read: {0}")]
    Json(#[from] serde_json::Error),
}
