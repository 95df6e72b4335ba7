//! The background sync with the team server: one thread that, while this database is signed in,
//! runs a round ([`deepbrief_app::team::sync`]) after start, then again after [`Backoff`]'s wait
//! (every half minute when all is well, longer and longer after failures), a few seconds after the
//! last change made in the window (so typing is pushed once it pauses, not keystroke by keystroke),
//! and at once when the person signs in or presses «Синхронизировать сейчас».
//!
//! The thread has a database connection of its own: the window's store lock is never held across a
//! network call (SQLite's WAL and the store's immediate transactions let both write). Every change of
//! the indicator's [`SyncState`] is emitted as [`STATE_EVENT`]; a round that received records or
//! client answers emits [`BRIEFS_EVENT`] (the lists, the board and an open brief reload), one that
//! received checklist versions [`CHECKLISTS_EVENT`].

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use deepbrief_app::clock;
use deepbrief_app::team::{self, Backoff, Session, SyncReport, SyncState, TeamError};
use deepbrief_core::Library;
use deepbrief_core::library::Sources;
use deepbrief_folders::load_library;
use deepbrief_store::Store;
use tauri::{AppHandle, Emitter};

use crate::state::AppState;

/// The event that carries the indicator's new [`SyncState`].
pub const STATE_EVENT: &str = "sync-state";
/// A round received briefs or answers from the team: lists and open briefs reload.
pub const BRIEFS_EVENT: &str = "briefs-changed";
/// A round received checklist versions the team published: the library reloads.
pub const CHECKLISTS_EVENT: &str = "checklists-changed";

/// A change pushes this long after the last one (typing pauses).
const DEBOUNCE: Duration = Duration::from_secs(4);
/// …but never later than this after the first, however long the typing goes on.
const DEBOUNCE_MAX: Duration = Duration::from_secs(30);
/// The indicator counts what waits this long after a change, before the round.
const PEEK: Duration = Duration::from_millis(800);
/// The longest the thread sleeps without looking at its clock.
const NAP: Duration = Duration::from_secs(60);

/// Why a round runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// Its time came (after start, after the idle wait, after a failure's wait).
    Timer,
    /// Something was changed in the window: runs only when something waits to go out.
    Change,
    /// The person asked (sign-in, «Синхронизировать сейчас»).
    Person,
}

/// Edits in a row, for the debounce.
#[derive(Debug, Clone, Copy)]
struct Touches {
    first: Instant,
    last: Instant,
    peeked: bool,
}

impl Touches {
    fn run_at(&self) -> Instant {
        (self.last + DEBOUNCE).min(self.first + DEBOUNCE_MAX)
    }
}

#[derive(Debug, Default)]
struct Flags {
    /// Run a round now.
    wake: bool,
    /// Changes made in the window since the last round.
    touches: Option<Touches>,
    /// When the next timed round is due (none: only when woken or touched).
    due: Option<Instant>,
}

/// What the window's commands tell the sync thread; held by [`AppState`] so every store call can
/// say "something may have changed".
#[derive(Debug, Default)]
pub struct Signal {
    flags: Mutex<Flags>,
    cond: Condvar,
}

impl Signal {
    fn flags(&self) -> MutexGuard<'_, Flags> {
        self.flags.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The window used the store (a save, or a read): a round follows a few seconds after the last
    /// of a row of them when something waits to go out.
    pub fn touched(&self) {
        let now = Instant::now();
        let mut f = self.flags();
        f.touches = Some(match f.touches {
            Some(t) => Touches { last: now, ..t },
            None => Touches {
                first: now,
                last: now,
                peeked: false,
            },
        });
        self.cond.notify_all();
    }

    /// Run a round now.
    pub fn wake(&self) {
        self.flags().wake = true;
        self.cond.notify_all();
    }

    fn schedule(&self, after: Duration) {
        self.flags().due = Some(Instant::now() + after);
        self.cond.notify_all();
    }

