//! The team server's HTTP API, version 1: every request and answer body, shared by `deepbrief-server`
//! and the desktop's sync client so that the two cannot drift. JSON over HTTP; the paths are the
//! constants below. Every path but [`HEALTH`], [`LOGIN`] and [`REGISTER`] takes
//! `Authorization: Bearer <device token>`.
//!
//! ## What syncs
//! A *record* is one brief as a bundle (`docs/bundle-format.md`: its state and its whole append-only
//! history). A device appends a record to its *stream* whenever the brief changed there; records of
//! a stream are numbered 1, 2, 3, … with no gap. The receiving desktop imports a record through the
//! same merge as a bundle file (events united by id, the newest event of each answer shows,
//! concurrent edits flagged as conflicts), so any arrival order gives the same state.
//!
//! ## Errors
//! Every refusal is an [`ApiError`] body with a status: 400 (malformed, names the field), 401 (no or
//! revoked token), 403 (not allowed for this user), 404 (unknown, or not visible to this user — the
//! two are not told apart), 409 (a conflict: a sequence gap, a record id reused with other content,
//! a published checklist version with other content), 413 (too large), 429 (too many attempts).

#![forbid(unsafe_code)]

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// `GET`: is the server up and its database reachable? Answers [`Health`]; no token.
pub const HEALTH: &str = "/health";
/// `POST` [`LoginRequest`] → [`LoginResponse`]: a new device token for a user; no token.
pub const LOGIN: &str = "/v1/login";
/// `POST` [`RegisterRequest`] → [`LoginResponse`]: an invited person creates their account; no token.
pub const REGISTER: &str = "/v1/register";
/// `POST`, empty: revokes the token it is sent with (sign out). 204.
pub const LOGOUT: &str = "/v1/logout";
/// `GET` → [`Me`]: who this token is.
pub const ME: &str = "/v1/me";
/// `POST` [`PushRequest`] → [`PushResponse`]: append records to this device's stream.
pub const PUSH: &str = "/v1/push";
/// `POST` [`PullRequest`] → [`PullResponse`]: records of other streams after the given cursors.
pub const PULL: &str = "/v1/pull";
/// `GET` → [`Board`]: every brief this user may read, newest record of each.
pub const BOARD: &str = "/v1/board";
/// `GET /v1/briefs/{id}` → [`PulledRecord`]: the newest record of one brief (404 if not visible).
pub const BRIEFS: &str = "/v1/briefs";
/// `POST /v1/briefs/{id}/share` [`ShareRequest`]: the owner or a lead shares a brief with an AM. 204.
pub const SHARE_SUFFIX: &str = "/share";
/// `POST` [`PublishRequest`] → [`PublishResponse`]: a lead or admin publishes a checklist version.
pub const CHECKLISTS: &str = "/v1/checklists";
/// `POST` [`InviteRequest`] → [`InviteResponse`]: a lead or admin invites a person to the team.
pub const INVITES: &str = "/v1/invites";

/// The most records one push or one pull page carries.
pub const MAX_RECORDS_PER_REQUEST: usize = 200;
/// The largest request body the server reads (a push of large briefs), in bytes.
pub const MAX_BODY_BYTES: usize = 64 * 1024 * 1024;

/// A role in a team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// An account manager: reads and writes own briefs and briefs shared with them.
    Am,
    /// An agency lead: reads every brief of the team, reviews, publishes checklists, invites.
    Lead,
    /// Administers the team: everything a lead does.
    Admin,
}

impl Role {
    /// `am`, `lead`, `admin`.
    pub fn name(self) -> &'static str {
        match self {
            Role::Am => "am",
            Role::Lead => "lead",
            Role::Admin => "admin",
        }
    }

    /// The role named `name`.
    pub fn parse(name: &str) -> Option<Role> {
        match name {
            "am" => Some(Role::Am),
            "lead" => Some(Role::Lead),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Whether the role reads every brief of the team and may review and publish.
    pub fn leads(self) -> bool {
        match self {
            Role::Am => false,
            Role::Lead | Role::Admin => true,
        }
    }
}

/// Every refusal's body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiError {
    /// A stable code: `bad_request`, `unauthorized`, `forbidden`, `not_found`, `conflict`,
    /// `too_large`, `too_many_requests`, `internal`.
    pub code: String,
    /// What is wrong and what to do, in words a person can act on.
    pub message: String,
    /// For a push refused at one record: its sequence number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seq: Option<u64>,
}

/// [`HEALTH`]'s answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Health {
    /// `ok`.
    pub status: String,
    /// The server's version.
    pub version: String,
}

/// [`LOGIN`]'s request.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LoginRequest {
    /// The user's name (unique on the server).
    pub user: String,
    /// The password.
    pub password: String,
    /// What the device is called, shown in the device list (`Anna's laptop`).
    pub device: String,
}

