//! Client links: an AM sends the client a link to exactly the open items of a follow-up; the client
//! answers on a page the server serves, with no account; the AM's desktop fetches what the client
//! sent and the AM accepts or rejects each answer.
//!
//! ## The AM's side (device token)
//! - `POST` [`LINKS`] [`CreateLinkRequest`] → 201 [`CreatedLink`]: the token is in the answer once;
//!   the server keeps only its SHA-256.
//! - `GET /v1/links/{id}` → [`LinkStatus`]: expiry, revocation, the client's submissions.
//! - `POST /v1/links/{id}/revoke` → 204.
//! - `GET /v1/links/{id}/files/{file}` → the file's bytes, with its sniffed content type.
//!
//! ## The client's side (the token in the path is the only credential)
//! - `GET /c/{token}` → the page (HTML; script and style from [`CLIENT_ASSETS`], no inline script).
//! - `GET /v1/client/{token}` → [`ClientPage`].
//! - `PUT /v1/client/{token}/answers/{question}` [`ClientAnswerBody`] → [`ClientSaved`].
//! - `POST /v1/client/{token}/files/{question}` (the raw bytes; `Content-Type` and
//!   `X-File-Name` headers) → [`ClientFile`]; `DELETE /v1/client/{token}/files/{file}` → 204.
//! - `POST /v1/client/{token}/submit` → [`ClientSubmitted`].
//!
//! Every client write carries the header [`CSRF_HEADER`] with [`ClientPage::csrf`]; a request with
//! an `Origin` of another site is refused. An unknown, expired or revoked token gets 404, 410 or 410
//! (an [`crate::ApiError`] whose code says which: `not_found`, `expired`, `revoked`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// `POST` [`CreateLinkRequest`] → [`CreatedLink`]; `/v1/links/{id}` and its suffixes.
pub const LINKS: &str = "/v1/links";
/// `POST /v1/links/{id}/revoke`.
pub const REVOKE_SUFFIX: &str = "/revoke";
/// The page a client opens: `/c/{token}`.
pub const CLIENT_PAGE: &str = "/c";
/// The page's script and style: `/c/assets/client.js`, `/c/assets/client.css`.
pub const CLIENT_ASSETS: &str = "/c/assets";
/// The client's API: `/v1/client/{token}` and its suffixes.
pub const CLIENT_API: &str = "/v1/client";
/// `PUT /v1/client/{token}/answers/{question}`.
pub const ANSWERS_SUFFIX: &str = "/answers";
/// `POST /v1/client/{token}/files/{question}`, `DELETE /v1/client/{token}/files/{file}`.
pub const FILES_SUFFIX: &str = "/files";
/// `POST /v1/client/{token}/submit`.
pub const SUBMIT_SUFFIX: &str = "/submit";
/// The header every client write carries: [`ClientPage::csrf`].
pub const CSRF_HEADER: &str = "x-deepbrief-csrf";
/// The header that names an uploaded file.
pub const FILE_NAME_HEADER: &str = "x-file-name";

/// The largest file a client uploads, in bytes.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// The most files one link holds.
pub const MAX_FILES_PER_LINK: usize = 20;
/// The most questions one link asks.
pub const MAX_LINK_QUESTIONS: usize = 200;
/// The longest a link lives, in days.
pub const MAX_LINK_DAYS: i64 = 180;
/// The content types a client may upload (sniffed from the bytes, never taken from the browser).
pub const FILE_TYPES: [&str; 8] = [
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/webp",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "text/plain",
];

/// One group of the page, as the letter groups its items: a topic and the questions under it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LinkGroup {
    /// The heading the topic sits under (the section's title, in the client's language).
    pub heading: String,
    /// What the client is asked, in the letter's words.
    pub topic: String,
    /// Why the agency needs it, in the client's terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub why: Option<String>,
    /// The question ids the client answers under it (of the brief's checklists).
    pub questions: Vec<String>,
    /// Whether the client may attach files here (the item asks for a document).
    #[serde(default)]
    pub attach: bool,
}

/// [`LINKS`]'s request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreateLinkRequest {
    /// The brief (already pushed to the server).
    pub brief_id: String,
    /// The follow-up briefing whose open items the link asks.
    pub followup_id: String,
    /// The client's language: `ru` or `en`.
    pub language: String,
    /// The agency's name, shown at the top of the page.
    pub agency: String,
    /// The client's contact the link is for: the history names them on every answer.
    pub contact: String,
    /// The last day the link works (`YYYY-MM-DD`, inclusive, UTC), at most [`MAX_LINK_DAYS`] ahead.
    pub expires_on: String,
    /// The groups, in the letter's order.
    pub groups: Vec<LinkGroup>,
}

/// [`LINKS`]'s answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreatedLink {
    /// The link's id.
    pub id: String,
    /// The secret that opens the page (`/c/{token}`): shown once, kept by the server as a hash.
    pub token: String,
    /// The last day it works.
    pub expires_on: String,
}

