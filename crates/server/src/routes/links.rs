//! The AM's side of client links (`/v1/links`): make one for the open items of a follow-up, see what
//! the client sent, fetch an attached file, revoke.

use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use deepbrief_wire::client::{
    ClientFile, CreateLinkRequest, CreatedLink, LinkGroup, LinkStatus, MAX_LINK_DAYS,
    MAX_LINK_QUESTIONS, Submission, SubmittedAnswer,
};
use uuid::Uuid;

use crate::access;
use crate::auth::{Caller, random_secret, sha256_hex};
use crate::client::{audit, items::client_item};
use crate::error::{ApiError, Body};
use crate::state::AppState;

const TIME: &str = "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'";

fn bad(message: impl Into<String>) -> ApiError {
    ApiError::bad_request(message)
}

fn length(field: &str, value: &str, min: usize, max: usize) -> Result<(), ApiError> {
    let n = value.trim().chars().count();
    if n < min || n > max {
        return Err(bad(format!("{field}: give {min}–{max} characters")));
    }
    if value.chars().any(|c| c.is_control() && c != '\n') {
        return Err(bad(format!("{field}: control characters are not allowed")));
    }
    Ok(())
}

/// Checks the request's own fields (not yet against the brief).
fn check_request(req: &CreateLinkRequest) -> Result<(), ApiError> {
    if !matches!(req.language.as_str(), "ru" | "en") {
        return Err(bad("language: `ru` or `en`"));
    }
    length("agency", &req.agency, 1, 200)?;
    length("contact", &req.contact, 1, 200)?;
    if req.groups.is_empty() || req.groups.len() > MAX_LINK_QUESTIONS {
        return Err(bad(format!("groups: give 1–{MAX_LINK_QUESTIONS} groups")));
    }
    let mut seen = BTreeSet::new();
    for (i, g) in req.groups.iter().enumerate() {
        length(&format!("groups[{i}].heading"), &g.heading, 0, 500)?;
        length(&format!("groups[{i}].topic"), &g.topic, 1, 1000)?;
        if let Some(why) = &g.why {
            length(&format!("groups[{i}].why"), why, 0, 4000)?;
        }
        if g.questions.is_empty() {
            return Err(bad(format!(
                "groups[{i}].questions: name at least one question"
            )));
        }
        for q in &g.questions {
            if !seen.insert(q.clone()) {
                return Err(bad(format!(
                    "groups[{i}].questions: `{q}` is asked twice; ask each question once"
                )));
            }
        }
    }
    if seen.len() > MAX_LINK_QUESTIONS {
        return Err(bad(format!(
            "groups: a link asks at most {MAX_LINK_QUESTIONS} questions; this one asks {}",
            seen.len()
        )));
    }
    Ok(())
}

/// `POST /v1/links`: the AM makes a link to the open items of a follow-up of a brief they may
/// write. The brief must be on the server (synced), the follow-up and every question in it.
pub async fn create(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    caller: Caller,
    Body(req): Body<CreateLinkRequest>,
) -> Result<(StatusCode, Json<CreatedLink>), ApiError> {
    check_request(&req)?;
    let db = state.pool.get().await?;
    let facts = access::brief_facts(&**db, &caller, &req.brief_id, false).await?;
    if !facts.is_some_and(|f| access::may_read(&caller, &f)) {
        return Err(ApiError::not_found(format!(
            "brief {} is not on the server or not yours; sync, then make the link again",
            req.brief_id
        )));
    }
    if deepbrief_core::IsoDate::parse(&req.expires_on).is_none() {
        return Err(bad("expires_on: a date YYYY-MM-DD"));
    }
    let range = db
        .query_one(
            "SELECT (now() AT TIME ZONE 'UTC')::date::text,
                    ((now() AT TIME ZONE 'UTC')::date + $1::int)::text",
            &[&(MAX_LINK_DAYS as i32)],
        )
        .await?;
    let (today, last): (String, String) = (range.get(0), range.get(1));
    if req.expires_on < today || req.expires_on > last {
        return Err(bad(format!(
            "expires_on: from today ({today}) to {MAX_LINK_DAYS} days ahead ({last})"
        )));
    }
    let bundle: String = db
        .query_one(
            "SELECT r.bundle FROM brief b
             JOIN record r ON r.stream_id = b.record_stream AND r.seq = b.record_seq
             WHERE b.id = $1",
            &[&req.brief_id],
        )
        .await?
        .get(0);
    let brief_id = req.brief_id.clone();
    let asked = tokio::task::spawn_blocking(move || {
        deepbrief_store::bundle::questions(bundle.as_bytes(), &format!("brief {brief_id}"))
    })
    .await?
    .map_err(|e| bad(format!("the brief's newest record cannot be read: {e}")))?;
    if !asked.followups.contains(&req.followup_id) {
        return Err(bad(format!(
            "followup_id: brief {} on the server has no follow-up {}; sync, then make the link again",
            req.brief_id, req.followup_id
        )));
    }
    let mut items = BTreeMap::new();
    let mut questions = BTreeMap::new();
    for (i, g) in req.groups.iter().enumerate() {
        for id in &g.questions {
            let Some(found) = asked.questions.get(id) else {
                return Err(bad(format!(
                    "groups[{i}].questions: brief {} has no question `{id}`",
                    req.brief_id
                )));
            };
            items.insert(id.clone(), client_item(&found.question, &req.language));
            questions.insert(id.clone(), found.question.clone());
        }
    }
    let groups: Vec<LinkGroup> = req
        .groups
        .iter()
        .map(|g| LinkGroup {
            heading: g.heading.trim().to_owned(),
            topic: g.topic.trim().to_owned(),
            why: g
                .why
                .as_ref()
                .map(|w| w.trim().to_owned())
                .filter(|w| !w.is_empty()),
            questions: g.questions.clone(),
            attach: g.attach,
        })
        .collect();
    let token = random_secret("", 24);
    let id = Uuid::new_v4();
    db.execute(
        "INSERT INTO client_link (id, token_hash, team_id, brief_id, followup_id, created_by,
                 language, agency, contact, expires_on, csrf, groups, items, questions)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::date, $11, $12, $13, $14)",
        &[
            &id,
            &sha256_hex(&token),
            &caller.team_id,
            &req.brief_id,
            &req.followup_id,
            &caller.user_id,
            &req.language,
            &req.agency.trim(),
            &req.contact.trim(),
            &req.expires_on,
            &random_secret("", 16),
            &json(&groups)?,
            &json(&items)?,
            &json(&questions)?,
        ],
    )
    .await?;
    let address = state.client.address(peer, &headers);
    audit(
        &**db,
        Some(id),
        address,
        "create",
        None,
        Some(&format!("by {}", caller.user_name)),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedLink {
            id: id.to_string(),
            token,
            expires_on: req.expires_on,
        }),
    ))
}

