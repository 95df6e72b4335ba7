//! Whole desktops against the real server: temporary SQLite databases signed in through the
//! application layer (`deepbrief_app::team`, what the app and the CLI run), editing offline and
//! syncing; a push cut off on the wire and a CLI killed mid-sync lose and duplicate nothing; a
//! concurrent edit is flagged on both desktops and settled; a revoked device is refused; the lead's
//! own board lists every AM's brief.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use deepbrief_app::DataFolder;
use deepbrief_app::team::{self, Client, TeamError};
use deepbrief_core::{Answer, AnswerValue, Entry, Kind, Library};
use deepbrief_store::{Contact, NewBrief, Store};

use crate::support::{PASSWORD, World};

/// One desktop: its own data folder and database.
struct Desktop {
    _dir: tempfile::TempDir,
    folder: DataFolder,
    store: Store,
    library: Arc<Library>,
}

fn library() -> Arc<Library> {
    static LIBRARY: std::sync::OnceLock<Arc<Library>> = std::sync::OnceLock::new();
    LIBRARY
        .get_or_init(|| {
            let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists");
            Arc::new(deepbrief_core::library::load_files(
                deepbrief_folders::collect_files(
                    &bundled,
                    deepbrief_core::library::Origin::Bundled,
                    true,
                ),
            ))
        })
        .clone()
}

impl Desktop {
    fn new() -> Desktop {
        let dir = tempfile::tempdir().unwrap();
        let folder = DataFolder::at(dir.path().to_path_buf(), None);
        let store = Store::open(&folder.database).unwrap();
        Desktop {
            _dir: dir,
            folder,
            store,
            library: library(),
        }
    }

    fn sign_in(&self, url: &str, user: &str) {
        team::account::sign_in(&self.folder, &self.store, url, user, PASSWORD, "laptop").unwrap();
    }

    fn sync(&mut self) -> Result<team::SyncReport, TeamError> {
        let (_, client) = team::account::client(&self.folder)?;
        team::sync(
            &mut self.store,
            &client,
            &self.library,
            &self.folder.team_checklists(),
        )
    }

    fn brief(&mut self, client: &str, am: &str) -> String {
        let new = NewBrief {
            client: client.into(),
            project: "Сайт и SEO".into(),
            services: vec!["seo".into()],
            account_manager: am.into(),
            contacts: vec![Contact {
                name: "Ирина Петрова".into(),
                role: "директор".into(),
                phone: String::new(),
                email: "irina@example.ru".into(),
                responsible: true,
            }],
            language: "ru".into(),
            prefill_from: None,
            industry: String::new(),
        };
        self.store.create_brief(&new, &self.library, am).unwrap().id
    }

