//! Backups: a rolling automatic copy at every open (the last N kept), one on demand, and restore.
//! Copies go through SQLite's online backup API, so they are consistent even while the app writes.
//! A damaged database is never overwritten: restoring moves it aside first.

use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, MAIN_DB, OpenFlags};

use crate::Store;
use crate::error::StoreError;
use crate::types::BackupInfo;

/// File-name prefix of backups; the rest is the UTC time `YYYYMMDD-HHMMSS`.
const PREFIX: &str = "deepbrief-";

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A fresh backup file name in `dir`: `deepbrief-20261123-061200.db`, or `-N` one past the highest
/// number taken in that second — never a name pruning freed, which would list it as older.
fn next_name(dir: &Path) -> PathBuf {
    let stamp = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    let highest = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "db"))
                .map(|p| order_of(&p))
                .filter(|(s, _)| *s == stamp)
                .map(|(_, n)| n)
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0);
    let mut n = highest + 1;
    loop {
        let path = if n == 1 {
            dir.join(format!("{PREFIX}{stamp}.db"))
        } else {
            dir.join(format!("{PREFIX}{stamp}-{n}.db"))
        };
        if !path.exists() {
            return path;
        }
        n += 1;
    }
}

fn info(path: &Path) -> Result<BackupInfo, StoreError> {
    let meta = std::fs::metadata(path).map_err(io(path))?;
    let created_at = meta
        .modified()
        .ok()
        .and_then(|t| jiff::Timestamp::try_from(t).ok())
        .map(|t| t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default();
    Ok(BackupInfo {
        file: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: path.display().to_string(),
        created_at,
        bytes: meta.len(),
        problem: None,
    })
}

/// The backups in `dir`, newest first (by name, which sorts by time).
pub fn list_backups(dir: &Path) -> Result<Vec<BackupInfo>, StoreError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(dir)(e)),
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(".db"))
        })
        .collect();
    // Newest first: by time, then by the `-N` a second backup in the same second gets (a plain
    // name sort puts `…-2.db` before `….db`).
    paths.sort_by_cached_key(|p| std::cmp::Reverse(order_of(p)));
    paths
        .iter()
        .map(|p| {
            let mut b = info(p)?;
            b.problem = verify(p).err().map(|e| e.to_string());
            Ok(b)
        })
        .collect()
}

/// A backup's place in time: its `YYYYMMDD-HHMMSS` stamp and its number within that second (1 for
/// the plain name).
fn order_of(path: &Path) -> (String, u32) {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let stem = name
        .strip_prefix(PREFIX)
        .and_then(|n| n.strip_suffix(".db"))
        .unwrap_or(name);
    // `20261123-061200` is 15 characters; anything after it is `-N`.
    match stem.get(15..).and_then(|rest| rest.strip_prefix('-')) {
        Some(n) => (stem[..15].to_owned(), n.parse().unwrap_or(1)),
        None => (stem.to_owned(), 1),
    }
}

/// Deletes the oldest backups beyond `keep`.
fn prune(dir: &Path, keep: usize) -> Result<(), StoreError> {
    for old in list_backups(dir)?.into_iter().skip(keep) {
        let path = PathBuf::from(&old.path);
        std::fs::remove_file(&path).map_err(io(&path))?;
    }
    Ok(())
}

/// Copies the database `source` reads to a new file in `dir`, in one backup step (one read
/// transaction: the copy is the database as the step began, even while another connection writes).
/// It is written under a `.partial` name and renamed when whole, so a copy cut short (the app
/// closed, the disk full) is never listed as a backup; ones left by an earlier run are removed.
fn copy_to(source: &Connection, dir: &Path) -> Result<BackupInfo, StoreError> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    remove_partial_copies(dir);
    let path = next_name(dir);
    let partial = path.with_extension("db.partial");
    let copied = (|| -> rusqlite::Result<StepResult> {
        let mut target = Connection::open(&partial)?;
        let backup = Backup::new_with_names(source, MAIN_DB, &mut target, MAIN_DB)?;
        // -1: every page in one step.
        backup.step(-1)
    })();
    match copied {
        Ok(StepResult::Done) => {
            std::fs::rename(&partial, &path).map_err(io(&path))?;
            info(&path)
        }
        other => {
            // A copy cut short is not a backup: remove it, say why.
            let _ = std::fs::remove_file(&partial);
            Err(match other {
                Err(e) => e.into(),
                Ok(step) => StoreError::Invalid {
                    field: "backup",
                    message: format!(
                        "the database was busy ({step:?}) while {} was copied; try again",
                        path.display()
                    ),
                },
            })
        }
    }
}

/// Opens a database read-only and checks it; the error says what is wrong.
fn check(path: &Path) -> Result<(), StoreError> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let result: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
    if result != "ok" {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: result,
        });
    }
    Ok(())
}

