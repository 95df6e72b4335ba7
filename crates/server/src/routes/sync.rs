//! `POST /v1/push` and `POST /v1/pull`: the records of the devices' streams.
//!
//! ## Push
//! One transaction per request: the stream row is created bound to the calling device on first use
//! and locked (`SELECT … FOR UPDATE`), so pushes to one stream are serialized and a stream's records
//! are always `1..=last_seq` with no gap, committed together with `last_seq`. Each record is a
//! duplicate (same id, stream, seq and SHA-256: skipped), a conflict (409) or the next one.
//!
//! ## Pull and its compaction rule
//! A pull reads, for each stream of the caller's team except its own, the records after the cursor
//! the device sent. A device's copy of a brief only grows (its history is append-only and every
//! record carries all of it), so a later record of a brief from a stream supersedes the earlier
//! records of that brief from that stream entirely: within the range of a stream a page covers,
//! only the newest record of each brief is sent. Records of briefs the caller may not read are
//! passed over; the cursor still advances past them. Cursors are per stream and a stream's records
//! commit atomically and contiguously, so a record committed later never lands below a cursor
//! already handed out (no global serial is used). The page is read in one REPEATABLE READ snapshot.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use axum::Json;
use axum::extract::State;
use deepbrief_wire::{
    MAX_RECORDS_PER_REQUEST, PublishedChecklist, PullRequest, PullResponse, PulledRecord,
    PushRecord, PushRequest, PushResponse,
};
use sha2::{Digest, Sha256};
use tokio_postgres::IsolationLevel;

use crate::access::{self, BriefFacts};
use crate::auth::Caller;
use crate::error::{ApiError, Body};
use crate::state::AppState;

/// How many records of one stream a pull looks at (without their bundles) to fill a page.
const SCAN_PER_STREAM: i64 = 5000;

/// Checks a stream id: 1–100 Latin letters, digits, `-`, `_`.
fn check_stream(stream: &str) -> Result<(), ApiError> {
    let ok = !stream.is_empty()
        && stream.len() <= 100
        && stream
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(ApiError::bad_request(
            "the stream id must be 1–100 Latin letters, digits, '-' or '_'",
        ))
    }
}

fn seq_i64(seq: u64) -> Result<i64, ApiError> {
    i64::try_from(seq).ok().filter(|s| *s >= 1).ok_or_else(|| {
        ApiError::bad_request(format!("record {seq}: seq must be 1 or more")).at_seq(seq)
    })
}