    fn questions(&self, brief: &str, kind: Kind) -> Vec<String> {
        self.store
            .brief_checklists(brief)
            .unwrap()
            .iter()
            .flat_map(|c| {
                c.questions()
                    .filter(|(_, q)| q.kind == kind && q.when.is_none())
                    .map(|(_, q)| q.id.clone())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    fn answer(&mut self, brief: &str, question: &str, text: &str, who: &str) {
        let entry = Entry::new(Answer::Answered(AnswerValue::Text(text.into())));
        self.store
            .set_answer(brief, question, Some(entry), who)
            .unwrap();
    }

    /// Every brief's answers and open conflicts.
    fn state(&self) -> Vec<(String, String, usize)> {
        self.store
            .list_briefs(&Default::default())
            .unwrap()
            .into_iter()
            .map(|b| {
                let data = self.store.open_brief(&b.meta.id).unwrap();
                (
                    b.meta.id.clone(),
                    serde_json::to_string(&data.entries).unwrap(),
                    self.store.conflicts(&b.meta.id).unwrap().len(),
                )
            })
            .collect()
    }
}

#[test]
fn two_desktops_edit_offline_and_end_identical_and_the_leads_board_lists_every_am() {
    let world = World::new();
    let url = &world.server.base;
    let mut anna = Desktop::new();
    let mut boris = Desktop::new();
    let mut lena = Desktop::new();
    anna.sign_in(url, "anna");
    boris.sign_in(url, "boris");
    lena.sign_in(url, "lena");

    let koleso = anna.brief("Колесо", "anna");
    let q = anna.questions(&koleso, Kind::LongText);
    anna.answer(&koleso, &q[0], "Шины и диски", "anna");
    let sosna = boris.brief("Сосна", "boris");
    let report = anna.sync().unwrap();
    assert_eq!((report.pushed, report.waiting), (1, 0), "{report:?}");
    boris.sync().unwrap();

    let report = lena.sync().unwrap();
    assert_eq!(
        report.briefs_new, 2,
        "the lead receives every AM's brief: {report:?}"
    );
    let board = lena
        .store
        .board(
            &Default::default(),
            deepbrief_core::IsoDate::parse("2026-12-02").unwrap(),
        )
        .unwrap();
    let mut ams: Vec<(&str, &str)> = board
        .rows
        .iter()
        .map(|r| {
            (
                r.item.meta.client.as_str(),
                r.item.meta.account_manager.as_str(),
            )
        })
        .collect();
    ams.sort_unstable();
    assert_eq!(ams, vec![("Колесо", "anna"), ("Сосна", "boris")]);

    // Offline: anna and the lead change different answers of one brief.
    anna.answer(&koleso, &q[1], "Москва и область", "anna");
    lena.answer(&koleso, &q[2], "Сезонность: весна и осень", "lena");
    assert!(lena.store.sync_waiting().unwrap().briefs >= 1);
    lena.sync().unwrap();
    anna.sync().unwrap();
    lena.sync().unwrap();
    assert_eq!(
        anna.state().len(),
        1,
        "an AM does not receive another AM's brief"
    );
    assert!(!anna.state().iter().any(|(id, _, _)| *id == sosna));
    let lenas_koleso: Vec<_> = lena.state().into_iter().filter(|s| s.0 == koleso).collect();
    assert_eq!(anna.state(), lenas_koleso, "both copies end identical");
    assert_eq!(anna.state()[0].2, 0, "different questions: no conflict");
    let report = anna.sync().unwrap();
    assert_eq!(
        (report.pushed, report.pulled, report.waiting),
        (0, 0, 0),
        "{report:?}"
    );
}

#[test]
fn a_concurrent_edit_is_flagged_on_both_desktops_until_settled() {
    let world = World::new();
    let url = &world.server.base;
    let mut office = Desktop::new();
    let mut laptop = Desktop::new();
    office.sign_in(url, "anna");
    laptop.sign_in(url, "anna");
    let brief = office.brief("Колесо", "anna");
    let q = office.questions(&brief, Kind::LongText)[0].clone();
    office.sync().unwrap();
    laptop.sync().unwrap();
    // Both offline, the same answer from the same base.
    office.answer(&brief, &q, "Доставка за 2 дня", "anna");
    laptop.answer(&brief, &q, "Доставка за 5 дней", "anna");
    office.sync().unwrap();
    let report = laptop.sync().unwrap();
    assert_eq!(report.conflicts, 1, "{report:?}");
    office.sync().unwrap();
    assert_eq!(office.state(), laptop.state());
    let conflicts = office.store.conflicts(&brief).unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        conflicts[0].sides.len(),
        2,
        "both values, with who wrote them"
    );
    let keep = conflicts[0].sides[1].event_id.clone();
    office
        .store
        .resolve_conflict(&brief, &q, &keep, "anna")
        .unwrap();
    office.sync().unwrap();
    laptop.sync().unwrap();
    assert!(
        laptop.store.conflicts(&brief).unwrap().is_empty(),
        "settled everywhere"
    );
    assert_eq!(office.state(), laptop.state());
}

/// A proxy in front of the server that forwards each request but, for the first `cut`
/// connections, throws the server's answer away and hangs up: the server stored the push, the
/// desktop never heard so.
fn lossy_proxy(target: &str, cut: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let target = target.trim_start_matches("http://").to_owned();
    let seen = Arc::new(AtomicUsize::new(0));
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let n = seen.fetch_add(1, Ordering::SeqCst);
            let target = target.clone();
            std::thread::spawn(move || relay(client, &target, n < cut));
        }
    });
    format!("http://{addr}")
}

fn relay(mut client: TcpStream, target: &str, drop_answer: bool) {
    let Ok(mut server) = TcpStream::connect(target) else {
        return;
    };
    let mut upstream = client.try_clone().unwrap();
    let mut to_server = server.try_clone().unwrap();
    std::thread::spawn(move || {
        let _ = std::io::copy(&mut upstream, &mut to_server);
    });
    if drop_answer {
        let mut first = [0u8; 1];
        let _ = server.read(&mut first);
        // The answer has begun: the push is committed. Hang up on the desktop.
        std::thread::sleep(Duration::from_millis(50));
        let _ = client.shutdown(std::net::Shutdown::Both);
    } else {
        let _ = std::io::copy(&mut server, &mut client);
        let _ = client.flush();
    }
}

#[test]
fn a_push_whose_answer_is_lost_is_sent_again_and_stored_once() {
    let world = World::new();
    let mut anna = Desktop::new();
    anna.sign_in(&world.server.base, "anna");
    let brief = anna.brief("Колесо", "anna");
    let q = anna.questions(&brief, Kind::LongText)[0].clone();
    anna.answer(&brief, &q, "Шины", "anna");
    // Point the signed-in desktop at the lossy proxy (localhost: plain http is allowed).
    let mut session = team::Session::load(&anna.folder.team_file())
        .unwrap()
        .unwrap();
    session.server = lossy_proxy(&world.server.base, 1);
    session.save(&anna.folder.team_file()).unwrap();
    let failed = anna.sync();
    assert!(
        matches!(failed, Err(TeamError::Offline { .. })),
        "{failed:?}"
    );
    assert_eq!(
        anna.store.pending_records(10).unwrap().len(),
        1,
        "kept until acknowledged"
    );
    let report = anna.sync().unwrap();
    assert_eq!(
        (report.pushed, report.duplicates),
        (0, 1),
        "stored once: {report:?}"
    );
    world.db.sql_expect_count("SELECT count(*) FROM record", 1);
}