    /// Sleeps until there is something to do.
    fn next(&self) -> Step {
        let mut f = self.flags();
        loop {
            let now = Instant::now();
            if f.wake {
                f.wake = false;
                f.touches = None;
                return Step::Round(Trigger::Person);
            }
            let mut until = now + NAP;
            if let Some(t) = f.touches.as_mut() {
                if now >= t.run_at() {
                    f.touches = None;
                    return Step::Round(Trigger::Change);
                }
                if !t.peeked && now >= t.first + PEEK {
                    t.peeked = true;
                    return Step::Peek;
                }
                until = until.min(t.run_at());
                if !t.peeked {
                    until = until.min(t.first + PEEK);
                }
            }
            if let Some(due) = f.due {
                if now >= due {
                    f.due = None;
                    return Step::Round(Trigger::Timer);
                }
                until = until.min(due);
            }
            f = match self
                .cond
                .wait_timeout(f, until.saturating_duration_since(now))
            {
                Ok((guard, _)) => guard,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
    }
}

enum Step {
    Round(Trigger),
    Peek,
}

/// The thread's connection, its checklists and its backoff; locked for a round, so rounds (the
/// thread's, «Синхронизировать сейчас», a sign-in) never overlap.
#[derive(Default)]
struct Engine {
    store: Option<Store>,
    library: Option<(Arc<Sources>, Arc<Library>)>,
    backoff: Backoff,
    /// The database file is being replaced (a backup restored): the connection stays closed.
    suspended: bool,
}

impl Engine {
    fn store(&mut self, app: &AppState) -> Result<&mut Store, TeamError> {
        if self.suspended {
            return Err(TeamError::Io {
                path: app.paths.database.clone(),
                source: std::io::Error::other("the database is being restored; sync waits"),
            });
        }
        match &mut self.store {
            Some(store) => Ok(store),
            empty => Ok(empty.insert(Store::open(&app.paths.database)?)),
        }
    }

    fn library(&mut self, sources: Arc<Sources>) -> Arc<Library> {
        match &self.library {
            Some((s, library)) if Arc::ptr_eq(s, &sources) => Arc::clone(library),
            _ => {
                let library = Arc::new(load_library(&sources));
                self.library = Some((sources, Arc::clone(&library)));
                library
            }
        }
    }
}

/// The background sync, managed by Tauri; the commands of [`crate::team`] use it.
pub struct Sync {
    app: AppHandle,
    state: Arc<AppState>,
    engine: Mutex<Engine>,
    shown: Mutex<SyncState>,
}

impl Sync {
    /// Starts the thread; it waits for the window's store to open, then runs the first round.
    pub fn start(app: AppHandle, state: Arc<AppState>) -> Arc<Sync> {
        let signed_in = matches!(Session::load(&state.paths.team_file()), Ok(Some(_)));
        let sync = Arc::new(Sync {
            app,
            state,
            engine: Mutex::new(Engine::default()),
            shown: Mutex::new(if signed_in {
                SyncState::Syncing { waiting: 0 }
            } else {
                SyncState::SignedOut
            }),
        });
        let worker = Arc::clone(&sync);
        let spawned = std::thread::Builder::new()
            .name("team-sync".into())
            .spawn(move || worker.run());
        if let Err(e) = spawned {
            log::error!(
                "cannot start the team sync thread ({e}); sync only with «Синхронизировать сейчас»"
            );
        }
        sync
    }

    fn run(&self) {
        if !self.state.wait_open() {
            log::warn!("the database did not open; the team sync stays off");
            return;
        }
        self.state.signal.schedule(Duration::ZERO);
        loop {
            let step = self.state.signal.next();
            // A panic in a round must not end the sync for the rest of the session.
            let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match step {
                Step::Round(trigger) => {
                    let _ = self.round(trigger);
                }
                Step::Peek => self.peek(),
            }));
            if done.is_err() {
                log::error!("a team sync round stopped unexpectedly; trying again later");
                self.state.signal.schedule(Backoff::MAX);
            }
        }
    }

