//! A database per test, the server binary, its command line, HTTP and real bundles.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use deepbrief_core::{Answer, AnswerValue, Entry, Kind};
use deepbrief_store::{Contact, NewBrief, Store};
use deepbrief_wire as wire;
use serde_json::{Value, json};

pub const BIN: &str = env!("CARGO_BIN_EXE_deepbrief-server");
pub const PASSWORD: &str = "correct horse battery";

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The libpq settings of the cluster `pg_virtualenv` made, as a key=value connection string.
fn cluster(dbname: &str) -> String {
    let Some(host) = env("PGHOST") else {
        panic!("needs PostgreSQL: run under `pg_virtualenv` (./scripts/test.sh does)");
    };
    let mut s = format!("host='{host}' dbname='{dbname}'");
    for (var, key) in [
        ("PGPORT", "port"),
        ("PGUSER", "user"),
        ("PGPASSWORD", "password"),
    ] {
        if let Some(v) = env(var) {
            s.push_str(&format!(" {key}='{}'", v.replace('\'', "\\'")));
        }
    }
    s
}

fn admin_sql(sql: &str) {
    let maint = cluster(&env("PGDATABASE").unwrap_or_else(|| "postgres".to_owned()));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let (client, conn) = tokio_postgres::connect(&maint, tokio_postgres::NoTls)
            .await
            .expect("connect to the test cluster");
        let driver = tokio::spawn(conn);
        client.batch_execute(sql).await.expect(sql);
        drop(client);
        let _ = driver.await;
    });
}

/// A fresh database, migrated; dropped at the end.
pub struct Db {
    pub name: String,
    pub url: String,
}

impl Db {
    /// A new empty database (not migrated).
    pub fn empty() -> Db {
        let name = format!("t_{}", uuid::Uuid::new_v4().simple());
        let url = cluster(&name);
        admin_sql(&format!("CREATE DATABASE {name}"));
        Db { name, url }
    }

    /// A new database with the schema.
    pub fn new() -> Db {
        let db = Db::empty();
        let out = db.cli(&["migrate"], None);
        assert!(out.status.success(), "migrate: {}", stderr(&out));
        db
    }

    /// Runs `deepbrief-server ARGS --database-url URL`, with `stdin` when given.
    pub fn cli(&self, args: &[&str], stdin: Option<&str>) -> Output {
        let mut child = Command::new(BIN)
            .args(args)
            .args(["--database-url", &self.url])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run deepbrief-server");
        {
            let mut input = child.stdin.take().unwrap();
            if let Some(text) = stdin {
                let _ = input.write_all(text.as_bytes());
            }
        }
        child.wait_with_output().unwrap()
    }

    /// Runs the command line and expects success; its stdout.
    pub fn ok(&self, args: &[&str], stdin: Option<&str>) -> String {
        let out = self.cli(args, stdin);
        assert!(
            out.status.success(),
            "{args:?} failed: {}{}",
            stdout(&out),
            stderr(&out)
        );
        stdout(&out)
    }

    pub fn add_team(&self, team: &str) {
        self.ok(&["team", "add", team], None);
    }

    pub fn add_user(&self, team: &str, name: &str, role: &str) {
        self.ok(
            &[
                "user", "add", "--team", team, "--name", name, "--role", role,
            ],
            Some(&format!("{PASSWORD}\n")),
        );
    }

