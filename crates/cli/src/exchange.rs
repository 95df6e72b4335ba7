//! `deepbrief bundle export|import`, `deepbrief search` and `deepbrief db check|backup|restore`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use deepbrief_core::Library;
use deepbrief_store::backup::{list_backups, restore};
use deepbrief_store::{BriefFilter, Store, StoreError, bundle};

/// Writes a brief's bundle.
pub fn export(store: &Store, brief: &str, out: &Path) -> Result<ExitCode> {
    let bytes = bundle::export(store, brief)?;
    std::fs::write(out, bytes).with_context(|| format!("{}: cannot write", out.display()))?;
    println!("{}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// Imports (or merges) a bundle; `library` is this machine's checklists, which a bundle never
/// replaces.
pub fn import(store: &mut Store, file: &Path, library: &Library, json: bool) -> Result<ExitCode> {
    let outcome = store.import_bundle_file(file, library)?;
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

/// Opens the database, checks it and prints what it holds: the schema, the number of briefs and
/// every brief that cannot be read. Exits 1 when the database or a brief is damaged; with `--json`
/// the answer is JSON either way.
pub fn check(db: &Path, json: bool) -> Result<ExitCode> {
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
pub fn refresh(db: &Path, today: Option<&str>) -> Result<ExitCode> {
    let store = Store::open(db)?;
    let kept = store.refresh_summaries(crate::review::day(today)?)?;
    println!("{kept} gap summaries analysed and kept");
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
