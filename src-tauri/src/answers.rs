//! Commands over answers: save (durable before it returns), ad-hoc questions, history.

use std::sync::Arc;

use deepbrief_app::edits;
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
    let person = state.person();
    state
        .with_store(move |s| edits::save_answer(s, &person, &brief_id, &question_id, entry))
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
    let person = state.person();
    state
        .with_store(move |s| {
            edits::add_adhoc_question(s, &person, &brief_id, section.as_deref(), &prompt, kind)
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
