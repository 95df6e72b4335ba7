//! The write phase of an import, in one transaction the caller commits: the pinned checklist
//! versions, the brief (when new), the two histories united by event id under the merge plan
//! ([`merge::plan`], pure), the records united by id, the current state of each touched subject from
//! its newest event, the header and search index, and — for a new brief — the answers a bundle carries
//! without history.

use std::collections::HashSet;

use deepbrief_core::{ArchivedAnswer, Entry};
use rusqlite::{Connection, OptionalExtension, params};

use deepbrief_core::merge;

use super::{ImportOutcome, Payload, json_text};
use crate::error::StoreError;
use crate::history::{EVENT_COLUMNS, read_event};
use crate::pins::store_content;
use crate::review::{insert_comment, insert_revision};
use crate::search;
use crate::types::{HistoryEvent, PinnedChecklist};

/// Writes a validated bundle: a new brief, or a merge with the local copy.
pub(super) fn merge(
    tx: &Connection,
    payload: &Payload,
    source: &str,
) -> Result<ImportOutcome, StoreError> {
    let id = payload.brief.id.clone();
    store_checklists(tx, payload, source)?;
    let created = create_if_new(tx, payload)?;
    // Records first: they do not depend on the history, and the history's winners may set fields
    // (the industry) that the records fill only when empty.
    unite_records(tx, payload)?;
    let (events_added, mut answers_changed) = unite_events(tx, payload)?;
    refresh_header(tx, payload)?;
    crate::conflicts::recount(tx, &id)?;
    if created {
        answers_changed += seed_entries(tx, payload)?;
    }
    Ok(ImportOutcome {
        brief_id: id,
        created,
        events_added,
        answers_changed,
    })
}

/// The pinned checklist versions (and those of approved revisions), content-checked.
fn store_checklists(tx: &Connection, payload: &Payload, source: &str) -> Result<(), StoreError> {
    for p in payload.pins.iter().chain(&payload.revision_pins) {
        let pin = PinnedChecklist {
            checklist: p.checklist.clone(),
            version: p.version,
            hash: p.hash.clone(),
        };
        store_content(tx, &pin, &p.content, source)?;
    }
    Ok(())
}

/// Creates the brief with its pins when this machine does not have it; whether it did.
fn create_if_new(tx: &Connection, payload: &Payload) -> Result<bool, StoreError> {
    let id = &payload.brief.id;
    let exists: bool = tx
        .query_row("SELECT 1 FROM brief WHERE id = ?1", [&id], |_| Ok(()))
        .optional()?
        .is_some();
    let m = &payload.brief;
    if !exists {
        tx.execute(
            "INSERT INTO brief (id, client, project, services, account_manager, contacts, language,
                                status, archived, prefilled_from, created_at, updated_at, industry)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL, ?10, ?11, ?12)",
            params![
                id,
                m.client,
                m.project,
                json_text(&m.services)?,
                m.account_manager,
                json_text(&m.contacts)?,
                m.language,
                m.status.as_str(),
                i64::from(m.archived),
                m.created_at,
                m.updated_at,
                m.industry
            ],
        )?;
        for (position, p) in payload.pins.iter().enumerate() {
            tx.execute(
                "INSERT INTO brief_checklist (brief_id, checklist, version, position) VALUES (?1, ?2, ?3, ?4)",
                params![id, p.checklist, p.version, position as i64],
            )?;
        }
    }
    Ok(!exists)
}

/// Both histories united by event id under the merge plan, and the current state of every touched
/// subject set from its newest event; how many events were new and how many answers changed.
fn unite_events(tx: &Connection, payload: &Payload) -> Result<(u32, u32), StoreError> {
    let id = &payload.brief.id;
    // Merge: a pure plan over both histories.
    let local_events: Vec<HistoryEvent> = {
        let mut stmt = tx.prepare(&format!(
            "SELECT {EVENT_COLUMNS} FROM event WHERE brief_id = ?1 ORDER BY seq"
        ))?;
        let rows = stmt.query_map([&id], read_event)?;
        rows.collect::<Result<_, _>>()?
    };
    let plan = merge::plan(&local_events, &payload.events);
    let mut added = 0u32;
    for e in &plan.added {
        if insert_event(tx, e)? {
            added += 1;
        }
    }
    let mut answers_changed = 0u32;
    for (slot, winner) in &plan.winners {
        answers_changed += apply(tx, id, slot, winner, &payload.brief.updated_at)?;
    }
    Ok((added, answers_changed))
}

