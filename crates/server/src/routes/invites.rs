//! `POST /v1/invites`: a lead or an admin invites a person to the team.

use axum::Json;
use axum::extract::State;
use deepbrief_wire::{InviteRequest, InviteResponse, Role};
use tokio_postgres::GenericClient;

use crate::access;
use crate::auth::{self, Caller};
use crate::error::{ApiError, Body};
use crate::state::AppState;

/// How long an invite code is valid (a PostgreSQL interval).
pub const INVITE_VALID: &str = "7 days";

/// Stores a new one-time invite code (hashed) for `team_id` and returns it.
pub async fn create_invite<C: GenericClient>(
    db: &C,
    team_id: i64,
    role: Role,
    created_by: Option<i64>,
) -> Result<String, tokio_postgres::Error> {
    let code = auth::random_secret("dbi_", 24);
    db.execute(
        &format!(
            "INSERT INTO invite (code_hash, team_id, role, created_by, expires_at)
             VALUES ($1, $2, $3, $4, now() + interval '{INVITE_VALID}')"
        ),
        &[
            &auth::sha256_hex(&code),
            &team_id,
            &role.name(),
            &created_by,
        ],
    )
    .await?;
    Ok(code)
}

/// `POST /v1/invites`: leads and admins invite AMs; only an admin invites a lead or an admin.
pub async fn invite(
    State(state): State<AppState>,
    caller: Caller,
    Body(req): Body<InviteRequest>,
) -> Result<Json<InviteResponse>, ApiError> {
    if !access::may_invite(&caller, req.role) {
        return Err(ApiError::forbidden(if caller.role.leads() {
            format!("only an admin may invite a {}", req.role.name())
        } else {
            "only a lead or an admin may invite people".to_owned()
        }));
    }
    let db = state.pool.get().await?;
    let code = create_invite(&**db, caller.team_id, req.role, Some(caller.user_id)).await?;
    Ok(Json(InviteResponse { invite: code }))
}
