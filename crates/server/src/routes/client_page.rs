//! The client page's HTML shell and its script and style, built into the binary. No inline script
//! or style, no third-party request: the CSP says so to the browser.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

const PAGE: &str = include_str!("../../assets/client/page.html");
const SCRIPT: &str = include_str!("../../assets/client/client.js");
const STYLE: &str = include_str!("../../assets/client/client.css");

/// The page with its asset links stamped by the assets' content (`{{version}}`), so a new server's
/// script is never mixed with an old cached one.
static SHELL: LazyLock<String> = LazyLock::new(|| {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    hash.update(SCRIPT);
    hash.update(STYLE);
    let version = hex::encode(&hash.finalize()[..6]);
    PAGE.replace("{{version}}", &version)
});

/// The page's Content-Security-Policy.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

fn secured(mut response: Response, cache: &'static str) -> Response {
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    // The token is in the page's address: never send it on as a referrer.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

/// `GET /c/{token}`: the shell (the script reads the token from the address and loads the rest).
/// It is the same for every token, so it tells nobody whether a token exists.
pub async fn page(Path(_token): Path<String>) -> Response {
    let html = SHELL.replace("{{lang}}", "ru");
    secured(
        (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            html,
        )
            .into_response(),
        "no-store",
    )
}

/// `GET /c/assets/{file}`: the script or the style.
pub async fn asset(Path(file): Path<String>) -> Response {
    let (body, kind) = match file.as_str() {
        "client.js" => (SCRIPT, "text/javascript; charset=utf-8"),
        "client.css" => (STYLE, "text/css; charset=utf-8"),
        _ => {
            return secured(
                (StatusCode::NOT_FOUND, "no such file").into_response(),
                "no-store",
            );
        }
    };
    secured(
        ([(header::CONTENT_TYPE, kind)], body).into_response(),
        // The page asks for `client.js?v=<content hash>`: a new build gets a new address.
        "public, max-age=31536000, immutable",
    )
}