/// Ad-hoc questions, follow-ups, comments, revisions and archived answers, united by id; the
/// industry and the revision being edited, the furthest either side has reached.
fn unite_records(tx: &Connection, payload: &Payload) -> Result<(), StoreError> {
    let id = &payload.brief.id;
    let m = &payload.brief;
    // Ad-hoc questions, follow-ups and archived answers: united by id.
    let known_adhoc: HashSet<String> = {
        let mut stmt = tx.prepare("SELECT id FROM adhoc_question WHERE brief_id = ?1")?;
        let rows = stmt.query_map([&id], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    for (i, q) in payload.adhoc.iter().enumerate() {
        if known_adhoc.contains(&q.id) {
            continue;
        }
        tx.execute(
            "INSERT INTO adhoc_question (brief_id, id, section, prompt, kind, position, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                id,
                q.id,
                q.section,
                q.prompt,
                q.kind.name(),
                (known_adhoc.len() + i) as i64,
                m.updated_at
            ],
        )?;
        search::index_adhoc(tx, id, &q.id, &q.prompt)?;
    }
    for f in &payload.followups {
        let n = tx.execute(
            "INSERT OR IGNORE INTO followup (id, brief_id, title, start, duration_minutes, timezone,
                                             location, attendees, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                f.id,
                id,
                f.title,
                f.start,
                f.duration_minutes,
                f.timezone,
                f.location,
                json_text(&f.attendees)?,
                m.updated_at
            ],
        )?;
        if n == 1 {
            for (position, key) in f.items.iter().enumerate() {
                tx.execute(
                    "INSERT OR IGNORE INTO followup_item (followup_id, gap_key, position) VALUES (?1, ?2, ?3)",
                    params![f.id, key, position as i64],
                )?;
            }
        }
    }
    for c in &payload.comments {
        if &c.brief_id == id {
            insert_comment(tx, c)?;
        }
    }
    for r in &payload.revisions {
        if &r.info.brief_id == id {
            insert_revision(tx, r)?;
        }
    }
    // The industry is named once; a copy without one takes the other's.
    tx.execute(
        "UPDATE brief SET industry = ?2 WHERE id = ?1 AND industry = '' AND ?2 <> ''",
        params![id, m.industry],
    )?;
    // The revision being edited is the furthest either side has reached.
    tx.execute(
        "UPDATE brief SET revision = max(revision, ?2) WHERE id = ?1",
        params![id, m.revision],
    )?;
    let mut local_archived: Vec<ArchivedAnswer> = {
        let mut stmt =
            tx.prepare("SELECT data FROM archived_answer WHERE brief_id = ?1 ORDER BY position")?;
        let rows = stmt.query_map([&id], |r| r.get::<_, String>(0))?;
        let texts: Vec<String> = rows.collect::<Result<_, _>>()?;
        texts
            .iter()
            .map(|t| serde_json::from_str(t))
            .collect::<Result<_, _>>()?
    };
    for a in &payload.archived {
        let same = |b: &ArchivedAnswer| {
            b.question_id == a.question_id && b.checklist == a.checklist && b.version == a.version
        };
        if !local_archived.iter().any(same) {
            tx.execute(
                "INSERT INTO archived_answer (brief_id, position, data) VALUES (?1, ?2, ?3)",
                params![id, local_archived.len() as i64, json_text(a)?],
            )?;
            local_archived.push(a.clone());
        }
    }
    Ok(())
}

