//! Where the app's log goes: `deepbrief.log` in `logs/` under the data directory (beside the
//! database, so a user sending "the data folder" sends the log too), rotated at 5 MB keeping one
//! old file, and stderr in debug builds.

use tauri::Runtime;
use tauri::plugin::TauriPlugin;
use tauri_plugin_log::{RotationStrategy, Target, TargetKind};

/// The log file's folder: the data folder's (`DataFolder::log_dir`, where Settings says the log
/// is), or Tauri's own log folder when the platform has no data folder.
fn target() -> TargetKind {
    match deepbrief_app::DataFolder::resolve(None, |name| std::env::var_os(name)) {
        Ok(folder) => TargetKind::Folder {
            path: folder.log_dir(),
            file_name: Some("deepbrief".into()),
        },
        Err(_) => TargetKind::LogDir { file_name: None },
    }
}

/// The log plugin, configured.
pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    let mut builder = tauri_plugin_log::Builder::new()
        .clear_targets()
        .target(Target::new(target()))
        .max_file_size(5_000_000)
        .rotation_strategy(RotationStrategy::KeepOne)
        .level(log::LevelFilter::Info);
    if cfg!(debug_assertions) {
        builder = builder.target(Target::new(TargetKind::Stderr));
    }
    builder.build()
}
