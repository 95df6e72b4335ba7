//! Where the CLI finds its data and checklists: resolved by the application layer exactly as the
//! desktop app resolves them, so both work on the same database, settings and folders.

use std::path::PathBuf;

use anyhow::Result;
use deepbrief_app::DataFolder;
use deepbrief_app::sources::{agency_override, beside_binary, bundled_dir};
use deepbrief_core::Sources;
use deepbrief_core::settings::Settings;

fn env(name: &str) -> Option<std::ffi::OsString> {
    std::env::var_os(name)
}

/// The data folder with the database: `--db PATH`, else `DEEPBRIEF_DB`, else the app's.
pub fn folder(db: Option<PathBuf>) -> Result<DataFolder> {
    Ok(DataFolder::resolve(db, env)?)
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

/// Who signs what this command writes: `explicit` (`--who`/`--as`), else `DEEPBRIEF_AS`, else the
/// name in `settings.json`, else the system user.
pub fn signer(explicit: Option<&str>) -> String {
    deepbrief_app::folder::signer(explicit, &settings())
}

/// The sources the app would load, with `--checklists` (else `DEEPBRIEF_CHECKLISTS`) taking
/// precedence over the setting.
pub fn sources(flag: Option<PathBuf>) -> Sources {
    deepbrief_app::sources::sources(
        bundled_dir(&beside_binary(), env),
        agency_override(flag, env),
        &settings(),
    )
}
