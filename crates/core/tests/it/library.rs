//! Loading folders: good files load, bad files are listed, one bad file never stops the rest.

use std::fs;
use std::path::Path;

use deepbrief_core::{Origin, Sources};
use deepbrief_folders::load_library;

const CORE: &str = "id: core
version: 1
title: {ru: Ядро, en: Core}
languages: [ru, en]
sections:
  - id: main
    title: {ru: Основное, en: Main}
    questions:
      - id: expansion
        prompt: {ru: Регионы?, en: Regions?}
        hint: {ru: Зачем, en: Why}
        kind: yes_no
";

const ADDON: &str = "id: seo
version: 1
title: {ru: SEO, en: SEO}
languages: [ru, en]
extends: core
applies_to: [seo]
sections:
  - id: seo
    title: {ru: SEO, en: SEO}
    questions:
      - id: seo_regions
        prompt: {ru: Какие регионы?, en: Which regions?}
        hint: {ru: Зачем, en: Why}
        kind: list
        when: {equals: {question: expansion, value: true}}
";

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(path, text).expect("write");
}

#[test]
fn good_files_load_and_every_bad_file_is_listed() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "core/v1.yaml", CORE);
    write(dir.path(), "seo/v1.yaml", ADDON);
    write(dir.path(), "broken/v1.yaml", "id: broken\nversion: [\n");
    write(
        dir.path(),
        "typo/v1.yaml",
        &CORE
            .replace("id: core", "id: typo")
            .replace("kind: yes_no", "kind: yes_no\n        requird: true"),
    );
    write(dir.path(), "notes.txt", "not a checklist");
    let library = load_library(&Sources {
        bundled: dir.path().to_path_buf(),
        agency: None,
        team: None,
    });
    let ids: Vec<&str> = library
        .checklists
        .iter()
        .map(|c| c.checklist.id.as_str())
        .collect();
    assert_eq!(ids, ["core", "seo"]);
    let bad: Vec<(String, usize)> = library
        .problems
        .iter()
        .map(|p| {
            (
                p.path
                    .rsplit_once(std::path::MAIN_SEPARATOR)
                    .map_or(p.path.clone(), |(d, f)| {
                        format!(
                            "{}/{f}",
                            d.rsplit(std::path::MAIN_SEPARATOR).next().unwrap_or("")
                        )
                    }),
                p.diagnostics.len(),
            )
        })
        .collect();
    assert_eq!(
        bad,
        [
            ("broken/v1.yaml".to_owned(), 1),
            ("typo/v1.yaml".to_owned(), 1)
        ]
    );
    let typo = &library.problems[1].diagnostics[0];
    assert_eq!((typo.line, typo.column), (Some(13), Some(9)));
    assert_eq!(typo.fix, "did you mean `required`?");
}

#[test]
fn an_addon_in_the_agency_folder_extends_the_bundled_core() {
    let bundled = tempfile::tempdir().expect("tempdir");
    let agency = tempfile::tempdir().expect("tempdir");
    write(bundled.path(), "core/v1.yaml", CORE);
    write(agency.path(), "seo/v1.yaml", ADDON);
    let library = load_library(&Sources {
        bundled: bundled.path().to_path_buf(),
        agency: Some(agency.path().to_path_buf()),
        team: None,
    });
    assert!(library.problems.is_empty(), "{:#?}", library.problems);
    let seo = library.get("seo", Some(1)).expect("seo loaded");
    assert_eq!(seo.origin, Origin::Agency);
    let for_seo: Vec<&str> = library
        .for_services(&["seo".to_owned()])
        .iter()
        .map(|c| c.checklist.id.as_str())
        .collect();
    assert_eq!(for_seo, ["core", "seo"]);
    let for_ppc: Vec<&str> = library
        .for_services(&["ppc".to_owned()])
        .iter()
        .map(|c| c.checklist.id.as_str())
        .collect();
    assert_eq!(for_ppc, ["core"]);
}

