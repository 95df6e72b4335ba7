//! Brief files the app is asked to open: a double-click on a `.deepbrief` file (the desktop entry
//! passes its path, the package registers the file type), or a second launch with one (the
//! single-instance plugin hands its arguments to the running app). The paths wait here until the UI
//! takes them ([`take_opened_files`]) — at start, once the first screen is up, and whenever the
//! [`EVENT`] says more arrived — and each is imported like a bundle picked in the app.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use deepbrief_store::BriefMeta;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::IpcError;
use crate::state::AppState;

/// Sent to the window when a second launch brought brief files.
pub const EVENT: &str = "files-opened";

/// The file extension of a brief file.
const EXTENSION: &str = "deepbrief";

/// Brief files waiting for the UI.
#[derive(Debug, Default)]
pub struct Pending(Mutex<Vec<PathBuf>>);

impl Pending {
    /// Adds the brief files among `args` (relative paths resolved against `cwd`).
    pub fn add(&self, args: impl IntoIterator<Item = String>, cwd: &Path) -> usize {
        let found = bundle_paths(args, cwd);
        let n = found.len();
        if let Ok(mut pending) = self.0.lock() {
            pending.extend(found);
        }
        n
    }

    fn take(&self) -> Vec<PathBuf> {
        self.0
            .lock()
            .map(|mut p| std::mem::take(&mut *p))
            .unwrap_or_default()
    }
}

/// The app's flags that take the next argument as their value (`--flag VALUE`; `--flag=VALUE` is one
/// argument).
const VALUE_FLAGS: [&str; 3] = [
    deepbrief_app::sources::CHECKLISTS_FLAG,
    deepbrief_app::folder::DB_FLAG,
    "--e2e-pick",
];

/// The brief files among a launch's arguments (the program itself excluded): paths or `file://`
/// URLs whose name ends in `.deepbrief`, relative paths resolved against `cwd`. Flags, their values
/// and other files are not brief files.
pub fn bundle_paths(args: impl IntoIterator<Item = String>, cwd: &Path) -> Vec<PathBuf> {
    let mut value_of_flag = false;
    args.into_iter()
        .skip(1)
        .filter(|arg| {
            // `--db X.deepbrief`: X is the flag's value, not a file to open.
            let after_flag =
                std::mem::replace(&mut value_of_flag, VALUE_FLAGS.contains(&arg.as_str()));
            !after_flag && !arg.starts_with('-')
        })
        .filter_map(|arg| {
            let path = if arg.starts_with("file:") {
                url::Url::parse(&arg).ok()?.to_file_path().ok()?
            } else {
                PathBuf::from(arg)
            };
            let is_brief = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION));
            is_brief.then(|| cwd.join(path))
        })
        .collect()
}

/// One brief file the app was asked to open, and what came of it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OpenedFile {
    /// The file, as given.
    pub path: String,
    /// The imported brief; `None` when the import was refused.
    pub brief: Option<BriefMeta>,
    /// Why the file could not be imported; `None` when it was.
    pub error: Option<String>,
}

/// Imports the brief files waiting since start or the last call, in the order they came.
#[tauri::command]
pub async fn take_opened_files(
    state: State<'_, Arc<AppState>>,
    pending: State<'_, Pending>,
) -> Result<Vec<OpenedFile>, IpcError> {
    let mut opened = Vec::new();
    for path in pending.take() {
        let shown = path.display().to_string();
        log::info!("opening the brief file {shown}");
        let (brief, error) = match crate::files::import_file(&state, path).await {
            Ok(meta) => (Some(meta), None),
            Err(e) => {
                log::warn!("{shown}: not imported: {}", e.message);
                (None, Some(e.message))
            }
        };
        opened.push(OpenedFile {
            path: shown,
            brief,
            error,
        });
    }
    Ok(opened)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        std::iter::once("deepbrief-desktop")
            .chain(list.iter().copied())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn brief_files_are_picked_from_the_arguments() {
        let cwd = Path::new("/home/anna");
        assert_eq!(
            bundle_paths(
                args(&[
                    "--checklists",
                    "/srv/checklists",
                    "Колесо.deepbrief",
                    "/tmp/b.DEEPBRIEF",
                    "file:///tmp/with%20space.deepbrief",
                    "notes.txt",
                    "--db=/tmp/x.db",
                    "--e2e-pick",
                    "/tmp/picked.deepbrief",
                    "--db",
                    "/tmp/odd-name.deepbrief",
                ]),
                cwd
            ),
            vec![
                PathBuf::from("/home/anna/Колесо.deepbrief"),
                PathBuf::from("/tmp/b.DEEPBRIEF"),
                PathBuf::from("/tmp/with space.deepbrief"),
            ]
        );
    }

    #[test]
    fn the_program_itself_and_no_files_give_nothing() {
        assert!(bundle_paths(args(&[]), Path::new("/")).is_empty());
        assert!(bundle_paths(args(&["file://[bad"]), Path::new("/")).is_empty());
        // The program's own name never counts, even if it looked like a brief file.
        assert!(bundle_paths(vec!["x.deepbrief".to_owned()], Path::new("/")).is_empty());
    }

    #[test]
    fn pending_files_are_taken_once() {
        let pending = Pending::default();
        assert_eq!(pending.add(args(&["a.deepbrief"]), Path::new("/w")), 1);
        assert_eq!(pending.add(args(&["b.deepbrief"]), Path::new("/w")), 1);
        assert_eq!(
            pending.take(),
            vec![
                PathBuf::from("/w/a.deepbrief"),
                PathBuf::from("/w/b.deepbrief")
            ]
        );
        assert!(pending.take().is_empty());
    }
}
