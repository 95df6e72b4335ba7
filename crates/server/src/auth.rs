//! Passwords (argon2id, PHC strings), device tokens (`dbt_` + 32 random bytes, stored as SHA-256)
//! and the bearer-token extractor every authenticated route takes.

use std::sync::{Arc, OnceLock};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use deepbrief_wire::{Me, Role};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::error::ApiError;
use crate::state::AppState;

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The longest password accepted (hashing is deliberately slow; a huge one would be a cheap attack).
pub const MAX_PASSWORD_CHARS: usize = 1000;

const SIGN_IN_AGAIN: &str =
    "your sign-in is no longer valid (signed out, revoked or disabled): sign in again";

/// Why a password could not be hashed.
#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

/// The argon2id PHC string of `password` with a fresh salt. Slow by design: call it off the async
/// threads.
pub fn hash_password(password: &str) -> Result<String, HashError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `password` matches the PHC string `hash` (false for a malformed hash). Slow by design.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash no password matches in practice, verified against for unknown users so that a sign-in
/// takes as long whether or not the user exists.
pub fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        let mut bytes = [0u8; 32];
        OsRng.fill_bytes(&mut bytes);
        hash_password(&hex::encode(bytes)).unwrap_or_default()
    })
}

/// Whether a password is acceptable for a new account; the refusal in words otherwise.
pub fn check_new_password(password: &str) -> Result<(), String> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        return Err(format!(
            "the password is too short: use at least {MIN_PASSWORD_CHARS} characters"
        ));
    }
    if n > MAX_PASSWORD_CHARS {
        return Err(format!(
            "the password is too long: use at most {MAX_PASSWORD_CHARS} characters"
        ));
    }
    Ok(())
}

/// `prefix` followed by `bytes` random bytes in hex.
pub fn random_secret(prefix: &str, bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    OsRng.fill_bytes(&mut buf);
    format!("{prefix}{}", hex::encode(buf))
}

/// A new device token: `dbt_` + 32 random bytes in hex.
pub fn new_token() -> String {
    random_secret("dbt_", 32)
}

/// SHA-256 of `text`, lowercase hex: how tokens and invite codes are stored.
pub fn sha256_hex(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// The user id of the request, for the request log; the extractor fills it in.
#[derive(Debug, Clone, Default)]
pub struct UserSlot(pub Arc<OnceLock<i64>>);

/// Who is calling: the device token's user, team and device.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The user's id.
    pub user_id: i64,
    /// The user's name.
    pub user_name: String,
    /// The user's role.
    pub role: Role,
    /// The team's id.
    pub team_id: i64,
    /// The team's name.
    pub team_name: String,
    /// The device the token was issued to.
    pub device_id: Uuid,
    /// The device's name.
    pub device_name: String,
}

impl Caller {
    /// Who this is, as the API says it.
    pub fn me(&self) -> Me {
        Me {
            user: self.user_name.clone(),
            role: self.role,
            team: self.team_name.clone(),
            device: self.device_name.clone(),
        }
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let header = parts
            .headers
            .get(AUTHORIZATION)
            .ok_or_else(|| ApiError::unauthorized("no token: sign in first"))?;
        let token = header
            .to_str()
            .ok()
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| t.starts_with("dbt_"))
            .ok_or_else(|| ApiError::unauthorized(SIGN_IN_AGAIN))?;
        let db = state.pool.get().await?;
        let row = db
            .query_opt(
                "UPDATE device d SET last_seen_at = now()
                 FROM app_user u JOIN team t ON t.id = u.team_id
                 WHERE d.token_hash = $1 AND d.revoked_at IS NULL
                   AND u.id = d.user_id AND u.disabled_at IS NULL
                 RETURNING d.id, d.name, u.id, u.name, u.role, t.id, t.name",
                &[&sha256_hex(token)],
            )
            .await?
            .ok_or_else(|| ApiError::unauthorized(SIGN_IN_AGAIN))?;
        let role: String = row.get(4);
        let caller = Caller {
            device_id: row.get(0),
            device_name: row.get(1),
            user_id: row.get(2),
            user_name: row.get(3),
            role: Role::parse(&role).unwrap_or(Role::Am),
            team_id: row.get(5),
            team_name: row.get(6),
        };
        if let Some(slot) = parts.extensions.get::<UserSlot>() {
            let _ = slot.0.set(caller.user_id);
        }
        Ok(caller)
    }
}
