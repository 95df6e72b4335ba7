//! Commands over gaps: the live report, follow-up items and briefings, the letter to the client.

use std::sync::Arc;

use deepbrief_core::Checklist;
use deepbrief_core::gaps::{FollowUpItem, GapReport, analyze, follow_up_items as open_items};
use deepbrief_export::stored::{Signature, letter_input};
use deepbrief_export::{Format, Templates};
use deepbrief_store::{
    FollowUpBriefing, NewFollowUp, OpenedBrief, Saved, SentLetter, Store, StoreError,
};
use tauri::State;

use crate::clock;
use crate::error::IpcError;
use crate::state::AppState;

/// A brief and its gap report for today.
pub(crate) fn analyzed(
    store: &Store,
    brief_id: &str,
) -> Result<(OpenedBrief, GapReport), StoreError> {
    let opened = store.opened(brief_id)?;
    let refs: Vec<&Checklist> = opened.checklists.iter().collect();
    let report = analyze(&refs, &opened.data.entries, clock::today());
    Ok((opened, report))
}

/// The brief's gap analysis for today.
#[tauri::command]
pub async fn gap_report(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
) -> Result<GapReport, IpcError> {
    state
        .with_store(move |s| analyzed(s, &brief_id).map(|(_, r)| r))
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
    let who = state.signer();
    state
        .with_store(move |s| s.set_process_note(&brief_id, &process, note.as_deref(), &who))
        .await
}

/// The open gaps as follow-up items.
#[tauri::command]
pub async fn follow_up_items(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
) -> Result<Vec<FollowUpItem>, IpcError> {
    state
        .with_store(move |s| analyzed(s, &brief_id).map(|(_, r)| open_items(&r)))
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
    let (opened, report, briefing) = state
        .with_store(move |s| {
            let (opened, report) = analyzed(s, &brief_id)?;
            let briefing = match followup_id {
                Some(id) => Some(s.followup(&id)?),
                None => None,
            };
            Ok((opened, report, briefing))
        })
        .await?;
    let items = open_items(&report);
    // The signature under the letter: the agency and contact the person at this machine gave in
    // Settings.
    let identity = state.settings().identity;
    let signature = Signature {
        agency: identity.as_ref().map(|i| i.agency.as_str()).unwrap_or(""),
        contact: identity.as_ref().map(|i| i.contact.as_str()).unwrap_or(""),
    };
    let input = letter_input(
        &opened,
        &items,
        briefing.as_ref(),
        &signature,
        clock::today(),
    );
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
