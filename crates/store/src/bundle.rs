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

mod questions;
mod validate;
mod write;

use std::collections::BTreeMap;
use std::path::Path;

use deepbrief_core::library::content_hash;
use deepbrief_core::{ArchivedAnswer, Entry, Library};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

pub use questions::{BriefQuestion, BundleQuestions, answer_problem, questions};

use crate::Store;
use crate::error::StoreError;
use crate::limits::{MAX_BUNDLE_BYTES, MAX_HEADER_BYTES};
use crate::review::{Comment, FrozenRevision};
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
/// What a checked bundle holds, as a server that stores it without a brief database needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleSummary {
    /// The brief's id.
    pub brief_id: String,
    /// The client.
    pub client: String,
    /// The project.
    pub project: String,
    /// The account manager named in the brief.
    pub account_manager: String,
    /// `draft`, `in_review`, `returned`, `approved`.
    pub status: String,
    /// The brief's last change (RFC 3339 UTC).
    pub updated_at: String,
    /// The pinned checklist versions: (id, version, SHA-256 of the text).
    pub pins: Vec<(String, u32, String)>,
    /// History events it carries.
    pub events: usize,
    /// Approvals for kickoff among them (`approve` events): a server lets only a lead add one.
    pub approvals: usize,
}

/// Checks a bundle exactly as an import would (header, length, checksum, every part against the
/// checklists it pins, the event format) without a database of briefs: for a server that keeps
/// bundles it receives from devices and must refuse a malformed one, naming the part, before it
/// stores anything. `origin` names the bundle in messages (`record 12`).
pub fn inspect(bytes: &[u8], origin: &str) -> Result<BundleSummary, StoreError> {
    let file = Path::new(origin);
    let payload = parse(bytes, file)?;
    let scratch = Store::open_in_memory()?;
    validate::validate(&scratch, &payload, &Library::default())
        .map_err(|r| bad(file, format!("{}: {}", r.part, r.message)))?;
    let m = &payload.brief;
    Ok(BundleSummary {
        brief_id: m.id.clone(),
        client: m.client.clone(),
        project: m.project.clone(),
        account_manager: m.account_manager.clone(),
        status: m.status.as_str().to_owned(),
        updated_at: m.updated_at.clone(),
        pins: payload
            .pins
            .iter()
            .map(|p| (p.checklist.clone(), p.version, p.hash.clone()))
            .collect(),
        events: payload.events.len(),
        approvals: payload
            .events
            .iter()
            .filter(|e| e.kind == "approve")
            .count(),
    })
}

fn json_text<T: Serialize>(value: &T) -> Result<String, StoreError> {
    Ok(serde_json::to_string(value)?)
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
        self.import_bundle_as(bytes, file, local, false)
    }

    /// [`Store::import_bundle`]; `received` from the team server: the brief goes into the outbox
    /// only when it had a change of its own waiting there already.
    pub(crate) fn import_bundle_as(
        &mut self,
        bytes: &[u8],
        file: &Path,
        local: &Library,
        received: bool,
    ) -> Result<ImportOutcome, StoreError> {
        let payload = parse(bytes, file)?;
        validate::validate(self, &payload, local)
            .map_err(|r| bad(file, format!("{}: {}", r.part, r.message)))?;
        let tx = self.begin_write()?;
        let waiting = tx
            .query_row(
                "SELECT 1 FROM sync_outbox WHERE brief_id = ?1",
                [&payload.brief.id],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        let outcome = write::merge(&tx, &payload, &format!("bundle {}", file.display()))?;
        if received && !waiting {
            tx.execute(
                "DELETE FROM sync_outbox WHERE brief_id = ?1",
                [&payload.brief.id],
            )?;
        }
        tx.commit()?;
        self.cache.borrow_mut().clear();
        Ok(outcome)
    }
}
