//! The history: every change appended as an event in the same transaction as the change, never
//! rewritten (triggers refuse UPDATE and DELETE on `event`).
//!
//! Kinds and payloads (bundles merge by them; see `docs/bundle-format.md`): `created` (new = the
//! brief's meta with its pins), `brief` (subject = field, old/new = JSON value), `answer` (subject =
//! question id, old/new = `Entry` JSON or none), `adhoc` (subject = ad-hoc id, new = the question),
//! `archived_answer` (subject = question id, new = `ArchivedAnswer`), `upgrade` (old/new = pins),
//! `archive`/`restore`, `followup` (subject = follow-up id, new = the briefing).

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

/// How long a person may pause and still be in the same edit of one answer: saves of one question
/// by one person, with nothing else saved in between and no pause longer than this, read as one
/// change (see [`coalesce_edits`]).
pub const EDIT_PAUSE_SECONDS: i64 = 120;

use crate::Store;
use crate::error::StoreError;
use crate::time::new_id;
use crate::types::{HistoryEvent, Saved};

/// One change to record.
pub(crate) struct Change<'a> {
    pub brief_id: &'a str,
    pub who: &'a str,
    pub kind: &'a str,
    pub subject: Option<&'a str>,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

/// Appends the change; returns the event's id and time. The time is a hybrid logical clock: `at`
/// (the wall clock), or one millisecond after the newest event this database holds when that is
/// later — a copy whose clock runs behind, or that received events from a copy whose clock runs
/// ahead, still stamps its new events after everything it has seen, so the newest event of a
/// subject is the one made last in causal order. An `answer` event records its base (the event
/// whose value it replaced) for conflict detection.
pub(crate) fn append(conn: &Connection, at: &str, c: Change<'_>) -> Result<Saved, StoreError> {
    let event_id = new_id();
    let at = clock(conn, at)?;
    let base: Option<String> = if c.kind == "answer" {
        Some(
            current_answer_event(conn, c.brief_id, c.subject.unwrap_or_default())?
                .unwrap_or_default(),
        )
    } else {
        None
    };
    conn.execute(
        "INSERT INTO event (event_id, brief_id, at, who, kind, subject, old, new, base)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            event_id,
            c.brief_id,
            at,
            c.who,
            c.kind,
            c.subject,
            c.old.map(|v| v.to_string()),
            c.new.map(|v| v.to_string()),
            base,
        ],
    )?;
    Ok(Saved { event_id, at })
}

/// The time of a write about to happen in `conn`'s transaction: now by the hybrid logical clock (see
/// [`append`]). A write stamps its records with it, so a record and its history event agree.
pub(crate) fn stamp(conn: &Connection) -> Result<String, StoreError> {
    clock(conn, &crate::time::now())
}

/// The hybrid logical clock's next time: `wall`, or 1 ms after the newest event when that is later.
fn clock(conn: &Connection, wall: &str) -> Result<String, StoreError> {
    let newest: Option<String> = conn.query_row("SELECT max(at) FROM event", [], |r| r.get(0))?;
    match newest {
        Some(newest) if newest.as_str() >= wall => Ok(crate::time::after(&newest)),
        _ => Ok(wall.to_owned()),
    }
}

/// The answer event whose value a question shows: the newest (by time, then id) — the merge's rule.
pub(crate) fn current_answer_event(
    conn: &Connection,
    brief: &str,
    question: &str,
) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT event_id FROM event WHERE brief_id = ?1 AND subject = ?2 AND kind = 'answer'
             ORDER BY at DESC, event_id DESC LIMIT 1",
            params![brief, question],
            |r| r.get(0),
        )
        .optional()?)
}

/// A history value (JSON) of brief `brief` in column `column`; one that does not read back refuses
/// the history rather than showing a change as "nothing".
fn value(
    row: &rusqlite::Row<'_>,
    brief: &str,
    column: usize,
    field: &'static str,
) -> rusqlite::Result<Option<Value>> {
    let text: Option<String> = row.get(column)?;
    text.map(|t| {
        crate::unreadable::json(brief, field, &t).map_err(|why| why.into_row_error(column))
    })
    .transpose()
}

