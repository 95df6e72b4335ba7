//! The command line: users, invites, clear errors; `serve` refuses a schema it does not match;
//! health.

use deepbrief_wire as wire;
use serde_json::json;

use crate::support::{BIN, Db, PASSWORD, Server, stderr, stdout};

#[test]
fn user_commands_work_and_refuse_bad_input_in_one_line() {
    let db = Db::new();
    db.add_team("A");
    let out = db.cli(&["team", "add", "A"], None);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("already a team A"),
        "{}",
        stderr(&out)
    );

    let out = db.cli(
        &[
            "user", "add", "--team", "A", "--name", "anna", "--role", "am",
        ],
        Some("short\n"),
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("at least 10"), "{}", stderr(&out));
    let out = db.cli(
        &[
            "user", "add", "--team", "Z", "--name", "anna", "--role", "am",
        ],
        Some(&format!("{PASSWORD}\n")),
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no team Z"), "{}", stderr(&out));
    let out = db.cli(
        &[
            "user", "add", "--team", "A", "--name", "anna", "--role", "boss",
        ],
        Some(&format!("{PASSWORD}\n")),
    );
    assert!(!out.status.success());
    assert!(!stderr(&out).contains("panicked"));

    db.add_user("A", "anna", "am");
    db.add_user("A", "lena", "lead");
    let list = db.ok(&["user", "list", "--team", "A"], None);
    assert_eq!(list, "anna\tam\t0 device(s)\nlena\tlead\t0 device(s)\n");

    let code = db.ok(&["invite", "--team", "A", "--role", "am"], None);
    let code = code.trim();
    assert!(code.starts_with("dbi_"), "{code}");
    let server = Server::start(&db);
    let (status, body) = server.post(
        wire::REGISTER,
        None,
        &json!({"invite": code, "user": "vera", "password": PASSWORD, "device": "d"}),
    );
    assert_eq!(status, 200, "{body}");
    server.login("anna", "one");
    server.login("anna", "two");
    let out = db.ok(&["user", "revoke", "--name", "anna"], None);
    assert!(out.contains("revoked 2"), "{out}");
    let out = db.cli(&["user", "revoke", "--name", "nobody"], None);
    assert!(!out.status.success());
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
}

#[test]
fn a_bad_database_url_is_one_clear_line() {
    let out = std::process::Command::new(BIN)
        .args([
            "migrate",
            "--database-url",
            "postgres://nobody@127.0.0.1:1/x",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("cannot reach the database"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn serve_refuses_an_unmigrated_or_newer_schema() {
    let db = Db::empty();
    let out = db.cli(&["serve", "--listen", "127.0.0.1:0"], None);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("run deepbrief-server migrate"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
    let out = db.cli(&["team", "add", "A"], None);
    assert!(stderr(&out).contains("run deepbrief-server migrate"));

    // --migrate applies them and serves.
    let server = Server::start_with(&db, &["--migrate"]);
    let (status, body) = server.get(wire::HEALTH, None);
    assert_eq!(status, 200);
    assert_eq!(body["status"], "ok");
    drop(server);

    db.sql("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')");
    let out = db.cli(&["serve", "--listen", "127.0.0.1:0"], None);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("newer"), "{}", stderr(&out));
}

#[test]
fn health_is_503_when_the_database_is_gone() {
    let db = Db::new();
    let server = Server::start(&db);
    assert_eq!(server.get(wire::HEALTH, None).0, 200);
    let name = db.name.clone();
    drop(db); // DROP DATABASE … WITH (FORCE) closes the server's connections
    let (status, body) = server.get(wire::HEALTH, None);
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["code"], "internal");
    let _ = name;
}
