//! `POST /v1/checklists`: a lead or an admin publishes a checklist version to the team.
//!
//! The YAML must load as that checklist (`deepbrief-core`'s loader, the same the desktops use),
//! next to the bundled checklists and the versions already published to the team (an add-on is
//! checked against its base). A published version never changes.

use std::path::PathBuf;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use deepbrief_core::library::{Origin, SourceFile, content_hash, load_files};
use deepbrief_wire::{PublishRequest, PublishResponse};

use crate::access;
use crate::auth::Caller;
use crate::error::{ApiError, Body};
use crate::routes::session::check_name;
use crate::state::AppState;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_checklists.rs"));
}

/// The largest checklist file accepted, in bytes.
const MAX_CHECKLIST_BYTES: usize = 4 * 1024 * 1024;

/// Loads `content` as `published/<checklist>/v<version>.yaml` among the bundled and the team's
/// checklists; `Err` names the first problem of that file.
fn check_checklist(req: &PublishRequest, team: Vec<(String, i32, String)>) -> Result<(), String> {
    let mine = PathBuf::from(format!("published/{}/v{}.yaml", req.checklist, req.version));
    let mut files: Vec<SourceFile> = bundled::BUNDLED
        .iter()
        .map(|(path, text)| SourceFile {
            path: PathBuf::from("bundled").join(path),
            origin: Origin::Bundled,
            content: Ok(text.as_bytes().to_vec()),
        })
        .collect();
    files.extend(team.into_iter().map(|(id, version, content)| SourceFile {
        path: PathBuf::from(format!("team/{id}/v{version}.yaml")),
        origin: Origin::Agency,
        content: Ok(content.into_bytes()),
    }));
    files.push(SourceFile {
        path: mine.clone(),
        origin: Origin::Given,
        content: Ok(req.content.as_bytes().to_vec()),
    });
    let library = load_files(files);
    if let Some(problem) = library
        .problems
        .iter()
        .find(|p| std::path::Path::new(&p.path) == mine)
    {
        let first = problem
            .diagnostics
            .first()
            .map_or_else(|| "it does not load".to_owned(), |d| format!("{d}"));
        let more = problem.diagnostics.len().saturating_sub(1);
        return Err(if more > 0 {
            format!("the checklist does not load: {first} (and {more} more problems)")
        } else {
            format!("the checklist does not load: {first}")
        });
    }
    let hash = content_hash(req.content.as_bytes());
    let loaded = library
        .checklists
        .iter()
        .find(|c| c.path == mine)
        .or_else(|| library.checklists.iter().find(|c| c.hash == hash))
        .ok_or_else(|| "the checklist does not load".to_owned())?;
    if loaded.checklist.id != req.checklist || loaded.checklist.version != req.version {
        return Err(format!(
            "the file is checklist {} version {}, but the request publishes {} version {}",
            loaded.checklist.id, loaded.checklist.version, req.checklist, req.version
        ));
    }
    Ok(())
}

/// `POST /v1/checklists`: 201 when published now, 200 when this very text already was, 409 when
/// the version is published with other content, 403 for an AM.
pub async fn publish(
    State(state): State<AppState>,
    caller: Caller,
    Body(req): Body<PublishRequest>,
) -> Result<(StatusCode, Json<PublishResponse>), ApiError> {
    if !access::may_publish(&caller) {
        return Err(ApiError::forbidden(
            "only a lead or an admin may publish checklists",
        ));
    }
    check_name("the checklist id", &req.checklist, 100)?;
    if req.checklist.contains(['/', '\\']) {
        return Err(ApiError::bad_request("the checklist id contains a slash"));
    }
    if req.content.len() > MAX_CHECKLIST_BYTES {
        return Err(ApiError::too_large(format!(
            "the checklist is larger than {MAX_CHECKLIST_BYTES} bytes"
        )));
    }
    let version = i32::try_from(req.version)
        .map_err(|_| ApiError::bad_request("the version is too large"))?;
    let hash = content_hash(req.content.as_bytes());
    let mut db = state.pool.get().await?;
    let tx = db.transaction().await?;
    // Publishing one checklist id is serialized per team, so two leads cannot race on a version.
    tx.execute(
        "SELECT pg_advisory_xact_lock(hashtextextended($1::text || '/' || $2::text, 0))",
        &[&caller.team_id.to_string(), &req.checklist],
    )
    .await?;
    if let Some(row) = tx
        .query_opt(
            "SELECT hash FROM checklist WHERE team_id = $1 AND checklist = $2 AND version = $3",
            &[&caller.team_id, &req.checklist, &version],
        )
        .await?
    {
        let existing: String = row.get(0);
        if existing == hash {
            return Ok((
                StatusCode::OK,
                Json(PublishResponse {
                    hash,
                    created: false,
                }),
            ));
        }
        return Err(ApiError::conflict(format!(
            "version {v} of {c} is published and never changes; publish it as version {next}",
            v = req.version,
            c = req.checklist,
            next = req.version.saturating_add(1)
        )));
    }
    let team: Vec<(String, i32, String)> = tx
        .query(
            "SELECT checklist, version, content FROM checklist WHERE team_id = $1",
            &[&caller.team_id],
        )
        .await?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    let checked = req.clone();
    tokio::task::spawn_blocking(move || check_checklist(&checked, team))
        .await?
        .map_err(ApiError::bad_request)?;
    tx.execute(
        "INSERT INTO checklist (team_id, checklist, version, hash, content, published_by)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            &caller.team_id,
            &req.checklist,
            &version,
            &hash,
            &req.content,
            &caller.user_id,
        ],
    )
    .await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(PublishResponse {
            hash,
            created: true,
        }),
    ))
}
