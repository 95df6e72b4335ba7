//! `deepbrief bundle export|import`, `deepbrief search` and `deepbrief db check|backup|restore`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use deepbrief_store::backup::{list_backups, restore};
use deepbrief_store::{BriefFilter, Store, bundle};

/// Writes a brief's bundle.
pub fn export(store: &Store, brief: &str, out: &Path) -> Result<ExitCode> {
    let bytes = bundle::export(store, brief)?;
    std::fs::write(out, bytes).with_context(|| format!("{}: cannot write", out.display()))?;
    println!("{}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// Imports (or merges) a bundle.
pub fn import(store: &mut Store, file: &Path, json: bool) -> Result<ExitCode> {
    let bytes = std::fs::read(file).with_context(|| format!("{}: cannot read", file.display()))?;
    let outcome = store.import_bundle(&bytes, file)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&outcome)?);
    } else {
        println!(
            "{} brief {}: {} new history events, {} answers changed",
            if outcome.created {
                "imported"
            } else {
                "merged"
            },
            outcome.brief_id,
            outcome.events_added,
            outcome.answers_changed
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Searches every brief.
pub fn search(store: &Store, query: &str, limit: usize, json: bool) -> Result<ExitCode> {
    let hits = store.search(query, limit)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&hits)?);
        return Ok(ExitCode::SUCCESS);
    }
    for h in &hits {
        let snippet: String = h
            .snippet
            .iter()
            .map(|p| {
                if p.hit {
                    format!("«{}»", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect();
        println!(
            "{} — {}  [{}{}]  {}",
            h.client,
            h.project,
            h.field,
            h.subject
                .as_deref()
                .map(|s| format!(" {s}"))
                .unwrap_or_default(),
            snippet.replace('\n', " ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens the database, checks it and prints what it holds.
pub fn check(db: &Path, json: bool) -> Result<ExitCode> {
    let store = Store::open(db)?;
    let briefs = store.list_briefs(&BriefFilter::default())?.len()
        + store
            .list_briefs(&BriefFilter {
                archived: true,
                ..BriefFilter::default()
            })?
            .len();
    let version = store.schema_version()?;
    if json {
        println!(
            "{}",
            serde_json::json!({"database": db, "schema_version": version, "briefs": briefs, "integrity": "ok"})
        );
    } else {
        println!(
            "{}: ok (schema version {version}, {briefs} briefs)",
            db.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Makes a backup now.
pub fn backup(db: &Path, dir: &Path) -> Result<ExitCode> {
    let store = Store::open(db)?;
    let info = store.backup_now(dir)?;
    println!("{}", info.path);
    Ok(ExitCode::SUCCESS)
}

/// Restores a backup (by file name in the backups folder, or path); without one, lists them.
pub fn restore_cmd(db: &Path, dir: &Path, file: Option<&str>, json: bool) -> Result<ExitCode> {
    let Some(file) = file else {
        let list = list_backups(dir)?;
        if json {
            println!("{}", serde_json::to_string_pretty(&list)?);
        } else if list.is_empty() {
            println!("no backups in {}", dir.display());
        } else {
            for b in list {
                println!("{}  {}  {} bytes", b.file, b.created_at, b.bytes);
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
