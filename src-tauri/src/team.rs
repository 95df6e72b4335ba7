//! Commands of the team server: Settings → «Командный сервер» (sign in, sign out, sync now), the
//! sync indicator's state, and conflicts of edits (answers changed on two computers without seeing
//! each other). The sign-in and the rounds are the application layer's (`deepbrief_app::team`); the
//! background thread is [`crate::sync`]. The device token never reaches the window.

use std::sync::Arc;

use deepbrief_app::team::{Session, SyncReport, SyncState, TeamError};
use deepbrief_core::merge::AnswerConflict;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::IpcError;
use crate::state::AppState;
use crate::sync::Sync;

/// Whether this database is signed in to a team server, as who, and what the indicator shows.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TeamStatus {
    /// Signed in to a team server.
    pub signed_in: bool,
    /// The server's address.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    /// The user's name on the server.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// The role in the team: `am`, `lead` or `admin`.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The team.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// This computer's name on the server.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// Briefs changed here and not yet on the server.
    pub waiting: u32,
    /// The sync indicator's state.
    pub state: SyncState,
}

fn status_of(session: Option<Session>, waiting: u32, state: SyncState) -> TeamStatus {
    TeamStatus {
        signed_in: session.is_some(),
        server: session.as_ref().map(|s| s.server.clone()),
        user: session.as_ref().map(|s| s.user.clone()),
        role: session.as_ref().map(|s| s.role.name().to_owned()),
        team: session.as_ref().map(|s| s.team.clone()),
        device: session.map(|s| s.device),
        waiting,
        state,
    }
}

/// Who is signed in where, what waits to go out, and the indicator's state.
#[tauri::command]
pub async fn team_status(
    state: State<'_, Arc<AppState>>,
    sync: State<'_, Arc<Sync>>,
) -> Result<TeamStatus, IpcError> {
    let team_file = state.paths.team_file();
    let session = tauri::async_runtime::spawn_blocking(move || Session::load(&team_file))
        .await?
        .map_err(IpcError::from)?;
    let waiting = state.with_store(|s| s.sync_waiting()).await?.briefs;
    Ok(status_of(session, waiting, sync.shown()))
}

/// Signs this database in to the team server at `url` as `user` (the device is named after this
/// computer); the first sync starts at once. A wrong password, an unreachable server or a plain
/// `http://` address off this computer is refused in words.
#[tauri::command]
pub async fn team_sign_in(
    state: State<'_, Arc<AppState>>,
    sync: State<'_, Arc<Sync>>,
    url: String,
    user: String,
    password: String,
) -> Result<TeamStatus, IpcError> {
    let signing = Arc::clone(&sync);
    let session = tauri::async_runtime::spawn_blocking(move || {
        signing.sign_in(
            &url,
            user.trim(),
            &password,
            &deepbrief_app::team::account::device_name(),
        )
    })
    .await?
    .map_err(IpcError::from)?;
    let waiting = state.with_store(|s| s.sync_waiting()).await?.briefs;
    Ok(status_of(Some(session), waiting, sync.shown()))
}

/// Signs out: the server revokes this computer's token; what waits to go out stays here. Returns
/// a warning when the server could not be told.
#[tauri::command]
pub async fn team_sign_out(sync: State<'_, Arc<Sync>>) -> Result<Option<String>, IpcError> {
    let sync = Arc::clone(&sync);
    tauri::async_runtime::spawn_blocking(move || sync.sign_out())
        .await?
        .map_err(IpcError::from)
}

/// Runs a sync round now (after the one in flight, if any) and returns what it did.
#[tauri::command]
pub async fn sync_now(sync: State<'_, Arc<Sync>>) -> Result<SyncReport, IpcError> {
    let sync = Arc::clone(&sync);
    tauri::async_runtime::spawn_blocking(move || sync.now())
        .await?
        .map_err(IpcError::from)
}

/// The brief's open conflicts of edits, each with every side, the shown one first.
#[tauri::command]
pub async fn brief_conflicts(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
) -> Result<Vec<AnswerConflict>, IpcError> {
    state.with_store(move |s| s.conflicts(&brief_id)).await
}

/// Settles the conflict on `question` by keeping the side `keep` (an answer event id), signed by
/// the person at this computer; every copy closes it at its next sync. Returns the brief's
/// conflicts still open.
#[tauri::command]
pub async fn resolve_conflict(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    question: String,
    keep: String,
) -> Result<Vec<AnswerConflict>, IpcError> {
    let person = state.person();
    state
        .with_store(move |s| {
            deepbrief_app::edits::resolve_conflict(s, &person, &brief_id, &question, &keep)?;
            s.conflicts(&brief_id)
        })
        .await
}

impl From<TeamError> for IpcError {
    fn from(error: TeamError) -> Self {
        use crate::error::ErrorCode;
        if let TeamError::Store(e) = error {
            return IpcError::from(e);
        }
        let code = match &error {
            // What the person typed or must do: shown beside the form.
            TeamError::BadUrl(_)
            | TeamError::PlainHttp(_)
            | TeamError::NotSignedIn
            | TeamError::Unauthorized { .. }
            | TeamError::Refused { .. } => ErrorCode::Validation,
            TeamError::Offline { .. }
            | TeamError::Protocol { .. }
            | TeamError::Io { .. }
            | TeamError::Store(_) => ErrorCode::Internal,
        };
        IpcError {
            code,
            team: Some(error.problem()),
            message: error.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn what_the_person_can_fix_is_a_validation_error_in_words() {
        let plain = deepbrief_app::team::client::checked_url("http://team.example")
            .map(|_| ())
            .map_err(IpcError::from);
        let Err(e) = plain else {
            panic!("plain http off this computer must be refused")
        };
        assert_eq!(e.code, ErrorCode::Validation);
        assert!(e.message.contains("plain http"), "{}", e.message);
        let offline = IpcError::from(TeamError::Offline {
            url: "https://team.example".into(),
            reason: "connection refused".into(),
        });
        assert_eq!(offline.code, ErrorCode::Internal);
        assert!(offline.message.contains("connection refused"));
    }

    #[test]
    fn the_status_never_carries_the_token() -> Result<(), serde_json::Error> {
        let session: Session = serde_json::from_value(serde_json::json!({
            "server": "https://team.example", "user": "anna", "role": "lead", "team": "Колесо",
            "device": "laptop", "token": "dbt_secret", "signed_in_at": "2026-12-02T10:00:00Z"
        }))?;
        let json = serde_json::to_string(&status_of(Some(session), 2, SyncState::SignedOut))?;
        assert!(!json.contains("dbt_secret"), "{json}");
        assert!(json.contains(r#""role":"lead""#), "{json}");
        let signed_out = serde_json::to_value(status_of(None, 0, SyncState::SignedOut))?;
        assert_eq!(
            signed_out,
            serde_json::json!({ "signed_in": false, "waiting": 0, "state": { "state": "signed_out" } })
        );
        Ok(())
    }
}
