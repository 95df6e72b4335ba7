//! The settings both the app and the CLI read (`settings.json`; `deepbrief-folders` reads and writes
//! the file) and who signs an action.

use std::path::PathBuf;

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

impl Settings {
    /// The role of the person at this machine: an account manager until they say otherwise.
    pub fn role(&self) -> Role {
        self.identity.as_ref().map_or(Role::Am, |i| i.role)
    }
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
}