/// Checks that a file can be restored: it opens as a SQLite database, passes the integrity check,
/// and holds a Deepbrief schema this build reads. Returns its schema version.
pub fn verify(path: &Path) -> Result<u32, StoreError> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let not_ours = |detail: String| StoreError::NotADatabase {
        path: path.to_path_buf(),
        detail,
    };
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| not_ours(e.to_string()))?;
    drop(conn);
    check(path)?;
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let has_briefs = conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'brief'",
            [],
            |_| Ok(()),
        )
        .is_ok();
    if version == 0 || !has_briefs {
        return Err(not_ours(
            "it holds no Deepbrief briefs (schema version 0)".into(),
        ));
    }
    if version > crate::SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: crate::SCHEMA_VERSION,
        });
    }
    Ok(version)
}

/// Replaces the database at `db` with the backup at `backup`. The backup must pass [`verify`]
/// (integrity check, a schema this build reads); the current database is backed up first when it can be read, and moved aside
/// (`*.damaged-<time>`) when it cannot — never deleted.
pub fn restore(db: &Path, backup: &Path, backups_dir: &Path) -> Result<(), StoreError> {
    if !backup.is_file() {
        return Err(StoreError::NotFound {
            what: "backup",
            id: backup.display().to_string(),
        });
    }
    verify(backup)?;
    if db.exists() {
        let current_ok = check(db).is_ok();
        if current_ok {
            let conn = Connection::open(db)?;
            copy_to(&conn, backups_dir)?;
        } else {
            let stamp = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
            let aside = db.with_extension(format!("damaged-{stamp}"));
            std::fs::rename(db, &aside).map_err(io(db))?;
            for suffix in ["-wal", "-shm"] {
                let side = PathBuf::from(format!("{}{suffix}", db.display()));
                if side.exists() {
                    let to = PathBuf::from(format!("{}{suffix}", aside.display()));
                    std::fs::rename(&side, &to).map_err(io(&side))?;
                }
            }
        }
    }
    let mut conn = Connection::open(db)?;
    conn.restore(MAIN_DB, backup, None::<fn(rusqlite::backup::Progress)>)?;
    drop(conn);
    // A restored database must not number its records for the team server like the one it
    // replaced (the server has those numbers with other content).
    Store::open(db)?.restart_stream()?;
    Ok(())
}

impl Store {
    /// Opens the database like [`Store::open`] and, when it holds any brief, copies it to `dir`
    /// first, keeping the last `keep` copies. A damaged database is refused with the newest backup
    /// named in the error.
    pub fn open_with_backups(db: &Path, dir: &Path, keep: usize) -> Result<Store, StoreError> {
        let store = Store::open_or_name_backup(db, dir)?;
        rolling_backup(db, dir, keep)?;
        Ok(store)
    }

    /// Opens the database like [`Store::open`]; a damaged one is refused with the newest backup in
    /// `dir` named in the error. The app opens this way and takes its rolling backup
    /// ([`rolling_backup`]) right after, off the path to its first screen.
    pub fn open_or_name_backup(db: &Path, dir: &Path) -> Result<Store, StoreError> {
        match Store::open(db) {
            Ok(store) => Ok(store),
            Err(StoreError::Corrupt { path, detail }) => {
                let newest = list_backups(dir)?.into_iter().find(|b| b.problem.is_none());
                Err(StoreError::Corrupt {
                    path,
                    detail: match newest {
                        Some(b) => format!("{detail}; the newest backup is {}", b.path),
                        None => format!("{detail}; there is no usable backup in {}", dir.display()),
                    },
                })
            }
            Err(e) => Err(e),
        }
    }

    /// Makes a backup now.
    pub fn backup_now(&self, dir: &Path) -> Result<BackupInfo, StoreError> {
        copy_to(&self.conn, dir)
    }
}

/// The rolling backup: when the database at `db` holds any brief, copies it into `dir` and keeps
/// the last `keep` copies. It reads through a connection of its own, so it may run on another
/// thread while the app's connection writes.
pub fn rolling_backup(
    db: &Path,
    dir: &Path,
    keep: usize,
) -> Result<Option<BackupInfo>, StoreError> {
    let source = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let briefs: i64 = source.query_row("SELECT count(*) FROM brief", [], |r| r.get(0))?;
    if briefs == 0 {
        return Ok(None);
    }
    let made = copy_to(&source, dir)?;
    prune(dir, keep)?;
    Ok(Some(made))
}

/// Deletes copies a closed app left half-written (`*.db.partial`); one that cannot be deleted is
/// left for the next start.
fn remove_partial_copies(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        if name
            .to_str()
            .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(".db.partial"))
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
