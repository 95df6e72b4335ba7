//! Bundles: one brief — its pinned checklist versions (with their text), answers, archived answers,
//! ad-hoc questions, follow-up briefings and full history — in one file, for handing a brief to
//! another machine. The format is documented in `docs/bundle-format.md`.
//!
//! A file is a header line and a payload:
//!
//! ```text
//! {"format":"deepbrief-bundle","version":1,"app":"0.1.0","bytes":12345,"sha256":"…"}\n
//! {…payload JSON, exactly `bytes` bytes, whose SHA-256 is `sha256`…}
//! ```
//!
//! Import checks everything before it writes anything, then merges in one transaction: events are
//! united by their id (so importing twice adds nothing) and the current state of every subject is
//! the newest event's (by time, then event id), so two diverged copies converge.

mod merge;
mod validate;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use deepbrief_core::library::content_hash;
use deepbrief_core::{ArchivedAnswer, Entry, Library};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::Store;
use crate::error::StoreError;
use crate::history::{EVENT_COLUMNS, read_event};
use crate::limits::{MAX_BUNDLE_BYTES, MAX_HEADER_BYTES};
use crate::pins::store_content;
use crate::review::{Comment, FrozenRevision, insert_comment, insert_revision};
use crate::search;
use crate::types::{AdhocQuestion, BriefMeta, FollowUpBriefing, HistoryEvent, PinnedChecklist};

/// The format tag of the header line.
pub const FORMAT: &str = "deepbrief-bundle";
/// The newest bundle version this build reads and the one it writes.
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: String,
    version: u32,
    #[serde(default)]
    app: String,
    bytes: usize,
    sha256: String,
}

/// A pinned checklist version with its text.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct PinnedText {
    checklist: String,
    version: u32,
    hash: String,
    content: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    brief: BriefMeta,
    pins: Vec<PinnedText>,
    entries: BTreeMap<String, Entry>,
    #[serde(default)]
    archived: Vec<ArchivedAnswer>,
    #[serde(default)]
    adhoc: Vec<AdhocQuestion>,
    #[serde(default)]
    followups: Vec<FollowUpBriefing>,
    /// The lead's comments (added in 0.1 without a version bump: older readers ignore them).
    #[serde(default)]
    comments: Vec<Comment>,
    /// Approved revisions with their frozen records.
    #[serde(default)]
    revisions: Vec<FrozenRevision>,
    /// Checklist versions only approved revisions are pinned to (the brief has moved on).
    #[serde(default)]
    revision_pins: Vec<PinnedText>,
    events: Vec<HistoryEvent>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ImportOutcome {
    /// The brief.
    pub brief_id: String,
    /// Whether the brief was new on this machine (otherwise it was merged).
    pub created: bool,
    /// History events that were not here before.
    pub events_added: u32,
    /// Answers whose current value changed.
    pub answers_changed: u32,
}

fn bad(file: &Path, message: impl Into<String>) -> StoreError {
    StoreError::Bundle {
        file: file.display().to_string(),
        message: message.into(),
    }
}

/// Writes one brief as a bundle.
pub fn export(store: &Store, brief_id: &str) -> Result<Vec<u8>, StoreError> {
    let data = store.open_brief(brief_id)?;
    let pins = pinned_texts(store, &data.pins)?;
    let revisions = store.frozen_revisions(brief_id)?;
    let mut older: Vec<PinnedChecklist> = Vec::new();
    for r in &revisions {
        for p in &r.snapshot.pins {
            if !data.pins.contains(p) && !older.contains(p) {
                older.push(p.clone());
            }
        }
    }
    let revision_pins = pinned_texts(store, &older)?;
    let payload = Payload {
        brief: data.meta,
        pins,
        entries: data.entries,
        archived: data.archived,
        adhoc: data.adhoc,
        followups: store.followups(brief_id)?,
        comments: store.comments(brief_id)?,
        revisions,
        revision_pins,
        events: store.history(brief_id, None)?,
    };
    let body = serde_json::to_vec(&payload)?;
    let header = Header {
        format: FORMAT.to_owned(),
        version: VERSION,
        app: env!("CARGO_PKG_VERSION").to_owned(),
        bytes: body.len(),
        sha256: content_hash(&body),
    };
    let mut out = serde_json::to_vec(&header)?;
    out.push(b'\n');
    out.extend_from_slice(&body);
    Ok(out)
}

