//! Every refusal as an [`ApiError`] with its HTTP status; database failures are logged and answered
//! without their details.

use axum::Json;
use axum::extract::FromRequest;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use deepbrief_wire as wire;

/// What a handler answers when it refuses or fails.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A refusal the caller can act on.
    #[error("{message}")]
    Refused {
        /// The HTTP status.
        status: StatusCode,
        /// The stable code (`wire::ApiError::code`).
        code: &'static str,
        /// What is wrong and what to do.
        message: String,
        /// The record of a push it is about.
        seq: Option<u64>,
    },
    /// PostgreSQL failed.
    #[error("database: {0}")]
    Database(#[from] tokio_postgres::Error),
    /// No connection could be had.
    #[error("database pool: {0}")]
    Pool(#[from] deadpool_postgres::PoolError),
    /// A blocking task failed.
    #[error("task: {0}")]
    Task(#[from] tokio::task::JoinError),
}

fn refused(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
    ApiError::Refused {
        status,
        code,
        message: message.into(),
        seq: None,
    }
}

impl ApiError {
    /// 400: malformed.
    pub fn bad_request(message: impl Into<String>) -> Self {
        refused(StatusCode::BAD_REQUEST, "bad_request", message)
    }
    /// 401: no, unknown or revoked token, or a failed sign-in.
    pub fn unauthorized(message: impl Into<String>) -> Self {
        refused(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }
    /// 403: not allowed for this user.
    pub fn forbidden(message: impl Into<String>) -> Self {
        refused(StatusCode::FORBIDDEN, "forbidden", message)
    }
    /// 404: unknown or not visible.
    pub fn not_found(message: impl Into<String>) -> Self {
        refused(StatusCode::NOT_FOUND, "not_found", message)
    }
    /// 409: a conflict.
    pub fn conflict(message: impl Into<String>) -> Self {
        refused(StatusCode::CONFLICT, "conflict", message)
    }
    /// 413: too large.
    pub fn too_large(message: impl Into<String>) -> Self {
        refused(StatusCode::PAYLOAD_TOO_LARGE, "too_large", message)
    }
    /// 429: too many attempts.
    pub fn too_many(message: impl Into<String>) -> Self {
        refused(StatusCode::TOO_MANY_REQUESTS, "too_many_requests", message)
    }
    /// 410: a client link that no longer works; `code` says why (`expired`, `revoked`).
    pub fn gone(code: &'static str, message: impl Into<String>) -> Self {
        refused(StatusCode::GONE, code, message)
    }
    /// 415: a file of a type not taken.
    pub fn unsupported_type(message: impl Into<String>) -> Self {
        refused(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_type",
            message,
        )
    }
    /// 503: the database cannot be reached.
    pub fn unavailable(message: impl Into<String>) -> Self {
        refused(StatusCode::SERVICE_UNAVAILABLE, "internal", message)
    }

    /// The same refusal, about the record `seq` of a push.
    pub fn at_seq(self, record: u64) -> Self {
        match self {
            ApiError::Refused {
                status,
                code,
                message,
                ..
            } => ApiError::Refused {
                status,
                code,
                message,
                seq: Some(record),
            },
            other => other,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            ApiError::Refused {
                status,
                code,
                message,
                seq,
            } => (
                status,
                wire::ApiError {
                    code: code.to_owned(),
                    message,
                    seq,
                },
            ),
            ApiError::Pool(e) => {
                tracing::error!(error = %e, "no database connection");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    wire::ApiError {
                        code: "internal".to_owned(),
                        message: "the server cannot reach its database; try again later".to_owned(),
                        seq: None,
                    },
                )
            }
            ApiError::Database(e)
                if e.code() == Some(&tokio_postgres::error::SqlState::UNIQUE_VIOLATION) =>
            {
                tracing::warn!(error = %e, "a concurrent request stored the same thing first");
                (
                    StatusCode::CONFLICT,
                    wire::ApiError {
                        code: "conflict".to_owned(),
                        message: "another request stored the same thing at the same moment; send this one again".to_owned(),
                        seq: None,
                    },
                )
            }
            ApiError::Database(e) => {
                tracing::error!(error = %e, "database failure");
                internal()
            }
            ApiError::Task(e) => {
                tracing::error!(error = %e, "task failure");
                internal()
            }
        };
        (status, Json(body)).into_response()
    }
}

fn internal() -> (StatusCode, wire::ApiError) {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        wire::ApiError {
            code: "internal".to_owned(),
            message: "the server failed; its log says why".to_owned(),
            seq: None,
        },
    )
}

/// A JSON request body whose rejections are [`ApiError`]s (400 naming the problem, 413 when over
/// the body limit).
#[derive(Debug, Clone, Copy, Default, FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct Body<T>(pub T);

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        let status = rejection.status();
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::too_large(format!(
                "the request is larger than {} bytes; send fewer records at a time",
                wire::MAX_BODY_BYTES
            ))
        } else {
            ApiError::bad_request(format!("the request body: {}", rejection.body_text()))
        }
    }
}
