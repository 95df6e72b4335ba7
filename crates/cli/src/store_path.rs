//! Where the CLI finds the database: `--db PATH`, else `DEEPBRIEF_DB`, else the app's file in the
//! platform data directory — the same database the desktop app uses.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The database file's name in the data directory (the desktop app uses the same).
pub const DB_FILE: &str = "deepbrief.db";

/// The database path: the flag, else `DEEPBRIEF_DB`, else `<data dir>/deepbrief.db`.
pub fn db_path(flag: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(path) = flag {
        return Ok(path);
    }
    if let Some(path) = std::env::var_os("DEEPBRIEF_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    deepbrief_core::settings::data_dir()
        .map(|d| d.join(DB_FILE))
        .context("no data directory on this system; pass --db PATH or set DEEPBRIEF_DB")
}

/// The backups folder of a database: `backups/` beside it.
pub fn backups_dir(db: &Path) -> PathBuf {
    db.parent()
        .map_or_else(|| PathBuf::from("backups"), |p| p.join("backups"))
}
