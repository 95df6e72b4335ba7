//! The checklist library: every checklist file of the bundled folder and the agency's folder.
//!
//! Loading never fails as a whole: every good file loads, every bad file is listed with all of its
//! problems, and one bad file never stops the rest.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::diagnostic::{Diagnostic, Issue};
use crate::load;
use crate::model::Checklist;
use crate::text::Text;
use crate::validate::validate;

/// Where checklists come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    /// The checklists shipped with Deepbrief.
    pub bundled: PathBuf,
    /// The agency's own folder (a shared folder or a git checkout); a missing folder is empty.
    pub agency: Option<PathBuf>,
    /// Checklist versions the agency lead published on the team server, as this computer received
    /// them (`team-checklists/` in the data folder); loaded as the agency's. A missing folder is empty.
    pub team: Option<PathBuf>,
}

/// Which folder a checklist came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Origin {
    /// Shipped with the app.
    Bundled,
    /// The agency's own folder.
    Agency,
    /// Named on the command line.
    Given,
}

/// A checklist that loaded cleanly.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedChecklist {
    /// The checklist.
    pub checklist: Checklist,
    /// Which folder it came from.
    pub origin: Origin,
    /// The file it was read from.
    pub path: PathBuf,
    /// SHA-256 of the file's bytes, hex: a published version must keep it.
    pub hash: String,
}

/// A file that did not load, with every problem found in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FileProblem {
    /// The file.
    pub path: String,
    /// Which folder it came from.
    pub origin: Origin,
    /// Every problem, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// All loaded checklists and all files that failed.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Checklists that loaded, ordered by id then version.
    pub checklists: Vec<LoadedChecklist>,
    /// Files that did not load.
    pub problems: Vec<FileProblem>,
}

/// One line of the checklist list, for the app and `deepbrief checklist list`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ChecklistSummary {
    /// Checklist id.
    pub id: String,
    /// Version.
    pub version: u32,
    /// Title.
    pub title: Text,
    /// What it is for.
    pub description: Option<Text>,
    /// Languages of its texts.
    pub languages: Vec<String>,
    /// Services it serves; empty for the core.
    pub applies_to: Vec<String>,
    /// The checklist it extends.
    pub extends: Option<String>,
    /// Checklist ids it replaces for new briefs.
    pub replaces: Vec<String>,
    /// Number of sections.
    pub sections: u32,
    /// Number of questions.
    pub questions: u32,
    /// Number of processes.
    pub processes: u32,
    /// Number of rules.
    pub rules: u32,
    /// Which folder it came from.
    pub origin: Origin,
    /// The file.
    pub path: String,
    /// SHA-256 of the file.
    pub hash: String,
}

/// What the app shows: the checklists and the files that failed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct LibraryReport {
    /// Loaded checklists.
    pub checklists: Vec<ChecklistSummary>,
    /// The services a new brief can choose: those of the latest add-ons that no latest checklist
    /// `replaces`, sorted.
    pub services: Vec<String>,
    /// Files that failed, with their problems.
    pub problems: Vec<FileProblem>,
}

/// A file's bytes, read by the caller (`deepbrief_folders::load_library` reads folders).
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Where it came from, as shown in messages.
    pub path: PathBuf,
    /// Which folder.
    pub origin: Origin,
    /// The content, or why it could not be read.
    pub content: Result<Vec<u8>, String>,
}

struct Pending {
    file: SourceFile,
    read: load::Read,
    hash: String,
}

/// Loads already-read files: checklists without `extends` first, then the add-ons against them.
pub fn load_files(files: Vec<SourceFile>) -> Library {
    let mut library = Library::default();
    let mut pending = Vec::new();
    for (file, parsed) in read_all(files) {
        match (&file.content, parsed) {
            (Ok(_), Some((read, hash))) => pending.push(Pending { file, read, hash }),
            (Err(message), _) => library.problems.push(FileProblem {
                path: file.path.display().to_string(),
                origin: file.origin,
                diagnostics: vec![Diagnostic {
                    path: file.path.display().to_string(),
                    line: None,
                    column: None,
                    yaml_path: None,
                    message: message.clone(),
                    fix: "check that the file exists, is readable and is a checklist".to_owned(),
                }],
            }),
            (Ok(_), None) => library.problems.push(FileProblem {
                path: file.path.display().to_string(),
                origin: file.origin,
                diagnostics: vec![Diagnostic {
                    path: file.path.display().to_string(),
                    line: None,
                    column: None,
                    yaml_path: None,
                    message: "the loader failed on this file (an internal error)".to_owned(),
                    fix: "report this file to the Deepbrief developers; the other checklists are loaded".to_owned(),
                }],
            }),
        }
    }
    let (cores, addons): (Vec<_>, Vec<_>) = pending.into_iter().partition(|p| {
        p.read
            .checklist
            .as_ref()
            .is_none_or(|c| c.extends.is_none())
    });
    for p in cores.into_iter().chain(addons) {
        library.admit(p);
    }
    library.checklists.sort_by(|a, b| {
        (&a.checklist.id, a.checklist.version).cmp(&(&b.checklist.id, b.checklist.version))
    });
    library.problems.sort_by(|a, b| a.path.cmp(&b.path));
    library
}

