//! The team server's load benchmark (issue 21), against a running `deepbrief-server`:
//! `scripts/bench-server.sh` builds it, starts a throw-away PostgreSQL cluster and the server, makes
//! the two teams below and runs this. Figures: `docs/PERFORMANCE.md`, "Team server (issue 21)".
//!
//! 1. **Load.** Team `load`: `--ams` simulated account managers (`am01`…), each a real desktop — its
//!    own SQLite database, signed in with `deepbrief_app::team::account::sign_in` — create one brief
//!    and answer `--answers` times, all at once (one thread each). Every `--sync-every` answers the
//!    desktop seals its outbox and pushes (each `POST /v1/push` timed), then runs the app's sync
//!    round (`deepbrief_app::team::sync::sync`: nothing left to push, so it pulls). At the end the
//!    server's tables are checked with SQL (per stream: records = last seq, ids and contents all
//!    different) and a fresh desktop of the team's lead pulls everything and must hold exactly the
//!    answer events each AM made.
//! 2. **A 1,000-brief team.** Team `thousand`: `--big-ams` AMs (`big01`…) create `--big-briefs`
//!    briefs between them with `--big-answers` answers each and sync once; each also exports its
//!    briefs as bundle files. Then a fresh desktop of the lead (`big-lead`) makes its first sync
//!    round (timed), and — side by side, in the same run — a fresh database imports the same briefs
//!    from the bundle files (today's alternative: files handed over by hand).
//!
//! The server's memory is read from `/proc/PID/status` (`--server-pid`), its CPU time from
//! `/proc/PID/stat`. Users' password: `LOAD_PASSWORD`; the database for the checks: `DATABASE_URL`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a benchmark stops loudly at the first broken step"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use clap::Parser;
use deepbrief_app::DataFolder;
use deepbrief_app::team::{Backoff, Client, TeamError, account, sync};
use deepbrief_core::model::{Column, Question};
use deepbrief_core::{Answer, AnswerValue, Entry, Kind, Library, Sources};
use deepbrief_store::{BriefFilter, Contact, NewBrief, Store, bundle};
use deepbrief_wire as wire;

#[derive(Parser)]
#[command(about = "Load benchmark of a running deepbrief-server (see scripts/bench-server.sh)")]
struct Args {
    /// The server, e.g. http://127.0.0.1:41234.
    #[arg(long)]
    url: String,
    /// The server's process id (memory and CPU time from /proc).
    #[arg(long)]
    server_pid: u32,
    /// The bundled checklists (the repository's `checklists/`).
    #[arg(long)]
    checklists: PathBuf,
    /// A scratch folder for the desktops' databases and the bundle files.
    #[arg(long)]
    work: PathBuf,
    /// Simulated AMs of the load test (users am01…; team `load`, lead `load-lead`).
    #[arg(long, default_value_t = 50)]
    ams: usize,
    /// Answers each of them saves.
    #[arg(long, default_value_t = 200)]
    answers: usize,
    /// A sync round after every this many answers.
    #[arg(long, default_value_t = 10)]
    sync_every: usize,
    /// AMs of the large team (users big01…; team `thousand`, lead `big-lead`).
    #[arg(long, default_value_t = 20)]
    big_ams: usize,
    /// Briefs of the large team.
    #[arg(long, default_value_t = 1000)]
    big_briefs: usize,
    /// Answers of each of its briefs.
    #[arg(long, default_value_t = 40)]
    big_answers: usize,
    /// Clock ticks per second of /proc/PID/stat (`getconf CLK_TCK`).
    #[arg(long, default_value_t = 100)]
    clk_tck: u64,
}

/// The services of the briefs, in turn: the core checklist plus one or two add-ons.
const SERVICES: [&[&str]; 5] = [&["seo"], &["ppc"], &["smm"], &["web"], &["seo", "web"]];