/// [`REGISTER`]'s request.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RegisterRequest {
    /// The invite code a lead or admin handed over.
    pub invite: String,
    /// The new user's name.
    pub user: String,
    /// The password (at least 10 characters).
    pub password: String,
    /// What the device is called.
    pub device: String,
}

/// A new device token: shown once, stored hashed on the server.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LoginResponse {
    /// The bearer token (`dbt_…`); the server keeps only its hash.
    pub token: String,
    /// Who signed in.
    pub me: Me,
}

/// Who a token is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Me {
    /// The user's name.
    pub user: String,
    /// The role in the team.
    pub role: Role,
    /// The team's name.
    pub team: String,
    /// The device the token was issued to.
    pub device: String,
}

/// One record a device pushes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushRecord {
    /// Unique across streams (UUID); a replay sends the same id with the same content.
    pub id: String,
    /// The position in the stream: 1 for the first record, then no gap.
    pub seq: u64,
    /// The brief the bundle holds (checked against the bundle).
    pub brief_id: String,
    /// The bundle file's text (header line and payload).
    pub bundle: String,
}

/// [`PUSH`]'s request: records of one stream in sequence order; stored in one transaction, all or
/// nothing. A record already stored (same id, same content) is skipped, so a replay inserts nothing.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PushRequest {
    /// The stream: a UUID the database made; a restored or cloned database makes a new one.
    pub stream: String,
    /// The records, in sequence order.
    pub records: Vec<PushRecord>,
}

/// [`PUSH`]'s answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushResponse {
    /// Every record of the stream through this sequence number is stored.
    pub acked_through: u64,
    /// Records stored by this request.
    pub inserted: u32,
    /// Records that were already stored (a replay).
    pub duplicates: u32,
}

/// [`PULL`]'s request.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PullRequest {
    /// The last sequence number received from each stream; a stream not named starts at 0.
    pub cursors: BTreeMap<String, u64>,
    /// The device's own stream, never sent back.
    pub stream: String,
    /// Hashes of the checklist versions the device has; the others are sent.
    #[serde(default)]
    pub checklists_known: Vec<String>,
}

/// One record received.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PulledRecord {
    /// The stream it was pushed to.
    pub stream: String,
    /// Its position there.
    pub seq: u64,
    /// Its id.
    pub id: String,
    /// The brief.
    pub brief_id: String,
    /// The bundle file's text.
    pub bundle: String,
}

/// [`PULL`]'s answer: at most [`MAX_RECORDS_PER_REQUEST`] records, in (stream, seq) order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PullResponse {
    /// The records this user may read, after the cursors.
    pub records: Vec<PulledRecord>,
    /// The cursors to send next time: every stream's last sequence number looked at (records of
    /// briefs this user may not read are passed over, not sent).
    pub cursors: BTreeMap<String, u64>,
    /// Whether more records wait: pull again with the new cursors.
    pub more: bool,
    /// Checklist versions published to the team that the device does not have.
    pub checklists: Vec<PublishedChecklist>,
}

/// A checklist version published to a team: immutable once published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedChecklist {
    /// The checklist's id.
    pub checklist: String,
    /// Its version.
    pub version: u32,
    /// SHA-256 of `content`, lowercase hex.
    pub hash: String,
    /// The YAML file.
    pub content: String,
    /// Who published it.
    pub published_by: String,
}

/// [`CHECKLISTS`]'s request.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PublishRequest {
    /// The checklist's id.
    pub checklist: String,
    /// Its version.
    pub version: u32,
    /// The YAML file.
    pub content: String,
}

/// [`CHECKLISTS`]'s answer (201 when new, 200 when this very text was already published).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishResponse {
    /// SHA-256 of the content.
    pub hash: String,
    /// Whether this request published it (false: it was already there, byte for byte).
    pub created: bool,
}

/// One line of the team board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardBrief {
    /// The brief.
    pub id: String,
    /// The client.
    pub client: String,
    /// The project.
    pub project: String,
    /// The account manager named in the brief.
    pub account_manager: String,
    /// The user who first pushed it.
    pub owner: String,
    /// `draft`, `in_review`, `returned`, `approved`.
    pub status: String,
    /// When the newest record of it arrived (RFC 3339 UTC).
    pub updated_at: String,
}

/// [`BOARD`]'s answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Board {
    /// Newest first.
    pub briefs: Vec<BoardBrief>,
}

/// A share of one brief.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ShareRequest {
    /// The user it is shared with (of the same team).
    pub user: String,
}

/// [`INVITES`]'s request.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InviteRequest {
    /// The role the invited person gets (`am` unless an admin invites a lead).
    pub role: Role,
}

/// [`INVITES`]'s answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InviteResponse {
    /// The one-time code (valid 7 days).
    pub invite: String,
}

pub mod client;
