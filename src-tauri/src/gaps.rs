//! Commands over gaps: the live report, follow-up items and briefings, the letter to the client.

use std::collections::BTreeMap;
use std::sync::Arc;

use deepbrief_app::documents::{Signature, stored_letter};
use deepbrief_app::edits;
use deepbrief_core::Text;
use deepbrief_core::gaps::{FollowUpItem, GapReport, follow_up_items as open_items};
use deepbrief_export::{Format, Templates};
use deepbrief_store::{FollowUpBriefing, NewFollowUp, Saved, SentLetter};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;
use deepbrief_app::clock;

/// The brief's gap analysis for today.
#[tauri::command]
pub async fn gap_report(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
) -> Result<GapReport, IpcError> {
    state
        .with_store(move |s| s.gap_report(&brief_id, clock::today()))
        .await
}

/// Marks a process of the brief described at the meeting with a short note, or clears the mark
/// (`note: null`); kept in the brief's history. `process` is `checklist:process`.
#[tauri::command]
pub async fn set_process_note(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    process: String,
    note: Option<String>,
) -> Result<Saved, IpcError> {
    let person = state.person();
    state
        .with_store(move |s| {
            edits::set_process_note(s, &person, &brief_id, &process, note.as_deref())
        })
        .await
}

/// The open gaps as follow-up items.
#[tauri::command]
pub async fn follow_up_items(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
) -> Result<Vec<FollowUpItem>, IpcError> {
    state
        .with_store(move |s| {
            s.gap_report(&brief_id, clock::today())
                .map(|r| open_items(&r))
        })
        .await
}

/// Follow-up briefings planned for a brief.
#[tauri::command]
pub async fn list_followups(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
) -> Result<Vec<FollowUpBriefing>, IpcError> {
    state.with_store(move |s| s.followups(&brief_id)).await
}

/// What each item of the brief's planned briefings is about, by its key, closed items included.
#[tauri::command]
pub async fn followup_subjects(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
) -> Result<BTreeMap<String, Text>, IpcError> {
    state
        .with_store(move |s| deepbrief_app::brief::followup_subjects(s, &brief_id))
        .await
}

/// Plans a follow-up briefing.
#[tauri::command]
pub async fn plan_followup(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    plan: NewFollowUp,
) -> Result<FollowUpBriefing, IpcError> {
    let who = state.signer();
    state
        .with_store(move |s| s.plan_followup(&brief_id, &plan, &who))
        .await
}

/// The letter to the client: what is still missing (the briefing's items, or every open item).
#[tauri::command]
pub async fn client_letter(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    followup_id: Option<String>,
    format: Format,
) -> Result<String, IpcError> {
    // The signature under the letter: the agency and contact the person at this machine gave in
    // Settings.
    let settings = state.settings();
    let input = state
        .with_store(move |s| {
            let signature = Signature::of(settings.identity.as_ref(), None, None);
            stored_letter(
                s,
                &brief_id,
                followup_id.as_deref(),
                &signature,
                clock::today(),
            )
        })
        .await?;
    Templates::embedded()
        .render(&input, format)
        .map_err(|e| IpcError::internal(e.to_string()))
}

/// Records the letter as sent, with its text as the account manager sent it.
#[tauri::command]
pub async fn record_letter_sent(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    followup_id: Option<String>,
    text: String,
) -> Result<SentLetter, IpcError> {
    let who = state.signer();
    state
        .with_store(move |s| s.record_letter_sent(&brief_id, followup_id.as_deref(), &text, &who))
        .await
}

/// The letters sent about a brief, oldest first.
#[tauri::command]
pub async fn letters_sent(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
) -> Result<Vec<SentLetter>, IpcError> {
    state.with_store(move |s| s.letters_sent(&brief_id)).await
}