fn main() {
    let args = Args::parse();
    let password = std::env::var("LOAD_PASSWORD").expect("LOAD_PASSWORD: the users' password");
    let database_url = std::env::var("DATABASE_URL").expect("DATABASE_URL: the server's database");
    let library = Arc::new(deepbrief_folders::load_library(&Sources {
        bundled: args.checklists.clone(),
        agency: None,
        team: None,
    }));
    std::fs::create_dir_all(&args.work).unwrap();
    let server = Proc(args.server_pid, args.clk_tck);
    let started = server.sample();
    println!(
        "server pid {}: RSS {:.1} MB at the start",
        args.server_pid,
        mb(started.rss)
    );

    let load = load_test(&args, &password, &library, &server, &database_url);
    let big = thousand(&args, &password, &library, &server, &database_url);
    let end = server.sample();

    println!();
    println!("## Results");
    load.print(&args);
    big.print();
    println!();
    println!(
        "server memory: RSS {:.1} MB at the start, {:.1} MB after the load test, {:.1} MB after the 1,000-brief team, {:.1} MB at the end; peak (VmHWM) {:.1} MB after the load test, {:.1} MB at the end",
        mb(started.rss),
        mb(load.server_after.rss),
        mb(big.server_after.rss),
        mb(end.rss),
        mb(load.server_after.hwm),
        mb(end.hwm)
    );
    println!(
        "server CPU: {:.1} s during the load test ({:.1} ms per record pushed), {:.1} s in all",
        load.server_after.cpu - load.server_before.cpu,
        1000.0 * (load.server_after.cpu - load.server_before.cpu) / load.records as f64,
        end.cpu - started.cpu
    );
    let sizes = sql(&database_url, |c| async move {
        let row = c
            .query_one(
                "SELECT pg_database_size(current_database()), pg_total_relation_size('record'),
                        count(*), avg(octet_length(bundle))::float8 FROM record",
                &[],
            )
            .await
            .unwrap();
        (
            row.get::<_, i64>(0),
            row.get::<_, i64>(1),
            row.get::<_, i64>(2),
            row.get::<_, f64>(3),
        )
    });
    println!(
        "PostgreSQL: database {:.0} MB, table `record` {:.0} MB for {} records (bundles of {:.0} KB on average)",
        mb(sizes.0 as u64),
        mb(sizes.1 as u64),
        sizes.2,
        sizes.3 / 1024.0
    );
    println!("all checks passed: nothing lost, nothing duplicated");
}

// --- the load test ---------------------------------------------------------------------------

/// What one simulated AM did.
struct AmRun {
    login: Duration,
    /// Each push: its latency and the bundle bytes it carried.
    pushes: Vec<(Duration, usize)>,
    /// The rest of each sync round (the pull), as `sync::sync` ran it.
    pulls: Vec<Duration>,
    inserted: u32,
    duplicates: u32,
    start: Instant,
    end: Instant,
    brief: String,
    /// The brief's answer events as this desktop holds them.
    answer_events: BTreeSet<String>,
    /// Of which typed here (the rest came with creating the brief).
    typed: usize,
    /// 503s, tried again.
    refused: u32,
}

struct LoadResult {
    ams: usize,
    records: u64,
    events: usize,
    wall: Duration,
    logins: Vec<Duration>,
    push: Vec<Duration>,
    push_bytes: Vec<usize>,
    pulls: Vec<Duration>,
    lead_sync: Duration,
    lead_pulled: usize,
    refused: u32,
    server_before: Sample,
    server_after: Sample,
}