    /// Runs `work` with a fresh connection to this database, then closes it.
    fn with_client<T>(&self, work: impl AsyncFnOnce(&tokio_postgres::Client) -> T) -> T {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let (client, conn) = tokio_postgres::connect(&self.url, tokio_postgres::NoTls)
                .await
                .unwrap();
            let driver = tokio::spawn(conn);
            let got = work(&client).await;
            drop(client);
            let _ = driver.await;
            got
        })
    }

    /// Runs SQL on this database.
    pub fn sql(&self, sql: &str) {
        self.with_client(async |c| c.batch_execute(sql).await.expect(sql));
    }

    /// Runs a `SELECT` of one text value.
    pub fn sql_text(&self, sql: &str) -> String {
        self.with_client(async |c| c.query_one(sql, &[]).await.expect(sql).get(0))
    }

    /// Runs a `SELECT count(*) …` and asserts its value.
    pub fn sql_expect_count(&self, sql: &str, expected: i64) {
        let got: i64 = self.with_client(async |c| c.query_one(sql, &[]).await.expect(sql).get(0));
        assert_eq!(got, expected, "{sql}");
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        let maint = env("PGDATABASE").unwrap_or_else(|| "postgres".to_owned());
        if env("PGHOST").is_some() && maint != self.name {
            let name = self.name.clone();
            let _ = std::panic::catch_unwind(|| {
                admin_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            });
        }
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A running `deepbrief-server serve`; killed when dropped.
pub struct Server {
    pub base: String,
    child: Child,
}

impl Server {
    pub fn start(db: &Db) -> Server {
        Server::start_with(db, &[])
    }

    pub fn start_with(db: &Db, extra: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .args([
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--database-url",
                &db.url,
            ])
            .args(extra)
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start deepbrief-server");
        let out = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(out).read_line(&mut line);
            let _ = tx.send(line);
        });
        let line = rx.recv_timeout(Duration::from_secs(30)).unwrap_or_default();
        let Some(addr) = line.trim().strip_prefix("listening on ") else {
            let _ = child.kill();
            let status = child.wait();
            panic!("the server did not start: {line:?} {status:?}");
        };
        Server {
            base: addr.to_owned(),
            child,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Signs `user` in (password [`PASSWORD`]) from a device called `device`.
    pub fn login(&self, user: &str, device: &str) -> Client {
        let (status, body) = self.post(
            wire::LOGIN,
            None,
            &json!({"user": user, "password": PASSWORD, "device": device}),
        );
        assert_eq!(status, 200, "login {user}: {body}");
        Client {
            base: self.base.clone(),
            token: body["token"].as_str().unwrap().to_owned(),
            stream: uuid::Uuid::new_v4().to_string(),
            next_seq: 1,
        }
    }

    pub fn post(&self, path: &str, token: Option<&str>, body: &Value) -> (u16, Value) {
        post(&self.url(path), token, body)
    }

    pub fn get(&self, path: &str, token: Option<&str>) -> (u16, Value) {
        get(&self.url(path), token)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

pub fn answer(mut response: ureq::http::Response<ureq::Body>) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response
        .body_mut()
        .with_config()
        .limit(256 * 1024 * 1024)
        .read_to_string()
        .unwrap_or_default();
    let value = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    };
    (status, value)
}

pub fn post(url: &str, token: Option<&str>, body: &Value) -> (u16, Value) {
    let mut request = agent().post(url);
    if let Some(t) = token {
        request = request.header("Authorization", &format!("Bearer {t}"));
    }
    answer(request.send_json(body).expect("POST"))
}

pub fn get(url: &str, token: Option<&str>) -> (u16, Value) {
    let mut request = agent().get(url);
    if let Some(t) = token {
        request = request.header("Authorization", &format!("Bearer {t}"));
    }
    answer(request.call().expect("GET"))
}

/// A signed-in device: its token and its stream.
#[derive(Debug, Clone)]
pub struct Client {
    pub base: String,
    pub token: String,
    pub stream: String,
    pub next_seq: u64,
}

impl Client {
    pub fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        post(&format!("{}{path}", self.base), Some(&self.token), body)
    }

    pub fn get(&self, path: &str) -> (u16, Value) {
        get(&format!("{}{path}", self.base), Some(&self.token))
    }

    /// The same device talking to another server process.
    pub fn via(&self, server: &Server) -> Client {
        Client {
            base: server.base.clone(),
            ..self.clone()
        }
    }

    /// Pushes bundles as the next records of this device's stream; the answer.
    pub fn push(&mut self, bundles: &[(&str, &str)]) -> (u16, Value) {
        let records: Vec<Value> = bundles
            .iter()
            .enumerate()
            .map(|(i, (brief, bundle))| record(self.next_seq + i as u64, brief, bundle))
            .collect();
        let answer = self.post(
            wire::PUSH,
            &json!({"stream": self.stream, "records": records}),
        );
        if answer.0 == 200 {
            self.next_seq += bundles.len() as u64;
        }
        answer
    }

    /// Pushes and expects success.
    pub fn push_ok(&mut self, bundles: &[(&str, &str)]) -> wire::PushResponse {
        let (status, body) = self.push(bundles);
        assert_eq!(status, 200, "push: {body}");
        serde_json::from_value(body).unwrap()
    }

    /// Pulls with `cursors`.
    pub fn pull(&self, cursors: &Value) -> wire::PullResponse {
        let (status, body) = self.post(
            wire::PULL,
            &json!({"stream": self.stream, "cursors": cursors}),
        );
        assert_eq!(status, 200, "pull: {body}");
        serde_json::from_value(body).unwrap()
    }

    /// Pulls from the start.
    pub fn pull_all(&self) -> wire::PullResponse {
        self.pull(&json!({}))
    }

    pub fn board(&self) -> wire::Board {
        let (status, body) = self.get(wire::BOARD);
        assert_eq!(status, 200, "board: {body}");
        serde_json::from_value(body).unwrap()
    }
}

