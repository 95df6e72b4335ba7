//! Commands of the lead's review: the board, comments, workflow steps and approved revisions.

use std::sync::Arc;

use deepbrief_store::{
    Board, BriefFilter, BriefListItem, BriefMeta, Comment, CommentTarget, OpenedBrief,
    ReviewRequest, ReviewState,
};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;
use deepbrief_app::clock;

/// Every brief matching the filter with what the board shows, and the heatmap.
#[tauri::command]
pub async fn review_board(
    state: State<'_, Arc<AppState>>,
    filter: BriefFilter,
) -> Result<Board, IpcError> {
    state
        .with_store(move |s| s.board(&filter, clock::today()))
        .await
}

/// A brief's status, comments and approved revisions, and whether it is read-only for this person.
#[tauri::command]
pub async fn review_state(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
) -> Result<ReviewState, IpcError> {
    let role = state.role();
    state
        .with_store(move |s| s.review_state(&brief_id, role))
        .await
}

/// Adds a comment on a question, a section or the whole brief.
#[tauri::command]
pub async fn add_comment(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    target: CommentTarget,
    text: String,
) -> Result<Comment, IpcError> {
    let who = state.signer();
    state
        .with_store(move |s| s.add_comment(&brief_id, target, &text, &who))
        .await
}

/// Resolves a comment with an optional reply.
#[tauri::command]
pub async fn resolve_comment(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    comment_id: String,
    note: String,
) -> Result<Comment, IpcError> {
    let who = state.signer();
    state
        .with_store(move |s| s.resolve_comment(&brief_id, &comment_id, &note, &who))
        .await
}

/// Submits, returns or approves a brief; refused with the reason when the workflow does not allow it.
#[tauri::command]
pub async fn review_brief(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    request: ReviewRequest,
) -> Result<BriefMeta, IpcError> {
    let who = state.signer();
    state
        .with_store(move |s| s.review(&brief_id, &request, &who, clock::today()))
        .await
}

/// Briefs like this one (same industry or a shared service), best first.
#[tauri::command]
pub async fn similar_briefs(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
) -> Result<Vec<BriefListItem>, IpcError> {
    state
        .with_store(move |s| s.similar_briefs(&brief_id, 8))
        .await
}

/// An approved revision exactly as approved, for reading.
#[tauri::command]
pub async fn open_revision(
    state: State<'_, Arc<AppState>>,
    brief_id: String,
    number: u32,
) -> Result<OpenedBrief, IpcError> {
    state
        .with_store(move |s| s.revision(&brief_id, number))
        .await
}
