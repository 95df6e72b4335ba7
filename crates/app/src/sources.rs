//! Where checklists come from, for the CLI and the desktop app alike.
//!
//! - Bundled checklists: `DEEPBRIEF_BUNDLED_CHECKLISTS` when set; in a debug build run from the
//!   repository, `<repo>/checklists` (edits show up without a rebuild); else the first installed place
//!   that holds them (the app's resources, `checklists/` beside the binary, `../share/deepbrief/`);
//!   else the repository's folder again, so that the error names a real place.
//! - The agency folder, first found wins: `--checklists DIR`, `DEEPBRIEF_CHECKLISTS`, the
//!   `checklists_dir` setting, the default `<data folder>/checklists`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use deepbrief_core::library::Sources;
use deepbrief_core::settings::Settings;

/// The command-line flag naming the agency checklist folder.
pub const CHECKLISTS_FLAG: &str = "--checklists";
/// The environment variable naming the agency checklist folder.
pub const CHECKLISTS_ENV: &str = "DEEPBRIEF_CHECKLISTS";
/// The environment variable naming the bundled checklist folder (tests, packagers).
pub const BUNDLED_ENV: &str = "DEEPBRIEF_BUNDLED_CHECKLISTS";

/// The checklists shipped in the repository this binary was built from.
pub fn repo_checklists() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists")
}

/// The places beside an installed binary where the bundled checklists may be.
pub fn beside_binary() -> Vec<PathBuf> {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
        .map(|dir| {
            vec![
                dir.join("checklists"),
                dir.join("../share/deepbrief/checklists"),
            ]
        })
        .unwrap_or_default()
}

/// The bundled checklist folder: the environment's, the repository's in a debug build, else the
/// first of `installed` holding the core checklist, else the repository's.
pub fn bundled_dir(installed: &[PathBuf], env: impl Fn(&str) -> Option<OsString>) -> PathBuf {
    if let Some(dir) = env(BUNDLED_ENV).filter(|v| !v.is_empty()) {
        return PathBuf::from(dir);
    }
    let repo = repo_checklists();
    if cfg!(debug_assertions) && repo.is_dir() {
        return repo;
    }
    installed
        .iter()
        .find(|dir| dir.join("core").is_dir())
        .cloned()
        .unwrap_or(repo)
}

/// The agency folder named for this run: the flag's value, else `DEEPBRIEF_CHECKLISTS`.
pub fn agency_override(
    flag: Option<PathBuf>,
    env: impl Fn(&str) -> Option<OsString>,
) -> Option<PathBuf> {
    flag.or_else(|| {
        env(CHECKLISTS_ENV)
            .filter(|value| !value.is_empty())
            .map(PathBuf::from)
    })
}

/// Every source: `bundled`; the agency folder named for this run, else the setting's, else the
/// default; and `team`, the checklists received from the team server
/// ([`crate::DataFolder::team_checklists`]).
pub fn sources(
    bundled: PathBuf,
    agency_override: Option<PathBuf>,
    settings: &Settings,
    team: PathBuf,
) -> Sources {
    Sources {
        bundled,
        agency: deepbrief_folders::agency_checklists_dir(agency_override, settings),
        team: Some(team),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_beats_the_environment_and_the_environment_beats_the_setting() {
        let env = |_: &str| Some(OsString::from("/env"));
        let no_env = |_: &str| None;
        let empty = |_: &str| Some(OsString::new());
        assert_eq!(
            agency_override(Some(PathBuf::from("/flag")), env),
            Some(PathBuf::from("/flag"))
        );
        assert_eq!(agency_override(None, env), Some(PathBuf::from("/env")));
        assert_eq!(agency_override(None, no_env), None);
        assert_eq!(agency_override(None, empty), None);
        let settings = Settings {
            checklists_dir: Some(PathBuf::from("/settings")),
            identity: None,
        };
        let bundled = PathBuf::from("/bundled");
        assert_eq!(
            sources(
                bundled.clone(),
                agency_override(None, env),
                &settings,
                PathBuf::from("/team")
            )
            .agency,
            Some(PathBuf::from("/env"))
        );
        assert_eq!(
            sources(
                bundled,
                agency_override(None, no_env),
                &settings,
                PathBuf::from("/team")
            )
            .agency,
            Some(PathBuf::from("/settings"))
        );
    }

    #[test]
    fn the_bundled_folder_is_the_environment_s_then_a_real_place() {
        let env = |name: &str| (name == BUNDLED_ENV).then(|| OsString::from("/env/checklists"));
        assert_eq!(bundled_dir(&[], env), PathBuf::from("/env/checklists"));
        let missing = PathBuf::from("/definitely/not/here");
        let found = bundled_dir(&[missing], |_| None);
        assert!(found.join("core").is_dir(), "{}", found.display());
    }
}
