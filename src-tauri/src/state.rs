//! What every command shares: the open store (or why it could not be opened), where the data lives,
//! and the checklist sources.
//!
//! The store sits behind a mutex and is only touched from blocking worker threads
//! ([`AppState::with_store`]), never from the main thread: the window keeps painting while an answer
//! is made durable. It is opened on a thread of its own while the window and WebKit start (its
//! integrity check and rolling backup read the whole file); a command that comes first waits for it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::Instant;

use deepbrief_app::folder::BACKUPS_KEPT;
use deepbrief_app::{DataFolder, clock};
use deepbrief_core::library::Sources;
use deepbrief_core::review::Role;
use deepbrief_core::settings::{Identity, Settings, SettingsError};
use deepbrief_folders::{agency_checklists_dir, load_settings, save_settings};
use deepbrief_store::backup::rolling_backup;
use deepbrief_store::{Store, StoreError};

use crate::error::IpcError;

/// The app's shared state.
pub struct AppState {
    /// Where things are.
    pub paths: DataFolder,
    /// Checklist sources (the agency folder changes when Settings chooses another).
    sources: RwLock<Arc<Sources>>,
    /// The agency folder named for this run (`--checklists`, `DEEPBRIEF_CHECKLISTS`): it wins over
    /// the setting.
    agency_override: Option<PathBuf>,
    /// `settings.json` as last read or written.
    settings: RwLock<Settings>,
    /// Set once the opening thread is done.
    store: OnceLock<Mutex<Result<Store, IpcError>>>,
    /// Tells the team sync thread that the window used the store (see [`crate::sync`]).
    pub signal: Arc<crate::sync::Signal>,
}

impl From<SettingsError> for IpcError {
    fn from(error: SettingsError) -> Self {
        let code = match error {
            SettingsError::Invalid { .. } => crate::error::ErrorCode::Validation,
            SettingsError::Read { .. }
            | SettingsError::Write { .. }
            | SettingsError::Parse { .. } => crate::error::ErrorCode::Internal,
        };
        IpcError {
            code,
            message: error.to_string(),
            team: None,
        }
    }
}

impl AppState {
    /// Starts opening the store (with a rolling backup) on a thread of its own and returns at once.
    /// A store that cannot be opened is remembered as the error every data command returns, so the
    /// window still opens and offers a backup.
    pub fn open(
        paths: DataFolder,
        settings: Settings,
        sources: Arc<Sources>,
        agency_override: Option<PathBuf>,
    ) -> Arc<AppState> {
        let state = Arc::new(AppState {
            paths,
            sources: RwLock::new(sources),
            agency_override,
            settings: RwLock::new(settings),
            store: OnceLock::new(),
            signal: Arc::default(),
        });
        let opening = Arc::clone(&state);
        let spawned = std::thread::Builder::new()
            .name("open-database".into())
            .spawn(move || opening.open_now());
        if let Err(e) = spawned {
            log::warn!("cannot start a thread to open the database ({e}); opening it here");
            state.open_now();
        }
        state
    }

    /// Opens and checks the store, hands it to the commands, then takes the rolling backup through
    /// a connection of its own (the first screen does not wait for the copy).
    fn open_now(&self) {
        let started = Instant::now();
        let paths = &self.paths;
        // A panic must still set the store (as an error): commands wait for it.
        let opened = std::panic::catch_unwind(|| {
            Store::open_or_name_backup(&paths.database, &paths.backups)
        });
        let store = match opened {
            Ok(Ok(store)) => Ok(store),
            Ok(Err(e)) => {
                log::error!("cannot open the database: {e}");
                Err(IpcError::from(e))
            }
            Err(_) => {
                log::error!("opening the database stopped unexpectedly");
                Err(IpcError::internal(
                    "opening the database stopped unexpectedly; restart the app",
                ))
            }
        };
        let ok = store.is_ok();
        // Set once, here only.
        let _ = self.store.set(Mutex::new(store));
        if !ok {
            return;
        }
        log::info!(
            "database {} checked and opened in {} ms",
            paths.database.display(),
            started.elapsed().as_millis()
        );
        self.keep_summaries();
        let copying = Instant::now();
        match rolling_backup(&paths.database, &paths.backups, BACKUPS_KEPT) {
            Ok(Some(backup)) => log::info!(
                "backup {} made in {} ms",
                backup.path,
                copying.elapsed().as_millis()
            ),
            Ok(None) => {}
            Err(e) => {
                log::error!("the backup at start failed: {e} (make one in Settings → Backups)")
            }
        }
    }

