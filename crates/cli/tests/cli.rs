//! The `deepbrief` binary as scripts and checklist authors use it.
#![allow(
    clippy::expect_used,
    reason = "a test should fail loudly at the first broken step"
)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn deepbrief(agency: &Path) -> Command {
    let mut cmd = Command::cargo_bin("deepbrief").expect("binary");
    cmd.env("DEEPBRIEF_BUNDLED_CHECKLISTS", repo().join("checklists"));
    cmd.env("XDG_DATA_HOME", agency.join("data"));
    cmd.env("HOME", agency);
    cmd.current_dir(repo());
    cmd
}

fn output(cmd: &mut Command) -> (i32, String) {
    let out = cmd.output().expect("run");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn lint_of_the_bundled_checklists_is_clean() {
    let home = tempfile::tempdir().expect("tempdir");
    let (code, text) = output(deepbrief(home.path()).args(["checklist", "lint", "checklists/"]));
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("no errors"), "{text}");
}

#[test]
fn lint_of_a_broken_file_exits_1_and_names_file_line_and_fix() {
    let home = tempfile::tempdir().expect("tempdir");
    let broken = home.path().join("broken.yaml");
    std::fs::write(
        &broken,
        "id: demo\nversion: 1\ntitle: {ru: Демо, en: Demo}\nlanguages: [ru, en]\nsections:\n  - id: main\n    title: {ru: Основное, en: Main}\n    questions:\n      - id: goal\n        prompt: {ru: Цель, en: Goal}\n        hint: {ru: Зачем, en: Why}\n        kind: short_text\n        requird: true\n",
    )
    .expect("write");
    let (code, text) = output(
        deepbrief(home.path())
            .args(["checklist", "lint"])
            .arg(&broken),
    );
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains(&format!(
            "{}:13:9: error: unknown field `requird`",
            broken.display()
        )),
        "{text}"
    );
    assert!(text.contains("fix: did you mean `required`?"), "{text}");
    assert!(text.contains("13 |         requird: true"), "{text}");

    let (code, json) = output(
        deepbrief(home.path())
            .args(["checklist", "lint", "--json"])
            .arg(&broken),
    );
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(report["ok"], false);
    assert_eq!(report["problems"][0]["diagnostics"][0]["line"], 13);
}

#[test]
fn an_addon_is_linted_against_the_bundled_core() {
    let home = tempfile::tempdir().expect("tempdir");
    let (code, text) =
        output(deepbrief(home.path()).args(["checklist", "lint", "checklists/seo/v1.yaml"]));
    assert_eq!(code, 0, "{text}");
}

#[test]
fn lint_of_a_missing_path_is_a_clear_error() {
    let home = tempfile::tempdir().expect("tempdir");
    let (code, text) = output(deepbrief(home.path()).args(["checklist", "lint", "no/such.yaml"]));
    assert_eq!(code, 2);
    assert!(
        text.contains("no/such.yaml: no such file or folder"),
        "{text}"
    );
}

#[test]
fn list_show_and_schema() {
    let home = tempfile::tempdir().expect("tempdir");
    let (code, text) = output(deepbrief(home.path()).args(["checklist", "list", "--lang", "en"]));
    assert_eq!(code, 0, "{text}");
    for id in ["core", "seo", "ppc", "web", "smm"] {
        assert!(
            text.lines().any(|l| l.starts_with(id)),
            "{id} missing from:\n{text}"
        );
    }
    let (code, text) =
        output(deepbrief(home.path()).args(["checklist", "show", "core@1", "--lang", "en"]));
    assert_eq!(code, 0, "{text}");
    assert!(text.starts_with("core v1 — "), "{text}");
    assert!(
        text.contains("processes") && text.contains("rules"),
        "{text}"
    );
    assert!(text.contains("when: "), "conditions are shown:\n{text}");

    let (code, text) = output(deepbrief(home.path()).args(["checklist", "show", "nope"]));
    assert_eq!(code, 2);
    assert!(
        text.contains("no loaded checklist `nope`; loaded: "),
        "{text}"
    );

    let (code, text) = output(deepbrief(home.path()).args(["checklist", "schema"]));
    assert_eq!(code, 0);
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    assert_eq!(schema["title"], "Deepbrief checklist");
}

#[test]
fn the_agency_folder_is_loaded_from_the_option() {
    let home = tempfile::tempdir().expect("tempdir");
    let agency = home.path().join("agency");
    std::fs::create_dir_all(agency.join("bad")).expect("mkdir");
    std::fs::write(agency.join("bad/v1.yaml"), "id: bad\nversion: 1\n").expect("write");
    let (code, text) = output(
        deepbrief(home.path())
            .args(["checklist", "list", "--checklists"])
            .arg(&agency),
    );
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("FAILED") && text.contains("bad/v1.yaml"),
        "{text}"
    );
    let (code, text) = output(
        deepbrief(home.path())
            .args(["checklist", "lint", "--checklists"])
            .arg(&agency),
    );
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("missing field `title`"), "{text}");
}

#[test]
fn every_command_has_help() {
    let home = tempfile::tempdir().expect("tempdir");
    for args in [
        vec!["--help"],
        vec!["checklist", "--help"],
        vec!["checklist", "lint", "--help"],
        vec!["checklist", "list", "--help"],
        vec!["checklist", "show", "--help"],
        vec!["checklist", "schema", "--help"],
    ] {
        let (code, text) = output(deepbrief(home.path()).args(&args));
        assert_eq!(code, 0, "{args:?}: {text}");
        assert!(text.contains("Usage:"), "{args:?}: {text}");
    }
}
