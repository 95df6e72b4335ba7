//! The dependency rules of docs/ARCHITECTURE.md, checked on `cargo metadata`: which of our crates
//! may use which, and which outside crates stay out of the pure ones. A new dependency that breaks
//! a rule fails here with the rule it breaks.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use serde_json::Value;

/// Our crates and the ones of ours each may depend on (normal dependencies).
const MAY_USE: &[(&str, &[&str])] = &[
    ("deepbrief-core", &[]),
    ("deepbrief-folders", &["deepbrief-core"]),
    ("deepbrief-store", &["deepbrief-core"]),
    ("deepbrief-export", &["deepbrief-core"]),
    ("deepbrief-wire", &[]),
    (
        "deepbrief-app",
        &[
            "deepbrief-core",
            "deepbrief-folders",
            "deepbrief-store",
            "deepbrief-export",
            "deepbrief-wire",
        ],
    ),
    // The server keeps bundles and checks them as an import would (store::bundle::inspect); it
    // has no brief database of its own, no exports, no folders.
    (
        "deepbrief-server",
        &["deepbrief-wire", "deepbrief-store", "deepbrief-core"],
    ),
    (
        "deepbrief-cli",
        &[
            "deepbrief-wire",
            "deepbrief-app",
            "deepbrief-core",
            "deepbrief-folders",
            "deepbrief-store",
            "deepbrief-export",
        ],
    ),
    (
        "deepbrief-desktop",
        &[
            "deepbrief-app",
            "deepbrief-core",
            "deepbrief-folders",
            "deepbrief-store",
            "deepbrief-export",
        ],
    ),
    ("deepbrief-blank-window", &[]),
];

/// Outside crates that would break a crate's promise, by crate: the core touches no disk, no
/// database and no window; the exports read no database; only the shell knows Tauri.
const MUST_NOT_USE: &[(&str, &[&str])] = &[
    (
        "deepbrief-core",
        &["directories", "rusqlite", "tauri", "typst", "jiff", "tera"],
    ),
    ("deepbrief-folders", &["rusqlite", "tauri", "typst"]),
    ("deepbrief-store", &["tauri", "typst", "tera"]),
    ("deepbrief-export", &["rusqlite", "tauri", "directories"]),
    ("deepbrief-app", &["tauri", "clap"]),
    ("deepbrief-cli", &["tauri"]),
    ("deepbrief-wire", &["rusqlite", "tokio", "tauri"]),
    ("deepbrief-server", &["tauri", "typst", "sqlx"]),
];

/// Each workspace package with its normal dependencies' names.
fn workspace() -> BTreeMap<String, BTreeSet<String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run cargo metadata");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("metadata JSON");
    metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .map(|package| {
            let deps = package["dependencies"]
                .as_array()
                .expect("dependencies")
                .iter()
                // `kind` is null for normal dependencies, "dev" or "build" for the others.
                .filter(|d| d["kind"].is_null())
                .map(|d| d["name"].as_str().expect("name").to_owned())
                .collect();
            (package["name"].as_str().expect("name").to_owned(), deps)
        })
        .collect()
}

#[test]
fn every_crate_uses_only_the_crates_it_may() {
    let packages = workspace();
    let rules: BTreeMap<&str, &[&str]> = MAY_USE.iter().copied().collect();
    for name in packages.keys() {
        assert!(
            rules.contains_key(name.as_str()),
            "{name} is a new workspace crate: give it a rule here and a line in docs/ARCHITECTURE.md"
        );
    }
    let mut broken = Vec::new();
    for (name, deps) in &packages {
        let allowed = rules[name.as_str()];
        for dep in deps.iter().filter(|d| d.starts_with("deepbrief-")) {
            if !allowed.contains(&dep.as_str()) {
                broken.push(format!("{name} depends on {dep}, which it may not"));
            }
        }
    }
    for (name, banned) in MUST_NOT_USE {
        let deps = packages
            .get(*name)
            .unwrap_or_else(|| panic!("{name} is not in the workspace"));
        for dep in *banned {
            if deps.contains(*dep) {
                broken.push(format!("{name} depends on {dep}, which it must not"));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "dependency rules broken (docs/ARCHITECTURE.md):\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_rules_name_every_crate_once() {
    let names: BTreeSet<&str> = MAY_USE.iter().map(|(name, _)| *name).collect();
    assert_eq!(names.len(), MAY_USE.len());
    let packages = workspace();
    for name in names {
        assert!(
            packages.contains_key(name),
            "{name} has a rule but is not a workspace crate"
        );
    }
}
