//! Signing in and out: `POST /v1/login`, `POST /v1/register`, `POST /v1/logout`, `GET /v1/me`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use deepbrief_wire::{LoginRequest, LoginResponse, Me, RegisterRequest, Role};
use tokio_postgres::GenericClient;
use uuid::Uuid;

use crate::auth::{self, Caller};
use crate::error::{ApiError, Body};
use crate::state::AppState;

/// Failed sign-ins of one user name within [`FAILURE_WINDOW`] after which sign-ins are refused.
const MAX_FAILURES: i64 = 10;
/// The window the failures are counted in (a PostgreSQL interval).
const FAILURE_WINDOW: &str = "15 minutes";
const WRONG: &str = "wrong user name or password";

/// Checks a one-line name: not empty, at most `max` characters, no control characters.
pub fn check_name(what: &str, value: &str, max: usize) -> Result<(), ApiError> {
    if value.trim().is_empty() {
        return Err(ApiError::bad_request(format!("{what} is empty")));
    }
    if value.chars().count() > max {
        return Err(ApiError::bad_request(format!(
            "{what} is longer than {max} characters"
        )));
    }
    if value.chars().any(char::is_control) {
        return Err(ApiError::bad_request(format!(
            "{what} contains a control character (a line break or a tab)"
        )));
    }
    Ok(())
}

/// A new device row and its token, shown once.
async fn issue_token<C: GenericClient>(
    db: &C,
    user_id: i64,
    device: &str,
) -> Result<String, ApiError> {
    let token = auth::new_token();
    db.execute(
        "INSERT INTO device (id, user_id, name, token_hash) VALUES ($1, $2, $3, $4)",
        &[
            &Uuid::new_v4(),
            &user_id,
            &device,
            &auth::sha256_hex(&token),
        ],
    )
    .await?;
    Ok(token)
}

/// `POST /v1/login`: checks the password and issues a device token. Unknown user and wrong password
/// answer the same; ten failures for one name within 15 minutes answer 429 until they age out.
pub async fn login(
    State(state): State<AppState>,
    Body(req): Body<LoginRequest>,
) -> Result<Json<LoginResponse>, ApiError> {
    check_name("the device name", &req.device, 200)?;
    if req.user.chars().count() > 200 || req.password.chars().count() > auth::MAX_PASSWORD_CHARS {
        return Err(ApiError::unauthorized(WRONG));
    }
    let db = state.pool.get().await?;
    let failures: i64 = db
        .query_one(
            &format!(
                "SELECT count(*) FROM login_failure
                 WHERE user_name = $1 AND at > now() - interval '{FAILURE_WINDOW}'"
            ),
            &[&req.user],
        )
        .await?
        .get(0);
    if failures >= MAX_FAILURES {
        return Err(ApiError::too_many(format!(
            "too many failed sign-ins for this user: wait {FAILURE_WINDOW} and try again"
        )));
    }
    let row = db
        .query_opt(
            "SELECT u.id, u.name, u.role, u.password_hash, t.name
             FROM app_user u JOIN team t ON t.id = u.team_id
             WHERE u.name = $1 AND u.disabled_at IS NULL",
            &[&req.user],
        )
        .await?;
    let hash = row
        .as_ref()
        .map_or_else(|| auth::decoy_hash().to_owned(), |r| r.get(3));
    let password = req.password.clone();
    let ok = tokio::task::spawn_blocking(move || auth::verify_password(&password, &hash)).await?;
    let Some(row) = row.filter(|_| ok) else {
        db.execute(
            &format!(
                "WITH gone AS (DELETE FROM login_failure WHERE at < now() - interval '{FAILURE_WINDOW}')
                 INSERT INTO login_failure (user_name) VALUES ($1)"
            ),
            &[&req.user],
        )
        .await?;
        return Err(ApiError::unauthorized(WRONG));
    };
    let user_id: i64 = row.get(0);
    let token = issue_token(&**db, user_id, &req.device).await?;
    let role: String = row.get(2);
    Ok(Json(LoginResponse {
        token,
        me: Me {
            user: row.get(1),
            role: Role::parse(&role).unwrap_or(Role::Am),
            team: row.get(4),
            device: req.device,
        },
    }))
}

/// `POST /v1/register`: an invited person creates their account with a one-time code (valid 7
/// days, used once) and gets a device token.
pub async fn register(
    State(state): State<AppState>,
    Body(req): Body<RegisterRequest>,
) -> Result<Json<LoginResponse>, ApiError> {
    check_name("the user name", &req.user, 100)?;
    check_name("the device name", &req.device, 200)?;
    auth::check_new_password(&req.password).map_err(ApiError::bad_request)?;
    let password = req.password.clone();
    let hash = tokio::task::spawn_blocking(move || auth::hash_password(&password))
        .await?
        .map_err(|e| {
            tracing::error!(error = %e, "hashing a password");
            ApiError::bad_request("this password cannot be used; choose another")
        })?;
    let mut db = state.pool.get().await?;
    let tx = db.transaction().await?;
    let invite = tx
        .query_opt(
            "SELECT i.team_id, i.role, t.name FROM invite i JOIN team t ON t.id = i.team_id
             WHERE i.code_hash = $1 AND i.used_at IS NULL AND i.expires_at > now()
             FOR UPDATE OF i",
            &[&auth::sha256_hex(req.invite.trim())],
        )
        .await?
        .ok_or_else(|| {
            ApiError::bad_request(
                "this invite code is unknown, already used or expired: ask your lead for a new one",
            )
        })?;
    let team_id: i64 = invite.get(0);
    let role: String = invite.get(1);
    let user_id: i64 = match tx
        .query_opt(
            "INSERT INTO app_user (team_id, name, role, password_hash) VALUES ($1, $2, $3, $4)
             ON CONFLICT (name) DO NOTHING RETURNING id",
            &[&team_id, &req.user, &role, &hash],
        )
        .await?
    {
        Some(row) => row.get(0),
        None => {
            return Err(ApiError::conflict(format!(
                "the user name {} is taken: choose another",
                req.user
            )));
        }
    };
    tx.execute(
        "UPDATE invite SET used_at = now(), used_by = $2 WHERE code_hash = $1",
        &[&auth::sha256_hex(req.invite.trim()), &user_id],
    )
    .await?;
    let token = issue_token(&*tx, user_id, &req.device).await?;
    tx.commit().await?;
    Ok(Json(LoginResponse {
        token,
        me: Me {
            user: req.user,
            role: Role::parse(&role).unwrap_or(Role::Am),
            team: invite.get(2),
            device: req.device,
        },
    }))
}

/// `POST /v1/logout`: revokes the token it is sent with.
pub async fn logout(State(state): State<AppState>, caller: Caller) -> Result<StatusCode, ApiError> {
    let db = state.pool.get().await?;
    db.execute(
        "UPDATE device SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL",
        &[&caller.device_id],
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /v1/me`: who this token is.
pub async fn me(caller: Caller) -> Json<Me> {
    Json(caller.me())
}