/// `POST /v1/push`.
pub async fn push(
    State(state): State<AppState>,
    caller: Caller,
    Body(req): Body<PushRequest>,
) -> Result<Json<PushResponse>, ApiError> {
    check_stream(&req.stream)?;
    if req.records.len() > MAX_RECORDS_PER_REQUEST {
        return Err(ApiError::too_large(format!(
            "a push carries at most {MAX_RECORDS_PER_REQUEST} records; this one has {}: send the rest in another push",
            req.records.len()
        )));
    }
    for r in &req.records {
        seq_i64(r.seq)?;
        if r.id.is_empty() || r.id.len() > 100 {
            return Err(ApiError::bad_request(format!(
                "record {}: the id must be 1–100 characters",
                r.seq
            ))
            .at_seq(r.seq));
        }
    }

    // Check every bundle as an import would, off the async threads and before a database
    // connection is taken: the check is the costly part of a push (tens of ms a record), and a
    // connection held through it starves the pool when many desktops push at once.
    let bundles: Vec<(u64, String, String)> = req
        .records
        .iter()
        .map(|r| (r.seq, r.brief_id.clone(), r.bundle.clone()))
        .collect();
    let summaries = tokio::task::spawn_blocking(move || {
        bundles
            .into_iter()
            .map(|(seq, brief_id, bundle)| {
                let summary =
                    deepbrief_store::bundle::inspect(bundle.as_bytes(), &format!("record {seq}"))
                        .map_err(|e| ApiError::bad_request(e.to_string()).at_seq(seq))?;
                if summary.brief_id != brief_id {
                    return Err(ApiError::bad_request(format!(
                        "record {seq}: the bundle holds brief {}, not {brief_id}",
                        summary.brief_id
                    ))
                    .at_seq(seq));
                }
                Ok((seq, summary))
            })
            .collect::<Result<std::collections::HashMap<_, _>, ApiError>>()
    })
    .await??;

    let mut db = state.pool.get().await?;
    let tx = db.transaction().await?;
    tx.execute(
        "INSERT INTO stream (id, device_id, user_id, team_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO NOTHING",
        &[
            &req.stream,
            &caller.device_id,
            &caller.user_id,
            &caller.team_id,
        ],
    )
    .await?;
    let stream = tx
        .query_one(
            "SELECT device_id, last_seq FROM stream WHERE id = $1 FOR UPDATE",
            &[&req.stream],
        )
        .await?;
    let owner: uuid::Uuid = stream.get(0);
    if owner != caller.device_id {
        return Err(ApiError::conflict(
            "this stream belongs to another device: start a new stream",
        ));
    }
    let mut last: i64 = stream.get(1);

    // Classify each record in order: a duplicate, a conflict, or the next one.
    let mut fresh: Vec<(&PushRecord, String)> = Vec::new();
    let mut duplicates = 0u32;
    for r in &req.records {
        let seq = seq_i64(r.seq)?;
        let sha = hex::encode(Sha256::digest(r.bundle.as_bytes()));
        if let Some(existing) = tx
            .query_opt(
                "SELECT stream_id, seq, sha256 FROM record WHERE id = $1",
                &[&r.id],
            )
            .await?
        {
            let (s, q, h): (String, i64, String) =
                (existing.get(0), existing.get(1), existing.get(2));
            if s == req.stream && q == seq && h == sha {
                duplicates += 1;
                continue;
            }
            return Err(ApiError::conflict(format!(
                "record {}: record id reused with different content",
                r.seq
            ))
            .at_seq(r.seq));
        }
        if tx
            .query_opt(
                "SELECT 1 FROM record WHERE stream_id = $1 AND seq = $2",
                &[&req.stream, &seq],
            )
            .await?
            .is_some()
        {
            return Err(ApiError::conflict(format!(
                "record {}: this stream already has another record at seq {} (was this database restored or copied? start a new stream)",
                r.seq, r.seq
            ))
            .at_seq(r.seq));
        }
        if seq != last + 1 {
            return Err(ApiError::conflict(format!(
                "record {}: sequence gap: expected {}",
                r.seq,
                last + 1
            ))
            .at_seq(r.seq));
        }
        last = seq;
        fresh.push((r, sha));
    }

    for (r, sha) in &fresh {
        let seq = seq_i64(r.seq)?;
        let Some(summary) = summaries.get(&r.seq) else {
            return Err(
                ApiError::bad_request(format!("record {}: not checked", r.seq)).at_seq(r.seq),
            );
        };
        tx.execute(
            "INSERT INTO record (stream_id, seq, id, brief_id, sha256, bundle)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[&req.stream, &seq, &r.id, &r.brief_id, sha, &r.bundle],
        )
        .await?;
        tx.execute(
            "INSERT INTO brief (id, team_id, owner_id, client, project, account_manager, status,
                                updated_at, record_stream, record_seq)
             VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8, $9)
             ON CONFLICT (id) DO NOTHING",
            &[
                &r.brief_id,
                &caller.team_id,
                &caller.user_id,
                &summary.client,
                &summary.project,
                &summary.account_manager,
                &summary.status,
                &req.stream,
                &seq,
            ],
        )
        .await?;
        let facts = access::brief_facts(&*tx, &caller, &r.brief_id, true).await?;
        if !access::may_write(&caller, facts.as_ref()) {
            return Err(
                ApiError::forbidden(format!("you may not write brief {}", r.brief_id))
                    .at_seq(r.seq),
            );
        }
        let approvals: i32 = tx
            .query_one("SELECT approvals FROM brief WHERE id = $1", &[&r.brief_id])
            .await?
            .get(0);
        let carried = i32::try_from(summary.approvals).unwrap_or(i32::MAX);
        if carried > approvals && !access::may_approve(&caller) {
            return Err(ApiError::forbidden(format!(
                "record {}: brief {} carries an approval for kickoff the server has not seen; only a lead or an admin approves",
                r.seq, r.brief_id
            ))
            .at_seq(r.seq));
        }
        tx.execute(
            "UPDATE brief SET client = $2, project = $3, account_manager = $4, status = $5,
                    updated_at = now(), record_stream = $6, record_seq = $7,
                    approvals = GREATEST(approvals, $8)
             WHERE id = $1",
            &[
                &r.brief_id,
                &summary.client,
                &summary.project,
                &summary.account_manager,
                &summary.status,
                &req.stream,
                &seq,
                &carried,
            ],
        )
        .await?;
    }
    tx.execute(
        "UPDATE stream SET last_seq = $2 WHERE id = $1",
        &[&req.stream, &last],
    )
    .await?;
    tx.commit().await?;
    Ok(Json(PushResponse {
        acked_through: u64::try_from(last).unwrap_or(0),
        inserted: u32::try_from(fresh.len()).unwrap_or(u32::MAX),
        duplicates,
    }))
}

