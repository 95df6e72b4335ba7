//! Where Deepbrief keeps the user's data, and the settings file both the app and the CLI read.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The user's settings (`settings.json` in the data directory).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// The agency's checklist folder, instead of `<data dir>/checklists`.
    pub checklists_dir: Option<PathBuf>,
}

/// Why the settings file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The file exists but cannot be read.
    #[error("cannot read the settings file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not valid settings JSON.
    #[error("the settings file {path} is not valid: {source} — fix or delete it")]
    Parse {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: serde_json::Error,
    },
}

/// Deepbrief's data directory (`~/.local/share/deepbrief` on Linux), when the system has a home.
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("app", "Deepbrief", "deepbrief")
        .map(|d| d.data_dir().to_path_buf())
}

/// The default agency checklist folder: `<data dir>/checklists`.
pub fn default_agency_checklists_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("checklists"))
}

/// The settings file: `<data dir>/settings.json`.
pub fn settings_path() -> Option<PathBuf> {
    data_dir().map(|d| d.join("settings.json"))
}

/// Reads settings from `path`; a missing file gives the defaults.
pub fn load_settings(path: &Path) -> Result<Settings, SettingsError> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|source| SettingsError::Parse {
            path: path.to_path_buf(),
            source,
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Settings::default()),
        Err(source) => Err(SettingsError::Read {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// The agency folder to use: an explicit override, else the setting, else the default.
pub fn agency_checklists_dir(
    override_dir: Option<PathBuf>,
    settings: &Settings,
) -> Option<PathBuf> {
    override_dir
        .or_else(|| settings.checklists_dir.clone())
        .or_else(default_agency_checklists_dir)
}
