//! `deepbrief db check|backup|refresh|restore`: the database file itself.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;
use deepbrief_store::backup::{list_backups, restore};
use deepbrief_store::{BriefFilter, Store, StoreError};

use super::context::day;
use super::{Context, output};

/// `deepbrief db …`.
#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Open the database and check its integrity.
    Check {
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Make a backup now.
    Backup,
    /// Analyse the briefs whose kept gap summary is missing or out of date and keep the new ones
    /// (the board and `brief list` only read them; the app does this when it opens the database).
    Refresh {
        /// The day to analyse for (YYYY-MM-DD; default: today).
        #[arg(long)]
        today: Option<String>,
    },
    /// Restore a backup (without FILE: list them).
    Restore {
        /// A backup file name (or path).
        file: Option<String>,
        /// Print the list as JSON.
        #[arg(long)]
        json: bool,
    },
}

impl DbCommand {
    /// Runs `db …` on the database `--db` names (and the backups folder beside it).
    pub fn run(self, ctx: &Context) -> Result<ExitCode> {
        let folder = ctx.folder()?;
        let (db, dir) = (folder.database, folder.backups);
        match self {
            DbCommand::Check { json } => check(&db, json),
            DbCommand::Backup => backup(&db, &dir),
            DbCommand::Refresh { today } => refresh(&db, today.as_deref()),
            DbCommand::Restore { file, json } => restore_or_list(&db, &dir, file.as_deref(), json),
        }
    }
}

/// Opens the database, checks it and prints what it holds: the schema, the number of briefs and
/// every brief that cannot be read. Exits 1 when the database or a brief is damaged; with `--json`
/// the answer is JSON either way.
fn check(db: &Path, json: bool) -> Result<ExitCode> {
    let store = match Store::open(db) {
        Ok(store) => store,
        Err(e) if json => {
            let integrity = match &e {
                StoreError::Corrupt { .. } => "damaged",
                StoreError::NotADatabase { .. } => "not_a_database",
                StoreError::NewerSchema { .. } => "newer_schema",
                _ => "error",
            };
            println!(
                "{}",
                serde_json::json!({"database": db, "integrity": integrity, "error": e.to_string()})
            );
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    };
    let today = deepbrief_app::clock::today();
    let mut rows = store.rows(&BriefFilter::default(), today)?;
    rows.extend(store.rows(
        &BriefFilter {
            archived: true,
            ..BriefFilter::default()
        },
        today,
    )?);
    let damaged: Vec<serde_json::Value> = rows
        .iter()
        .filter_map(|r| {
            r.item.damaged.as_ref().map(|why| {
                serde_json::json!({"brief": r.item.meta.id, "client": r.item.meta.client, "problem": why})
            })
        })
        .collect();
    let version = store.schema_version()?;
    let ok = damaged.is_empty();
    if json {
        println!(
            "{}",
            serde_json::json!({
                "database": db,
                "schema_version": version,
                "briefs": rows.len(),
                "integrity": if ok { "ok" } else { "damaged_briefs" },
                "damaged": damaged,
            })
        );
    } else if ok {
        println!(
            "{}: ok (schema version {version}, {} briefs)",
            db.display(),
            rows.len()
        );
    } else {
        println!(
            "{}: {} of {} briefs cannot be read (schema version {version}):",
            db.display(),
            damaged.len(),
            rows.len()
        );
        for d in &damaged {
            println!(
                "  {}  {}: {}",
                d["brief"].as_str().unwrap_or_default(),
                d["client"].as_str().unwrap_or_default(),
                d["problem"].as_str().unwrap_or_default()
            );
        }
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Keeps the gap summaries that are missing or out of date; prints how many.
fn refresh(db: &Path, today: Option<&str>) -> Result<ExitCode> {
    let store = Store::open(db)?;
    let kept = store.refresh_summaries(day(today)?)?;
    println!("{kept} gap summaries analysed and kept");
    Ok(ExitCode::SUCCESS)
}

/// Makes a backup now.
fn backup(db: &Path, dir: &Path) -> Result<ExitCode> {
    let store = Store::open(db)?;
    let info = store.backup_now(dir)?;
    println!("{}", info.path);
    Ok(ExitCode::SUCCESS)
}

/// Restores a backup (by file name in the backups folder, or path); without one, lists them.
fn restore_or_list(db: &Path, dir: &Path, file: Option<&str>, json: bool) -> Result<ExitCode> {
    let Some(file) = file else {
        let list = list_backups(dir)?;
        if json {
            output::json(&list)?;
        } else if list.is_empty() {
            println!("no backups in {}", dir.display());
        } else {
            for b in list {
                match &b.problem {
                    None => println!("{}  {}  {} bytes", b.file, b.created_at, b.bytes),
                    Some(p) => println!("{}  cannot be restored: {p}", b.file),
                }
            }
        }
        return Ok(ExitCode::SUCCESS);
    };
    let path = if Path::new(file).components().count() > 1 {
        Path::new(file).to_path_buf()
    } else {
        dir.join(file)
    };
    restore(db, &path, dir)?;
    println!("restored {} from {}", db.display(), path.display());
    Ok(ExitCode::SUCCESS)
}
