//! What the Settings screen shows about where the app keeps its data.

use serde::Serialize;
use ts_rs::TS;

/// Where the app keeps its data, and its version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    /// The app's version.
    pub version: String,
    /// The data folder (database, backups, logs, agency checklists).
    pub data_dir: String,
    /// The database file.
    pub database: String,
    /// The backups folder.
    pub backups_dir: String,
    /// The log file.
    pub log_file: String,
    /// The agency checklist folder, when there is one.
    #[ts(optional)]
    pub checklists_dir: Option<String>,
}
