//! Commands of the Settings screen: who works here, the agency checklist folder, where the data
//! is, backups.

use std::sync::Arc;

use deepbrief_core::library::LibraryReport;
use deepbrief_core::review::Role;
use deepbrief_core::settings::Identity;
use deepbrief_folders::load_library;
use deepbrief_store::BackupInfo;
use tauri::State;

use crate::error::IpcError;
use crate::info::AppInfo;
use crate::state::AppState;
use crate::sync::Sync;

/// Where the app keeps its data, and its version.
#[tauri::command]
pub fn app_info(state: State<'_, Arc<AppState>>) -> AppInfo {
    let p = &state.paths;
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        data_dir: p.data_dir.display().to_string(),
        database: p.database.display().to_string(),
        backups_dir: p.backups.display().to_string(),
        log_file: p.log_file().display().to_string(),
        checklists_dir: state
            .sources()
            .agency
            .as_ref()
            .map(|d| d.display().to_string()),
    }
}

/// Makes a backup now.
#[tauri::command]
pub async fn backup_now(state: State<'_, Arc<AppState>>) -> Result<BackupInfo, IpcError> {
    let dir = state.backups().to_path_buf();
    state.with_store(move |s| s.backup_now(&dir)).await
}

/// The backups on disk, newest first.
#[tauri::command]
pub async fn list_backups(state: State<'_, Arc<AppState>>) -> Result<Vec<BackupInfo>, IpcError> {
    let dir = state.backups().to_path_buf();
    tauri::async_runtime::spawn_blocking(move || deepbrief_store::backup::list_backups(&dir))
        .await?
        .map_err(IpcError::from)
}

/// Replaces the database with one of the backups (the current one is backed up first).
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, Arc<AppState>>,
    sync: State<'_, Arc<Sync>>,
    file: String,
) -> Result<(), IpcError> {
    if file.contains(['/', '\\']) || file.starts_with('.') {
        return Err(IpcError::internal(format!(
            "{file}: not a backup file name"
        )));
    }
    let path = state.backups().join(&file);
    // The team sync's own connection is closed while the file is replaced.
    let pausing = Arc::clone(&sync);
    tauri::async_runtime::spawn_blocking(move || pausing.suspend()).await?;
    let restored = state.restore(path).await;
    sync.resume();
    restored
}

/// The person at this machine, or nothing before the first-launch question was answered.
#[tauri::command]
pub fn identity(state: State<'_, Arc<AppState>>) -> Option<Identity> {
    state.settings().identity
}

/// Saves the person's name, role, agency and contact for letters; every later action is signed
/// with the name.
#[tauri::command]
pub fn save_identity(
    state: State<'_, Arc<AppState>>,
    name: String,
    role: Role,
    agency: String,
    contact: Option<String>,
) -> Result<Identity, IpcError> {
    let identity =
        Identity::new(&name, role, &agency)?.with_contact(contact.as_deref().unwrap_or(""))?;
    state.save_identity(identity)
}

/// Sets the agency checklist folder (an empty path: the default one), after checking it is a
/// folder, and loads the checklists from it: the report shows what loaded and which files failed.
#[tauri::command]
pub async fn set_checklists_dir(
    state: State<'_, Arc<AppState>>,
    dir: String,
) -> Result<LibraryReport, IpcError> {
    let dir = dir.trim();
    let dir = (!dir.is_empty()).then(|| std::path::PathBuf::from(dir));
    let sources = state.save_checklists_dir(dir)?;
    let library = tauri::async_runtime::spawn_blocking(move || load_library(&sources)).await?;
    Ok(library.report())
}