/// `POST /v1/pull`.
pub async fn pull(
    State(state): State<AppState>,
    caller: Caller,
    Body(req): Body<PullRequest>,
) -> Result<Json<PullResponse>, ApiError> {
    let mut db = state.pool.get().await?;
    let tx = db
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .await?;
    let streams = tx
        .query(
            "SELECT id, last_seq FROM stream WHERE team_id = $1 AND id <> $2 ORDER BY id",
            &[&caller.team_id, &req.stream],
        )
        .await?;
    let shared = access::shared_sql(3);
    let scan_sql = format!(
        "SELECT r.seq, r.brief_id, b.team_id, b.owner_id, {shared}
         FROM record r JOIN brief b ON b.id = r.brief_id
         WHERE r.stream_id = $1 AND r.seq > $2
         ORDER BY r.seq LIMIT {SCAN_PER_STREAM}"
    );

    let mut remaining = MAX_RECORDS_PER_REQUEST;
    let mut cursors = BTreeMap::new();
    let mut more = false;
    let mut chosen_streams: Vec<String> = Vec::new();
    let mut chosen_seqs: Vec<i64> = Vec::new();
    for stream in &streams {
        let id: String = stream.get(0);
        let last_seq: i64 = stream.get(1);
        let cursor = req
            .cursors
            .get(&id)
            .map_or(0, |c| i64::try_from(*c).unwrap_or(i64::MAX));
        if last_seq <= cursor {
            cursors.insert(id, u64::try_from(cursor).unwrap_or(0));
            continue;
        }
        if remaining == 0 {
            more = true;
            cursors.insert(id, u64::try_from(cursor).unwrap_or(0));
            continue;
        }
        let rows = tx
            .query(&scan_sql, &[&id, &cursor, &caller.user_id])
            .await?;
        // The longest prefix of the rows whose readable briefs fit in what is left of the page;
        // the newest record of each of those briefs within it.
        let mut newest: HashMap<String, i64> = HashMap::new();
        let mut covered = cursor;
        for row in &rows {
            let seq: i64 = row.get(0);
            let brief_id: String = row.get(1);
            let facts = BriefFacts {
                team_id: row.get(2),
                owner_id: row.get(3),
                shared_with_caller: row.get(4),
            };
            if access::may_read(&caller, &facts) {
                if !newest.contains_key(&brief_id) && newest.len() == remaining {
                    break;
                }
                newest.insert(brief_id, seq);
            }
            covered = seq;
        }
        if covered < last_seq {
            more = true;
        }
        remaining -= newest.len();
        let mut seqs: Vec<i64> = newest.into_values().collect();
        seqs.sort_unstable();
        for seq in seqs {
            chosen_streams.push(id.clone());
            chosen_seqs.push(seq);
        }
        cursors.insert(id, u64::try_from(covered).unwrap_or(0));
    }

    let rows = tx
        .query(
            "SELECT r.stream_id, r.seq, r.id, r.brief_id, r.bundle
             FROM unnest($1::text[], $2::bigint[]) AS k(stream_id, seq)
             JOIN record r ON r.stream_id = k.stream_id AND r.seq = k.seq
             ORDER BY r.stream_id, r.seq",
            &[&chosen_streams, &chosen_seqs],
        )
        .await?;
    let records = rows
        .iter()
        .map(|r| PulledRecord {
            stream: r.get(0),
            seq: u64::try_from(r.get::<_, i64>(1)).unwrap_or(0),
            id: r.get(2),
            brief_id: r.get(3),
            bundle: r.get(4),
        })
        .collect();

    let known: BTreeSet<&str> = req.checklists_known.iter().map(String::as_str).collect();
    let checklists = tx
        .query(
            "SELECT c.checklist, c.version, c.hash, c.content, u.name
             FROM checklist c JOIN app_user u ON u.id = c.published_by
             WHERE c.team_id = $1 ORDER BY c.checklist, c.version",
            &[&caller.team_id],
        )
        .await?
        .iter()
        .filter(|r| !known.contains(r.get::<_, &str>(2)))
        .map(|r| PublishedChecklist {
            checklist: r.get(0),
            version: u32::try_from(r.get::<_, i32>(1)).unwrap_or(0),
            hash: r.get(2),
            content: r.get(3),
            published_by: r.get(4),
        })
        .collect();
    tx.commit().await?;
    Ok(Json(PullResponse {
        records,
        cursors,
        more,
        checklists,
    }))
}
