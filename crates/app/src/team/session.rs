//! The sign-in to a team server: a JSON file beside the database
//! ([`crate::DataFolder::team_file`]), readable by the user only. It holds the device token, so it
//! is kept apart from the database — a backup or a copy of the database never carries it.

use std::path::Path;

use deepbrief_wire::Role;
use serde::{Deserialize, Serialize};

use super::error::TeamError;

/// A device signed in to a team server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// The server's base URL (`https://deepbrief.agency.ru`).
    pub server: String,
    /// The user's name.
    pub user: String,
    /// The role in the team.
    pub role: Role,
    /// The team.
    pub team: String,
    /// This device's name on the server.
    pub device: String,
    /// The device token (`dbt_…`), shown once by the server.
    pub token: String,
    /// When it signed in (RFC 3339 UTC).
    pub signed_in_at: String,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> TeamError + '_ {
    move |source| TeamError::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl Session {
    /// The session in `path`, none when not signed in. A file that does not read is an error that
    /// names it (sign in again to replace it).
    pub fn load(path: &Path) -> Result<Option<Session>, TeamError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io(path)(e)),
        };
        serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| TeamError::Io {
                path: path.to_path_buf(),
                source: std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("the team sign-in cannot be read ({e}); sign in again"),
                ),
            })
    }

    /// Writes the session to `path` (created readable by the user only), replacing it atomically.
    pub fn save(&self, path: &Path) -> Result<(), TeamError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        let tmp = path.with_extension("json.tmp");
        let text = serde_json::to_string_pretty(self).map_err(|e| TeamError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other(e),
        })?;
        write_private(&tmp, text.as_bytes()).map_err(io(&tmp))?;
        std::fs::rename(&tmp, path).map_err(io(path))
    }

    /// Removes the session file (signing out); no file is fine.
    pub fn remove(path: &Path) -> Result<(), TeamError> {
        match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(path)(e)),
            _ => Ok(()),
        }
    }
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}
