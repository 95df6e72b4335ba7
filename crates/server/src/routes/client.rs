//! The client's side of a link: the page's data, saving an answer as it is typed, attaching and
//! removing files, and «Отправить». The token in the path is the only credential; every write
//! carries the link's CSRF value; every action is in the audit log.

use std::collections::BTreeMap;
use std::net::SocketAddr;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use deepbrief_core::{Answer, Entry, Question};
use deepbrief_wire::client::{
    ClientAnswerBody, ClientFile, ClientGroup, ClientItem, ClientPage, ClientSaved,
    ClientSubmitted, FILE_NAME_HEADER, FILE_TYPES, LinkGroup, MAX_FILE_BYTES, MAX_FILES_PER_LINK,
    SubmittedAnswer,
};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::client::{OpenLink, audit, check_write, open_link};
use crate::error::{ApiError, Body};
use crate::routes::links::{files_of, json};
use crate::state::AppState;

const TIME: &str = "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'";

/// The groups of a link as stored (written by this server when the link was made).
fn groups_of(link: &OpenLink) -> Vec<LinkGroup> {
    serde_json::from_value(link.groups.clone()).unwrap_or_default()
}

/// The question `id` of the link, or 404 when the link does not ask it.
fn question_of(link: &OpenLink, id: &str) -> Result<Question, ApiError> {
    link.questions
        .get(id)
        .and_then(|q| serde_json::from_value::<Question>(q.clone()).ok())
        .ok_or_else(|| ApiError::not_found(format!("this link does not ask question `{id}`")))
}

/// `GET /v1/client/{token}`: what the page shows. The first open is recorded.
pub async fn page(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Json<ClientPage>, ApiError> {
    let address = state.client.address(peer, &headers);
    let db = state.pool.get().await?;
    let link = open_link(&**db, &state.client, address, &token).await?;
    let first = db
        .execute(
            "UPDATE client_link SET opened_at = now() WHERE id = $1 AND opened_at IS NULL",
            &[&link.id],
        )
        .await?;
    audit(
        &**db,
        Some(link.id),
        address,
        if first == 1 { "open_first" } else { "open" },
        None,
        None,
    )
    .await?;
    let answers: BTreeMap<String, serde_json::Value> = db
        .query(
            "SELECT question_id, answer FROM client_answer WHERE link_id = $1",
            &[&link.id],
        )
        .await?
        .into_iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let state_row = db
        .query_one(
            &format!(
                "WITH last AS (SELECT max(submitted_at) AS at FROM client_submission WHERE link_id = $1)
                 SELECT to_char(last.at AT TIME ZONE 'UTC', {TIME}),
                        last.at IS NULL
                        OR EXISTS (SELECT 1 FROM client_answer a WHERE a.link_id = $1 AND a.saved_at > last.at)
                        OR EXISTS (SELECT 1 FROM client_file f WHERE f.link_id = $1
                                   AND greatest(f.uploaded_at, f.deleted_at) > last.at)
                 FROM last"
            ),
            &[&link.id],
        )
        .await?;
    let files = files_of(&**db, link.id).await?;
    let groups = groups_of(&link)
        .into_iter()
        .map(|g| ClientGroup {
            files: files
                .iter()
                .filter(|f| g.questions.contains(&f.question))
                .cloned()
                .collect(),
            items: g
                .questions
                .iter()
                .filter_map(|id| {
                    let mut item: ClientItem =
                        serde_json::from_value(link.items.get(id)?.clone()).ok()?;
                    item.answer = answers.get(id).cloned();
                    Some(item)
                })
                .collect(),
            heading: g.heading,
            topic: g.topic,
            why: g.why,
            attach: g.attach,
        })
        .collect();
    Ok(Json(ClientPage {
        language: link.language,
        agency: link.agency,
        expires_on: link.expires_on,
        submitted_at: state_row.get(0),
        changed: state_row.get::<_, Option<bool>>(1).unwrap_or(true),
        csrf: link.csrf,
        groups,
    }))
}

/// `PUT /v1/client/{token}/answers/{question}`: saves (or with `null` clears) the client's answer,
/// checked by the same rules the desktop applies.
pub async fn save(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path((token, question)): Path<(String, String)>,
    Body(body): Body<ClientAnswerBody>,
) -> Result<Json<ClientSaved>, ApiError> {
    let address = state.client.address(peer, &headers);
    let db = state.pool.get().await?;
    let link = open_link(&**db, &state.client, address, &token).await?;
    check_write(&headers, &link.csrf)?;
    let q = question_of(&link, &question)?;
    let Some(value) = body.answer else {
        db.execute(
            "DELETE FROM client_answer WHERE link_id = $1 AND question_id = $2",
            &[&link.id, &question],
        )
        .await?;
        audit(
            &**db,
            Some(link.id),
            address,
            "clear",
            Some(&question),
            None,
        )
        .await?;
        return saved_now(&**db).await;
    };
    let answer: Answer = serde_json::from_value(value).map_err(|e| {
        ApiError::bad_request(format!("answer: not an answer the page sends ({e})"))
    })?;
    if matches!(answer, Answer::NotApplicable { .. }) {
        return Err(ApiError::bad_request(
            "answer: a client answers, says «не знаю» or promises it later",
        ));
    }
    if let Answer::Later { due } = &answer
        && deepbrief_core::IsoDate::parse(due).is_none()
    {
        return Err(ApiError::bad_request(
            "answer: the promised date is YYYY-MM-DD",
        ));
    }
    let entry = Entry::new(answer);
    if let Some(problem) = deepbrief_store::bundle::answer_problem(&q, &entry) {
        return Err(ApiError::bad_request(format!("answer: {problem}")));
    }
    let state_name = entry.answer.state_name();
    db.execute(
        "INSERT INTO client_answer (link_id, question_id, answer) VALUES ($1, $2, $3)
         ON CONFLICT (link_id, question_id) DO UPDATE SET answer = excluded.answer, saved_at = now()",
        &[&link.id, &question, &json(&entry.answer)?],
    )
    .await?;
    audit(
        &**db,
        Some(link.id),
        address,
        "answer",
        Some(&question),
        Some(state_name),
    )
    .await?;
    saved_now(&**db).await
}

async fn saved_now<C: tokio_postgres::GenericClient>(
    db: &C,
) -> Result<Json<ClientSaved>, ApiError> {
    let at: String = db
        .query_one(
            &format!("SELECT to_char(now() AT TIME ZONE 'UTC', {TIME})"),
            &[],
        )
        .await?
        .get(0);
    Ok(Json(ClientSaved { saved_at: at }))
}

/// The content type of `bytes`, from the bytes themselves: one of [`FILE_TYPES`], or `None`.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if let Some(kind) = infer::get(bytes) {
        return FILE_TYPES.iter().copied().find(|t| *t == kind.mime_type());
    }
    let text = std::str::from_utf8(bytes).ok()?;
    (!text.contains('\0') && !text.trim().is_empty()).then_some("text/plain")
}

