//! Commands of client links (issue 22): the account manager creates a link from a follow-up
//! meeting, the client answers on a page the team server serves, the answers come back with the
//! sync and wait here for review (accept, accept edited, reject with a comment).
//!
//! The doing is the application layer's (`deepbrief_app::team::links`, `deepbrief_app::edits`),
//! shared with the CLI. What talks to the server — creating and revoking a link, downloading the
//! files a client attached (on accepting, or to open one) — runs on the sync thread's connection
//! under its round lock ([`Sync::with_engine`]): the window's store is never held across a network
//! call.

use std::sync::Arc;

use deepbrief_app::clock;
use deepbrief_app::team::links;
use deepbrief_core::Entry;
use deepbrief_core::gaps::IsoDate;
use deepbrief_store::{ClientAnswer, ClientLink, Comment, Saved};
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::error::{ErrorCode, IpcError};
use crate::state::AppState;
use crate::sync::Sync;

/// The brief's client links, newest first, each live, revoked or expired as of today.
#[tauri::command]
pub async fn client_links(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
) -> Result<Vec<ClientLink>, IpcError> {
    state
        .with_store(move |s| links::list(s, &brief_id, clock::today()))
        .await
}

/// The day a new link of the follow-up works until unless the AM says otherwise (`YYYY-MM-DD`): a
/// month, or until the meeting when that is later (`links::default_expiry`).
#[tauri::command]
pub async fn client_link_default_expiry(
    state: State<'_, Arc<AppState>>,
    followup_id: String,
) -> Result<String, IpcError> {
    state
        .with_store(move |s| {
            links::default_expiry_of(s, &followup_id, clock::today()).map(|d| d.to_string())
        })
        .await
}

/// Creates a client link to the open items of the follow-up, working until `expires_on`
/// (`YYYY-MM-DD`, inclusive; none: the default above). The brief is pushed to the team server
/// first.
#[tauri::command]
pub async fn create_client_link(
    state: State<'_, Arc<AppState>>,
    sync: State<'_, Arc<Sync>>,
    followup_id: String,
    expires_on: Option<String>,
) -> Result<ClientLink, IpcError> {
    let expires_on = expires_on.as_deref().map(day).transpose()?;
    let person = state.person();
    let state = Arc::clone(&state);
    let sync = Arc::clone(&sync);
    tauri::async_runtime::spawn_blocking(move || {
        sync.with_engine(|store, library| {
            let link = links::NewLink {
                followup_id,
                expires_on,
                agency: None,
            };
            links::create(&state.paths, store, library, &person, &link, clock::today())
        })
    })
    .await?
    .map_err(IpcError::from)
}

/// Revokes a client link: the server refuses it from now on.
#[tauri::command]
pub async fn revoke_client_link(
    state: State<'_, Arc<AppState>>,
    sync: State<'_, Arc<Sync>>,
    link_id: String,
) -> Result<ClientLink, IpcError> {
    let state = Arc::clone(&state);
    let sync = Arc::clone(&sync);
    tauri::async_runtime::spawn_blocking(move || {
        sync.with_engine(|store, _| links::revoke(&state.paths, store, &link_id, clock::today()))
    })
    .await?
    .map_err(IpcError::from)
}

/// Opens a client link of the brief in the system's browser: its stored address, never one the
/// window hands over.
#[tauri::command]
pub async fn open_client_link(
    app: AppHandle,
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    link_id: String,
) -> Result<(), IpcError> {
    let url = state
        .with_store(move |s| {
            let found = links::list(s, &brief_id, clock::today())?
                .into_iter()
                .find(|l| l.id == link_id);
            Ok(found.map(|l| l.url))
        })
        .await?
        .ok_or_else(|| IpcError {
            code: ErrorCode::NotFound,
            message: "no such client link in this brief".into(),
            team: None,
        })?;
    app.opener()
        .open_url(url, None::<&str>)
        .map_err(|e| IpcError::internal(format!("cannot open the browser: {e}")))
}

/// What the client sent about the brief (every status, waiting first), prompts in `lang`.
#[tauri::command]
pub async fn client_answers(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    lang: String,
) -> Result<Vec<ClientAnswer>, IpcError> {
    state
        .with_store(move |s| links::answers(s, &brief_id, &lang))
        .await
}

/// Accepts a client answer into the brief, as sent (`edited` none) or as edited, signed by the
/// person at this computer; the files attached are downloaded and become its evidence.
#[tauri::command]
pub async fn accept_client_answer(
    state: State<'_, Arc<AppState>>,
    sync: State<'_, Arc<Sync>>,
    answer_id: String,
    edited: Option<Entry>,
) -> Result<Saved, IpcError> {
    let person = state.person();
    let state = Arc::clone(&state);
    let sync = Arc::clone(&sync);
    tauri::async_runtime::spawn_blocking(move || {
        sync.with_engine(|store, _| {
            deepbrief_app::edits::accept_client_answer(
                &state.paths,
                store,
                &person,
                &answer_id,
                edited,
            )
        })
    })
    .await?
    .map_err(IpcError::from)
}

/// Rejects a client answer with a comment (required), which stays on the question in the brief.
#[tauri::command]
pub async fn reject_client_answer(
    state: State<'_, Arc<AppState>>,
    answer_id: String,
    comment: String,
) -> Result<Comment, IpcError> {
    let person = state.person();
    state
        .with_store(move |s| {
            deepbrief_app::edits::reject_client_answer(s, &person, &answer_id, &comment)
        })
        .await
}

/// Downloads a file a client attached (once) and opens it in the system's viewer.
#[tauri::command]
pub async fn open_client_file(
    app: AppHandle,
    state: State<'_, Arc<AppState>>,
    sync: State<'_, Arc<Sync>>,
    answer_id: String,
    file_id: String,
) -> Result<(), IpcError> {
    let state = Arc::clone(&state);
    let sync = Arc::clone(&sync);
    let path = tauri::async_runtime::spawn_blocking(move || {
        sync.with_engine(|store, _| links::download(&state.paths, store, &answer_id, &file_id))
    })
    .await?
    .map_err(IpcError::from)?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| IpcError::internal(format!("cannot open {}: {e}", path.display())))
}

/// A `YYYY-MM-DD` day typed in the window, or a validation error naming it.
fn day(text: &str) -> Result<IsoDate, IpcError> {
    IsoDate::parse(text).ok_or_else(|| IpcError {
        code: ErrorCode::Validation,
        message: format!("`{text}` is not a date in the form YYYY-MM-DD"),
        team: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_that_is_not_one_is_refused_as_input() {
        assert!(day("2027-01-15").is_ok());
        let Err(e) = day("15.01.2027") else {
            panic!("a day written day first must be refused here (the window sends YYYY-MM-DD)")
        };
        assert_eq!(e.code, ErrorCode::Validation);
        assert!(e.message.contains("15.01.2027"), "{}", e.message);
    }
}
