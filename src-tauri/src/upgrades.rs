//! Commands that move a brief to newer checklist versions.

use std::sync::Arc;

use deepbrief_core::UpgradePlan;
use deepbrief_folders::load_library;
use deepbrief_store::OpenedBrief;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// What upgrading the brief to the newest loaded checklist versions would do; `None` when current.
#[tauri::command]
pub async fn upgrade_preview(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
) -> Result<Option<UpgradePlan>, IpcError> {
    let sources = state.sources();
    state
        .with_store(move |s| s.upgrade_preview(&brief_id, &load_library(&sources)))
        .await
}

/// Applies the upgrade and returns the brief as it is now.
#[tauri::command]
pub async fn upgrade_apply(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
) -> Result<OpenedBrief, IpcError> {
    let sources = state.sources();
    let who = state.signer();
    let role = state.role();
    state
        .with_store(move |s| {
            s.check_editable(&brief_id, role)?;
            s.upgrade_apply(&brief_id, &load_library(&sources), &who)?;
            s.opened(&brief_id)
        })
        .await
}
