//! Pinned versions: a brief keeps its versions; changed content under a stored version is refused.

use deepbrief_core::Sources;
use deepbrief_folders::load_library;
use deepbrief_store::{Store, StoreError};

use crate::{bundled, new_brief};

fn copy_bundled(to: &std::path::Path) {
    for entry in walk(&bundled()) {
        let rel = entry.strip_prefix(bundled()).unwrap();
        let dest = to.join(rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &dest).unwrap();
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_brief_opens_with_its_versions_after_the_files_change_and_a_changed_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let checklists = dir.path().join("checklists");
    copy_bundled(&checklists);
    let sources = Sources {
        bundled: checklists.clone(),
        agency: None,
        team: None,
    };
    let mut store = Store::open_in_memory().unwrap();
    let brief = store
        .create_brief(
            &new_brief("Колесо", &["seo"]),
            &load_library(&sources),
            "Анна",
        )
        .unwrap();
    let before = store.opened(&brief.id).unwrap().checklists;

    // Edit the latest core file (the one new briefs use) without raising its version.
    let core = checklists.join("core/v2.yaml");
    let edited = std::fs::read_to_string(&core)
        .unwrap()
        .replacen("title:", "title: ", 1)
        + "\n# edited\n";
    std::fs::write(&core, edited).unwrap();
    let err = store
        .create_brief(&new_brief("Колесо", &[]), &load_library(&sources), "Анна")
        .unwrap_err();
    assert!(matches!(err, StoreError::ChangedVersion { .. }), "{err}");
    assert!(err.to_string().contains("raise `version`"), "{err}");

    // Delete the files: the brief still opens with the stored versions.
    std::fs::remove_dir_all(&checklists).unwrap();
    let after = store.opened(&brief.id).unwrap().checklists;
    assert_eq!(before, after);
}

#[test]
fn checklists_remembered_from_files_are_used_only_when_their_hash_matches_the_pin() {
    let dir = tempfile::tempdir().unwrap();
    let checklists = dir.path().join("checklists");
    copy_bundled(&checklists);
    let sources = Sources {
        bundled: checklists.clone(),
        agency: None,
        team: None,
    };
    let db = dir.path().join("deepbrief.db");
    let mut store = Store::open(&db).unwrap();
    let brief = store
        .create_brief(
            &new_brief("Колесо", &["seo"]),
            &load_library(&sources),
            "Анна",
        )
        .unwrap();
    drop(store);
    // Parsed from the stored text by a fresh connection.
    let parsed = Store::open(&db).unwrap().opened(&brief.id).unwrap();

    // Seeded from the same files: the same checklists.
    let store = Store::open(&db).unwrap();
    store.remember_checklists(&load_library(&sources));
    assert_eq!(store.opened(&brief.id).unwrap(), parsed);

    // A file edited under the same version is a different text: the pin still opens the stored one.
    let core = checklists.join("core/v1.yaml");
    let edited = std::fs::read_to_string(&core)
        .unwrap()
        .replacen("Цель", "ЦЕЛЬ", 1);
    std::fs::write(&core, edited).unwrap();
    let edited_library = load_library(&sources);
    assert!(
        edited_library.problems.is_empty(),
        "{:?}",
        edited_library.problems
    );
    let store = Store::open(&db).unwrap();
    store.remember_checklists(&edited_library);
    assert_eq!(store.opened(&brief.id).unwrap(), parsed);
}