/// The stored texts of the given versions.
fn pinned_texts(store: &Store, pins: &[PinnedChecklist]) -> Result<Vec<PinnedText>, StoreError> {
    let mut out = Vec::with_capacity(pins.len());
    for p in pins {
        let content: String = store.conn.query_row(
            "SELECT content FROM checklist_version WHERE checklist = ?1 AND version = ?2",
            params![p.checklist, p.version],
            |r| r.get(0),
        )?;
        out.push(PinnedText {
            checklist: p.checklist.clone(),
            version: p.version,
            hash: p.hash.clone(),
            content,
        });
    }
    Ok(out)
}

/// Reads a bundle file without reading more than the header promises: the header line first (at
/// most [`MAX_HEADER_BYTES`]), then — only when the payload it announces, and the file, are within
/// [`MAX_BUNDLE_BYTES`] — the rest. A 100 MB file is refused before its payload is read.
pub fn read_file(path: &Path) -> Result<Vec<u8>, StoreError> {
    use std::io::{BufRead, BufReader, Read};
    let io = |source: std::io::Error| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(bad(path, "not a file; choose a .deepbrief file"));
    }
    let mut reader = BufReader::new(file);
    let mut out = Vec::new();
    (&mut reader)
        .take(MAX_HEADER_BYTES as u64 + 1)
        .read_until(b'\n', &mut out)
        .map_err(io)?;
    if out.last() != Some(&b'\n') {
        // No header line within the bound: let `parse` say what the file is.
        return Ok(out);
    }
    let header = header_of(&out[..out.len() - 1], path)?;
    let promised = header.bytes as u64;
    let on_disk = meta.len().saturating_sub(out.len() as u64);
    if on_disk != promised {
        return Err(bad(
            path,
            format!(
                "the file is truncated or padded: the header promises {promised} bytes, the file has {on_disk}; copy it again"
            ),
        ));
    }
    // Promised and on disk are equal here; the bound is checked by `parse`'s size check too.
    size_within_limit(promised, path)?;
    reader
        .take(promised + 1)
        .read_to_end(&mut out)
        .map_err(io)?;
    Ok(out)
}

fn size_within_limit(bytes: u64, file: &Path) -> Result<(), StoreError> {
    if bytes > MAX_BUNDLE_BYTES {
        return Err(bad(
            file,
            format!(
                "the brief inside is {} MB; a bundle holds at most {} MB (limits: docs/bundle-format.md)",
                bytes.div_ceil(1024 * 1024),
                MAX_BUNDLE_BYTES / (1024 * 1024)
            ),
        ));
    }
    Ok(())
}

/// The header line, checked: the format, a version this build reads, a payload within the limit.
fn header_of(line: &[u8], file: &Path) -> Result<Header, StoreError> {
    let header: Header = serde_json::from_slice(line).map_err(|_| {
        bad(
            file,
            "not a Deepbrief bundle (the first line is not a bundle header)",
        )
    })?;
    if header.format != FORMAT {
        return Err(bad(
            file,
            format!("not a Deepbrief bundle (format `{}`)", header.format),
        ));
    }
    if header.version > VERSION {
        return Err(bad(
            file,
            format!(
                "bundle version {} was written by a newer Deepbrief ({}); update this app to import it",
                header.version, header.app
            ),
        ));
    }
    if header.version == 0 {
        return Err(bad(file, "bundle version 0 does not exist"));
    }
    size_within_limit(header.bytes as u64, file)?;
    Ok(header)
}

/// The read phase: the header, the length, the checksum and the payload's JSON shape, without
/// touching the database.
fn parse(bytes: &[u8], file: &Path) -> Result<Payload, StoreError> {
    if bytes.is_empty() {
        return Err(bad(file, "the file is empty; export the brief again"));
    }
    let Some(newline) = bytes
        .iter()
        .take(MAX_HEADER_BYTES + 1)
        .position(|b| *b == b'\n')
    else {
        return Err(bad(
            file,
            "not a Deepbrief bundle (no header line); export the brief with Deepbrief",
        ));
    };
    let header = header_of(&bytes[..newline], file)?;
    let body = &bytes[newline + 1..];
    if body.len() != header.bytes {
        return Err(bad(
            file,
            format!(
                "the file is truncated or padded: the header promises {} bytes, the file has {}; copy it again",
                header.bytes,
                body.len()
            ),
        ));
    }
    if content_hash(body) != header.sha256 {
        return Err(bad(
            file,
            "the checksum does not match: the file was changed or damaged after export; copy it again",
        ));
    }
    serde_json::from_slice(body)
        .map_err(|e| bad(file, format!("the brief inside cannot be read: {e}")))
}
fn json_text<T: Serialize>(value: &T) -> Result<String, StoreError> {
    Ok(serde_json::to_string(value)?)
}

