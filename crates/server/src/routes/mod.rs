//! The HTTP routes (paths from `deepbrief-wire`), the body limit and the request log.

mod board;
mod checklists;
mod health;
mod invites;

pub use invites::create_invite;
mod session;
mod sync;

use std::time::Instant;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use deepbrief_wire as wire;

use crate::auth::UserSlot;
use crate::error::ApiError;
use crate::state::AppState;

/// Every route of the API.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route(wire::HEALTH, get(health::health))
        .route(wire::LOGIN, post(session::login))
        .route(wire::REGISTER, post(session::register))
        .route(wire::LOGOUT, post(session::logout))
        .route(wire::ME, get(session::me))
        .route(wire::PUSH, post(sync::push))
        .route(wire::PULL, post(sync::pull))
        .route(wire::BOARD, get(board::board))
        .route(&format!("{}/{{id}}", wire::BRIEFS), get(board::brief))
        .route(
            &format!("{}/{{id}}{}", wire::BRIEFS, wire::SHARE_SUFFIX),
            post(board::share),
        )
        .route(wire::CHECKLISTS, post(checklists::publish))
        .route(wire::INVITES, post(invites::invite))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(wire::MAX_BODY_BYTES))
        .layer(middleware::from_fn(log_request))
        .with_state(state)
}

async fn not_found() -> ApiError {
    ApiError::not_found("no such path on this server")
}

/// One log line per request: method, path (never the query), status, milliseconds and the user id
/// when a token named one. Never a token or a password.
async fn log_request(mut request: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let slot = UserSlot::default();
    request.extensions_mut().insert(slot.clone());
    let response = next.run(request).await;
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let status = response.status().as_u16();
    match slot.0.get() {
        Some(user) => tracing::info!(%method, %path, status, ms, user = *user, "request"),
        None => tracing::info!(%method, %path, status, ms, "request"),
    }
    response
}