/// Our own value as JSON for a `jsonb` column.
pub fn json<T: serde::Serialize>(value: &T) -> Result<serde_json::Value, ApiError> {
    serde_json::to_value(value)
        .map_err(|e| ApiError::bad_request(format!("the value cannot be stored: {e}")))
}

/// The link `id` of a brief the caller may read (404 otherwise).
async fn visible_link<C: tokio_postgres::GenericClient>(
    db: &C,
    caller: &Caller,
    id: &str,
) -> Result<(Uuid, String), ApiError> {
    let unknown = || ApiError::not_found(format!("no link {id}"));
    let id = Uuid::parse_str(id).map_err(|_| unknown())?;
    let row = db
        .query_opt("SELECT brief_id FROM client_link WHERE id = $1", &[&id])
        .await?
        .ok_or_else(unknown)?;
    let brief_id: String = row.get(0);
    let facts = access::brief_facts(db, caller, &brief_id, false).await?;
    if !facts.is_some_and(|f| access::may_read(caller, &f)) {
        return Err(unknown());
    }
    Ok((id, brief_id))
}

/// `GET /v1/links/{id}`: the link and what the client sent.
pub async fn status(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<LinkStatus>, ApiError> {
    let db = state.pool.get().await?;
    let (id, _) = visible_link(&**db, &caller, &id).await?;
    let row = db
        .query_one(
            &format!(
                "SELECT brief_id, followup_id, contact, expires_on::text,
                        to_char(revoked_at AT TIME ZONE 'UTC', {TIME}),
                        to_char(opened_at AT TIME ZONE 'UTC', {TIME})
                 FROM client_link WHERE id = $1"
            ),
            &[&id],
        )
        .await?;
    let submissions = db
        .query(
            &format!(
                "SELECT id, to_char(submitted_at AT TIME ZONE 'UTC', {TIME}), answers
                 FROM client_submission WHERE link_id = $1 ORDER BY submitted_at, id"
            ),
            &[&id],
        )
        .await?
        .into_iter()
        .map(|r| Submission {
            id: r.get::<_, Uuid>(0).to_string(),
            at: r.get(1),
            answers: serde_json::from_value::<Vec<SubmittedAnswer>>(r.get(2)).unwrap_or_default(),
        })
        .collect();
    Ok(Json(LinkStatus {
        id: id.to_string(),
        brief_id: row.get(0),
        followup_id: row.get(1),
        contact: row.get(2),
        expires_on: row.get(3),
        revoked_at: row.get(4),
        opened_at: row.get(5),
        submissions,
    }))
}

/// `POST /v1/links/{id}/revoke`: the link stops working at once. 204; revoking twice is not an
/// error.
pub async fn revoke(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let db = state.pool.get().await?;
    let (id, _) = visible_link(&**db, &caller, &id).await?;
    db.execute(
        "UPDATE client_link SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL",
        &[&id],
    )
    .await?;
    let address = state.client.address(peer, &headers);
    audit(
        &**db,
        Some(id),
        address,
        "revoke",
        None,
        Some(&format!("by {}", caller.user_name)),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /v1/links/{id}/files/{file}`: an attached file's bytes, as a download.
pub async fn file(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let db = state.pool.get().await?;
    let (id, _) = visible_link(&**db, &caller, &id).await?;
    let unknown = || ApiError::not_found(format!("no file {file} on this link"));
    let file_id = Uuid::parse_str(&file).map_err(|_| unknown())?;
    let row = db
        .query_opt(
            "SELECT content_type, content FROM client_file WHERE id = $1 AND link_id = $2",
            &[&file_id, &id],
        )
        .await?
        .ok_or_else(unknown)?;
    let content_type: String = row.get(0);
    let bytes: Vec<u8> = row.get(1);
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment"),
    );
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    Ok(response)
}

/// The files of a link, by question (the page and submissions list them).
pub async fn files_of<C: tokio_postgres::GenericClient>(
    db: &C,
    link: Uuid,
) -> Result<Vec<ClientFile>, ApiError> {
    Ok(db
        .query(
            "SELECT id, question_id, name, content_type, bytes FROM client_file
             WHERE link_id = $1 AND deleted_at IS NULL ORDER BY uploaded_at, id",
            &[&link],
        )
        .await?
        .into_iter()
        .map(|r| ClientFile {
            id: r.get::<_, Uuid>(0).to_string(),
            question: r.get(1),
            name: r.get(2),
            content_type: r.get(3),
            bytes: u64::try_from(r.get::<_, i64>(4)).unwrap_or(0),
        })
        .collect())
}
