//! Where the app reads checklists from.
//!
//! - Bundled checklists: in a debug build run from the repository, `<repo>/checklists`, so edits show
//!   up without a rebuild; in a bundled app, `<resource dir>/checklists` (`bundle.resources` in
//!   `tauri.conf.json` puts them there).
//! - The agency folder, first found wins: `--checklists DIR` (or `--checklists=DIR`), the
//!   `DEEPBRIEF_CHECKLISTS` environment variable, then (in `deepbrief_core::settings`)
//!   `checklists_dir` in the settings file and the default `<user data dir>/checklists`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use deepbrief_core::library::Sources;
use deepbrief_core::settings::{Settings, agency_checklists_dir, load_settings, settings_path};
use tauri::{AppHandle, Manager, Runtime};

/// Command-line flag that overrides the agency checklists folder.
pub const CHECKLISTS_FLAG: &str = "--checklists";
/// Environment variable that overrides the agency checklists folder.
pub const CHECKLISTS_ENV: &str = "DEEPBRIEF_CHECKLISTS";

/// The checklists shipped in the repository, known at compile time.
fn repo_checklists() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("checklists")
}

/// Works out both checklist sources for this run of the app.
pub fn resolve<R: Runtime>(
    app: &AppHandle<R>,
    args: impl IntoIterator<Item = String>,
    env: impl Fn(&str) -> Option<OsString>,
) -> Sources {
    Sources {
        bundled: bundled_dir(app.path().resource_dir().ok(), repo_checklists()),
        agency: agency_checklists_dir(agency_override(args, env), &settings()),
    }
}

/// The bundled checklists folder: the repository's in a debug build (when it exists), otherwise the
/// app's resources, otherwise the repository's again so that the error names a real place.
pub fn bundled_dir(resource_dir: Option<PathBuf>, repo: PathBuf) -> PathBuf {
    if cfg!(debug_assertions) && repo.is_dir() {
        return repo;
    }
    resource_dir
        .map(|dir| dir.join("checklists"))
        .filter(|dir| dir.is_dir())
        .unwrap_or(repo)
}

/// The agency folder named for this run: `--checklists DIR`, else `DEEPBRIEF_CHECKLISTS`.
pub fn agency_override(
    args: impl IntoIterator<Item = String>,
    env: impl Fn(&str) -> Option<OsString>,
) -> Option<PathBuf> {
    checklists_arg(args).or_else(|| {
        env(CHECKLISTS_ENV)
            .filter(|value| !value.is_empty())
            .map(PathBuf::from)
    })
}

/// The value of `--checklists DIR` or `--checklists=DIR`; the last one given wins.
pub fn checklists_arg(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut found = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == CHECKLISTS_FLAG {
            found = args.next().map(PathBuf::from);
        } else if let Some(value) = arg.strip_prefix("--checklists=") {
            found = Some(PathBuf::from(value));
        }
    }
    found
}

/// The user's settings; a missing file gives the defaults.
///
/// A broken settings file must not stop the app: the problem is printed and the defaults are used.
fn settings() -> Settings {
    let Some(path) = settings_path() else {
        return Settings::default();
    };
    load_settings(&path).unwrap_or_else(|error| {
        eprintln!("deepbrief: {error}; using the default checklist folder");
        Settings::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn flag_with_separate_value() {
        assert_eq!(
            checklists_arg(args(&["app", "--checklists", "/a"])),
            Some(PathBuf::from("/a"))
        );
    }

    #[test]
    fn flag_with_equals_and_last_wins() {
        assert_eq!(
            checklists_arg(args(&["app", "--checklists", "/a", "--checklists=/b"])),
            Some(PathBuf::from("/b"))
        );
        assert_eq!(checklists_arg(args(&["app", "--checklists"])), None);
    }

    #[test]
    fn flag_beats_env_and_env_beats_settings() {
        let env = |_: &str| Some(OsString::from("/env"));
        let no_env = |_: &str| None;
        assert_eq!(
            agency_override(args(&["app", "--checklists=/flag"]), env),
            Some(PathBuf::from("/flag"))
        );
        assert_eq!(
            agency_override(args(&["app"]), env),
            Some(PathBuf::from("/env"))
        );
        assert_eq!(agency_override(args(&["app"]), no_env), None);

        let settings = Settings {
            checklists_dir: Some(PathBuf::from("/settings")),
            identity: None,
        };
        assert_eq!(
            agency_checklists_dir(agency_override(args(&["app"]), env), &settings),
            Some(PathBuf::from("/env"))
        );
        assert_eq!(
            agency_checklists_dir(agency_override(args(&["app"]), no_env), &settings),
            Some(PathBuf::from("/settings"))
        );
    }

    #[test]
    fn empty_env_value_is_ignored() {
        let empty = |_: &str| Some(OsString::new());
        assert_eq!(agency_override(args(&["app"]), empty), None);
    }

    #[test]
    fn bundled_falls_back_to_repo_when_resources_are_missing() {
        let missing = PathBuf::from("/definitely/not/here");
        assert_eq!(
            bundled_dir(Some(missing.clone()), missing.join("repo")),
            missing.join("repo")
        );
    }
}
