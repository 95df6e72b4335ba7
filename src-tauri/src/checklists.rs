//! Commands over the checklist library.

use std::sync::Arc;

use deepbrief_core::library::{LibraryReport, load_library};
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
    let sources = Arc::clone(&state.sources);
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
