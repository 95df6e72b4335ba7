//! The board (`GET /v1/board`), one brief (`GET /v1/briefs/{id}`) and sharing
//! (`POST /v1/briefs/{id}/share`).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use deepbrief_wire::{Board, BoardBrief, PulledRecord, ShareRequest};

use crate::access::{self, BriefFacts};
use crate::auth::Caller;
use crate::error::{ApiError, Body};
use crate::state::AppState;

/// RFC 3339 UTC with milliseconds, as the bundles write times.
const UPDATED_AT: &str =
    "to_char(b.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";

fn unknown(id: &str) -> ApiError {
    ApiError::not_found(format!("no brief {id} on the server for you"))
}

/// `GET /v1/board`: every brief the caller may read, newest first.
pub async fn board(State(state): State<AppState>, caller: Caller) -> Result<Json<Board>, ApiError> {
    let db = state.pool.get().await?;
    let sql = format!(
        "SELECT b.id, b.client, b.project, b.account_manager, o.name, b.status, {UPDATED_AT},
                b.team_id, b.owner_id, {}
         FROM brief b JOIN app_user o ON o.id = b.owner_id
         WHERE b.team_id = $1
         ORDER BY b.updated_at DESC, b.id",
        access::shared_sql(2)
    );
    let rows = db.query(&sql, &[&caller.team_id, &caller.user_id]).await?;
    let briefs = rows
        .iter()
        .filter(|r| {
            access::may_read(
                &caller,
                &BriefFacts {
                    team_id: r.get(7),
                    owner_id: r.get(8),
                    shared_with_caller: r.get(9),
                },
            )
        })
        .map(|r| BoardBrief {
            id: r.get(0),
            client: r.get(1),
            project: r.get(2),
            account_manager: r.get(3),
            owner: r.get(4),
            status: r.get(5),
            updated_at: r.get(6),
        })
        .collect();
    Ok(Json(Board { briefs }))
}

/// `GET /v1/briefs/{id}`: the newest record of the brief; 404 when it is not visible.
pub async fn brief(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<PulledRecord>, ApiError> {
    let db = state.pool.get().await?;
    let facts = access::brief_facts(&**db, &caller, &id, false).await?;
    if !facts.is_some_and(|f| access::may_read(&caller, &f)) {
        return Err(unknown(&id));
    }
    let row = db
        .query_opt(
            "SELECT r.stream_id, r.seq, r.id, r.brief_id, r.bundle
             FROM brief b JOIN record r ON r.stream_id = b.record_stream AND r.seq = b.record_seq
             WHERE b.id = $1",
            &[&id],
        )
        .await?
        .ok_or_else(|| unknown(&id))?;
    Ok(Json(PulledRecord {
        stream: row.get(0),
        seq: u64::try_from(row.get::<_, i64>(1)).unwrap_or(0),
        id: row.get(2),
        brief_id: row.get(3),
        bundle: row.get(4),
    }))
}

/// `POST /v1/briefs/{id}/share`: the owner, a lead or an admin shares the brief with a user of the
/// same team. 204; sharing twice is not an error.
pub async fn share(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Body(req): Body<ShareRequest>,
) -> Result<StatusCode, ApiError> {
    let db = state.pool.get().await?;
    let facts = access::brief_facts(&**db, &caller, &id, false)
        .await?
        .filter(|f| access::may_read(&caller, f))
        .ok_or_else(|| unknown(&id))?;
    if !access::may_share(&caller, &facts) {
        return Err(ApiError::forbidden(format!(
            "only the owner of brief {id}, a lead or an admin may share it"
        )));
    }
    let user = db
        .query_opt(
            "SELECT id FROM app_user WHERE name = $1 AND team_id = $2 AND disabled_at IS NULL",
            &[&req.user, &caller.team_id],
        )
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no user {} in your team", req.user)))?;
    let user_id: i64 = user.get(0);
    db.execute(
        "INSERT INTO brief_share (brief_id, user_id, shared_by) VALUES ($1, $2, $3)
         ON CONFLICT (brief_id, user_id) DO NOTHING",
        &[&id, &user_id, &caller.user_id],
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
