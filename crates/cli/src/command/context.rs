//! What every command gets from outside itself: the global flags, resolved by the application
//! layer exactly as the desktop app resolves them (so both work on the same database, settings and
//! folders), and the day it works for.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use deepbrief_app::DataFolder;
use deepbrief_app::sources::{agency_override, beside_binary, bundled_dir};
use deepbrief_core::gaps::IsoDate;
use deepbrief_core::settings::Settings;
use deepbrief_core::{Library, Sources};
use deepbrief_export::Lang;
use deepbrief_store::Store;

/// The global flags every command runs with.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// `--db`: the database file.
    pub db: Option<PathBuf>,
    /// `--checklists`: the agency's checklist folder.
    pub checklists: Option<PathBuf>,
    /// `--lang`: the language of the output, when given.
    pub lang: Option<String>,
    /// `--as`: who signs what the command writes.
    pub signer: Option<String>,
}

impl Context {
    /// The data folder with the database: `--db PATH`, else `DEEPBRIEF_DB`, else the app's.
    pub fn folder(&self) -> Result<DataFolder> {
        Ok(DataFolder::resolve(self.db.clone(), env)?)
    }

    /// Opens the store the CLI works on (no automatic backup: scripts call it often).
    pub fn open(&self) -> Result<Store> {
        Ok(Store::open(&self.folder()?.database)?)
    }

    /// The sources the app would load, with `--checklists` (else `DEEPBRIEF_CHECKLISTS`) taking
    /// precedence over the setting.
    pub fn sources(&self) -> Sources {
        let team = self.folder().map_or_else(
            |_| PathBuf::from("team-checklists"),
            |f| f.team_checklists(),
        );
        deepbrief_app::sources::sources(
            bundled_dir(&beside_binary(), env),
            agency_override(self.checklists.clone(), env),
            &settings(),
            team,
        )
    }

    /// The checklists the app would load.
    pub fn library(&self) -> Library {
        deepbrief_folders::load_library(&self.sources())
    }

    /// The language of checklist texts in the output: `--lang`, else Russian.
    pub fn text_lang(&self) -> &str {
        self.lang.as_deref().unwrap_or("ru")
    }

    /// The language of an export: `--lang` when given, else none (the brief's own language).
    pub fn export_lang(&self) -> Result<Option<Lang>> {
        self.lang
            .as_deref()
            .map(|code| Lang::parse(code).with_context(|| format!("--lang {code}: use ru or en")))
            .transpose()
    }

    /// Who signs: a command's `--who`, else the global `--as`, else `DEEPBRIEF_AS`, else the name
    /// in `settings.json` that the app asked for on first launch, else the system user.
    pub fn signer(&self, who: Option<String>) -> String {
        let explicit = who.or_else(|| self.signer.clone());
        deepbrief_app::folder::signer(explicit.as_deref(), &settings())
    }

    /// Who acts: the signer, in the role the settings give the person at this machine (an account
    /// manager until they say otherwise), as in the app.
    pub fn person(&self, who: Option<String>) -> deepbrief_app::Person {
        let explicit = who.or_else(|| self.signer.clone());
        deepbrief_app::folder::person(explicit.as_deref(), &settings())
    }
}

fn env(name: &str) -> Option<std::ffi::OsString> {
    std::env::var_os(name)
}

/// The settings file's content; a broken file is a warning and the defaults.
pub fn settings() -> Settings {
    match DataFolder::resolve(None, env) {
        Ok(folder) => {
            folder.settings_or_defaults(|e| eprintln!("warning: {e}; using the defaults"))
        }
        Err(_) => Settings::default(),
    }
}

/// A date from `--today`, or today.
pub fn day(text: Option<&str>) -> Result<IsoDate> {
    match text {
        Some(t) => deepbrief_app::clock::parse_day(t).with_context(|| format!("--today {t}")),
        None => Ok(deepbrief_app::clock::today()),
    }
}
