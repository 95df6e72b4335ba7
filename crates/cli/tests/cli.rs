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

/// Runs `deepbrief --db DB args…` and returns (exit code, stdout + stderr).
fn db_run(dir: &Path, args: &[&str]) -> (i32, String) {
    let db = dir.join("deepbrief.db");
    let mut cmd = deepbrief(dir);
    cmd.arg("--db").arg(&db).args(args);
    output(&mut cmd)
}

fn new_tyre_brief(dir: &Path) -> String {
    let (code, out) = db_run(
        dir,
        &[
            "brief",
            "new",
            "--client",
            "Колесо",
            "--project",
            "Регионы",
            "--am",
            "Анна",
            "--contact",
            "Ирина Петрова;директор;;irina@koleso.example",
        ],
    );
    assert_eq!(code, 0, "{out}");
    out.trim().to_owned()
}

#[test]
fn the_regional_expansion_story_through_the_cli() {
    let dir = tempfile::tempdir().expect("tempdir");
    let brief = new_tyre_brief(dir.path());
    let answer = |args: &[&str]| {
        let mut all = vec!["brief", "answer", brief.as_str()];
        all.extend_from_slice(args);
        let (code, out) = db_run(dir.path(), &all);
        assert_eq!(code, 0, "{args:?}: {out}");
    };
    // "All regions", nothing about delivery or warranty: the flag of the tyre-shop story.
    answer(&["regional_expansion", "да"]);
    answer(&["regional_target_regions", "все регионы"]);
    answer(&["delivery_terms", "--unknown"]);
    let (code, out) = db_run(dir.path(), &["gaps", &brief, "--json"]);
    assert_eq!(code, 3, "gaps remain: {out}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    let flag = report["gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .find(|g| g["key"] == "rule:core:regions_without_offer")
        .expect("the regional flag");
    assert_eq!(flag["severity"], "high");
    assert!(flag["agenda"].as_array().expect("agenda").len() >= 3);
    let (_, plain) = db_run(dir.path(), &["--lang", "en", "gaps", &brief]);
    assert!(plain.contains("[high] risk signal"), "{plain}");

    // The follow-up briefing answers the regional questions well: the flag is gone.
    answer(&["regional_target_regions", "Тула; Калуга"]);
    answer(&[
        "regional_advantage",
        "Цены на 10% ниже местных магазинов, склад в Туле",
    ]);
    answer(&[
        "delivery_terms",
        "Бесплатно от 4 шин, 2–5 дней, оплачиваем мы",
    ]);
    // Core v2 judges the offer itself: lower prices and delivery the company pays.
    answer(&["regional_offer", "lower_price, free_delivery"]);
    answer(&["regional_price_level", "below"]);
    answer(&["regional_delivery_payer", "company"]);
    let (_, out) = db_run(dir.path(), &["gaps", &brief, "--json"]);
    assert!(!out.contains("regions_without_offer"), "{out}");
    assert!(!out.contains("vague:regional_target_regions"), "{out}");
}

#[test]
fn briefs_answers_followups_exports_and_bundles_headless() {
    let dir = tempfile::tempdir().expect("tempdir");
    let brief = new_tyre_brief(dir.path());
    // A wrong value is refused with the question named; nothing stored.
    let (code, out) = db_run(
        dir.path(),
        &[
            "brief",
            "answer",
            &brief,
            "regional_expansion",
            "может быть",
        ],
    );
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("regional_expansion"), "{out}");
    let (code, out) = db_run(
        dir.path(),
        &[
            "brief",
            "answer",
            &brief,
            "delivery_terms",
            "--unknown",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{out}");
    let (_, out) = db_run(
        dir.path(),
        &["brief", "history", &brief, "delivery_terms", "--json"],
    );
    assert!(out.contains("unknown"), "{out}");
    let (_, out) = db_run(dir.path(), &["brief", "list", "--json"]);
    assert!(out.contains("Колесо"), "{out}");

    let (code, out) = db_run(
        dir.path(),
        &[
            "followup",
            "plan",
            &brief,
            "--start",
            "2026-11-30T11:00",
            "--item",
            "answer:delivery_terms",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{out}");
    let plan: serde_json::Value = serde_json::from_str(&out).expect("json");
    let followup = plan["id"].as_str().expect("id").to_owned();
    let (code, ics) = db_run(dir.path(), &["followup", "ics", &followup]);
    assert_eq!(code, 0, "{ics}");
    assert!(
        ics.contains("BEGIN:VEVENT") && ics.contains("TZID=Europe/Moscow"),
        "{ics}"
    );
    let (code, letter) = db_run(
        dir.path(),
        &["followup", "letter", &brief, "--followup", &followup],
    );
    assert_eq!(code, 0, "{letter}");
    assert!(letter.contains("Ирина"), "{letter}");
    // The signature: the agency and the manager's contact under the name.
    let (code, letter) = db_run(
        dir.path(),
        &[
            "followup",
            "letter",
            &brief,
            "--agency",
            "Колесо-Диджитал",
            "--contact",
            "+7 900 000-00-00, anna@agency.example",
        ],
    );
    assert_eq!(code, 0, "{letter}");
    assert!(
        letter.contains("Колесо-Диджитал\n+7 900 000-00-00, anna@agency.example"),
        "{letter}"
    );

    let pdf = dir.path().join("brief.pdf");
    let md = dir.path().join("brief.md");
    let (code, out) = db_run(
        dir.path(),
        &[
            "export",
            &brief,
            "--pdf",
            pdf.to_str().expect("utf-8"),
            "--md",
            md.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));
    assert!(std::fs::read_to_string(&md).expect("md").contains("Колесо"));

    let bundle = dir.path().join("brief.deepbrief");
    let (code, out) = db_run(
        dir.path(),
        &[
            "bundle",
            "export",
            &brief,
            "-o",
            bundle.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 0, "{out}");
    let other = tempfile::tempdir().expect("tempdir");
    let (code, out) = db_run(
        other.path(),
        &[
            "bundle",
            "import",
            bundle.to_str().expect("utf-8"),
            "--json",
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("\"created\": true"), "{out}");
    let (code, out) = db_run(other.path(), &["search", "колеса"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Колесо"), "{out}");
    let (code, out) = db_run(other.path(), &["db", "check"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("1 briefs"), "{out}");
}

#[test]
fn the_lead_reviews_through_the_cli_and_prints_the_approved_revision() {
    let dir = tempfile::tempdir().expect("tempdir");
    let brief = new_tyre_brief(dir.path());

    let (code, out) = db_run(dir.path(), &["review", "return", &brief, "--who", "Лид"]);
    assert_eq!(code, 2, "a draft cannot be returned: {out}");
    assert!(
        out.contains("only a brief in review can be returned"),
        "{out}"
    );

    let (code, out) = db_run(dir.path(), &["review", "submit", &brief, "--who", "Анна"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("in_review"), "{out}");

    let (code, out) = db_run(dir.path(), &["review", "return", &brief]);
    assert_eq!(code, 2);
    assert!(out.contains("without a comment"), "{out}");
    let (code, out) = db_run(
        dir.path(),
        &[
            "review",
            "comment",
            &brief,
            "Где цифры продаж?",
            "--section",
            "core",
        ],
    );
    assert_eq!(code, 2);
    assert!(out.contains("CHECKLIST/SECTION"), "{out}");
    let (code, comment) = db_run(
        dir.path(),
        &[
            "review",
            "comment",
            &brief,
            "Где цифры продаж?",
            "--who",
            "Лид",
        ],
    );
    assert_eq!(code, 0, "{comment}");
    let (code, out) = db_run(dir.path(), &["review", "return", &brief, "--who", "Лид"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("returned"), "{out}");
    let (code, out) = db_run(
        dir.path(),
        &[
            "review",
            "resolve",
            &brief,
            comment.trim(),
            "--note",
            "Добавили",
            "--who",
            "Анна",
        ],
    );
    assert_eq!(code, 0, "{out}");
    db_run(dir.path(), &["review", "submit", &brief]);

    let (code, out) = db_run(dir.path(), &["review", "approve", &brief, "--who", "Лид"]);
    assert_eq!(code, 2, "not ready: {out}");
    assert!(out.contains("not ready for kickoff"), "{out}");
    assert!(
        out.contains("override"),
        "the message names the way out: {out}"
    );
    let (code, out) = db_run(
        dir.path(),
        &[
            "review",
            "approve",
            &brief,
            "--override",
            "Старт по договору",
            "--who",
            "Лид",
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("approved (revision 1)"), "{out}");

    let (code, out) = db_run(dir.path(), &["review", "status", &brief]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("status: approved; revision 1"), "{out}");
    assert!(out.contains("resolved by Анна: Добавили"), "{out}");
    assert!(out.contains("approved revision 1 by Лид"), "{out}");
    assert!(out.contains("override: Старт по договору"), "{out}");

    // An approved brief is read-only: the answer is refused with the way out.
    let answer = [
        "brief",
        "answer",
        &brief,
        "goal_statement",
        "Рост продаж в регионах",
    ];
    let (code, out) = db_run(dir.path(), &answer);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("review reopen"), "{out}");
    let (_, out) = db_run(dir.path(), &["review", "status", &brief]);
    assert!(out.contains("status: approved; revision 1"), "{out}");

    // `review reopen` starts revision 2; revision 1 still prints.
    let (code, out) = db_run(dir.path(), &["review", "reopen", &brief, "--who", "Анна"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("draft (revision 2)"), "{out}");
    let (code, out) = db_run(dir.path(), &answer);
    assert_eq!(code, 0, "{out}");
    let (_, out) = db_run(dir.path(), &["review", "status", &brief, "--json"]);
    let status: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(status["brief"]["status"], "draft");
    assert_eq!(status["brief"]["revision"], 2);
    let pdf = dir.path().join("rev1.pdf");
    let (code, out) = db_run(
        dir.path(),
        &[
            "export",
            &brief,
            "--revision",
            "1",
            "--pdf",
            pdf.to_str().expect("path"),
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));
    let (code, out) = db_run(
        dir.path(),
        &["export", &brief, "--revision", "2", "--pdf", "x.pdf"],
    );
    assert_eq!(code, 2);
    assert!(out.contains("approved revision"), "{out}");

    let (code, out) = db_run(dir.path(), &["board", "--json"]);
    assert_eq!(code, 0, "{out}");
    let board: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(board["rows"][0]["item"]["meta"]["id"], brief.as_str());
    assert_eq!(board["rows"][0]["approved_revisions"], 1);
    assert_eq!(board["heatmap"]["rows"].as_array().map(Vec::len), Some(1));
    let (code, out) = db_run(dir.path(), &["board", "--status", "approved"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains(&brief), "the brief is a draft again: {out}");
    let (code, out) = db_run(dir.path(), &["board", "--status", "nope"]);
    assert_eq!(code, 2);
    assert!(
        out.contains("use draft, in_review, returned or approved"),
        "{out}"
    );
}

#[test]
fn actions_are_signed_by_the_flag_the_environment_or_the_settings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let brief = new_tyre_brief(dir.path());
    let settings = dir.path().join("data/deepbrief/settings.json");
    std::fs::create_dir_all(settings.parent().expect("parent")).expect("mkdir");
    std::fs::write(
        &settings,
        r#"{"identity": {"name": "Анна Петрова", "role": "am", "agency": "Колесо-Диджитал"}}"#,
    )
    .expect("write");
    let answer = |value: &str, extra: &[&str], env: Option<&str>| {
        let db = dir.path().join("deepbrief.db");
        let mut cmd = deepbrief(dir.path());
        if let Some(name) = env {
            cmd.env("DEEPBRIEF_AS", name);
        }
        cmd.arg("--db")
            .arg(&db)
            .args(["brief", "answer", &brief, "company_name", value])
            .args(extra);
        let (code, out) = output(&mut cmd);
        assert_eq!(code, 0, "{out}");
    };
    answer("ООО «Колесо»", &[], None);
    answer("ООО «Колесо-2»", &[], Some("Борис"));
    answer("ООО «Колесо-3»", &["--as", "Вера"], Some("Борис"));
    let (code, out) = db_run(
        dir.path(),
        &["brief", "history", &brief, "company_name", "--json"],
    );
    assert_eq!(code, 0, "{out}");
    let history: serde_json::Value = serde_json::from_str(&out).expect("json");
    let who: Vec<&str> = history
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|e| e["who"].as_str())
        .collect();
    assert_eq!(who, ["Анна Петрова", "Борис", "Вера"], "{out}");
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    use std::io::Read;
    use std::process::Stdio;

    let dir = tempfile::tempdir().expect("tempdir");
    let brief = new_tyre_brief(dir.path());
    let db = dir.path().join("deepbrief.db");
    // A history far longer than a pipe holds (64 KiB on Linux), so the command is still writing
    // when the reader goes away.
    {
        let mut store = deepbrief_store::Store::open(&db).expect("open");
        for i in 0..1500 {
            let entry = deepbrief_core::Entry::new(deepbrief_core::Answer::Answered(
                deepbrief_core::AnswerValue::Text(format!("ООО «Колесо» {i}")),
            ));
            // Two people in turn: the history shows every change (one person's saves in a row
            // read as one edit).
            let who = if i % 2 == 0 { "Анна" } else { "Олег" };
            store
                .set_answer(&brief, "company_name", Some(entry), who)
                .expect("answer");
        }
    }
    let (_, history) = db_run(dir.path(), &["brief", "history", &brief]);
    assert!(history.len() > 256 * 1024, "{} bytes", history.len());
    let bin = assert_cmd::cargo::cargo_bin("deepbrief");
    for args in [
        vec!["brief", "history", brief.as_str()],
        vec!["checklist", "show", "core"],
        vec!["checklist", "schema"],
    ] {
        // `| head -c 1`: the reader takes one byte and closes the pipe.
        let mut child = std::process::Command::new(&bin)
            .env("DEEPBRIEF_BUNDLED_CHECKLISTS", repo().join("checklists"))
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .env("HOME", dir.path())
            .arg("--db")
            .arg(&db)
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut stdout = child.stdout.take().expect("stdout");
        let mut byte = [0u8; 1];
        stdout.read_exact(&mut byte).expect("one byte");
        drop(stdout);
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
            "{args:?}: {stderr}"
        );
        // Ended by SIGPIPE, as `cat | head` does (the history); a short output fits the pipe and
        // ends normally.
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            if args[0] == "brief" {
                assert_eq!(out.status.signal(), Some(13), "{args:?}: {stderr}");
            } else {
                assert!(
                    out.status.signal() == Some(13) || out.status.success(),
                    "{args:?}: {:?} {stderr}",
                    out.status
                );
            }
        }
    }
}

#[test]
fn brief_answer_never_drops_a_value_and_says_when_it_clears() {
    let dir = tempfile::tempdir().expect("tempdir");
    let brief = new_tyre_brief(dir.path());
    let answer = |args: &[&str]| {
        let mut all = vec!["brief", "answer", brief.as_str()];
        all.extend_from_slice(args);
        db_run(dir.path(), &all)
    };
    // A VALUE and --unknown together: refused, nothing stored (not the value dropped for the state).
    let (code, out) = answer(&["delivery_terms", "Бесплатно от 4 шин", "--unknown"]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("VALUE and --unknown cannot be combined"),
        "{out}"
    );
    let (_, history) = db_run(
        dir.path(),
        &["brief", "history", &brief, "delivery_terms", "--json"],
    );
    assert!(!history.contains("unknown"), "{history}");

    // An empty value is not a silent "saved": clearing takes --clear, and says so.
    let (code, out) = answer(&["delivery_terms", "Бесплатно от 4 шин"]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = answer(&["delivery_terms", "  "]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("pass --clear"), "{out}");
    let (_, shown) = db_run(dir.path(), &["brief", "show", &brief, "--json"]);
    assert!(
        shown.contains("Бесплатно от 4 шин"),
        "still stored: {shown}"
    );
    let (code, out) = answer(&["delivery_terms", "--clear"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("cleared delivery_terms"), "{out}");
    assert!(!out.contains("saved"), "{out}");
}

#[test]
fn brief_answer_refuses_links_that_are_not_web_or_mail() {
    let dir = tempfile::tempdir().expect("tempdir");
    let brief = new_tyre_brief(dir.path());
    let answer = |args: &[&str]| {
        let mut all = vec!["brief", "answer", brief.as_str()];
        all.extend_from_slice(args);
        db_run(dir.path(), &all)
    };
    let (code, out) = answer(&["process_docs", "javascript:alert(document.cookie)"]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("`javascript:` links are not accepted"),
        "{out}"
    );
    let (code, out) = answer(&["process_docs", "https://docs.koleso.example/sales"]);
    assert_eq!(code, 0, "{out}");
    // Evidence links follow the same rule.
    let (code, out) = answer(&["delivery_terms", "2–5 дней", "--link", "file:///etc/passwd"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("`file:` links are not accepted"), "{out}");
}

#[test]
fn a_process_is_marked_described_at_the_meeting_and_cleared() {
    let dir = tempfile::tempdir().expect("tempdir");
    let brief = new_tyre_brief(dir.path());
    let sales = |dir: &Path| -> serde_json::Value {
        let (_, out) = db_run(dir, &["gaps", &brief, "--json"]);
        let report: serde_json::Value = serde_json::from_str(&out).expect("json");
        report["processes"]
            .as_array()
            .expect("processes")
            .iter()
            .find(|p| p["process"] == "sales")
            .expect("sales")
            .clone()
    };
    assert_eq!(sales(dir.path())["status"], "not_described");

    let note = "Прошли воронку: звонок → счёт → оплата, 3 дня";
    let (code, out) = db_run(
        dir.path(),
        &[
            "brief",
            "process",
            &brief,
            "sales",
            "--described",
            note,
            "--who",
            "Анна",
        ],
    );
    assert_eq!(code, 0, "{out}");
    let p = sales(dir.path());
    assert_eq!(p["status"], "described_by_note");
    assert_eq!(p["note"], note);
    let (_, plain) = db_run(dir.path(), &["gaps", &brief]);
    assert!(
        plain.contains("описали на встрече") && plain.contains(note),
        "{plain}"
    );
    assert!(!plain.contains("process:core:sales"), "{plain}");

    let (code, out) = db_run(
        dir.path(),
        &["brief", "process", &brief, "sales", "--clear"],
    );
    assert_eq!(code, 0, "{out}");
    assert_eq!(sales(dir.path())["status"], "not_described");
    let (_, history) = db_run(
        dir.path(),
        &["brief", "history", &brief, "process:core:sales", "--json"],
    );
    let events: serde_json::Value = serde_json::from_str(&history).expect("json");
    assert_eq!(events.as_array().expect("events").len(), 2, "{history}");

    let (code, out) = db_run(
        dir.path(),
        &["brief", "process", &brief, "salse", "--described", "x"],
    );
    assert_ne!(code, 0);
    assert!(out.contains("core:sales"), "{out}");
    let (code, out) = db_run(dir.path(), &["brief", "process", &brief, "sales"]);
    assert_ne!(code, 0);
    assert!(out.contains("--described"), "{out}");
}

/// `db check --json` answers in JSON also when the database is damaged, and exits 1.
#[test]
fn db_check_json_on_a_damaged_database_prints_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    new_tyre_brief(dir.path());
    let db = dir.path().join("deepbrief.db");
    let mut bytes = std::fs::read(&db).expect("read db");
    let len = bytes.len();
    for b in &mut bytes[4096..len.min(4096 * 3)] {
        *b = 0x5a;
    }
    std::fs::write(&db, &bytes).expect("write db");
    let (code, out) = db_run(dir.path(), &["db", "check", "--json"]);
    assert_eq!(code, 1, "{out}");
    let json_start = out.find('{').expect("json in the output");
    let value: serde_json::Value =
        serde_json::from_str(out[json_start..].lines().next().expect("a line"))
            .unwrap_or_else(|e| panic!("not JSON ({e}): {out}"));
    assert_ne!(value["integrity"], "ok", "{out}");
    assert!(
        value["error"].as_str().is_some_and(|e| !e.is_empty()),
        "{out}"
    );
}

/// `--lang` picks the language of an export; without it the export speaks the brief's language.
#[test]
fn export_speaks_the_lang_flag_else_the_brief_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let brief = new_tyre_brief(dir.path());
    let markdown = |lang: &[&str], name: &str| -> String {
        let file = dir.path().join(name);
        let mut args = lang.to_vec();
        args.extend(["export", &brief, "--md", file.to_str().expect("utf-8")]);
        let (code, out) = db_run(dir.path(), &args);
        assert_eq!(code, 0, "{out}");
        std::fs::read_to_string(&file).expect("md")
    };
    // A Russian brief exports in Russian…
    let own = markdown(&[], "own.md");
    assert!(
        own.contains("## Сводка") && !own.contains("## Summary"),
        "{own}"
    );
    // …and in English when asked.
    let english = markdown(&["--lang", "en"], "en.md");
    assert!(
        english.contains("## Summary") && !english.contains("## Сводка"),
        "{english}"
    );
    assert!(
        english.contains("Колесо"),
        "the answers stay as given: {english}"
    );
}

#[test]
fn client_answers_are_listed_accepted_and_rejected_through_the_cli() {
    use deepbrief_store::{NewClientAnswer, NewClientLink, NewSubmission, Store};
    let dir = tempfile::tempdir().expect("tempdir");
    let brief = new_tyre_brief(dir.path());
    let (code, out) = db_run(
        dir.path(),
        &["followup", "plan", &brief, "--start", "2099-12-10T11:00"],
    );
    assert_eq!(code, 0, "{out}");
    let followup = out.split_whitespace().next().expect("id").to_owned();
    let (code, out) = db_run(dir.path(), &["followup", "links", &brief]);
    assert_eq!((code, out.trim()), (0, "no client links"));

    // A link needs a sign-in and a sane expiry; each refusal says what to do.
    let (code, out) = db_run(
        dir.path(),
        &["followup", "link", &followup, "--agency", "Digital Sails"],
    );
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("team login"), "{out}");
    let (code, out) = db_run(
        dir.path(),
        &[
            "followup",
            "link",
            &followup,
            "--agency",
            "Digital Sails",
            "--expires",
            "2020-01-01",
        ],
    );
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("expires_on"), "{out}");

    // What a sync would have fetched: a link and the client's submission.
    {
        let store = Store::open(&dir.path().join("deepbrief.db")).expect("db");
        let today = deepbrief_core::IsoDate::parse("2026-12-02").expect("date");
        store
            .add_client_link(
                &NewClientLink {
                    id: "link-1".into(),
                    brief_id: brief.clone(),
                    followup_id: followup.clone(),
                    url: "https://brief.agency.example/c/the-token".into(),
                    contact: "Ирина Петрова".into(),
                    expires_on: "2099-12-31".into(),
                    created_by: "Анна".into(),
                },
                today,
            )
            .expect("link");
        let answer = |q: &str, a: serde_json::Value| NewClientAnswer {
            question_id: q.into(),
            answer: Some(a),
            files: Vec::new(),
        };
        let text = |t: &str| serde_json::json!({"state": "answered", "value": {"type": "text", "value": t}});
        store
            .store_client_submission(
                "link-1",
                &NewSubmission {
                    id: "s1".into(),
                    at: "2099-12-03T10:00:00Z".into(),
                    answers: vec![
                        answer("delivery_terms", text("Бесплатно от 4 шин, 2–5 дней")),
                        answer("regional_expansion", text("скорее да")),
                        answer("company_name", text("не скажу")),
                    ],
                },
            )
            .expect("submission");
    }
    let (code, out) = db_run(dir.path(), &["brief", "client-answers", &brief]);
    assert_eq!(code, 3, "answers wait: {out}");
    assert!(out.contains("s1/delivery_terms  [waiting]"), "{out}");
    assert!(out.contains("cannot be accepted as it is"), "{out}");
    let (code, out) = db_run(dir.path(), &["brief", "client-answers", &brief, "--json"]);
    assert_eq!(code, 3);
    let list: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(list.as_array().expect("list").len(), 3);

    let (code, out) = db_run(dir.path(), &["brief", "accept", "s1/delivery_terms"]);
    assert_eq!(code, 0, "{out}");
    let (_, history) = db_run(
        dir.path(),
        &["brief", "history", &brief, "delivery_terms", "--json"],
    );
    assert!(history.contains("Ирина Петрова (клиент)"), "{history}");

    // Words for a yes/no question: refused with the question named, still waiting; the AM's value
    // goes in.
    let (code, out) = db_run(dir.path(), &["brief", "accept", "s1/regional_expansion"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("regional_expansion"), "{out}");
    let (code, out) = db_run(
        dir.path(),
        &["brief", "accept", "s1/regional_expansion", "--value", "да"],
    );
    assert_eq!(code, 0, "{out}");

    let (code, out) = db_run(dir.path(), &["brief", "reject", "s1/company_name"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("--comment"), "{out}");
    let (code, out) = db_run(
        dir.path(),
        &["brief", "reject", "s1/company_name", "--comment", "  "],
    );
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("comment"), "{out}");
    let (code, out) = db_run(
        dir.path(),
        &[
            "brief",
            "reject",
            "s1/company_name",
            "--comment",
            "Нужно юрлицо",
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Ответ клиента отклонён"), "{out}");
    let (code, out) = db_run(dir.path(), &["brief", "client-answers", &brief]);
    assert_eq!(code, 0, "nothing waits: {out}");
    assert!(out.contains("rejected: Нужно юрлицо"), "{out}");

    // The link is listed and the letter gives it.
    let (code, out) = db_run(dir.path(), &["followup", "links", &brief]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("link-1  live"), "{out}");
    let (code, out) = db_run(
        dir.path(),
        &["followup", "letter", &brief, "--followup", &followup],
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("без регистрации: https://brief.agency.example/c/the-token"),
        "{out}"
    );
}
