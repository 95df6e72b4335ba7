//! Commands over the checklist library.

use std::sync::Arc;

use deepbrief_core::Checklist;
use deepbrief_core::library::LibraryReport;
use deepbrief_folders::load_library;
use tauri::State;

use crate::IpcError;
use crate::state::AppState;

/// Loads the bundled and agency checklists and reports what loaded and which files failed.
///
/// Loading reads files, so it runs off the main thread; a bad file is listed in the report, not an error.
/// The loaded checklists also warm the store's parse cache, so the first brief opened skips parsing
/// the versions it shares with the files.
#[tauri::command]
pub async fn list_checklists(state: State<'_, Arc<AppState>>) -> Result<LibraryReport, IpcError> {
    let sources = state.sources();
    let library = tauri::async_runtime::spawn_blocking(move || load_library(&sources)).await?;
    let report = library.report();
    // Warming the cache is an optimisation: a database that failed to open must not hide the library.
    let _ = state
        .with_store(move |s| {
            s.remember_checklists(&library);
            Ok(())
        })
        .await;
    Ok(report)
}

/// One loaded checklist version in full (sections, questions with hints, processes, rules), for
/// reading on the Checklists screen.
#[tauri::command]
pub async fn open_checklist(
    state: State<'_, Arc<AppState>>,
    id: String,
    version: u32,
) -> Result<Checklist, IpcError> {
    let sources = state.sources();
    let library = tauri::async_runtime::spawn_blocking(move || load_library(&sources)).await?;
    library
        .get(&id, Some(version))
        .map(|loaded| loaded.checklist.clone())
        .ok_or_else(|| IpcError {
            code: crate::ErrorCode::NotFound,
            message: format!(
                "checklist {id} v{version} is not loaded: reload the list of checklists"
            ),
            team: None,
        })
}
