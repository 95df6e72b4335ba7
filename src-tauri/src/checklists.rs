//! Commands over the checklist library.

use std::sync::Arc;

use deepbrief_core::library::{LibraryReport, Sources, load_library};
use tauri::State;

use crate::IpcError;

/// Loads the bundled and agency checklists and reports what loaded and which files failed.
///
/// Loading reads files, so it runs off the main thread; a bad file is listed in the report, not an error.
#[tauri::command]
pub async fn list_checklists(sources: State<'_, Arc<Sources>>) -> Result<LibraryReport, IpcError> {
    let sources = Arc::clone(&sources);
    let report =
        tauri::async_runtime::spawn_blocking(move || load_library(&sources).report()).await?;
    Ok(report)
}