fn load_test(
    args: &Args,
    password: &str,
    library: &Arc<Library>,
    server: &Proc,
    database_url: &str,
) -> LoadResult {
    println!(
        "load test: {} AMs × {} answers, a sync round every {} answers, all at once",
        args.ams, args.answers, args.sync_every
    );
    let barrier = Arc::new(Barrier::new(args.ams + 1));
    let threads: Vec<_> = (0..args.ams)
        .map(|n| {
            let name = format!("am{:02}", n + 1);
            let dir = args.work.join("load").join(&name);
            let (url, password) = (args.url.clone(), password.to_owned());
            let (library, barrier) = (Arc::clone(library), Arc::clone(&barrier));
            let (answers, every) = (args.answers, args.sync_every);
            std::thread::spawn(move || {
                am_run(
                    &dir, &url, &name, &password, &library, &barrier, n, answers, every,
                )
            })
        })
        .collect();
    barrier.wait();
    let server_before = server.sample();
    let runs: Vec<AmRun> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let server_after = server.sample();
    let first = runs.iter().map(|r| r.start).min().unwrap();
    let last = runs.iter().map(|r| r.end).max().unwrap();

    // The server's side, in SQL: one stream per AM, records 1..=last_seq, all different.
    let streams = sql(database_url, |c| async move {
        c.query(
            "SELECT u.name, s.last_seq, count(r.seq), count(DISTINCT r.id), count(DISTINCT r.sha256),
                    coalesce(min(r.seq), 0), coalesce(max(r.seq), 0)
             FROM stream s JOIN app_user u ON u.id = s.user_id JOIN team t ON t.id = s.team_id
             LEFT JOIN record r ON r.stream_id = s.id
             WHERE t.name = 'load' GROUP BY s.id, u.name, s.last_seq ORDER BY u.name",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| {
            let n = |i: usize| r.get::<_, i64>(i);
            (r.get::<_, String>(0), [n(1), n(2), n(3), n(4), n(5), n(6)])
        })
        .collect::<Vec<_>>()
    });
    assert_eq!(streams.len(), args.ams, "one stream per AM on the server");
    for (run, (user, [last_seq, count, ids, shas, min, max])) in runs.iter().zip(&streams) {
        let pushed = i64::from(run.inserted);
        assert!(
            count == &pushed && last_seq == &pushed && ids == &pushed && shas == &pushed,
            "{user}: pushed {pushed} records; the server has last_seq {last_seq}, {count} rows, {ids} ids, {shas} contents"
        );
        assert!(*min == 1 && max == last_seq, "{user}: seq {min}..{max}");
        assert_eq!(run.duplicates, 0, "{user}: the server saw duplicates");
    }
    let briefs = sql(database_url, |c| async move {
        c.query_one(
            "SELECT count(*), count(*) FILTER (WHERE b.record_seq = s.last_seq)
             FROM brief b JOIN team t ON t.id = b.team_id JOIN stream s ON s.id = b.record_stream
             WHERE t.name = 'load'",
            &[],
        )
        .await
        .map(|r| (r.get::<_, i64>(0), r.get::<_, i64>(1)))
        .unwrap()
    });
    assert_eq!(
        briefs,
        (args.ams as i64, args.ams as i64),
        "every brief on the server, at its stream's newest record"
    );

    // A fresh desktop of the lead pulls everything: each AM's answer events, exactly.
    let mut lead = Desktop::new(
        &args.work.join("load").join("lead"),
        &args.url,
        "load-lead",
        password,
    );
    let t = Instant::now();
    let report = lead.sync(library);
    let lead_sync = t.elapsed();
    assert!(report.refused.is_empty(), "refused: {:?}", report.refused);
    assert_eq!(report.briefs_new, args.ams, "the lead received every brief");
    for run in &runs {
        let held = answer_events(&lead.store, &run.brief);
        assert_eq!(
            held, run.answer_events,
            "brief {}: the lead's events differ from the AM's",
            run.brief
        );
    }
    println!(
        "  checked: {} streams with records 1..=last_seq, no id or content twice; the lead's first sync ({} records) holds exactly every answer event of every brief ({} typed + {} made by creating the briefs)",
        streams.len(),
        report.pulled,
        runs.iter().map(|r| r.typed).sum::<usize>(),
        runs.iter()
            .map(|r| r.answer_events.len() - r.typed)
            .sum::<usize>()
    );

    let mut result = LoadResult {
        ams: args.ams,
        records: runs.iter().map(|r| u64::from(r.inserted)).sum(),
        events: runs.iter().map(|r| r.typed).sum(),
        wall: last - first,
        logins: runs.iter().map(|r| r.login).collect(),
        push: Vec::new(),
        push_bytes: Vec::new(),
        pulls: runs.iter().flat_map(|r| r.pulls.iter().copied()).collect(),
        lead_sync,
        lead_pulled: report.pulled,
        refused: runs.iter().map(|r| r.refused).sum::<u32>() + lead.refused,
        server_before,
        server_after,
    };
    for run in &runs {
        for (d, b) in &run.pushes {
            result.push.push(*d);
            result.push_bytes.push(*b);
        }
    }
    result
}

