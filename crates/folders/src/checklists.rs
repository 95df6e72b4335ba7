//! Reading checklist files from disk: the bundled folder and the agency's folder.
//!
//! An agency folder is a shared folder or a git checkout that anyone can put anything into, so the walk
//! trusts nothing in it: only regular files are read (a FIFO or a device named `*.yaml` would block or
//! never end), every read is bounded by [`MAX_FILE_BYTES`] whatever the file claims to be, and a folder
//! is entered once (a symlink loop or a link back to a parent is listed, not followed). Each bad entry
//! is listed with what is wrong; the rest of the folder still loads.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use deepbrief_core::library::{Library, Origin, SourceFile, Sources, load_files};
use deepbrief_core::yaml::MAX_FILE_BYTES;

/// Loads the bundled folder and the agency folder: every good file loads, every bad one is listed
/// with its problems.
pub fn load_library(sources: &Sources) -> Library {
    let mut files = collect_files(&sources.bundled, Origin::Bundled, true);
    if let Some(agency) = &sources.agency {
        files.extend(collect_files(agency, Origin::Agency, false));
    }
    if let Some(team) = &sources.team {
        files.extend(collect_files(team, Origin::Agency, false));
    }
    load_files(files)
}

/// Reads every `*.yaml`/`*.yml` under `dir` (recursively, sorted; hidden folders skipped). A folder that
/// cannot be read is reported as a problem when `must_exist` or when it exists but fails.
pub fn collect_files(dir: &Path, origin: Origin, must_exist: bool) -> Vec<SourceFile> {
    let mut out = Vec::new();
    if !must_exist && fs::symlink_metadata(dir).is_err() {
        return out;
    }
    let mut entered: HashSet<PathBuf> = HashSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        // A folder is entered once, under its real path: a link back to a parent or a ring of links
        // would otherwise be walked without end.
        match fs::canonicalize(&d) {
            Ok(real) if !entered.insert(real.clone()) => {
                out.push(problem(
                    &d,
                    origin,
                    format!(
                        "the folder link leads back to `{}`, which is already read; it is skipped",
                        real.display()
                    ),
                ));
                continue;
            }
            Ok(_) => {}
            Err(e) => {
                out.push(problem(&d, origin, format!("cannot read the folder: {e}")));
                continue;
            }
        }
        let entries = match fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                out.push(problem(&d, origin, format!("cannot read the folder: {e}")));
                continue;
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths.into_iter().rev() {
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            // Follows a symlink once to what it names; a dangling link or a loop of links fails here.
            match fs::metadata(&path) {
                Ok(m) if m.is_dir() => {
                    if !hidden {
                        stack.push(path);
                    }
                }
                Ok(_) if is_yaml(&path) => out.push(read_file(&path, origin)),
                Ok(_) => {}
                Err(e) if is_yaml(&path) || path.extension().is_none() => {
                    if !hidden {
                        out.push(problem(
                            &path,
                            origin,
                            format!("cannot follow the link: {e}"),
                        ));
                    }
                }
                Err(_) => {}
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// Reads one file: only a regular file, and never more than [`MAX_FILE_BYTES`] (a file that claims
/// to be small but keeps giving bytes, like `/dev/zero` behind a symlink, is cut off and refused).
pub fn read_file(path: &Path, origin: Origin) -> SourceFile {
    SourceFile {
        path: path.to_path_buf(),
        origin,
        content: read_bounded(path),
    }
}

fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    let meta = fs::metadata(path).map_err(|e| format!("cannot read the file: {e}"))?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(too_large(meta.len()));
    }
    let file = fs::File::open(path).map_err(|e| format!("cannot read the file: {e}"))?;
    // Checked again on the open file: it may have been swapped for something else since.
    let meta = file
        .metadata()
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

fn not_regular(meta: &fs::Metadata) -> String {
    let what = if meta.is_dir() {
        "a folder"
    } else {
        "not a regular file (a pipe, a device or a socket)"
    };
    format!("this is {what}; a checklist must be a regular file")
}

fn too_large(size: u64) -> String {
    format!(
        "the file is {size} bytes or more; checklist files are limited to {MAX_FILE_BYTES} bytes"
    )
}

fn problem(path: &Path, origin: Origin, message: String) -> SourceFile {
    SourceFile {
        path: path.to_path_buf(),
        origin,
        content: Err(message),
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}
