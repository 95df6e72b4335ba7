//! The one error that crosses IPC: `{code, message}`.
//!
//! The code only grows a new variant when the UI needs to branch on it; everything else is
//! [`ErrorCode::Internal`] with a message written for people.

use serde::Serialize;
use ts_rs::TS;

/// What kind of failure the UI is looking at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    /// Something went wrong that the UI cannot act on beyond showing the message.
    Internal,
    /// The input was refused (an answer that does not fit its question, an empty client name):
    /// nothing was stored; the UI keeps what was typed and shows the message beside it.
    Validation,
    /// The brief, follow-up or backup asked for does not exist.
    NotFound,
    /// The database cannot be opened (damaged, or from a newer app): the UI offers a backup.
    Database,
}

/// An error returned by a command, serialised as `{ "code": "internal", "message": "…" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct IpcError {
    /// Machine-readable kind, for the UI to branch on.
    pub code: ErrorCode,
    /// Human-readable explanation that names the place and, where possible, the fix.
    pub message: String,
    /// For a team-server failure: its kind, so the UI says it in the person's language (the
    /// message is then the detail).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub team: Option<deepbrief_app::team::TeamProblem>,
}

impl IpcError {
    /// An [`ErrorCode::Internal`] error with `message`.
    pub fn internal(message: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::Internal,
            message: message.into(),
            team: None,
        }
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for IpcError {}

impl From<tauri::Error> for IpcError {
    fn from(error: tauri::Error) -> Self {
        Self::internal(error.to_string())
    }
}

impl From<deepbrief_store::StoreError> for IpcError {
    fn from(error: deepbrief_store::StoreError) -> Self {
        use deepbrief_store::StoreError as E;
        let code = match &error {
            E::Invalid { .. }
            | E::InvalidAnswer { .. }
            | E::UnknownQuestion { .. }
            | E::Bundle { .. }
            | E::Conflict { .. }
            | E::Refused(_) => ErrorCode::Validation,
            E::NotFound { .. } => ErrorCode::NotFound,
            E::Corrupt { .. }
            | E::NewerSchema { .. }
            | E::NotADatabase { .. }
            | E::Unreadable(_) => ErrorCode::Database,
            // Named one by one: a new kind of failure must be given its code here.
            E::Folder { .. }
            | E::StoredChecklist { .. }
            | E::Migration(_)
            | E::ChangedVersion { .. }
            | E::ChangedOnDisk { .. }
            | E::Io { .. }
            | E::Sqlite(_)
            | E::Json(_) => ErrorCode::Internal,
        };
        Self {
            code,
            message: error.to_string(),
            team: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_code_and_message() -> Result<(), serde_json::Error> {
        let json = serde_json::to_value(IpcError::internal("disk on fire"))?;
        assert_eq!(
            json,
            serde_json::json!({ "code": "internal", "message": "disk on fire" })
        );
        Ok(())
    }
}
