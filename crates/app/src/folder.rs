//! Where a person's data lives: the data folder (`~/.local/share/deepbrief` on Linux) with the
//! settings file and the log, the database (`--db PATH`, else `DEEPBRIEF_DB`, else `deepbrief.db` in
//! the data folder) and the rolling backups beside the database. The CLI and the desktop app resolve
//! it the same way, so they work on the same file.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use deepbrief_core::settings::{Settings, SettingsError};

/// The database file's name in the data folder.
pub const DB_FILE: &str = "deepbrief.db";
/// The environment variable naming the database.
pub const DB_ENV: &str = "DEEPBRIEF_DB";
/// The command-line flag naming the database.
pub const DB_FLAG: &str = "--db";
/// How many automatic backups are kept.
pub const BACKUPS_KEPT: usize = 10;

/// Where the data of this run lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFolder {
    /// The data folder: settings, log, the default database.
    pub data_dir: PathBuf,
    /// The database file.
    pub database: PathBuf,
    /// Rolling backups: `backups/` beside the database.
    pub backups: PathBuf,
}

/// The system gives no data folder (no home) and no database was named.
#[derive(Debug, thiserror::Error)]
#[error("no data folder on this system (no home directory): pass --db PATH or set DEEPBRIEF_DB")]
pub struct NoDataFolder;

impl DataFolder {
    /// The data folder of this user with the database named by `db` (a `--db` value), else by
    /// `DEEPBRIEF_DB` (read through `env`), else `deepbrief.db` in the data folder.
    pub fn resolve(
        db: Option<PathBuf>,
        env: impl Fn(&str) -> Option<OsString>,
    ) -> Result<DataFolder, NoDataFolder> {
        let named = db.or_else(|| env(DB_ENV).filter(|v| !v.is_empty()).map(PathBuf::from));
        match (deepbrief_folders::data_dir(), named) {
            (Some(data_dir), named) => Ok(DataFolder::at(data_dir, named)),
            // Settings and logs then live beside the named database.
            (None, Some(database)) => {
                let dir = database
                    .parent()
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
                Ok(DataFolder::at(dir, Some(database)))
            }
            (None, None) => Err(NoDataFolder),
        }
    }

    /// The data folder `data_dir` with the database `database` (default: `deepbrief.db` in it).
    pub fn at(data_dir: PathBuf, database: Option<PathBuf>) -> DataFolder {
        let database = database.unwrap_or_else(|| data_dir.join(DB_FILE));
        DataFolder {
            backups: backups_beside(&database),
            database,
            data_dir,
        }
    }

    /// `settings.json` in the data folder.
    pub fn settings_file(&self) -> PathBuf {
        self.data_dir.join("settings.json")
    }

    /// The team-server sign-in of this database: `<database>.team.json` beside it (see
    /// [`crate::team::session`]). Beside the database, not in it: a backup or a copy of the database
    /// never carries the device token, and two databases sign in apart.
    pub fn team_file(&self) -> PathBuf {
        self.database.with_extension("team.json")
    }

    /// Checklist versions received from the team server: `team-checklists/` beside the database.
    pub fn team_checklists(&self) -> PathBuf {
        self.database.parent().map_or_else(
            || PathBuf::from("team-checklists"),
            |d| d.join("team-checklists"),
        )
    }

    /// The log folder: `logs/` in the data folder.
    pub fn log_dir(&self) -> PathBuf {
        self.data_dir.join("logs")
    }

    /// The log file.
    pub fn log_file(&self) -> PathBuf {
        self.log_dir().join("deepbrief.log")
    }

    /// The settings file's content. A broken file must not stop the app or a command: `warn` is told
    /// why, and the defaults are used (Settings saves a good file over it).
    pub fn settings_or_defaults(&self, warn: impl FnOnce(&SettingsError)) -> Settings {
        deepbrief_folders::load_settings(&self.settings_file()).unwrap_or_else(|e| {
            warn(&e);
            Settings::default()
        })
    }
}

/// The backups folder of a database: `backups/` beside it.
pub fn backups_beside(database: &Path) -> PathBuf {
    database
        .parent()
        .map_or_else(|| PathBuf::from("backups"), |p| p.join("backups"))
}

/// The value of a flag that takes one (`--db PATH` or `--db=PATH`) in a raw argument list, for
/// programs that do not parse their arguments with clap (the desktop app); the last one given wins.
pub fn flag_value(args: impl IntoIterator<Item = String>, flag: &str) -> Option<PathBuf> {
    let mut found = None;
    let mut args = args.into_iter();
    let with_equals = format!("{flag}=");
    while let Some(arg) = args.next() {
        if arg == flag {
            found = args.next().map(PathBuf::from);
        } else if let Some(value) = arg.strip_prefix(&with_equals) {
            found = Some(PathBuf::from(value));
        }
    }
    found
}

/// Who signs what this run writes: `explicit` (`--as NAME`), else `DEEPBRIEF_AS`, else the name in
/// the settings, else the system user.
pub fn signer(explicit: Option<&str>, settings: &Settings) -> String {
    deepbrief_core::settings::signer(explicit, |k| std::env::var(k).ok(), settings)
}

/// Who acts in this run: the [`signer`], in the role the settings give the person at this machine.
pub fn person(explicit: Option<&str>, settings: &Settings) -> crate::Person {
    crate::Person {
        name: signer(explicit, settings),
        role: settings.role(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn the_database_comes_from_the_flag_then_the_environment_then_the_data_folder() {
        let none = |_: &str| None;
        let env = |name: &str| (name == DB_ENV).then(|| "/tmp/env.db".into());
        let flag = flag_value(args(&["app", "--db", "/tmp/flag.db"]), DB_FLAG);
        assert_eq!(
            DataFolder::resolve(flag, env).unwrap().database,
            PathBuf::from("/tmp/flag.db")
        );
        let eq = flag_value(args(&["app", "--db=/tmp/eq.db"]), DB_FLAG);
        assert_eq!(eq, Some(PathBuf::from("/tmp/eq.db")));
        let from_env = DataFolder::resolve(None, env).unwrap();
        assert_eq!(from_env.database, PathBuf::from("/tmp/env.db"));
        assert_eq!(from_env.backups, PathBuf::from("/tmp/backups"));
        let default = DataFolder::resolve(None, none).unwrap();
        assert!(default.database.ends_with(DB_FILE));
        assert_eq!(default.database.parent(), Some(default.data_dir.as_path()));
        assert!(default.settings_file().ends_with("settings.json"));
    }

    #[test]
    fn a_flag_value_is_the_last_given_and_a_flag_without_one_is_none() {
        assert_eq!(
            flag_value(
                args(&["app", "--checklists", "/a", "--checklists=/b"]),
                "--checklists"
            ),
            Some(PathBuf::from("/b"))
        );
        assert_eq!(
            flag_value(args(&["app", "--checklists"]), "--checklists"),
            None
        );
        assert_eq!(
            flag_value(args(&["app", "--checklistsx=/a"]), "--checklists"),
            None
        );
    }
}