/// `GET /v1/links/{id}`'s answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkStatus {
    /// The link's id.
    pub id: String,
    /// The brief.
    pub brief_id: String,
    /// The follow-up briefing.
    pub followup_id: String,
    /// The client's contact.
    pub contact: String,
    /// The last day it works.
    pub expires_on: String,
    /// When it was revoked (RFC 3339 UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<String>,
    /// When the client first opened it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened_at: Option<String>,
    /// What the client sent, oldest first.
    pub submissions: Vec<Submission>,
}

/// One «Отправить» of the client: the answers as they stood.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    /// Its id.
    pub id: String,
    /// When (RFC 3339 UTC).
    pub at: String,
    /// The answers.
    pub answers: Vec<SubmittedAnswer>,
}

/// One answer of a submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmittedAnswer {
    /// The question.
    pub question: String,
    /// The answer, as the core's `Answer` JSON (`{"state": "answered", "value": {…}}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<serde_json::Value>,
    /// Files attached under it.
    #[serde(default)]
    pub files: Vec<ClientFile>,
}

/// The page's data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientPage {
    /// `ru` or `en`.
    pub language: String,
    /// The agency.
    pub agency: String,
    /// The last day the link works.
    pub expires_on: String,
    /// When the client last pressed «Отправить» (RFC 3339 UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub submitted_at: Option<String>,
    /// Whether answers changed since the last submission (or nothing was submitted yet).
    pub changed: bool,
    /// The value of [`CSRF_HEADER`] for every write.
    pub csrf: String,
    /// The groups, in the letter's order.
    pub groups: Vec<ClientGroup>,
}

/// A group of the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientGroup {
    /// The heading.
    pub heading: String,
    /// The topic.
    pub topic: String,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub why: Option<String>,
    /// Whether files may be attached.
    pub attach: bool,
    /// The files attached under this group's questions.
    pub files: Vec<ClientFile>,
    /// The questions.
    pub items: Vec<ClientItem>,
}

/// One question on the page, with what its answer field needs (from the brief's checklist).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientItem {
    /// The question's id.
    pub id: String,
    /// The question, written to the client.
    pub prompt: String,
    /// Why the agency asks, in the client's terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub why: Option<String>,
    /// The kind's name (`short_text`, `number`, `yes_no`, …).
    pub kind: String,
    /// An example shown in the empty field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub placeholder: Option<String>,
    /// The unit (`number`) or the currency code (`money`), `%` (`percent`), days (`duration`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unit: Option<String>,
    /// The smallest value, pick count, item count or row count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub min: Option<f64>,
    /// The largest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub max: Option<f64>,
    /// Only whole numbers.
    pub integer: bool,
    /// The longest text, in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub max_length: Option<u32>,
    /// The choices (`single_choice`, `multi_choice`).
    pub choices: Vec<ClientChoice>,
    /// The columns (`table`).
    pub columns: Vec<ClientColumn>,
    /// The words at the ends of a `scale`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub labels: Option<(String, String)>,
    /// What one item of a `list` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub item: Option<String>,
    /// The client's saved answer, as the core's `Answer` JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "unknown")]
    pub answer: Option<serde_json::Value>,
}

/// A choice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientChoice {
    /// The id the answer stores.
    pub id: String,
    /// The words shown.
    pub label: String,
    /// «Другое»: the choice takes the client's own words.
    pub other: bool,
}

/// A table column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientColumn {
    /// The key a row stores.
    pub id: String,
    /// The heading.
    pub title: String,
    /// The kind's name.
    pub kind: String,
    /// The unit or currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unit: Option<String>,
    /// The choices of a choice column.
    pub choices: Vec<ClientChoice>,
}

/// `PUT …/answers/{question}`'s body: the answer as the core's `Answer` JSON, or none to clear it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientAnswerBody {
    /// `{"state": "answered", "value": {"type": "text", "value": "…"}}`, `{"state": "unknown"}`,
    /// `{"state": "later", "value": {"due": "YYYY-MM-DD"}}`; null clears the answer.
    #[ts(type = "unknown")]
    pub answer: Option<serde_json::Value>,
}

/// A save's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientSaved {
    /// When it was saved (RFC 3339 UTC).
    pub saved_at: String,
}

/// A file the client attached.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientFile {
    /// Its id.
    pub id: String,
    /// The question it is attached under.
    pub question: String,
    /// The file's name as the client's computer gave it (shown, never used as a path).
    pub name: String,
    /// The content type the server found in the bytes.
    pub content_type: String,
    /// Its size in bytes (at most [`MAX_FILE_BYTES`], so a JavaScript number holds it).
    #[ts(type = "number")]
    pub bytes: u64,
}

/// `POST …/submit`'s answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientSubmitted {
    /// When (RFC 3339 UTC).
    pub submitted_at: String,
    /// How many questions have an answer.
    pub answered: u32,
}