/// Parses and reads every file, spreading the files over the machine's cores: parsing is most of the
/// cost of loading, and files are independent until validation.
fn read_all(files: Vec<SourceFile>) -> Vec<(SourceFile, Option<(load::Read, String)>)> {
    let read_one = |file: &SourceFile| {
        file.content
            .as_ref()
            .ok()
            .map(|bytes| (load::read(bytes), hex(&Sha256::digest(bytes))))
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(files.len());
    if workers <= 1 {
        return files
            .into_iter()
            .map(|f| {
                let read = read_one(&f);
                (f, read)
            })
            .collect();
    }
    let reads: Vec<Option<(load::Read, String)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let files = &files;
                scope.spawn(move || {
                    files
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i % workers == w)
                        .map(|(i, f)| (i, read_one(f)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut out: Vec<Option<(load::Read, String)>> = Vec::new();
        out.resize_with(files.len(), || None);
        for handle in handles {
            // A panic in a worker would be a bug in the loader; the property tests guard against it.
            if let Ok(results) = handle.join() {
                for (i, r) in results {
                    out[i] = r;
                }
            }
        }
        out
    });
    files.into_iter().zip(reads).collect()
}

/// The content hash a loaded checklist records: SHA-256 of the file's bytes, lowercase hex.
pub fn content_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Library {
    fn admit(&mut self, p: Pending) {
        let Pending { file, read, hash } = p;
        let path = file.path.display().to_string();
        let mut issues = read.issues;
        if let (Some(checklist), Some(tree)) = (&read.checklist, &read.tree) {
            let base = match &checklist.extends {
                Some(base_id) => match self.latest(base_id) {
                    Some(b) => Some(&b.checklist),
                    None => {
                        let pos = tree.key("extends").map(|k| k.pos);
                        let failed = self
                            .problems
                            .iter()
                            .any(|pr| pr.path.contains(base_id.as_str()));
                        issues.push(Issue::new(
                            pos,
                            "extends",
                            format!("extends `{base_id}`, which is not a loaded checklist"),
                            if failed {
                                format!("fix the errors in `{base_id}` first")
                            } else {
                                "name a loaded checklist, usually `core`".to_owned()
                            },
                        ));
                        None
                    }
                },
                None => None,
            };
            let siblings: Vec<&Checklist> = match &checklist.extends {
                Some(base_id) => self
                    .latest_all()
                    .into_iter()
                    .filter(|c| {
                        c.checklist.extends.as_ref() == Some(base_id)
                            && c.checklist.id != checklist.id
                    })
                    .map(|c| &c.checklist)
                    .collect(),
                None => Vec::new(),
            };
            issues.extend(validate(
                checklist,
                base,
                &siblings,
                tree,
                &read.written_ids,
                &read.paths,
            ));
            if let Some(existing) = self.get(&checklist.id, Some(checklist.version)) {
                if existing.hash != hash {
                    issues.push(Issue::new(
                        tree.key("version").map(|k| k.pos),
                        "version",
                        format!(
                            "`{}` version {} is already loaded from {} with different content",
                            checklist.id,
                            checklist.version,
                            existing.path.display()
                        ),
                        "a published version never changes: give this file the next version (and name it accordingly), or a new id",
                    ));
                } else {
                    return; // the same file twice (e.g. a copy of a bundled checklist): keep one
                }
            }
            if let Some(stem) = file.path.file_stem().and_then(|s| s.to_str())
                && let Some(n) = stem.strip_prefix('v').and_then(|n| n.parse::<u32>().ok())
                && n != checklist.version
            {
                issues.push(Issue::new(
                    tree.key("version").map(|k| k.pos),
                    "version",
                    format!(
                        "the file is named `{stem}` but says `version: {}`",
                        checklist.version
                    ),
                    format!(
                        "rename the file to `v{}.yaml`, or correct `version`",
                        checklist.version
                    ),
                ));
            }
        }
        issues.sort_by_key(|i| i.pos);
        issues.dedup();
        match read.checklist {
            Some(checklist) if issues.is_empty() => self.checklists.push(LoadedChecklist {
                checklist,
                origin: file.origin,
                path: file.path,
                hash,
            }),
            _ => {
                if issues.is_empty() {
                    issues.push(Issue::new(
                        None,
                        "",
                        "the checklist could not be read",
                        "check the file against docs/checklist-format.md",
                    ));
                }
                self.problems.push(FileProblem {
                    path: path.clone(),
                    origin: file.origin,
                    diagnostics: issues
                        .into_iter()
                        .map(|i| i.into_diagnostic(&path))
                        .collect(),
                })
            }
        }
    }

    /// A checklist by id and version; the latest version when `version` is `None`.
    pub fn get(&self, id: &str, version: Option<u32>) -> Option<&LoadedChecklist> {
        match version {
            Some(v) => self
                .checklists
                .iter()
                .find(|c| c.checklist.id == id && c.checklist.version == v),
            None => self.latest(id),
        }
    }

    /// The highest version of a checklist.
    pub fn latest(&self, id: &str) -> Option<&LoadedChecklist> {
        self.checklists
            .iter()
            .filter(|c| c.checklist.id == id)
            .max_by_key(|c| c.checklist.version)
    }

    /// The latest version of every checklist id.
    pub fn latest_all(&self) -> Vec<&LoadedChecklist> {
        let mut by_id: BTreeMap<&str, &LoadedChecklist> = BTreeMap::new();
        for c in &self.checklists {
            let e = by_id.entry(&c.checklist.id).or_insert(c);
            if c.checklist.version > e.checklist.version {
                *e = c;
            }
        }
        by_id.into_values().collect()
    }

    /// The checklists a brief for these services uses: the latest universal checklists plus every
    /// latest add-on whose `applies_to` names one of the services.
    pub fn for_services(&self, services: &[String]) -> Vec<&LoadedChecklist> {
        self.latest_all()
            .into_iter()
            .filter(|c| {
                c.checklist.applies_to.is_empty()
                    || c.checklist.applies_to.iter().any(|s| services.contains(s))
            })
            .collect()
    }

    /// The services a new brief can choose: every service of the latest add-ons, less those of
    /// add-ons that another latest checklist `replaces` (briefs already on them keep them). Sorted.
    pub fn offered_services(&self) -> Vec<String> {
        let latest = self.latest_all();
        let replaced: BTreeSet<&str> = latest
            .iter()
            .flat_map(|c| c.checklist.replaces.iter().map(String::as_str))
            .collect();
        latest
            .iter()
            .filter(|c| !replaced.contains(c.checklist.id.as_str()))
            .flat_map(|c| c.checklist.applies_to.iter().cloned())
            .collect::<BTreeSet<String>>()
            .into_iter()
            .collect()
    }

    /// The summary the app and the CLI list.
    pub fn report(&self) -> LibraryReport {
        LibraryReport {
            checklists: self
                .checklists
                .iter()
                .map(LoadedChecklist::summary)
                .collect(),
            services: self.offered_services(),
            problems: self.problems.clone(),
        }
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl LoadedChecklist {
    /// The summary line of this checklist.
    pub fn summary(&self) -> ChecklistSummary {
        let c = &self.checklist;
        ChecklistSummary {
            id: c.id.clone(),
            version: c.version,
            title: c.title.clone(),
            description: c.description.clone(),
            languages: c.languages.clone(),
            applies_to: c.applies_to.clone(),
            extends: c.extends.clone(),
            replaces: c.replaces.clone(),
            sections: count(c.sections.len()),
            questions: count(c.questions().count()),
            processes: count(c.processes.len()),
            rules: count(c.rules.len()),
            origin: self.origin,
            path: self.path.display().to_string(),
            hash: self.hash.clone(),
        }
    }
}