#[allow(clippy::too_many_arguments, reason = "one thread's whole setup")]
fn am_run(
    dir: &Path,
    url: &str,
    name: &str,
    password: &str,
    library: &Library,
    barrier: &Barrier,
    n: usize,
    answers: usize,
    every: usize,
) -> AmRun {
    // Signing in (Argon2 on the server) happens at once for all, before the clock starts.
    let mut desktop = Desktop::new(dir, url, name, password);
    let brief = desktop
        .store
        .create_brief(
            &new_brief(
                &format!("Клиент {name}"),
                SERVICES[n % SERVICES.len()],
                name,
            ),
            library,
            name,
        )
        .unwrap();
    // Creating a brief may answer a question already (its contacts): those events count as well.
    let created = answer_events(&desktop.store, &brief.id).len();
    let mut typist = Typist::new(&desktop.store, &brief.id);
    barrier.wait();
    let start = Instant::now();
    let mut run = AmRun {
        login: desktop.login,
        pushes: Vec::new(),
        pulls: Vec::new(),
        inserted: 0,
        duplicates: 0,
        start,
        end: start,
        brief: brief.id.clone(),
        answer_events: BTreeSet::new(),
        typed: 0,
        refused: 0,
    };
    for i in 0..answers {
        let (question, entry) = typist.step(i);
        desktop
            .store
            .set_answer(&brief.id, &question, Some(entry), name)
            .unwrap_or_else(|e| panic!("{name}: answer {i} to `{question}`: {e}"));
        if (i + 1) % every == 0 || i + 1 == answers {
            // The push of a sync round, each request timed; then the round itself (the pull).
            desktop.store.seal_outbox().unwrap();
            desktop.push(&mut run);
            let t = Instant::now();
            let report = desktop.sync(library);
            run.pulls.push(t.elapsed());
            assert_eq!(report.waiting, 0, "{name}: left waiting");
            assert!(report.refused.is_empty(), "{name}: {:?}", report.refused);
        }
    }
    run.end = Instant::now();
    run.answer_events = answer_events(&desktop.store, &brief.id);
    assert_eq!(
        run.answer_events.len(),
        created + answers,
        "{name}: answer events"
    );
    run.typed = answers;
    run.refused = desktop.refused;
    run
}

// --- the 1,000-brief team ----------------------------------------------------------------------

struct BigResult {
    briefs: usize,
    answers: usize,
    prepare: Duration,
    push_wall: Duration,
    records: u64,
    bundle_bytes: u64,
    lead_login: Duration,
    lead_sync: Duration,
    lead_pulled: usize,
    refused: u32,
    pull_only: Duration,
    lead_db: u64,
    files_import: Duration,
    files_db: u64,
    server_after: Sample,
}