    /// What the indicator shows now.
    pub fn shown(&self) -> SyncState {
        self.shown.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn publish(&self, next: SyncState) {
        {
            let mut shown = self.shown.lock().unwrap_or_else(|p| p.into_inner());
            if *shown == next {
                return;
            }
            shown.clone_from(&next);
        }
        if let Err(e) = self.app.emit(STATE_EVENT, &next) {
            log::warn!("cannot tell the window the sync state: {e}");
        }
    }

    fn engine(&self) -> MutexGuard<'_, Engine> {
        self.engine.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs a round now for the person («Синхронизировать сейчас»), waiting for one in flight.
    pub fn now(&self) -> Result<SyncReport, TeamError> {
        match self.round(Trigger::Person) {
            Ok(Some(report)) => Ok(report),
            Ok(None) => Err(TeamError::NotSignedIn),
            Err(e) => Err(e),
        }
    }

    /// Signs in under the round lock (no round runs on the old sign-in meanwhile), then wakes the
    /// thread for the first round.
    pub fn sign_in(
        &self,
        url: &str,
        user: &str,
        password: &str,
        device: &str,
    ) -> Result<Session, TeamError> {
        let session = {
            let mut engine = self.engine();
            let store = engine.store(&self.state)?;
            let session =
                team::account::sign_in(&self.state.paths, store, url, user, password, device)?;
            engine.backoff = Backoff::new();
            session
        };
        log::info!(
            "signed in to the team server {} as {}",
            session.server,
            session.user
        );
        self.publish(SyncState::Syncing { waiting: 0 });
        self.state.signal.wake();
        Ok(session)
    }

    /// Signs out under the round lock; returns a warning when the server was not told.
    pub fn sign_out(&self) -> Result<Option<String>, TeamError> {
        let out = {
            let mut engine = self.engine();
            let out = team::account::sign_out(&self.state.paths)?;
            engine.backoff = Backoff::new();
            out
        };
        self.publish(SyncState::SignedOut);
        Ok(out.and_then(|o| {
            log::info!("signed out of the team server {}", o.server);
            o.warning
        }))
    }

    /// Runs `f` on the thread's connection and checklists under the round lock: a client link is
    /// created, revoked or its files downloaded over the network without holding the window's store
    /// (and never in the middle of a round). What `f` changed goes out with the next round.
    pub fn with_engine<T>(
        &self,
        f: impl FnOnce(&mut Store, &Library) -> Result<T, TeamError>,
    ) -> Result<T, TeamError> {
        let done = {
            let mut engine = self.engine();
            let library = engine.library(self.state.sources());
            f(engine.store(&self.state)?, &library)
        };
        self.state.signal.touched();
        done
    }

    /// Closes the thread's connection and keeps it closed (no round opens the database) until
    /// [`Sync::resume`]: a backup is about to replace the file. Waits for a round in flight.
    pub fn suspend(&self) {
        let mut engine = self.engine();
        engine.store = None;
        engine.suspended = true;
    }

    /// The database file is in place again: a round runs at once.
    pub fn resume(&self) {
        self.engine().suspended = false;
        self.state.signal.wake();
    }

    /// The indicator counts what waits to go out, without the network (a round follows soon).
    fn peek(&self) {
        let Ok(mut engine) = self.engine.try_lock() else {
            return;
        };
        let Ok(store) = engine.store(&self.state) else {
            return;
        };
        let Ok(waiting) = store.sync_waiting().map(|w| w.briefs) else {
            return;
        };
        drop(engine);
        let next = match self.shown() {
            SyncState::Synced { conflicts, .. } | SyncState::Waiting { conflicts, .. }
                if waiting > 0 =>
            {
                SyncState::Waiting { waiting, conflicts }
            }
            SyncState::Offline {
                reason, retry_in, ..
            } => SyncState::Offline {
                waiting,
                reason,
                retry_in,
            },
            SyncState::Error {
                reason, retry_in, ..
            } => SyncState::Error {
                waiting,
                reason,
                retry_in,
            },
            other => other,
        };
        self.publish(next);
    }

    /// One round; `Ok(None)` when there was nothing to do (signed out, or a change with nothing
    /// waiting). Schedules the next timed round.
    fn round(&self, trigger: Trigger) -> Result<Option<SyncReport>, TeamError> {
        let mut engine = self.engine();
        if engine.suspended {
            return Ok(None);
        }
        let session = match Session::load(&self.state.paths.team_file()) {
            Ok(Some(session)) => session,
            Ok(None) => {
                self.publish(SyncState::SignedOut);
                // A sign-in from the CLI is noticed at the next look.
                self.state.signal.schedule(Backoff::IDLE);
                return Ok(None);
            }
            Err(e) => return Err(self.failed(&mut engine, e, 0)),
        };
        let client = match team::Client::new(&session.server, Some(session.token.clone())) {
            Ok(client) => client,
            Err(e) => return Err(self.failed(&mut engine, e, 0)),
        };
        let waiting = match engine
            .store(&self.state)
            .and_then(|s| Ok(s.sync_waiting()?))
        {
            Ok(w) => w.briefs,
            Err(e) => {
                engine.store = None;
                return Err(self.failed(&mut engine, e, 0));
            }
        };
        if trigger == Trigger::Change && waiting == 0 {
            return Ok(None);
        }
        // An idle round with nothing to send does not make the indicator blink.
        if trigger == Trigger::Person
            || waiting > 0
            || !matches!(self.shown(), SyncState::Synced { .. })
        {
            self.publish(SyncState::Syncing { waiting });
        }
        let library = engine.library(self.state.sources());
        let team_dir = self.state.paths.team_checklists();
        let result = match engine.store(&self.state) {
            Ok(store) => team::sync(store, &client, &library, &team_dir),
            Err(e) => Err(e),
        };
        match result {
            Ok(report) => {
                let wait = engine.backoff.succeeded();
                if report.checklists > 0 {
                    engine.library = None;
                }
                drop(engine);
                self.state.signal.schedule(wait);
                log::info!(
                    "team sync: {} pushed, {} pulled, {} waiting, {} conflict(s), {} client answer(s)",
                    report.pushed,
                    report.pulled,
                    report.waiting,
                    report.conflicts,
                    report.client_answers
                );
                for why in &report.refused {
                    log::warn!("team sync refused: {why}");
                }
                self.publish(SyncState::after(&report, clock::utc_stamp()));
                // Answers of a client arrived: the board's count and the brief's panel reload too.
                if report.pulled > 0 || report.client_answers > 0 {
                    self.emit(BRIEFS_EVENT);
                }
                if report.checklists > 0 {
                    // The commands load the library afresh each time: they see them already.
                    self.emit(CHECKLISTS_EVENT);
                }
                Ok(Some(report))
            }
            Err(e) => {
                if matches!(e, TeamError::Store(_)) {
                    engine.store = None;
                }
                let waiting = engine
                    .store
                    .as_ref()
                    .and_then(|s| s.sync_waiting().ok())
                    .map_or(waiting, |w| w.briefs);
                Err(self.failed(&mut engine, e, waiting))
            }
        }
    }

    /// Shows and logs a failed round and schedules the next try.
    fn failed(&self, engine: &mut Engine, error: TeamError, waiting: u32) -> TeamError {
        let wait = engine.backoff.failed();
        let next = SyncState::failed(&error, waiting, wait);
        match &next {
            SyncState::Offline { .. } => log::info!("team sync: {error}"),
            _ => log::warn!("team sync failed: {error}"),
        }
        // Waiting for the person (signed out elsewhere): still looked at now and then, in case
        // they sign in again from the CLI.
        let retry = match &next {
            SyncState::Error { retry_in: None, .. } => Backoff::MAX,
            _ => wait,
        };
        self.state.signal.schedule(retry);
        self.publish(next);
        error
    }

    fn emit(&self, event: &str) {
        if let Err(e) = self.app.emit(event, ()) {
            log::warn!("cannot tell the window `{event}`: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_of_edits_goes_out_after_the_pause_but_never_later_than_the_cap() {
        let first = Instant::now();
        let typing = Touches {
            first,
            last: first + Duration::from_secs(2),
            peeked: false,
        };
        assert_eq!(typing.run_at(), first + Duration::from_secs(2) + DEBOUNCE);
        let long = Touches {
            first,
            last: first + Duration::from_secs(29),
            peeked: true,
        };
        assert_eq!(long.run_at(), first + DEBOUNCE_MAX);
    }

    #[test]
    fn the_person_comes_first_and_their_round_takes_the_edits_along() {
        let signal = Signal::default();
        signal.touched();
        signal.wake();
        assert!(matches!(signal.next(), Step::Round(Trigger::Person)));
        assert!(signal.flags().touches.is_none());
    }

    #[test]
    fn a_due_round_runs_once() {
        let signal = Signal::default();
        signal.schedule(Duration::ZERO);
        assert!(matches!(signal.next(), Step::Round(Trigger::Timer)));
        assert!(signal.flags().due.is_none());
    }
}