/// The brief's last change and its search index, after the merge.
fn refresh_header(tx: &Connection, payload: &Payload) -> Result<(), StoreError> {
    let id = &payload.brief.id;
    let m = &payload.brief;
    let updated: String = tx
        .query_row(
            "SELECT max(at) FROM event WHERE brief_id = ?1",
            [&id],
            |r| r.get::<_, Option<String>>(0),
        )?
        .unwrap_or_else(|| m.updated_at.clone());
    tx.execute(
        "UPDATE brief SET updated_at = max(updated_at, ?2) WHERE id = ?1",
        params![id, updated],
    )?;
    let (client, project): (String, String) = tx.query_row(
        "SELECT client, project FROM brief WHERE id = ?1",
        [&id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    search::index_brief(tx, id, &client, &project)?;
    Ok(())
}

/// A new brief's answers the bundle carries without events (written by an older build); how many.
fn seed_entries(tx: &Connection, payload: &Payload) -> Result<u32, StoreError> {
    let id = &payload.brief.id;
    let m = &payload.brief;
    let mut answers_changed = 0u32;
    for (question, entry) in &payload.entries {
        let present: bool = tx
            .query_row(
                "SELECT 1 FROM answer WHERE brief_id = ?1 AND question_id = ?2",
                params![id, question],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        if !present {
            tx.execute(
                "INSERT INTO answer (brief_id, question_id, entry, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, 'import')",
                params![id, question, json_text(entry)?, m.updated_at],
            )?;
            search::index_entry(tx, id, question, Some(entry))?;
            answers_changed += 1;
        }
    }
    Ok(answers_changed)
}

/// Inserts an event if its id is new; true when it was.
fn insert_event(conn: &Connection, e: &HistoryEvent) -> Result<bool, StoreError> {
    let n = conn.execute(
        "INSERT OR IGNORE INTO event (event_id, brief_id, at, who, kind, subject, old, new, base)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            e.event_id,
            e.brief_id,
            e.at,
            e.who,
            e.kind,
            e.subject,
            e.old.as_ref().map(ToString::to_string),
            e.new.as_ref().map(ToString::to_string),
            e.base,
        ],
    )?;
    Ok(n == 1)
}

/// The write phase of one merge slot: the current state of what the winning event decides.
fn apply(
    conn: &Connection,
    id: &str,
    slot: &merge::Slot,
    winner: &HistoryEvent,
    updated_at: &str,
) -> Result<u32, StoreError> {
    match slot {
        merge::Slot::Answer(question) => {
            let entry: Option<Entry> =
                winner.new.clone().map(serde_json::from_value).transpose()?;
            let current: Option<String> = conn
                .query_row(
                    "SELECT entry FROM answer WHERE brief_id = ?1 AND question_id = ?2",
                    params![id, question],
                    |r| r.get(0),
                )
                .optional()?;
            let current: Option<Entry> = current.map(|t| serde_json::from_str(&t)).transpose()?;
            if current == entry {
                return Ok(0);
            }
            match &entry {
                Some(e) => {
                    conn.execute(
                        "INSERT INTO answer (brief_id, question_id, entry, updated_at, updated_by)
                         VALUES (?1, ?2, ?3, ?4, 'import')
                         ON CONFLICT (brief_id, question_id) DO UPDATE SET entry = excluded.entry,
                           updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                        params![id, question, json_text(e)?, updated_at],
                    )?;
                }
                None => {
                    conn.execute(
                        "DELETE FROM answer WHERE brief_id = ?1 AND question_id = ?2",
                        params![id, question],
                    )?;
                }
            }
            search::index_entry(conn, id, question, entry.as_ref())?;
            Ok(1)
        }
        merge::Slot::Field(field) => {
            let Some(column) = merge::FIELDS.iter().find(|f| **f == field.as_str()) else {
                return Ok(0);
            };
            if let Some(value) = &winner.new {
                let text = match value {
                    serde_json::Value::String(s) if !matches!(*column, "services" | "contacts") => {
                        s.clone()
                    }
                    other => other.to_string(),
                };
                conn.execute(
                    &format!("UPDATE brief SET {column} = ?2 WHERE id = ?1"),
                    params![id, text],
                )?;
            }
            Ok(0)
        }
        merge::Slot::Archived => {
            conn.execute(
                "UPDATE brief SET archived = ?2 WHERE id = ?1",
                params![id, i64::from(winner.kind == "archive")],
            )?;
            Ok(0)
        }
        merge::Slot::Pins => {
            if let Some(pins) = &winner.new {
                let pins: Vec<PinnedChecklist> = serde_json::from_value(pins.clone())?;
                conn.execute("DELETE FROM brief_checklist WHERE brief_id = ?1", [id])?;
                for (position, p) in pins.iter().enumerate() {
                    conn.execute(
                        "INSERT INTO brief_checklist (brief_id, checklist, version, position) VALUES (?1, ?2, ?3, ?4)",
                        params![id, p.checklist, p.version, position as i64],
                    )?;
                }
            }
            Ok(0)
        }
    }
}