fn thousand(
    args: &Args,
    password: &str,
    library: &Arc<Library>,
    server: &Proc,
    database_url: &str,
) -> BigResult {
    println!(
        "1,000-brief team: {} AMs create {} briefs with {} answers each, push them, export them as files",
        args.big_ams, args.big_briefs, args.big_answers
    );
    let files = args.work.join("thousand").join("files");
    std::fs::create_dir_all(&files).unwrap();
    let t = Instant::now();
    let barrier = Arc::new(Barrier::new(args.big_ams));
    let threads: Vec<_> = (0..args.big_ams)
        .map(|n| {
            let name = format!("big{:02}", n + 1);
            let dir = args.work.join("thousand").join(&name);
            let (url, password) = (args.url.clone(), password.to_owned());
            let (library, barrier, files) =
                (Arc::clone(library), Arc::clone(&barrier), files.clone());
            let count =
                args.big_briefs / args.big_ams + usize::from(n < args.big_briefs % args.big_ams);
            let answers = args.big_answers;
            std::thread::spawn(move || {
                let mut desktop = Desktop::new(&dir, &url, &name, &password);
                let mut events = 0;
                for b in 0..count {
                    let services = SERVICES[(n + b) % SERVICES.len()];
                    let brief = desktop
                        .store
                        .create_brief(
                            &new_brief(&format!("Клиент {name}-{b:03}"), services, &name),
                            &library,
                            &name,
                        )
                        .unwrap();
                    events += answer_events(&desktop.store, &brief.id).len() + answers;
                    let mut typist = Typist::new(&desktop.store, &brief.id);
                    for i in 0..answers {
                        let (question, entry) = typist.step(i);
                        desktop
                            .store
                            .set_answer(&brief.id, &question, Some(entry), &name)
                            .unwrap();
                    }
                    // Today's alternative: the same brief as a file, handed over by hand.
                    let bytes = bundle::export(&desktop.store, &brief.id).unwrap();
                    std::fs::write(files.join(format!("{}.deepbrief", brief.id)), bytes).unwrap();
                }
                barrier.wait();
                let start = Instant::now();
                let report = desktop.sync(&library);
                assert_eq!(report.waiting, 0, "{name}: left waiting");
                assert_eq!(report.pushed as usize, count, "{name}: pushed");
                (
                    start,
                    Instant::now(),
                    report.pushed,
                    events,
                    desktop.refused,
                )
            })
        })
        .collect();
    let pushes: Vec<(Instant, Instant, u32, usize, u32)> =
        threads.into_iter().map(|t| t.join().unwrap()).collect();
    let prepare = pushes.iter().map(|p| p.0).min().unwrap() - t;
    let push_wall =
        pushes.iter().map(|p| p.1).max().unwrap() - pushes.iter().map(|p| p.0).min().unwrap();
    let records: u64 = pushes.iter().map(|p| u64::from(p.2)).sum();
    let events: usize = pushes.iter().map(|p| p.3).sum();
    let refused_pushing: u32 = pushes.iter().map(|p| p.4).sum();
    let bundle_bytes: u64 = std::fs::read_dir(&files)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    let on_server = sql(database_url, |c| async move {
        c.query_one(
            "SELECT count(*), count(DISTINCT r.brief_id)
             FROM record r JOIN stream s ON s.id = r.stream_id JOIN team t ON t.id = s.team_id
             WHERE t.name = 'thousand'",
            &[],
        )
        .await
        .map(|r| (r.get::<_, i64>(0), r.get::<_, i64>(1)))
        .unwrap()
    });
    assert_eq!(
        on_server,
        (args.big_briefs as i64, args.big_briefs as i64),
        "one record per brief on the server"
    );

    // A fresh desktop of the lead: its first sync round.
    let lead_dir = args.work.join("thousand").join("lead");
    let mut lead = Desktop::new(&lead_dir, &args.url, "big-lead", password);
    let t = Instant::now();
    let report = lead.sync(library);
    let lead_sync = t.elapsed();
    assert!(report.refused.is_empty(), "refused: {:?}", report.refused);
    assert_eq!(report.pulled, args.big_briefs, "records pulled");
    assert_eq!(report.briefs_new, args.big_briefs, "briefs new");
    let lead_events = total_answer_events(&lead.store);
    assert_eq!(lead_events, events, "answer events");
    // The transfer alone: the same pages pulled again from the start, nothing imported.
    let t = Instant::now();
    let mut cursors = BTreeMap::new();
    let mut pulled_again = 0;
    loop {
        let page = lead
            .client
            .pull(&wire::PullRequest {
                cursors: cursors.clone(),
                stream: lead.store.sync_stream().unwrap(),
                checklists_known: Vec::new(),
            })
            .unwrap();
        pulled_again += page.records.len();
        cursors = page.cursors;
        if !page.more {
            break;
        }
    }
    let pull_only = t.elapsed();
    assert_eq!(pulled_again, args.big_briefs, "records pulled again");
    let lead_login = lead.login;
    let refused = refused_pushing + lead.refused;
    let lead_db = lead.close();
    let server_after = server.sample();

    // The same briefs from the bundle files into a fresh database.
    let files_db_path = args.work.join("thousand").join("files-import.db");
    let mut store = Store::open(&files_db_path).unwrap();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&files)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let t = Instant::now();
    for path in &paths {
        let outcome = store.import_bundle_file(path, library).unwrap();
        assert!(outcome.created, "{}: a new brief", path.display());
    }
    let files_import = t.elapsed();
    assert_eq!(total_answer_events(&store), events, "answer events (files)");
    drop(store);
    let files_db = db_size(&files_db_path);
    println!(
        "  checked: {} records on the server, one per brief; the lead and the file import both hold {} briefs and all {events} answer events",
        on_server.0, args.big_briefs
    );

    BigResult {
        briefs: args.big_briefs,
        answers: args.big_answers,
        prepare,
        push_wall,
        records,
        bundle_bytes,
        lead_login,
        lead_sync,
        lead_pulled: report.pulled,
        refused,
        pull_only,
        lead_db,
        files_import,
        files_db,
        server_after,
    }
}

// --- a desktop -----------------------------------------------------------------------------------

struct Desktop {
    folder: DataFolder,
    store: Store,
    client: Client,
    login: Duration,
    /// Requests the server answered 503 (no database connection free within its wait): tried again
    /// after the app's backoff (5 s, 10 s, …), as the desktop's background sync does.
    refused: u32,
}

impl Desktop {
    /// A fresh database in `dir`, signed in as `user` (the sign-in timed).
    fn new(dir: &Path, url: &str, user: &str, password: &str) -> Desktop {
        std::fs::create_dir_all(dir).unwrap();
        let folder = DataFolder::at(dir.to_path_buf(), None);
        let store = Store::open(&folder.database).unwrap();
        let t = Instant::now();
        let session = account::sign_in(
            &folder,
            &store,
            url,
            user,
            password,
            &format!("{user}-bench"),
        )
        .unwrap_or_else(|e| panic!("{user}: sign-in: {e}"));
        let login = t.elapsed();
        let client = Client::new(&session.server, Some(session.token)).unwrap();
        Desktop {
            folder,
            store,
            client,
            login,
            refused: 0,
        }
    }

