//! Where Deepbrief keeps the user's data, and the settings file both the app and the CLI read.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::review::Role;

/// The user's settings (`settings.json` in the data directory).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// The agency's checklist folder, instead of `<data dir>/checklists`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checklists_dir: Option<PathBuf>,
    /// Who works at this machine; every answer, comment and approval is signed with the name.
    /// Asked on the first launch of the app.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
}

/// The person at this machine, as they introduced themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Identity {
    /// The person's name, as it signs answers, comments and approvals.
    pub name: String,
    /// Account manager or lead.
    pub role: Role,
    /// The agency's name.
    #[serde(default)]
    pub agency: String,
    /// How a client reaches this person (a phone, an address), under the signature of letters.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
}

impl Identity {
    /// An identity with trimmed fields; refused when the name is blank or too long.
    pub fn new(name: &str, role: Role, agency: &str) -> Result<Identity, SettingsError> {
        let name = name.trim();
        let agency = agency.trim();
        if name.is_empty() {
            return Err(SettingsError::Invalid {
                field: "name",
                message: "the name is empty: type how colleagues know you, e.g. Анна Петрова"
                    .into(),
            });
        }
        for (field, value) in [("name", name), ("agency", agency)] {
            if value.chars().count() > 100 {
                return Err(SettingsError::Invalid {
                    field,
                    message: format!("the {field} is longer than 100 characters: shorten it"),
                });
            }
        }
        Ok(Identity {
            name: name.to_owned(),
            role,
            agency: agency.to_owned(),
            contact: String::new(),
        })
    }

    /// The identity with how clients reach the person (trimmed; one line of at most 200
    /// characters; empty for none).
    pub fn with_contact(mut self, contact: &str) -> Result<Identity, SettingsError> {
        let contact = contact.trim();
        if contact.contains(['\r', '\n', '\0']) {
            return Err(SettingsError::Invalid {
                field: "contact",
                message: "the contact is one line: a phone and an address, e.g. +7 900 000-00-00, anna@agency.ru"
                    .into(),
            });
        }
        if contact.chars().count() > 200 {
            return Err(SettingsError::Invalid {
                field: "contact",
                message: "the contact is longer than 200 characters: shorten it".into(),
            });
        }
        self.contact = contact.to_owned();
        Ok(self)
    }
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
    /// A value cannot be used.
    #[error("settings, {field}: {message}")]
    Invalid {
        /// The field.
        field: &'static str,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// The file cannot be written.
    #[error("cannot write the settings file {path}: {source}")]
    Write {
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

/// Who signs an action: an explicit name (`--as NAME`), else the `DEEPBRIEF_AS` value, else the
/// name in settings, else the system user, else «deepbrief».
pub fn signer(
    explicit: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
    settings: &Settings,
) -> String {
    let pick = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    pick(explicit.map(str::to_owned))
        .or_else(|| pick(env("DEEPBRIEF_AS")))
        .or_else(|| pick(settings.identity.as_ref().map(|i| i.name.clone())))
        .or_else(|| pick(env("USER")))
        .or_else(|| pick(env("USERNAME")))
        .unwrap_or_else(|| "deepbrief".to_owned())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use super::*;

    #[test]
    fn the_contact_under_letters_is_one_trimmed_line_and_a_bad_one_is_refused_by_name() {
        let anna = Identity::new("Анна", Role::Am, "Колесо-Диджитал").unwrap();
        let with = anna
            .clone()
            .with_contact("  +7 900 000-00-00, anna@agency.ru ")
            .unwrap();
        assert_eq!(with.contact, "+7 900 000-00-00, anna@agency.ru");
        for bad in ["+7 900\nBcc: all", &"x".repeat(201)] {
            let err = anna.clone().with_contact(bad).unwrap_err();
            assert!(
                matches!(
                    err,
                    SettingsError::Invalid {
                        field: "contact",
                        ..
                    }
                ),
                "{err}"
            );
        }
        // An old settings file without a contact still reads, and an empty contact is not written.
        let old: Identity =
            serde_json::from_str(r#"{"name": "Анна", "role": "am", "agency": ""}"#).unwrap();
        assert_eq!(old.contact, "");
        assert!(!serde_json::to_string(&old).unwrap().contains("contact"));
    }

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
    fn a_blank_name_is_refused_with_the_fix() {
        let err = Identity::new("   ", Role::Lead, "").unwrap_err();
        assert!(err.to_string().contains("name is empty"), "{err}");
        let long = "я".repeat(101);
        assert!(Identity::new("Анна", Role::Am, &long).is_err());
    }

    #[test]
    fn the_signer_is_the_flag_then_the_environment_then_the_settings() {
        let settings = Settings {
            checklists_dir: None,
            identity: Some(Identity::new("Анна", Role::Am, "").unwrap()),
        };
        let env = |k: &str| match k {
            "DEEPBRIEF_AS" => Some("Борис".to_owned()),
            "USER" => Some("anna".to_owned()),
            _ => None,
        };
        let no_env = |k: &str| (k == "USER").then(|| "anna".to_owned());
        assert_eq!(signer(Some("Вера"), env, &settings), "Вера");
        assert_eq!(signer(None, env, &settings), "Борис");
        assert_eq!(signer(Some("  "), no_env, &settings), "Анна");
        assert_eq!(signer(None, no_env, &Settings::default()), "anna");
        assert_eq!(signer(None, |_| None, &Settings::default()), "deepbrief");
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