/// A file's name as shown: the last path part, without control characters, at most 200 characters.
fn file_name(headers: &HeaderMap) -> Result<String, ApiError> {
    let raw = headers
        .get(FILE_NAME_HEADER)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| ApiError::bad_request(format!("{FILE_NAME_HEADER}: name the file")))?;
    let decoded = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .map_err(|_| {
            ApiError::bad_request(format!(
                "{FILE_NAME_HEADER}: not a percent-encoded UTF-8 name"
            ))
        })?;
    let last = decoded.rsplit(['/', '\\']).next().unwrap_or("");
    let name: String = last.chars().filter(|c| !c.is_control()).take(200).collect();
    if name.trim().is_empty() {
        return Err(ApiError::bad_request(format!(
            "{FILE_NAME_HEADER}: name the file"
        )));
    }
    Ok(name.trim().to_owned())
}

/// `POST /v1/client/{token}/files/{question}`: attaches a file under a question of a group that
/// asks for documents. The type is sniffed from the bytes.
pub async fn upload(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path((token, question)): Path<(String, String)>,
    bytes: Bytes,
) -> Result<(StatusCode, Json<ClientFile>), ApiError> {
    let address = state.client.address(peer, &headers);
    let db = state.pool.get().await?;
    let link = open_link(&**db, &state.client, address, &token).await?;
    check_write(&headers, &link.csrf)?;
    question_of(&link, &question)?;
    if !groups_of(&link)
        .iter()
        .any(|g| g.attach && g.questions.contains(&question))
    {
        return Err(ApiError::bad_request(format!(
            "question `{question}` takes no files; answer it in words"
        )));
    }
    let name = file_name(&headers)?;
    if bytes.is_empty() {
        return Err(ApiError::bad_request("the file is empty"));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ApiError::too_large(format!(
            "a file may be at most {} MB",
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let Some(content_type) = sniff(&bytes) else {
        audit(
            &**db,
            Some(link.id),
            address,
            "upload_refused",
            Some(&question),
            Some(&name),
        )
        .await?;
        return Err(ApiError::unsupported_type(
            "this file type is not taken: send PDF, PNG, JPEG, WebP, Word, Excel, PowerPoint or plain text",
        ));
    };
    let count: i64 = db
        .query_one(
            "SELECT count(*) FROM client_file WHERE link_id = $1 AND deleted_at IS NULL",
            &[&link.id],
        )
        .await?
        .get(0);
    if count >= MAX_FILES_PER_LINK as i64 {
        return Err(ApiError::too_large(format!(
            "a link holds at most {MAX_FILES_PER_LINK} files; remove one first"
        )));
    }
    let id = Uuid::new_v4();
    let size = bytes.len() as i64;
    db.execute(
        "INSERT INTO client_file (id, link_id, question_id, name, content_type, bytes, sha256, content)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            &id,
            &link.id,
            &question,
            &name,
            &content_type,
            &size,
            &hex::encode(Sha256::digest(&bytes)),
            &bytes.as_ref(),
        ],
    )
    .await?;
    audit(
        &**db,
        Some(link.id),
        address,
        "upload",
        Some(&question),
        Some(&name),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(ClientFile {
            id: id.to_string(),
            question,
            name,
            content_type: content_type.to_owned(),
            bytes: bytes.len() as u64,
        }),
    ))
}

/// `DELETE /v1/client/{token}/files/{file}`: removes an attached file (kept for the audit).
pub async fn remove_file(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path((token, file)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let address = state.client.address(peer, &headers);
    let db = state.pool.get().await?;
    let link = open_link(&**db, &state.client, address, &token).await?;
    check_write(&headers, &link.csrf)?;
    let unknown = || ApiError::not_found(format!("no file {file} on this link"));
    let id = Uuid::parse_str(&file).map_err(|_| unknown())?;
    let n = db
        .execute(
            "UPDATE client_file SET deleted_at = now()
             WHERE id = $1 AND link_id = $2 AND deleted_at IS NULL",
            &[&id, &link.id],
        )
        .await?;
    if n == 0 {
        return Err(unknown());
    }
    audit(
        &**db,
        Some(link.id),
        address,
        "remove_file",
        None,
        Some(&file),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /v1/client/{token}/submit`: the answers and files as they stand become a submission the
/// AM's desktop fetches on its next sync.
pub async fn submit(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Json<ClientSubmitted>, ApiError> {
    let address = state.client.address(peer, &headers);
    let mut db = state.pool.get().await?;
    let link = open_link(&**db, &state.client, address, &token).await?;
    check_write(&headers, &link.csrf)?;
    let tx = db.transaction().await?;
    // One submission at a time per link: a double click makes one.
    tx.execute(
        "SELECT 1 FROM client_link WHERE id = $1 FOR UPDATE",
        &[&link.id],
    )
    .await?;
    let mut answers: BTreeMap<String, SubmittedAnswer> = tx
        .query(
            "SELECT question_id, answer FROM client_answer WHERE link_id = $1",
            &[&link.id],
        )
        .await?
        .into_iter()
        .map(|r| {
            let question: String = r.get(0);
            (
                question.clone(),
                SubmittedAnswer {
                    question,
                    answer: Some(r.get(1)),
                    files: Vec::new(),
                },
            )
        })
        .collect();
    for f in files_of(&*tx, link.id).await? {
        answers
            .entry(f.question.clone())
            .or_insert_with(|| SubmittedAnswer {
                question: f.question.clone(),
                answer: None,
                files: Vec::new(),
            })
            .files
            .push(f);
    }
    if answers.is_empty() {
        return Err(ApiError::bad_request(
            "nothing to send yet: answer at least one question",
        ));
    }
    let answered = answers.values().filter(|a| a.answer.is_some()).count() as u32;
    let list: Vec<SubmittedAnswer> = answers.into_values().collect();
    let id = Uuid::new_v4();
    let at: String = tx
        .query_one(
            &format!(
                "INSERT INTO client_submission (id, link_id, answers) VALUES ($1, $2, $3)
                 RETURNING to_char(submitted_at AT TIME ZONE 'UTC', {TIME})"
            ),
            &[&id, &link.id, &json(&list)?],
        )
        .await?
        .get(0);
    audit(
        &*tx,
        Some(link.id),
        address,
        "submit",
        None,
        Some(&format!("{} answers", list.len())),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(ClientSubmitted {
        submitted_at: at,
        answered,
    }))
}