    /// The app's sync round; tried again after a 503.
    fn sync(&mut self, library: &Library) -> sync::SyncReport {
        let mut backoff = Backoff::new();
        loop {
            match sync::sync(
                &mut self.store,
                &self.client,
                library,
                &self.folder.team_checklists(),
            ) {
                Ok(report) => return report,
                Err(e) => self.refused(e, &mut backoff),
            }
        }
    }

    /// Counts a 503 and waits as the app would; anything else stops the benchmark.
    fn refused(&mut self, e: TeamError, backoff: &mut Backoff) {
        if !matches!(e, TeamError::Refused { status: 503, .. }) {
            panic!("{}: {e}", self.folder.database.display());
        }
        self.refused += 1;
        let wait = backoff.failed();
        eprintln!(
            "  {}: {e}; trying again in {} s",
            self.folder.data_dir.display(),
            wait.as_secs()
        );
        std::thread::sleep(wait);
    }

    /// The push of a sync round as `sync::sync` makes it, each request timed.
    fn push(&mut self, run: &mut AmRun) {
        let mut backoff = Backoff::new();
        loop {
            let stream = self.store.sync_stream().unwrap();
            let records: Vec<wire::PushRecord> = self
                .store
                .pending_records(wire::MAX_RECORDS_PER_REQUEST)
                .unwrap()
                .into_iter()
                .map(|p| wire::PushRecord {
                    id: p.id,
                    seq: p.seq,
                    brief_id: p.brief_id,
                    bundle: p.bundle,
                })
                .collect();
            if records.is_empty() {
                return;
            }
            let bytes = records.iter().map(|r| r.bundle.len()).sum();
            let t = Instant::now();
            let answer = match self.client.push(&wire::PushRequest { stream, records }) {
                Ok(answer) => answer,
                Err(e) => {
                    self.refused(e, &mut backoff);
                    continue;
                }
            };
            run.pushes.push((t.elapsed(), bytes));
            self.store.acknowledge(answer.acked_through).unwrap();
            run.inserted += answer.inserted;
            run.duplicates += answer.duplicates;
        }
    }

    /// Closes the database; its size on disk.
    fn close(self) -> u64 {
        let path = self.folder.database.clone();
        drop(self.store);
        db_size(&path)
    }
}

/// The database file with its WAL and shared-memory files.
fn db_size(path: &Path) -> u64 {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|suffix| {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            std::fs::metadata(PathBuf::from(p)).ok()
        })
        .map(|m| m.len())
        .sum()
}

fn answer_events(store: &Store, brief: &str) -> BTreeSet<String> {
    store
        .history(brief, None)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == "answer")
        .map(|e| e.event_id)
        .collect()
}

fn total_answer_events(store: &Store) -> usize {
    let briefs = store.list_briefs(&BriefFilter::default()).unwrap();
    briefs
        .iter()
        .map(|b| answer_events(store, &b.meta.id).len())
        .sum()
}

fn new_brief(client: &str, services: &[&str], am: &str) -> NewBrief {
    NewBrief {
        client: client.into(),
        project: "Сайт и реклама".into(),
        services: services.iter().map(|s| (*s).to_owned()).collect(),
        account_manager: am.into(),
        contacts: vec![Contact {
            name: "Ирина Петрова".into(),
            role: "директор".into(),
            phone: "+7 900 000-00-00".into(),
            email: "irina@client.example".into(),
            responsible: true,
        }],
        language: "ru".into(),
        prefill_from: None,
        industry: String::new(),
    }
}

// --- how an AM types -----------------------------------------------------------------------------

/// The order of answers: the brief's questions (those shown without a condition) in interview
/// order; every fifth save re-answers a text question answered earlier (an AM correcting herself),
/// and once every question has an answer, corrections only. Every save is a new value, so every
/// save is one answer event.
struct Typist {
    questions: Vec<Question>,
    next: usize,
    texts: Vec<usize>,
}

impl Typist {
    fn new(store: &Store, brief: &str) -> Typist {
        let questions = store
            .brief_checklists(brief)
            .unwrap()
            .iter()
            .flat_map(|c| {
                c.questions()
                    .filter(|(_, q)| q.when.is_none())
                    .map(|(_, q)| q.clone())
                    .collect::<Vec<_>>()
            })
            .collect();
        Typist {
            questions,
            next: 0,
            texts: Vec::new(),
        }
    }

