//! Where the CLI finds the bundled checklists and the agency folder.

use std::path::{Path, PathBuf};

use deepbrief_core::Sources;
use deepbrief_core::settings::{Settings, agency_checklists_dir, load_settings, settings_path};

/// The bundled checklists: `DEEPBRIEF_BUNDLED_CHECKLISTS`, else `checklists/` beside the binary or
/// in `../share/deepbrief/`, else the repository's folder this binary was built from.
pub fn bundled_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("DEEPBRIEF_BUNDLED_CHECKLISTS") {
        return PathBuf::from(dir);
    }
    if let Some(exe_dir) = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(Path::to_path_buf))
    {
        for candidate in [
            exe_dir.join("checklists"),
            exe_dir.join("../share/deepbrief/checklists"),
        ] {
            if candidate.join("core").is_dir() {
                return candidate;
            }
        }
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists")
}

/// The settings file's content; a broken file is a warning and the defaults.
pub fn settings() -> Settings {
    match settings_path().map(|p| load_settings(&p)) {
        Some(Ok(s)) => s,
        Some(Err(e)) => {
            eprintln!("warning: {e}; using the defaults");
            Settings::default()
        }
        None => Settings::default(),
    }
}

/// Who signs what this command writes: `explicit` (`--who`/`--as`), else `DEEPBRIEF_AS`, else the
/// name in `settings.json`, else the system user.
pub fn signer(explicit: Option<&str>) -> String {
    deepbrief_core::settings::signer(explicit, |k| std::env::var(k).ok(), &settings())
}

/// The sources the app would load, with `--checklists` taking precedence over the setting.
pub fn sources(override_dir: Option<PathBuf>) -> Sources {
    let settings = settings();
    Sources {
        bundled: bundled_dir(),
        agency: agency_checklists_dir(override_dir, &settings),
    }
}