fn cli() -> PathBuf {
    let bin = Path::new(crate::support::BIN).with_file_name("deepbrief");
    if !bin.exists() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "-q", "-p", "deepbrief-cli"])
            .status()
            .unwrap();
        assert!(status.success(), "cannot build the deepbrief CLI");
    }
    bin
}

#[test]
fn a_cli_killed_mid_sync_loses_and_duplicates_nothing() {
    let world = World::new();
    let mut anna = Desktop::new();
    anna.sign_in(&world.server.base, "anna");
    let mut briefs = Vec::new();
    for i in 0..24 {
        let b = anna.brief(&format!("Клиент {i}"), "anna");
        let q = anna.questions(&b, Kind::LongText);
        for (n, question) in q.iter().take(5).enumerate() {
            anna.answer(&b, question, &format!("ответ {i}.{n}"), "anna");
        }
        briefs.push(b);
    }
    anna.store.checkpoint().unwrap();
    let db = anna.folder.database.clone();
    let cli = cli();
    for delay_ms in [60, 250, 600] {
        let mut child = Command::new(&cli)
            .arg("--db")
            .arg(&db)
            .arg("sync")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
    }
    let out = Command::new(&cli)
        .arg("--db")
        .arg(&db)
        .args(["sync", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // On the server: every record of the stream numbered 1..n with no gap and no twin.
    world.db.sql_expect_count(
        "SELECT count(*) FROM record r WHERE r.seq <> (SELECT count(*) FROM record x WHERE x.stream_id = r.stream_id AND x.seq <= r.seq)",
        0,
    );
    // The lead receives every brief with every answer.
    let mut lena = Desktop::new();
    lena.sign_in(&world.server.base, "lena");
    lena.sync().unwrap();
    let anna_now = Desktop {
        store: Store::open(&db).unwrap(),
        ..Desktop::new()
    };
    let mut expected = anna_now.state();
    let mut got = lena.state();
    expected.sort();
    got.sort();
    assert_eq!(got.len(), briefs.len());
    assert_eq!(got, expected, "nothing lost");
}

#[test]
fn a_revoked_device_is_refused_and_keeps_its_work() {
    let world = World::new();
    let mut anna = Desktop::new();
    anna.sign_in(&world.server.base, "anna");
    let brief = anna.brief("Колесо", "anna");
    anna.sync().unwrap();
    world.db.ok(&["user", "revoke", "--name", "anna"], None);
    let q = anna.questions(&brief, Kind::LongText)[0].clone();
    anna.answer(&brief, &q, "после отзыва", "anna");
    let refused = anna.sync();
    assert!(
        matches!(refused, Err(TeamError::Unauthorized { .. })),
        "{refused:?}"
    );
    assert_eq!(
        anna.store.sync_waiting().unwrap().briefs,
        1,
        "the change waits here"
    );
    anna.sign_in(&world.server.base, "anna");
    let report = anna.sync().unwrap();
    assert_eq!(report.waiting, 0, "{report:?}");
}

#[test]
fn plain_http_to_another_computer_is_refused_before_anything_is_sent() {
    let anna = Desktop::new();
    let refused = team::account::sign_in(
        &anna.folder,
        &anna.store,
        "http://brief.agency.example",
        "anna",
        PASSWORD,
        "laptop",
    );
    assert!(
        matches!(refused, Err(TeamError::PlainHttp(_))),
        "{refused:?}"
    );
    assert!(Client::new("https://brief.agency.example", None).is_ok());
}

#[test]
fn only_a_lead_approves_a_brief_for_kickoff() {
    use deepbrief_store::ReviewRequest;
    let today = deepbrief_core::IsoDate::parse("2026-12-02").unwrap();
    let approve = ReviewRequest::Approve {
        override_note: Some("проверено на встрече".into()),
    };
    let world = World::new();
    let url = &world.server.base;
    let mut anna = Desktop::new();
    let mut lena = Desktop::new();
    anna.sign_in(url, "anna");
    lena.sign_in(url, "lena");
    let brief = anna.brief("Колесо", "anna");
    anna.store
        .review(&brief, &ReviewRequest::Submit, "anna", today)
        .unwrap();
    anna.sync().unwrap();
    // A desktop that skips the app's role rule (a modified client) approves its own brief: the
    // server refuses the record, and the approval stays on that computer only.
    let mut forged = Desktop::new();
    forged.sign_in(url, "anna");
    forged.sync().unwrap();
    forged
        .store
        .review(&brief, &approve, "anna", today)
        .unwrap();
    let refused = forged.sync();
    assert!(
        matches!(refused, Err(TeamError::Refused { status: 403, .. })),
        "{refused:?}"
    );
    // The lead approves: accepted, and the AM's desktop receives it and pushes on as before.
    lena.sync().unwrap();
    lena.store.review(&brief, &approve, "lena", today).unwrap();
    lena.sync().unwrap();
    anna.sync().unwrap();
    assert_eq!(
        anna.store.brief_meta(&brief).unwrap().status.as_str(),
        "approved"
    );
    let report = anna.sync().unwrap();
    assert_eq!(report.waiting, 0, "{report:?}");
}
