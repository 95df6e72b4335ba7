//! What the client-link routes share: the rate limits, the client's address, the audit log and
//! finding a link by its token.

pub mod items;

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::http::HeaderMap;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tokio_postgres::GenericClient;
use uuid::Uuid;

use crate::auth::sha256_hex;
use crate::error::ApiError;

/// Requests one link may make a minute (a client typing saves about once a second at most).
const PER_TOKEN_PER_MINUTE: u32 = 300;
/// Requests one address may make a minute across links (an office behind one NAT shares it).
const PER_ADDRESS_PER_MINUTE: u32 = 600;
/// Requests with a token that opens nothing one address may make a minute before it is slowed.
const WRONG_TOKENS_PER_MINUTE: u32 = 10;

/// The per-process rate limits of the client routes. Every server process keeps its own: with two
/// processes behind one balancer a client gets up to twice the figures above.
pub struct ClientGuard {
    per_token: DefaultKeyedRateLimiter<String>,
    per_address: DefaultKeyedRateLimiter<IpAddr>,
    wrong_token: DefaultKeyedRateLimiter<IpAddr>,
    /// Whether the server sits behind a reverse proxy that sets `X-Forwarded-For`.
    behind_proxy: bool,
}

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
}

impl ClientGuard {
    /// Limits with the figures above.
    pub fn new(behind_proxy: bool) -> Arc<Self> {
        Arc::new(ClientGuard {
            per_token: RateLimiter::keyed(per_minute(PER_TOKEN_PER_MINUTE)),
            per_address: RateLimiter::keyed(per_minute(PER_ADDRESS_PER_MINUTE)),
            wrong_token: RateLimiter::keyed(per_minute(WRONG_TOKENS_PER_MINUTE)),
            behind_proxy,
        })
    }

    /// The client's address: the peer, or with a proxy in front the last address it appended.
    pub fn address(&self, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
        if self.behind_proxy
            && let Some(forwarded) = headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.rsplit(',').next())
                .and_then(|v| v.trim().parse().ok())
        {
            return forwarded;
        }
        peer.ip()
    }

    /// Counts one request of `address` for the token hashed as `token_hash`; 429 past a limit.
    pub fn admit(&self, address: IpAddr, token_hash: &str) -> Result<(), ApiError> {
        if self.per_address.check_key(&address).is_err() {
            return Err(ApiError::too_many(
                "too many requests from your network; wait a minute and try again",
            ));
        }
        if self.per_token.check_key(&token_hash.to_owned()).is_err() {
            return Err(ApiError::too_many(
                "too many requests on this link; wait a minute and try again",
            ));
        }
        Ok(())
    }

    /// Counts a token that opened nothing; 429 once an address guesses too often.
    pub fn wrong_token(&self, address: IpAddr) -> Result<(), ApiError> {
        self.wrong_token.check_key(&address).map_err(|_| {
            ApiError::too_many("too many links that do not exist; wait a minute and try again")
        })
    }

    /// Forgets keys idle long enough to be full again (called now and then).
    pub fn tidy(&self) {
        self.per_token.retain_recent();
        self.per_address.retain_recent();
        self.wrong_token.retain_recent();
    }
}

/// A link as the client routes need it.
#[derive(Debug, Clone)]
pub struct OpenLink {
    /// Its id.
    pub id: Uuid,
    /// `ru` or `en`.
    pub language: String,
    /// The agency.
    pub agency: String,
    /// The last day it works.
    pub expires_on: String,
    /// The CSRF value.
    pub csrf: String,
    /// The groups.
    pub groups: serde_json::Value,
    /// The client-facing items by question id.
    pub items: serde_json::Value,
    /// The core's questions by id.
    pub questions: serde_json::Value,
}

/// The link `token` opens, checked: 404 for no such link, 410 for a revoked or expired one. A
/// token of the wrong shape is not looked up.
pub async fn open_link<C: GenericClient>(
    db: &C,
    guard: &ClientGuard,
    address: IpAddr,
    token: &str,
) -> Result<OpenLink, ApiError> {
    let token_hash = sha256_hex(token);
    let shaped = token.len() == 48 && token.bytes().all(|b| b.is_ascii_hexdigit());
    let row = if shaped {
        db.query_opt(
            "SELECT id, language, agency, expires_on::text, csrf, groups, items, questions,
                    revoked_at IS NOT NULL, expires_on < (now() AT TIME ZONE 'UTC')::date
             FROM client_link WHERE token_hash = $1",
            &[&token_hash],
        )
        .await?
    } else {
        None
    };
    let Some(row) = row else {
        guard.wrong_token(address)?;
        return Err(ApiError::not_found(
            "this link does not exist; check that it was copied whole, or ask your manager for a new one",
        ));
    };
    guard.admit(address, &token_hash)?;
    let id: Uuid = row.get(0);
    if row.get::<_, bool>(8) {
        return Err(ApiError::gone(
            "revoked",
            "the agency has withdrawn this link; ask your manager for a new one",
        ));
    }
    if row.get::<_, bool>(9) {
        return Err(ApiError::gone(
            "expired",
            "this link has expired; ask your manager for a new one",
        ));
    }
    Ok(OpenLink {
        id,
        language: row.get(1),
        agency: row.get(2),
        expires_on: row.get(3),
        csrf: row.get(4),
        groups: row.get(5),
        items: row.get(6),
        questions: row.get(7),
    })
}

/// Appends a line to the audit log.
pub async fn audit<C: GenericClient>(
    db: &C,
    link: Option<Uuid>,
    address: IpAddr,
    action: &str,
    question: Option<&str>,
    detail: Option<&str>,
) -> Result<(), ApiError> {
    db.execute(
        "INSERT INTO client_audit (link_id, address, action, question_id, detail)
         VALUES ($1, $2, $3, $4, $5)",
        &[&link, &address.to_string(), &action, &question, &detail],
    )
    .await?;
    Ok(())
}

/// Refuses a client write without the link's CSRF value or from another site's page.
pub fn check_write(headers: &HeaderMap, csrf: &str) -> Result<(), ApiError> {
    let sent = headers
        .get(deepbrief_wire::client::CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !constant_time_eq(sent.as_bytes(), csrf.as_bytes()) {
        return Err(ApiError::forbidden(
            "the page is out of date; reload it and try again",
        ));
    }
    if let Some(origin) = headers.get("origin").and_then(|v| v.to_str().ok()) {
        let origin_host = origin.split_once("://").map_or(origin, |(_, h)| h);
        let same = ["host", "x-forwarded-host"].iter().any(|name| {
            headers
                .get(*name)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|h| h == origin_host)
        });
        if !same {
            return Err(ApiError::forbidden(
                "this request came from another site's page and is refused",
            ));
        }
    }
    Ok(())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
