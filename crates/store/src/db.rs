//! The one open path for every connection: pragmas, integrity check, migrations.
//!
//! Durability: WAL with `synchronous=FULL`, so a committed transaction is on disk (fsync of the WAL)
//! before the call returns — an answer shown as saved survives a power cut, not only a crash.
//!
//! A second writer (the app and the CLI, two windows, a sync) is not an error: every write begins
//! `BEGIN IMMEDIATE` ([`Store::begin_write`]), so it takes the write lock before it reads and waits its
//! turn for up to [`BUSY_TIMEOUT`]. A deferred transaction that read first and then asked for the
//! lock would be refused at once ("database is locked"): SQLite cannot let it wait without risking
//! a deadlock, so the busy timeout never applied to it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

use deepbrief_core::Checklist;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::{M, Migrations};

use crate::error::StoreError;
use crate::summaries::SummaryCache;

/// Every schema migration, in order; the schema version is their count.
static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        M::up(include_str!("../migrations/001_initial.sql")),
        M::up(include_str!("../migrations/002_review.sql")),
        M::up(include_str!("../migrations/003_answer_counters.sql")),
        M::up(include_str!("../migrations/004_gap_summaries.sql")),
        M::up(include_str!("../migrations/005_gap_summary_titles.sql")),
        M::up(include_str!("../migrations/006_sync.sql")),
        M::up(include_str!("../migrations/007_client_links.sql")),
    ])
});

/// The schema version this build creates and understands.
pub const SCHEMA_VERSION: u32 = 7;

/// How long a write waits for another writer (another window, the CLI, a sync) before it gives up.
/// Generous: a save that waits is shown as waiting; a save that is refused loses the user's typing.
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// An open database.
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// Parsed pinned checklist versions by (id, version, hash): opening a brief parses nothing twice.
    pub(crate) cache: RefCell<HashMap<(String, u32, String), Arc<Checklist>>>,
    /// Gap summaries of briefs for the board and the briefs list, kept until the brief changes.
    pub(crate) summaries: RefCell<SummaryCache>,
}

impl Store {
    /// Opens (creating if needed) the database at `path`: checks its integrity, migrates an older
    /// schema forward, refuses a newer one. A damaged or foreign file is never altered.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )?;
        Store::prepare(conn, path.to_path_buf())
    }

    /// Opens an existing database for reading only: nothing is written, not even a migration, so
    /// the file must already be of this build's schema (refused with the fix otherwise). Lists, the
    /// board and exports work on it; every write fails.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let found: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if found != SCHEMA_VERSION {
            return Err(StoreError::Invalid {
                field: "schema",
                message: format!(
                    "{} is at schema version {found}, this build reads version {SCHEMA_VERSION}: \
                     open it once for writing (in the app or with any `deepbrief` command) to upgrade it",
                    path.display()
                ),
            });
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            cache: RefCell::new(HashMap::new()),
            summaries: RefCell::new(SummaryCache::default()),
        })
    }

    /// An in-memory database with the current schema (tests and benchmarks).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::prepare(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    fn prepare(mut conn: Connection, path: PathBuf) -> Result<Store, StoreError> {
        // First of all: even the checks below wait for a writer that holds the file.
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let classify = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotADatabase {
                path: path.clone(),
                detail: e.to_string(),
            },
            Some(rusqlite::ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
                path: path.clone(),
                detail: e.to_string(),
            },
            _ => StoreError::Sqlite(e),
        };
        // Read-only checks first: nothing is written to a file we may not understand.
        let found: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(classify)?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path,
                found,
                supported: SCHEMA_VERSION,
            });
        }
        let check: Vec<String> = {
            let mut stmt = conn.prepare("PRAGMA quick_check").map_err(classify)?;
            stmt.query_map([], |r| r.get::<_, String>(0))
                .map_err(classify)?
                .collect::<Result<_, _>>()
                .map_err(classify)?
        };
        if check.first().map(String::as_str) != Some("ok") {
            return Err(StoreError::Corrupt {
                path,
                detail: check.join("; "),
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(classify)?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // 32 MiB of page cache (SQLite's default is 2 MiB): the board reads every answer, and with
        // the default cache each refresh re-read them from the OS (a tenth of its time in pread).
        conn.pragma_update(None, "cache_size", -32_768)?;
        MIGRATIONS.to_latest(&mut conn)?;
        Ok(Store {
            conn,
            path,
            cache: RefCell::new(HashMap::new()),
            summaries: RefCell::new(SummaryCache::default()),
        })
    }

    /// Begins a write: `BEGIN IMMEDIATE`, which waits (up to [`BUSY_TIMEOUT`]) until no other
    /// connection writes, so everything read inside it is what the write is based on. Every write
    /// path begins here; reads inside it go through `self` as usual (same connection).
    pub(crate) fn begin_write(&self) -> Result<Transaction<'_>, StoreError> {
        Ok(Transaction::new_unchecked(
            &self.conn,
            TransactionBehavior::Immediate,
        )?)
    }

    /// The database file (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Moves everything from the write-ahead log into the database file (for fixtures and copies).
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use super::*;

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().unwrap();
        // The constant is the number of migrations: a fresh database ends on it.
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    }

    #[test]
    fn opens_and_reopens_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/deepbrief.db");
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        drop(store);
        let store = Store::open(&path).unwrap();
        let mode: String = store
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn a_newer_schema_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deepbrief.db");
        drop(Store::open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        drop(conn);
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(
            matches!(err, StoreError::NewerSchema { found, .. } if found == SCHEMA_VERSION + 1)
        );
        assert!(err.to_string().contains("update Deepbrief"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_foreign_file_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(
            &path,
            b"these are my notes, not a database, but long enough to look like one",
        )
        .unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            b"these are my notes, not a database, but long enough to look like one"
        );
    }

    #[test]
    fn history_is_append_only() {
        let store = Store::open_in_memory().unwrap();
        store
            .conn
            .execute_batch(
                "INSERT INTO brief (id, client, project, account_manager, created_at, updated_at)
                 VALUES ('b', 'c', 'p', 'am', 't', 't');
                 INSERT INTO event (event_id, brief_id, at, who, kind) VALUES ('e', 'b', 't', 'am', 'brief');",
            )
            .unwrap();
        let update = store.conn.execute("UPDATE event SET who = 'x'", []);
        assert!(update.unwrap_err().to_string().contains("append-only"));
        let delete = store.conn.execute("DELETE FROM event", []);
        assert!(delete.unwrap_err().to_string().contains("append-only"));
    }
}