/// A push record.
pub fn record(seq: u64, brief: &str, bundle: &str) -> Value {
    json!({
        "id": uuid::Uuid::new_v4().to_string(),
        "seq": seq,
        "brief_id": brief,
        "bundle": bundle,
    })
}

/// A desktop's store, making real bundles.
pub struct Desk {
    store: Store,
    library: deepbrief_core::Library,
}

fn library() -> deepbrief_core::Library {
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists");
    deepbrief_core::library::load_files(deepbrief_folders::collect_files(
        &bundled,
        deepbrief_core::library::Origin::Bundled,
        true,
    ))
}

impl Desk {
    pub fn new() -> Desk {
        Desk {
            store: Store::open_in_memory().unwrap(),
            library: library(),
        }
    }

    /// A new brief (core + SEO); its id.
    pub fn brief(&mut self, client: &str) -> String {
        let new = NewBrief {
            client: client.into(),
            project: "Сайт и SEO".into(),
            services: vec!["seo".to_owned()],
            account_manager: "Анна Ковалёва".into(),
            contacts: vec![Contact {
                name: "Ирина Петрова".into(),
                role: "директор".into(),
                phone: "+7 900 000-00-00".into(),
                email: "irina@koleso.example".into(),
                responsible: true,
            }],
            language: "ru".into(),
            prefill_from: None,
            industry: String::new(),
        };
        self.store
            .create_brief(&new, &self.library, "Анна")
            .unwrap()
            .id
    }

    /// Answers the brief's first long-text question with `text`.
    pub fn answer(&mut self, brief: &str, text: &str) {
        let question = self
            .store
            .brief_checklists(brief)
            .unwrap()
            .iter()
            .flat_map(|c| {
                c.questions()
                    .filter(|(_, q)| q.kind == Kind::LongText && q.when.is_none())
                    .map(|(_, q)| q.id.clone())
                    .collect::<Vec<_>>()
            })
            .next()
            .unwrap();
        let entry = Entry::new(Answer::Answered(AnswerValue::Text(text.into())));
        self.store
            .set_answer(brief, &question, Some(entry), "Анна")
            .unwrap();
    }

    /// Plans a follow-up over the brief's open gaps; (its id, the open gaps' questions by kind).
    pub fn followup(&mut self, brief: &str) -> (String, Vec<(String, Kind)>) {
        let today = deepbrief_core::IsoDate::new(2026, 12, 1).unwrap();
        let report = self.store.gap_report(brief, today).unwrap();
        let items = deepbrief_core::follow_up_items(&report);
        let plan = deepbrief_store::NewFollowUp {
            title: "Уточнения".into(),
            start: "2026-12-10T11:00".into(),
            duration_minutes: 60,
            timezone: None,
            location: None,
            attendees: Vec::new(),
            items: items.iter().map(|i| i.key.to_string()).collect(),
        };
        let followup = self.store.plan_followup(brief, &plan, "Анна").unwrap();
        let kinds: std::collections::BTreeMap<String, Kind> = self
            .store
            .brief_checklists(brief)
            .unwrap()
            .iter()
            .flat_map(|c| {
                c.questions()
                    .map(|(_, q)| (q.id.clone(), q.kind))
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut questions: Vec<(String, Kind)> = Vec::new();
        for item in &items {
            for q in &item.questions {
                if let Some(kind) = kinds.get(q)
                    && !questions.iter().any(|(id, _)| id == q)
                {
                    questions.push((q.clone(), *kind));
                }
            }
        }
        (followup.id, questions)
    }

    /// The brief as a bundle's text.
    pub fn bundle(&self, brief: &str) -> String {
        String::from_utf8(deepbrief_store::bundle::export(&self.store, brief).unwrap()).unwrap()
    }
}

/// A database with a server and two teams: A (AMs anna and boris, lead lena, admin adam) and B
/// (AM bella).
pub struct World {
    pub server: Server,
    pub db: Db,
}

impl World {
    pub fn new() -> World {
        let db = Db::new();
        db.add_team("A");
        db.add_team("B");
        for (team, name, role) in [
            ("A", "anna", "am"),
            ("A", "boris", "am"),
            ("A", "lena", "lead"),
            ("A", "adam", "admin"),
            ("B", "bella", "am"),
        ] {
            db.add_user(team, name, role);
        }
        let server = Server::start(&db);
        World { server, db }
    }

    pub fn login(&self, user: &str) -> Client {
        self.server.login(user, &format!("{user}'s laptop"))
    }
}

/// One brief pushed by `client`: (brief id, bundle).
pub fn pushed_brief(client: &mut Client, desk: &mut Desk, name: &str) -> (String, String) {
    let id = desk.brief(name);
    let bundle = desk.bundle(&id);
    client.push_ok(&[(&id, &bundle)]);
    (id, bundle)
}