pub(crate) fn read_event(row: &rusqlite::Row<'_>) -> rusqlite::Result<HistoryEvent> {
    let brief_id: String = row.get(1)?;
    Ok(HistoryEvent {
        event_id: row.get(0)?,
        at: row.get(2)?,
        who: row.get(3)?,
        kind: row.get(4)?,
        subject: row.get(5)?,
        old: value(row, &brief_id, 6, "history value before")?,
        new: value(row, &brief_id, 7, "history value after")?,
        base: row.get(8)?,
        brief_id,
    })
}

/// The columns [`read_event`] reads, in order.
pub(crate) const EVENT_COLUMNS: &str = "event_id, brief_id, at, who, kind, subject, old, new, base";

/// Reads the history as people read it: the consecutive `answer` events of one question by one
/// person within one edit become one change — old of the first, new of the last, the time and id of
/// the last. An edit ends when anything else is recorded for the brief, another person saves, or
/// the pause between two saves exceeds [`EDIT_PAUSE_SECONDS`]. An edit that ends where it began
/// (typed, then erased) changed nothing and is left out. The stored events stay as they were
/// written: every save is durable and synced; only the reading is grouped.
pub fn coalesce_edits(events: Vec<HistoryEvent>) -> Vec<HistoryEvent> {
    let mut out: Vec<HistoryEvent> = Vec::with_capacity(events.len());
    // Whether the last element of `out` is an answer edit still open to the next save.
    let mut open = false;
    for event in events {
        if event.kind == "answer"
            && open
            && let Some(last) = out.last_mut()
            && last.subject == event.subject
            && last.who == event.who
            && within_pause(&last.at, &event.at)
        {
            last.event_id = event.event_id;
            last.at = event.at;
            last.new = event.new;
            continue;
        }
        if open {
            drop_if_unchanged(&mut out);
        }
        open = event.kind == "answer";
        out.push(event);
    }
    if open {
        drop_if_unchanged(&mut out);
    }
    out
}

/// Leaves out the last change when it is an answer edit that ended where it began.
fn drop_if_unchanged(out: &mut Vec<HistoryEvent>) {
    if out
        .last()
        .is_some_and(|e| e.kind == "answer" && e.old == e.new)
    {
        out.pop();
    }
}

/// Whether `later` follows `earlier` by no more than [`EDIT_PAUSE_SECONDS`]. Times that do not
/// parse (never written by this store) end the edit rather than join it.
fn within_pause(earlier: &str, later: &str) -> bool {
    match (
        earlier.parse::<jiff::Timestamp>(),
        later.parse::<jiff::Timestamp>(),
    ) {
        (Ok(a), Ok(b)) => {
            let gap = b.as_second() - a.as_second();
            (0..=EDIT_PAUSE_SECONDS).contains(&gap)
        }
        _ => false,
    }
}

impl Store {
    /// A brief's history as people read it, oldest first: one change per edit of an answer (see
    /// [`coalesce_edits`]); all of it, or one subject's. [`Store::history`] gives every stored event.
    pub fn edits(
        &self,
        brief_id: &str,
        subject: Option<&str>,
    ) -> Result<Vec<HistoryEvent>, StoreError> {
        // Grouped over the whole brief: a save of another question in between ends an edit.
        let all = coalesce_edits(self.history(brief_id, None)?);
        Ok(match subject {
            None => all,
            Some(s) => all
                .into_iter()
                .filter(|e| e.subject.as_deref() == Some(s))
                .collect(),
        })
    }

    /// A brief's history, oldest first (by time, then the order written here — after a merge the
    /// other machine's events are interleaved by time): all of it, or one subject's.
    pub fn history(
        &self,
        brief_id: &str,
        subject: Option<&str>,
    ) -> Result<Vec<HistoryEvent>, StoreError> {
        self.brief_meta(brief_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {EVENT_COLUMNS} FROM event
             WHERE brief_id = ?1 AND (?2 IS NULL OR subject = ?2) ORDER BY at, seq"
        ))?;
        let rows = stmt.query_map(params![brief_id, subject], read_event)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The last event of a subject, if any.
    pub(crate) fn last_event(
        &self,
        brief_id: &str,
        kind: &str,
        subject: &str,
    ) -> Result<Option<Saved>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT event_id, at FROM event WHERE brief_id = ?1 AND kind = ?2 AND subject = ?3
                 ORDER BY seq DESC LIMIT 1",
                params![brief_id, kind, subject],
                |r| {
                    Ok(Saved {
                        event_id: r.get(0)?,
                        at: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }
}
