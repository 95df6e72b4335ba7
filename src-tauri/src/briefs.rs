//! Commands over briefs: list, search, create, open, edit, archive.

use std::collections::BTreeMap;
use std::sync::Arc;

use deepbrief_app::edits;
use deepbrief_core::Entry;
use deepbrief_folders::load_library;
use deepbrief_store::{
    BriefFilter, BriefMeta, BriefRow, Contact, NewBrief, OpenedBrief, SearchHit,
};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;
use deepbrief_app::clock;

/// How many search hits the briefs screen shows.
const SEARCH_LIMIT: usize = 50;

/// Briefs with their gap summary, newest change first.
#[tauri::command]
pub async fn list_briefs(
    state: State<'_, Arc<AppState>>,
    filter: BriefFilter,
) -> Result<Vec<BriefRow>, IpcError> {
    let today = clock::today();
    state.with_store(move |s| s.rows(&filter, today)).await
}

/// Full-text search over every brief, best first.
#[tauri::command]
pub async fn search_briefs(
    state: State<'_, Arc<AppState>>,
    query: String,
) -> Result<Vec<SearchHit>, IpcError> {
    state
        .with_store(move |s| s.search(&query, SEARCH_LIMIT))
        .await
}

/// Creates a brief on the latest checklist versions its services pick.
#[tauri::command]
pub async fn create_brief(
    state: State<'_, Arc<AppState>>,
    brief: NewBrief,
) -> Result<BriefMeta, IpcError> {
    let sources = state.sources();
    let who = state.signer();
    state
        .with_store(move |s| {
            let library = load_library(&sources);
            s.create_brief(&brief, &library, &who)
        })
        .await
}

/// One brief with its pinned checklists.
#[tauri::command]
pub async fn open_brief(
    state: State<'_, Arc<AppState>>,
    id: String,
) -> Result<OpenedBrief, IpcError> {
    state.with_store(move |s| s.opened(&id)).await
}

/// The brief's questions hidden by the given (possibly unsaved) answers.
#[tauri::command]
pub async fn hidden_questions(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    entries: BTreeMap<String, Entry>,
) -> Result<Vec<String>, IpcError> {
    state
        .with_store(move |s| {
            let checklists = s.brief_checklists(&brief_id)?;
            let refs: Vec<_> = checklists.iter().map(AsRef::as_ref).collect();
            Ok(deepbrief_core::hidden_questions(&refs, &entries))
        })
        .await
}

/// Renames a brief or edits its contacts.
#[tauri::command]
pub async fn update_brief(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    client: String,
    project: String,
    contacts: Vec<Contact>,
) -> Result<BriefMeta, IpcError> {
    let person = state.person();
    state
        .with_store(move |s| {
            edits::update_brief(s, &person, &brief_id, &client, &project, &contacts)
        })
        .await
}

/// Archives a brief (nothing is deleted).
#[tauri::command]
pub async fn archive_brief(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
) -> Result<BriefMeta, IpcError> {
    let who = state.signer();
    state
        .with_store(move |s| s.set_archived(&brief_id, true, &who))
        .await
}

/// Brings an archived brief back.
#[tauri::command]
pub async fn restore_brief(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
) -> Result<BriefMeta, IpcError> {
    let who = state.signer();
    state
        .with_store(move |s| s.set_archived(&brief_id, false, &who))
        .await
}