    /// The `i`-th save: a question and its new entry.
    fn step(&mut self, i: usize) -> (String, Entry) {
        let correct = (i % 5 == 4 && !self.texts.is_empty()) || self.next >= self.questions.len();
        let (q, value) = if correct {
            let k = self.texts[(i * 7) % self.texts.len()];
            let q = &self.questions[k];
            (
                q,
                AnswerValue::Text(format!(
                    "Заявки принимает менеджер, перезванивает в течение часа (уточнено, правка {i})"
                )),
            )
        } else {
            let q = &self.questions[self.next];
            if matches!(q.kind, Kind::ShortText | Kind::LongText) {
                self.texts.push(self.next);
            }
            self.next += 1;
            (q, fitting(q, i))
        };
        (q.id.clone(), Entry::new(Answer::Answered(value)))
    }
}

/// A value that fits the question's kind and bounds (as the store's benchmarks make it).
fn fitting(q: &Question, i: usize) -> AnswerValue {
    let n = match (q.min, q.max) {
        (Some(lo), Some(hi)) => ((lo + hi) / 2.0).round(),
        (Some(lo), None) => lo + 7.0,
        _ => 7.0,
    };
    match q.kind {
        Kind::ShortText | Kind::LongText => AnswerValue::Text(format!(
            "Заявки с сайта принимает менеджер, вносит в CRM, перезванивает в течение часа ({i})"
        )),
        Kind::Link => AnswerValue::Text("https://example.ru/docs".into()),
        Kind::Date => AnswerValue::Text("2027-06-01".into()),
        Kind::Scale => AnswerValue::Number(3.0),
        Kind::Percent => AnswerValue::Number(30.0),
        Kind::Number | Kind::Money | Kind::Duration => AnswerValue::Number(n),
        Kind::YesNo => AnswerValue::Bool(true),
        Kind::SingleChoice => AnswerValue::Choice(q.choices[0].id.clone()),
        Kind::MultiChoice => AnswerValue::Choices(vec![q.choices[0].id.clone()]),
        Kind::List => AnswerValue::Items(vec!["Тула".into(), "Калуга".into(), "Рязань".into()]),
        Kind::Table => AnswerValue::Rows(
            (0..q.min.map_or(1, |m| m.max(1.0) as usize))
                .map(|_| {
                    q.columns
                        .iter()
                        .map(|c| (c.id.clone(), cell(c)))
                        .collect::<BTreeMap<_, _>>()
                })
                .collect(),
        ),
        Kind::Contact => AnswerValue::Contact(BTreeMap::from([
            ("name".to_owned(), "Ирина Петрова".to_owned()),
            ("email".to_owned(), "irina@client.example".to_owned()),
        ])),
    }
}

fn cell(c: &Column) -> String {
    match c.kind {
        Kind::Date => "2026-12-05".to_owned(),
        Kind::YesNo => "true".to_owned(),
        Kind::SingleChoice => c
            .choices
            .first()
            .map_or_else(String::new, |ch| ch.id.clone()),
        Kind::Link => "https://shina.example".to_owned(),
        Kind::ShortText
        | Kind::LongText
        | Kind::Number
        | Kind::Money
        | Kind::Percent
        | Kind::Duration
        | Kind::Scale
        | Kind::MultiChoice
        | Kind::List
        | Kind::Table
        | Kind::Contact => "1".to_owned(),
    }
}

// --- the server process and its database ---------------------------------------------------------

struct Proc(u32, u64);

#[derive(Clone, Copy)]
struct Sample {
    /// Resident set size, bytes.
    rss: u64,
    /// Its peak so far, bytes.
    hwm: u64,
    /// CPU time (user + system), seconds.
    cpu: f64,
}

impl Proc {
    fn sample(&self) -> Sample {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.0))
            .expect("the server process is gone");
        let kb = |key: &str| -> u64 {
            status
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.split_whitespace().next())
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{key} in /proc/{}/status", self.0))
        };
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.0)).unwrap();
        // The fields after the command name (which is in parentheses): utime is the 12th, stime the 13th.
        let fields: Vec<&str> = stat
            .rsplit_once(')')
            .unwrap()
            .1
            .split_whitespace()
            .collect();
        let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
        Sample {
            rss: kb("VmRSS:") * 1024,
            hwm: kb("VmHWM:") * 1024,
            cpu: ticks as f64 / self.1 as f64,
        }
    }
}

