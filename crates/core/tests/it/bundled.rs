//! The bundled checklists load cleanly.

use deepbrief_core::{Sources, load_library};

#[test]
fn every_bundled_checklist_loads_without_errors() {
    let library = load_library(&Sources {
        bundled: crate::bundled(),
        agency: None,
    });
    assert!(library.problems.is_empty(), "{:#?}", library.problems);
    let ids: Vec<&str> = library
        .latest_all()
        .iter()
        .map(|c| c.checklist.id.as_str())
        .collect();
    for id in ["core", "seo", "ppc", "web", "smm"] {
        assert!(ids.contains(&id), "bundled `{id}` missing: {ids:?}");
    }
}
