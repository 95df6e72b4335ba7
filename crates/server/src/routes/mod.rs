//! The HTTP routes (paths from `deepbrief-wire`), the body limit and the request log.

mod board;
mod checklists;
mod client;
mod client_page;
mod health;
mod invites;
mod links;
mod session;
mod sync;

pub use invites::create_invite;

use std::time::Instant;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::header;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post, put};
use deepbrief_wire as wire;
use deepbrief_wire::client as cw;
use tower_http::compression::CompressionLayer;

use crate::auth::UserSlot;
use crate::error::ApiError;
use crate::state::AppState;

/// The largest JSON body a client write carries (a long answer or a table).
const CLIENT_JSON_BYTES: usize = 256 * 1024;

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
        .route(cw::LINKS, post(links::create))
        .route(&format!("{}/{{id}}", cw::LINKS), get(links::status))
        .route(
            &format!("{}/{{id}}{}", cw::LINKS, cw::REVOKE_SUFFIX),
            post(links::revoke),
        )
        .route(
            &format!("{}/{{id}}{}/{{file}}", cw::LINKS, cw::FILES_SUFFIX),
            get(links::file),
        )
        .route(
            &format!("{}/{{token}}", cw::CLIENT_PAGE),
            get(client_page::page).layer(CompressionLayer::new()),
        )
        .route(
            &format!("{}/{{file}}", cw::CLIENT_ASSETS),
            get(client_page::asset).layer(CompressionLayer::new()),
        )
        // The client's page, its script and style and its data go gzipped to a browser that
        // takes it (a phone on a slow network: 65 KB as written, ~20 KB so).
        .route(
            &format!("{}/{{token}}", cw::CLIENT_API),
            get(client::page).layer(CompressionLayer::new()),
        )
        .route(
            &format!(
                "{}/{{token}}{}/{{question}}",
                cw::CLIENT_API,
                cw::ANSWERS_SUFFIX
            ),
            limited(put(client::save), CLIENT_JSON_BYTES),
        )
        .route(
            &format!(
                "{}/{{token}}{}/{{question}}",
                cw::CLIENT_API,
                cw::FILES_SUFFIX
            ),
            limited(
                post(client::upload).delete(client::remove_file),
                cw::MAX_FILE_BYTES + 1,
            ),
        )
        .route(
            &format!("{}/{{token}}{}", cw::CLIENT_API, cw::SUBMIT_SUFFIX),
            limited(post(client::submit), CLIENT_JSON_BYTES),
        )
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(wire::MAX_BODY_BYTES))
        .layer(middleware::from_fn(log_request))
        .with_state(state)
}

/// A client route's body limit: a body announced larger than `bytes` is refused from its
/// `content-length` before any of it is read (the page learns at once instead of uploading it
/// all first), and one that turns out larger while read is cut off there.
fn limited(route: MethodRouter<AppState>, bytes: usize) -> MethodRouter<AppState> {
    route
        .layer(DefaultBodyLimit::max(bytes))
        .layer(middleware::from_fn_with_state(bytes, refuse_announced))
}

async fn refuse_announced(State(bytes): State<usize>, request: Request, next: Next) -> Response {
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    match announced {
        Some(length) if length > bytes as u64 => ApiError::too_large(format!(
            "the body is {length} bytes; at most {bytes} are taken here"
        ))
        .into_response(),
        _ => next.run(request).await,
    }
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