#[test]
fn an_addon_whose_core_is_missing_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "seo/v1.yaml", ADDON);
    let library = load_library(&Sources {
        bundled: dir.path().to_path_buf(),
        agency: None,
        team: None,
    });
    let d = &library.problems[0].diagnostics;
    assert_eq!(
        d[0].message,
        "extends `core`, which is not a loaded checklist"
    );
    assert_eq!((d[0].line, d[0].column), (Some(5), Some(1)));
}

#[test]
fn a_published_version_with_changed_content_is_refused() {
    let bundled = tempfile::tempdir().expect("tempdir");
    let agency = tempfile::tempdir().expect("tempdir");
    write(bundled.path(), "core/v1.yaml", CORE);
    write(
        agency.path(),
        "core/v1.yaml",
        &CORE.replace("Regions?", "Regions, really?"),
    );
    write(agency.path(), "copy/v1.yaml", CORE);
    let library = load_library(&Sources {
        bundled: bundled.path().to_path_buf(),
        agency: Some(agency.path().to_path_buf()),
        team: None,
    });
    assert_eq!(
        library.checklists.len(),
        1,
        "the identical copy is kept once"
    );
    assert_eq!(library.checklists[0].origin, Origin::Bundled);
    assert_eq!(library.problems.len(), 1);
    let d = &library.problems[0].diagnostics[0];
    assert!(
        d.message
            .starts_with("`core` version 1 is already loaded from"),
        "{}",
        d.message
    );
    assert!(
        d.message.ends_with("with different content"),
        "{}",
        d.message
    );
    assert_eq!(d.line, Some(2));
}

#[test]
fn a_file_name_that_disagrees_with_its_version_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "core/v2.yaml", CORE);
    let library = load_library(&Sources {
        bundled: dir.path().to_path_buf(),
        agency: None,
        team: None,
    });
    let d = &library.problems[0].diagnostics[0];
    assert_eq!(d.message, "the file is named `v2` but says `version: 1`");
    assert_eq!(d.fix, "rename the file to `v1.yaml`, or correct `version`");
}

#[test]
fn a_missing_agency_folder_is_simply_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "core/v1.yaml", CORE);
    let library = load_library(&Sources {
        bundled: dir.path().to_path_buf(),
        agency: Some(dir.path().join("no-such-folder")),
        team: None,
    });
    assert!(library.problems.is_empty());
    assert_eq!(library.checklists.len(), 1);
    let report = library.report();
    assert_eq!(report.checklists[0].questions, 1);
    assert_eq!(report.checklists[0].hash.len(), 64);
}

#[test]
fn a_missing_bundled_folder_is_a_listed_problem() {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = load_library(&Sources {
        bundled: dir.path().join("gone"),
        agency: None,
        team: None,
    });
    assert_eq!(library.problems.len(), 1);
    assert!(
        library.problems[0].diagnostics[0]
            .message
            .starts_with("cannot read the folder")
    );
}

#[test]
fn two_addons_of_one_core_may_not_share_a_question_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "core/v1.yaml", CORE);
    write(dir.path(), "seo/v1.yaml", ADDON);
    write(
        dir.path(),
        "ppc/v1.yaml",
        &ADDON
            .replace("id: seo\n", "id: ppc\n")
            .replace("[seo]", "[ppc]"),
    );
    let library = load_library(&Sources {
        bundled: dir.path().to_path_buf(),
        agency: None,
        team: None,
    });
    // Files load in path order: `ppc` comes first, so `seo` is the one refused.
    let ids: Vec<&str> = library
        .checklists
        .iter()
        .map(|c| c.checklist.id.as_str())
        .collect();
    assert_eq!(ids, ["core", "ppc"]);
    assert!(
        library.problems[0].path.contains("seo"),
        "{}",
        library.problems[0].path
    );
    let d = &library.problems[0].diagnostics[0];
    assert_eq!(
        d.message,
        "duplicate question id `seo_regions` (first used at checklist `ppc`)"
    );
    assert_eq!((d.line, d.column), (Some(11), Some(13)));
}