    /// Keeps the gap summaries of briefs changed since the last run in the file (the board and the
    /// briefs list only read them). The first screen waits for it: it would analyse the same briefs.
    fn keep_summaries(&self) {
        let started = Instant::now();
        let Ok(guard) = self.store().lock() else {
            return;
        };
        if let Ok(store) = guard.as_ref() {
            match store.refresh_summaries(clock::today()) {
                Ok(kept) => log::info!(
                    "{kept} gap summaries analysed and kept in {} ms",
                    started.elapsed().as_millis()
                ),
                Err(e) => log::warn!(
                    "the gap summaries could not be kept ({e}); the board analyses them as it opens"
                ),
            }
        }
    }

    /// The store once open (waits for the opening thread).
    fn store(&self) -> &Mutex<Result<Store, IpcError>> {
        self.store.wait()
    }

    /// Whether the store opened (waits for the opening thread).
    pub fn wait_open(&self) -> bool {
        self.store().lock().is_ok_and(|s| s.is_ok())
    }

    /// Runs `f` on the store, on a blocking worker thread. The team sync hears of it: what `f`
    /// changed goes out a few seconds after the last change (a read costs it one local count).
    pub async fn with_store<T, F>(self: &Arc<Self>, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    {
        let state = Arc::clone(self);
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = state.store().lock().map_err(|_| {
                IpcError::internal("the database lock was poisoned; restart the app")
            })?;
            let done = match guard.as_mut() {
                Ok(store) => f(store).map_err(IpcError::from),
                Err(e) => Err(e.clone()),
            };
            drop(guard);
            state.signal.touched();
            done
        })
        .await?
    }

    /// Replaces the database with a backup and reopens it.
    pub async fn restore(self: &Arc<Self>, backup: PathBuf) -> Result<(), IpcError> {
        let state = Arc::clone(self);
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = state.store().lock().map_err(|_| {
                IpcError::internal("the database lock was poisoned; restart the app")
            })?;
            // Close the current connection before the file is replaced.
            *guard = Err(IpcError::internal("the database is being restored"));
            let restored = deepbrief_store::backup::restore(
                &state.paths.database,
                &backup,
                &state.paths.backups,
            );
            *guard = Store::open(&state.paths.database).map_err(IpcError::from);
            restored.map_err(IpcError::from)?;
            guard.as_ref().map(|_| ()).map_err(Clone::clone)
        })
        .await?
    }

    /// The backups folder.
    pub fn backups(&self) -> &Path {
        &self.paths.backups
    }

    /// The checklist sources now.
    pub fn sources(&self) -> Arc<Sources> {
        match self.sources.read() {
            Ok(s) => Arc::clone(&s),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// The settings now.
    pub fn settings(&self) -> Settings {
        match self.settings.read() {
            Ok(s) => s.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Who signs what the window does: the identity from settings, else the system user.
    pub fn signer(&self) -> String {
        deepbrief_app::folder::signer(None, &self.settings())
    }

    /// Who acts in the window: the signer and their role.
    pub fn person(&self) -> deepbrief_app::Person {
        deepbrief_app::folder::person(None, &self.settings())
    }

    /// The person's role; an AM until they say otherwise.
    pub fn role(&self) -> Role {
        self.settings().role()
    }

    /// Saves the identity to `settings.json`.
    pub fn save_identity(&self, identity: Identity) -> Result<Identity, IpcError> {
        self.update_settings(|s| s.identity = Some(identity.clone()))?;
        Ok(identity)
    }

    /// Saves the agency checklist folder (`None`: the default) and loads checklists from it from now
    /// on. Returns the sources now in use.
    pub fn save_checklists_dir(&self, dir: Option<PathBuf>) -> Result<Arc<Sources>, IpcError> {
        if let Some(dir) = &dir {
            deepbrief_folders::check_checklists_dir(dir)?;
        }
        let settings = self.update_settings(|s| s.checklists_dir = dir.clone())?;
        let current = self.sources();
        let sources = Arc::new(Sources {
            bundled: current.bundled.clone(),
            agency: agency_checklists_dir(self.agency_override.clone(), &settings),
            team: current.team.clone(),
        });
        match self.sources.write() {
            Ok(mut s) => *s = Arc::clone(&sources),
            Err(poisoned) => *poisoned.into_inner() = Arc::clone(&sources),
        }
        Ok(sources)
    }

    /// Whether this run's agency folder comes from `--checklists` or `DEEPBRIEF_CHECKLISTS` (then the
    /// setting takes effect on a run without them).
    pub fn agency_overridden(&self) -> bool {
        self.agency_override.is_some()
    }

    fn update_settings(&self, change: impl FnOnce(&mut Settings)) -> Result<Settings, IpcError> {
        let mut guard = self
            .settings
            .write()
            .map_err(|_| IpcError::internal("the settings lock was poisoned; restart the app"))?;
        // Re-read the file: the CLI may have changed it since.
        let path = self.paths.settings_file();
        let mut next = load_settings(&path)?;
        change(&mut next);
        save_settings(&path, &next)?;
        *guard = next.clone();
        Ok(next)
    }
}