/// Inserts an event if its id is new; true when it was.
fn insert_event(conn: &Connection, e: &HistoryEvent) -> Result<bool, StoreError> {
    let n = conn.execute(
        "INSERT OR IGNORE INTO event (event_id, brief_id, at, who, kind, subject, old, new)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            e.event_id,
            e.brief_id,
            e.at,
            e.who,
            e.kind,
            e.subject,
            e.old.as_ref().map(ToString::to_string),
            e.new.as_ref().map(ToString::to_string),
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

impl Store {
    /// Imports a bundle file: reads it within the size limit (see [`read_file`]), then
    /// [`Store::import_bundle`].
    pub fn import_bundle_file(
        &mut self,
        file: &Path,
        local: &Library,
    ) -> Result<ImportOutcome, StoreError> {
        let bytes = read_file(file)?;
        self.import_bundle(&bytes, file, local)
    }

    /// Imports a bundle: a new brief, or a merge with the local copy. In phases: read (header,
    /// length, checksum, JSON), validate (every part against its pinned checklists, the event format
    /// and this machine's checklists `local`), merge (a pure plan of the two histories), write (one
    /// transaction). A malformed, truncated, foreign, newer-version or inconsistent file is refused
    /// with a message naming the part, and nothing changes.
    pub fn import_bundle(
        &mut self,
        bytes: &[u8],
        file: &Path,
        local: &Library,
    ) -> Result<ImportOutcome, StoreError> {
        let payload = parse(bytes, file)?;
        validate::validate(self, &payload, local)
            .map_err(|r| bad(file, format!("{}: {}", r.part, r.message)))?;
        let id = payload.brief.id.clone();
        let tx = self.begin_write()?;
        let source = format!("bundle {}", file.display());
        for p in payload.pins.iter().chain(&payload.revision_pins) {
            let pin = PinnedChecklist {
                checklist: p.checklist.clone(),
                version: p.version,
                hash: p.hash.clone(),
            };
            store_content(&tx, &pin, &p.content, &source)?;
        }
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
            if insert_event(&tx, e)? {
                added += 1;
            }
        }
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
                params![id, q.id, q.section, q.prompt, q.kind.name(), (known_adhoc.len() + i) as i64, m.updated_at],
            )?;
            search::index_adhoc(&tx, &id, &q.id, &q.prompt)?;
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
            if c.brief_id == id {
                insert_comment(&tx, c)?;
            }
        }
        for r in &payload.revisions {
            if r.info.brief_id == id {
                insert_revision(&tx, r)?;
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
            let mut stmt = tx.prepare(
                "SELECT data FROM archived_answer WHERE brief_id = ?1 ORDER BY position",
            )?;
            let rows = stmt.query_map([&id], |r| r.get::<_, String>(0))?;
            let texts: Vec<String> = rows.collect::<Result<_, _>>()?;
            texts
                .iter()
                .map(|t| serde_json::from_str(t))
                .collect::<Result<_, _>>()?
        };
        for a in &payload.archived {
            let same = |b: &ArchivedAnswer| {
                b.question_id == a.question_id
                    && b.checklist == a.checklist
                    && b.version == a.version
            };
            if !local_archived.iter().any(same) {
                tx.execute(
                    "INSERT INTO archived_answer (brief_id, position, data) VALUES (?1, ?2, ?3)",
                    params![id, local_archived.len() as i64, json_text(a)?],
                )?;
                local_archived.push(a.clone());
            }
        }
        // The current state of every touched subject is its newest event's.
        let mut answers_changed = 0u32;
        for (slot, winner) in &plan.winners {
            answers_changed += apply(&tx, &id, slot, winner, &m.updated_at)?;
        }
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
        search::index_brief(&tx, &id, &client, &project)?;
        if !exists {
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
                    search::index_entry(&tx, &id, question, Some(entry))?;
                    answers_changed += 1;
                }
            }
        }
        tx.commit()?;
        self.cache.borrow_mut().clear();
        Ok(ImportOutcome {
            brief_id: id,
            created: !exists,
            events_added: added,
            answers_changed,
        })
    }
}
