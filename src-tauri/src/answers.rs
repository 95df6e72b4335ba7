//! Commands over answers: save (durable before it returns), ad-hoc questions, history.

use std::sync::Arc;

use deepbrief_core::{Entry, Kind};
use deepbrief_store::{AdhocQuestion, HistoryEvent, Saved};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// Stores an answer (or clears it). Returns only after the store committed it to disk; an answer that
/// does not fit its question is refused with a `validation` error and nothing is stored.
#[tauri::command]
pub async fn save_answer(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    question_id: String,
    entry: Option<Entry>,
) -> Result<Saved, IpcError> {
    let who = state.signer();
    let role = state.role();
    state
        .with_store(move |s| {
            s.check_editable(&brief_id, role)?;
            s.set_answer(&brief_id, &question_id, entry, &who)
        })
        .await
}

/// Adds a question to one brief.
#[tauri::command]
pub async fn add_adhoc_question(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    section: Option<String>,
    prompt: String,
    kind: Kind,
) -> Result<AdhocQuestion, IpcError> {
    let who = state.signer();
    let role = state.role();
    state
        .with_store(move |s| {
            s.check_editable(&brief_id, role)?;
            s.add_adhoc(&brief_id, section.as_deref(), &prompt, kind, &who)
        })
        .await
}

/// Every change of one question's answer, oldest first, one per edit.
#[tauri::command]
pub async fn question_history(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    question_id: String,
) -> Result<Vec<HistoryEvent>, IpcError> {
    state
        .with_store(move |s| s.edits(&brief_id, Some(&question_id)))
        .await
}