/// Runs `f` with a connection to the server's database.
fn sql<T, F, Fut>(url: &str, f: F) -> T
where
    F: FnOnce(tokio_postgres::Client) -> Fut,
    Fut: std::future::Future<Output = T>,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let (client, conn) = tokio_postgres::connect(url, tokio_postgres::NoTls)
            .await
            .expect("connect to the server's database");
        let driver = tokio::spawn(conn);
        let out = f(client).await;
        let _ = driver.await;
        out
    })
}

// --- figures ---------------------------------------------------------------------------------------

fn mb(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The nearest-rank percentile `p` (0–100) of `values`.
fn percentile(values: &[Duration], p: f64) -> Duration {
    let mut v = values.to_vec();
    v.sort_unstable();
    let rank = ((p / 100.0) * v.len() as f64).ceil().max(1.0) as usize;
    v[rank.min(v.len()) - 1]
}

fn spread(values: &[Duration]) -> String {
    format!(
        "p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms ({} calls)",
        ms(percentile(values, 50.0)),
        ms(percentile(values, 95.0)),
        ms(percentile(values, 100.0)),
        values.len()
    )
}

impl LoadResult {
    fn print(&self, args: &Args) {
        let secs = self.wall.as_secs_f64();
        let bytes: usize = self.push_bytes.iter().sum();
        println!(
            "load test ({} AMs × {} answers, a push every {} answers; they type without pauses):",
            self.ams, args.answers, args.sync_every
        );
        println!(
            "  wall time, first answer to last round: {secs:.2} s; {} records ({:.1} MB of bundles, {:.0} KB each on average)",
            self.records,
            mb(bytes as u64),
            bytes as f64 / self.records as f64 / 1024.0
        );
        println!("  push latency (POST /v1/push): {}", spread(&self.push));
        println!(
            "  absorbed: {:.1} records/s, {:.1} answer events/s ({} events)",
            self.records as f64 / secs,
            self.events as f64 / secs,
            self.events
        );
        println!(
            "  the rest of each sync round (the pull, sync::sync): {}",
            spread(&self.pulls)
        );
        println!(
            "  sign-in (POST /v1/login, Argon2id; {} at once, before the clock): {}",
            self.ams,
            spread(&self.logins)
        );
        println!(
            "  the lead's first sync afterwards: {} records in {:.2} s",
            self.lead_pulled,
            self.lead_sync.as_secs_f64()
        );
        println!(
            "  requests refused with 503 and tried again after the app's backoff: {}",
            self.refused
        );
    }
}

impl BigResult {
    fn print(&self) {
        println!(
            "1,000-brief team ({} briefs × {} answers; {} records, {:.1} MB of bundles, {:.0} KB each):",
            self.briefs,
            self.answers,
            self.records,
            mb(self.bundle_bytes),
            self.bundle_bytes as f64 / self.briefs as f64 / 1024.0
        );
        println!(
            "  preparing the AMs' databases: {:.1} s; their pushes (all at once): {:.2} s, {:.0} records/s",
            self.prepare.as_secs_f64(),
            self.push_wall.as_secs_f64(),
            self.records as f64 / self.push_wall.as_secs_f64()
        );
        println!(
            "  | first sync of a fresh desktop | seconds | briefs/s | SQLite size |\n  | --- | --- | --- | --- |"
        );
        println!(
            "  | team server: the lead's first sync round (pull {} records + import) | {:.2} | {:.0} | {:.1} MB |",
            self.lead_pulled,
            self.lead_sync.as_secs_f64(),
            self.briefs as f64 / self.lead_sync.as_secs_f64(),
            mb(self.lead_db)
        );
        println!(
            "  | of which the transfer: the same pull pages again, nothing imported | {:.2} | {:.0} | — |",
            self.pull_only.as_secs_f64(),
            self.briefs as f64 / self.pull_only.as_secs_f64()
        );
        println!(
            "  | bundle files: import_bundle_file of {} files | {:.2} | {:.0} | {:.1} MB |",
            self.briefs,
            self.files_import.as_secs_f64(),
            self.briefs as f64 / self.files_import.as_secs_f64(),
            mb(self.files_db)
        );
        println!(
            "  (the lead's sign-in before it: {:.0} ms); requests refused with 503 and tried again after the app's backoff: {}",
            ms(self.lead_login),
            self.refused
        );
    }
}
