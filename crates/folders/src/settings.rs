//! The user's data directory and the settings file: where they are, reading and writing them.

use std::path::{Path, PathBuf};

use deepbrief_core::settings::{Settings, SettingsError};

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

/// Writes settings to `path` whole: a temporary file beside it, renamed over the old one, so a
/// crash never leaves half a file. Creates the folder when missing.
pub fn save_settings(path: &Path, settings: &Settings) -> Result<(), SettingsError> {
    let write = |source| SettingsError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(write)?;
    }
    let text = serde_json::to_string_pretty(settings).map_err(|e| write(e.into()))?;
    let partial = path.with_extension("json.partial");
    std::fs::write(&partial, text.as_bytes()).map_err(write)?;
    std::fs::rename(&partial, path).map_err(write)
}

/// Checks an agency checklist folder chosen in Settings: it must be an existing folder.
pub fn check_checklists_dir(dir: &Path) -> Result<(), SettingsError> {
    if dir.as_os_str().is_empty() {
        return Err(SettingsError::Invalid {
            field: "checklists_dir",
            message: "the folder is empty: choose a folder with checklist files".into(),
        });
    }
    if !dir.is_absolute() {
        return Err(SettingsError::Invalid {
            field: "checklists_dir",
            message: format!(
                "{} is not a full path: start it at the root, e.g. /srv/agency/checklists",
                dir.display()
            ),
        });
    }
    if !dir.is_dir() {
        return Err(SettingsError::Invalid {
            field: "checklists_dir",
            message: format!(
                "{} is not a folder on this computer: check the path or create the folder",
                dir.display()
            ),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use super::*;
    use deepbrief_core::review::Role;
    use deepbrief_core::settings::Identity;

    #[test]
    fn settings_round_trip_through_the_file_and_old_files_still_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("settings.json");
        assert_eq!(load_settings(&path).unwrap(), Settings::default());
        let settings = Settings {
            checklists_dir: Some(PathBuf::from("/srv/agency")),
            identity: Some(Identity::new("  Анна  ", Role::Am, "Колесо-Диджитал").unwrap()),
        };
        save_settings(&path, &settings).unwrap();
        let back = load_settings(&path).unwrap();
        assert_eq!(back, settings);
        assert_eq!(back.identity.unwrap().name, "Анна");
        std::fs::write(&path, r#"{"checklists_dir": "/srv/old"}"#).unwrap();
        assert_eq!(load_settings(&path).unwrap().identity, None);
    }

    #[test]
    fn the_checklist_folder_must_exist() {
        let dir = tempfile::tempdir().unwrap();
        assert!(check_checklists_dir(dir.path()).is_ok());
        let missing = dir.path().join("nope");
        let err = check_checklists_dir(&missing).unwrap_err();
        assert!(err.to_string().contains("not a folder"), "{err}");
        assert!(check_checklists_dir(Path::new("relative/dir")).is_err());
        assert!(check_checklists_dir(Path::new("")).is_err());
    }
}