/// Loads `agency` beside a bundled core in another thread; a hang is reported as a failure rather than
/// stalling the run (the limit is a watchdog, generous by far, not a timing).
#[cfg(unix)]
fn load_with_watchdog(agency: &Path) -> deepbrief_core::Library {
    let bundled = tempfile::tempdir().expect("tempdir");
    write(bundled.path(), "core/v1.yaml", CORE);
    let sources = Sources {
        bundled: bundled.path().to_path_buf(),
        agency: Some(agency.to_path_buf()),
        team: None,
    };
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(load_library(&sources)));
    rx.recv_timeout(std::time::Duration::from_secs(120))
        .expect("loading the agency folder hung")
}

/// The problem listed for a path ending in `name`, with its message.
#[cfg(unix)]
fn problem_of(library: &deepbrief_core::Library, name: &str) -> String {
    library
        .problems
        .iter()
        .find(|p| p.path.ends_with(name))
        .unwrap_or_else(|| panic!("{name} is not listed: {:#?}", library.problems))
        .diagnostics[0]
        .message
        .clone()
}

#[cfg(unix)]
#[test]
fn a_symlink_to_dev_zero_is_listed_and_the_rest_loads() {
    let agency = tempfile::tempdir().expect("tempdir");
    write(agency.path(), "seo/v1.yaml", ADDON);
    std::os::unix::fs::symlink("/dev/zero", agency.path().join("zero.yaml")).expect("symlink");
    let library = load_with_watchdog(agency.path());
    assert!(
        library.get("seo", Some(1)).is_some(),
        "{:#?}",
        library.problems
    );
    let message = problem_of(&library, "zero.yaml");
    assert!(message.contains("not a regular file"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_fifo_named_yaml_is_listed_and_the_rest_loads() {
    let agency = tempfile::tempdir().expect("tempdir");
    write(agency.path(), "seo/v1.yaml", ADDON);
    let fifo = agency.path().join("pipe.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let library = load_with_watchdog(agency.path());
    assert!(
        library.get("seo", Some(1)).is_some(),
        "{:#?}",
        library.problems
    );
    let message = problem_of(&library, "pipe.yaml");
    assert!(message.contains("not a regular file"), "{message}");
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_listed_and_the_rest_loads() {
    use std::os::unix::fs::symlink;
    let agency = tempfile::tempdir().expect("tempdir");
    write(agency.path(), "seo/v1.yaml", ADDON);
    // A folder that links back to its parent (twice, so an unchecked walk grows without end) …
    symlink("..", agency.path().join("seo/up")).expect("symlink");
    symlink("..", agency.path().join("seo/again")).expect("symlink");
    // … and two links naming each other.
    symlink("b.yaml", agency.path().join("a.yaml")).expect("symlink");
    symlink("a.yaml", agency.path().join("b.yaml")).expect("symlink");
    let library = load_with_watchdog(agency.path());
    assert!(
        library.get("seo", Some(1)).is_some(),
        "{:#?}",
        library.problems
    );
    // Loaded once, not once per way round the loop.
    let seo_files = library
        .checklists
        .iter()
        .filter(|c| c.checklist.id == "seo")
        .count();
    assert_eq!(seo_files, 1);
    assert!(
        problem_of(&library, "a.yaml").contains("cannot follow the link"),
        "{:#?}",
        library.problems
    );
    assert!(problem_of(&library, "seo/up").contains("leads back"));
    assert!(problem_of(&library, "seo/again").contains("leads back"));
}

#[cfg(unix)]
#[test]
fn a_symlinked_checklist_and_folder_still_load() {
    use std::os::unix::fs::symlink;
    let shared = tempfile::tempdir().expect("tempdir");
    write(shared.path(), "seo/v1.yaml", ADDON);
    let agency = tempfile::tempdir().expect("tempdir");
    symlink(shared.path().join("seo"), agency.path().join("seo")).expect("symlink");
    let library = load_with_watchdog(agency.path());
    assert!(library.problems.is_empty(), "{:#?}", library.problems);
    assert!(library.get("seo", Some(1)).is_some());
}
