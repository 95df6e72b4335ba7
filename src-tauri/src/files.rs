//! Commands that write or read files the user picks: the kickoff PDF, bundles, calendar files.
//!
//! The native dialog runs from Rust and the file is written from Rust to the chosen path: the web
//! view has no file-system access at all. For end-to-end tests, `--e2e-pick PATH` (or
//! `DEEPBRIEF_E2E_PICK`) stands in for the dialog — the path a user would have picked — since
//! WebDriver cannot drive native dialogs; nothing is then opened in the system viewer. That stand-in
//! is compiled only with the `e2e` feature (the build `tests/e2e/run.sh` uses): a shipped app has no
//! way to take a path that bypasses the dialog.

use std::path::PathBuf;
use std::sync::Arc;

use deepbrief_app::documents::{stored_calendar_event, stored_kickoff};
use deepbrief_export::{Template, render_pdf, to_ics};
use deepbrief_store::BriefMeta;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::error::IpcError;
use crate::state::AppState;
use deepbrief_app::clock;

/// What a file dialog is for.
enum Pick<'a> {
    Save {
        name: &'a str,
        filter: (&'a str, &'a [&'a str]),
    },
    Open {
        filter: (&'a str, &'a [&'a str]),
    },
}

/// The test stand-in for file dialogs: `--e2e-pick PATH` or `DEEPBRIEF_E2E_PICK`.
#[cfg(feature = "e2e")]
fn e2e_pick() -> Option<PathBuf> {
    let mut args = std::env::args();
    while let Some(arg) = args.next() {
        if arg == "--e2e-pick" {
            return args.next().map(PathBuf::from);
        }
    }
    std::env::var_os("DEEPBRIEF_E2E_PICK")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
}

/// Without the `e2e` feature there is no stand-in: every path comes from the dialog.
#[cfg(not(feature = "e2e"))]
fn e2e_pick() -> Option<PathBuf> {
    None
}

/// Asks the user for a path (on a worker thread: the dialog blocks). `None` when cancelled.
async fn pick(app: &AppHandle, what: Pick<'_>) -> Result<Option<PathBuf>, IpcError> {
    if let Some(path) = e2e_pick() {
        return Ok(Some(path));
    }
    let dialog = app.dialog().file();
    let picked = match what {
        Pick::Save { name, filter } => {
            let dialog = dialog.set_file_name(name).add_filter(filter.0, filter.1);
            tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file()).await?
        }
        Pick::Open { filter } => {
            let dialog = dialog.add_filter(filter.0, filter.1);
            tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file()).await?
        }
    };
    picked
        .map(|p| {
            p.into_path()
                .map_err(|e| IpcError::internal(format!("the chosen file has no local path: {e}")))
        })
        .transpose()
}

fn write(path: &PathBuf, bytes: &[u8]) -> Result<(), IpcError> {
    std::fs::write(path, bytes)
        .map_err(|e| IpcError::internal(format!("{}: cannot write the file: {e}", path.display())))
}

/// A file name from the brief's client and project, without characters file systems refuse.
fn file_name(meta: &BriefMeta, extension: &str) -> String {
    format!("{}.{extension}", file_stem(&meta.client, &meta.project))
}

/// `Client — Project` with the characters file systems refuse replaced.
fn file_stem(client: &str, project: &str) -> String {
    let base: String = format!("{client} — {project}")
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    base.trim().to_owned()
}

/// Asks where to save the kickoff PDF (of the brief now, or of an approved revision), writes it,
/// opens it in the system viewer.
#[tauri::command]
pub async fn export_pdf(
    app: AppHandle,
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    revision: Option<u32>,
) -> Result<Option<String>, IpcError> {
    let doc = state
        .with_store(move |s| stored_kickoff(s, &brief_id, revision, None, clock::today()))
        .await?;
    let name = match revision {
        Some(n) => format!(
            "{} rev{n}.pdf",
            file_stem(&doc.meta.client, &doc.meta.project)
        ),
        None => format!("{}.pdf", file_stem(&doc.meta.client, &doc.meta.project)),
    };
    let Some(path) = pick(
        &app,
        Pick::Save {
            name: &name,
            filter: ("PDF", &["pdf"]),
        },
    )
    .await?
    else {
        return Ok(None);
    };
    let bytes =
        tauri::async_runtime::spawn_blocking(move || render_pdf(&doc, &Template::builtin()))
            .await?
            .map_err(|e| IpcError::internal(e.to_string()))?;
    write(&path, &bytes)?;
    if e2e_pick().is_none()
        && let Err(e) = app.opener().open_path(path.to_string_lossy(), None::<&str>)
    {
        log::warn!("cannot open {} in the system viewer: {e}", path.display());
    }
    Ok(Some(path.to_string_lossy().into_owned()))
}

/// Asks where to save the brief's bundle and writes it.
#[tauri::command]
pub async fn export_bundle(
    app: AppHandle,
    state: State<'_, Arc<AppState>>,
    brief_id: String,
) -> Result<Option<String>, IpcError> {
    let id = brief_id.clone();
    let meta = state.with_store(move |s| s.brief_meta(&id)).await?;
    let name = file_name(&meta, "deepbrief");
    let Some(path) = pick(
        &app,
        Pick::Save {
            name: &name,
            filter: ("Deepbrief", &["deepbrief"]),
        },
    )
    .await?
    else {
        return Ok(None);
    };
    let bytes = state
        .with_store(move |s| deepbrief_store::bundle::export(s, &brief_id))
        .await?;
    write(&path, &bytes)?;
    Ok(Some(path.to_string_lossy().into_owned()))
}

/// Asks for a bundle and imports it, merging with the local copy of the brief.
#[tauri::command]
pub async fn import_bundle(
    app: AppHandle,
    state: State<'_, Arc<AppState>>,
) -> Result<Option<BriefMeta>, IpcError> {
    let Some(path) = pick(
        &app,
        Pick::Open {
            filter: ("Deepbrief", &["deepbrief", "json"]),
        },
    )
    .await?
    else {
        return Ok(None);
    };
    import_file(&state, path).await.map(Some)
}

/// Imports the bundle at `path`, merging with the local copy of the brief (the picker above and a
/// double-clicked brief file, [`crate::opened`]).
pub async fn import_file(state: &Arc<AppState>, path: PathBuf) -> Result<BriefMeta, IpcError> {
    let sources = state.sources();
    state
        .with_store(move |s| {
            // Read within the bundle size limit; this machine's checklists are never replaced.
            let library = deepbrief_folders::load_library(&sources);
            let outcome = s.import_bundle_file(&path, &library)?;
            s.brief_meta(&outcome.brief_id)
        })
        .await
}

/// Asks where to save the letter to the client (as the account manager edited it) and writes it.
#[tauri::command]
pub async fn save_letter(
    app: AppHandle,
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    text: String,
    markdown: bool,
) -> Result<Option<String>, IpcError> {
    let meta = state.with_store(move |s| s.brief_meta(&brief_id)).await?;
    let ext = if markdown { "md" } else { "txt" };
    let name = file_name(&meta, ext);
    let Some(path) = pick(
        &app,
        Pick::Save {
            name: &name,
            filter: (if markdown { "Markdown" } else { "Text" }, &[ext]),
        },
    )
    .await?
    else {
        return Ok(None);
    };
    write(&path, text.as_bytes())?;
    Ok(Some(path.to_string_lossy().into_owned()))
}

/// Opens the letter (as edited) in the system's mail client: a `mailto:` to the client's
/// responsible contact with the letter's subject line and body.
#[tauri::command]
pub async fn open_letter_in_mail(
    app: AppHandle,
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    text: String,
) -> Result<(), IpcError> {
    let meta = state.with_store(move |s| s.brief_meta(&brief_id)).await?;
    let to = meta
        .contacts
        .iter()
        .find(|c| c.responsible)
        .or_else(|| meta.contacts.first())
        .map(|c| c.email.clone())
        .unwrap_or_default();
    let url = deepbrief_export::letter::mailto(&to, &text);
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| IpcError::internal(format!("cannot open the mail client: {e}")))
}

/// Asks where to save a follow-up briefing's calendar file and writes it.
#[tauri::command]
pub async fn export_followup_ics(
    app: AppHandle,
    state: State<'_, Arc<AppState>>,
    followup_id: String,
) -> Result<Option<String>, IpcError> {
    let (briefing, event) = state
        .with_store(move |s| {
            stored_calendar_event(s, &followup_id, clock::today(), &clock::utc_stamp())
        })
        .await?;
    let name = format!("{}.ics", briefing.title.replace(['/', '\\', ':'], "_"));
    let Some(path) = pick(
        &app,
        Pick::Save {
            name: &name,
            filter: ("iCalendar", &["ics"]),
        },
    )
    .await?
    else {
        return Ok(None);
    };
    let ics = to_ics(&event).map_err(|e| IpcError::internal(e.to_string()))?;
    write(&path, ics.as_bytes())?;
    Ok(Some(path.to_string_lossy().into_owned()))
}
