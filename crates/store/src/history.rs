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

/// Appends the change at `at`; returns the event's id.
pub(crate) fn append(conn: &Connection, at: &str, c: Change<'_>) -> Result<Saved, StoreError> {
    let event_id = new_id();
    conn.execute(
        "INSERT INTO event (event_id, brief_id, at, who, kind, subject, old, new)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            event_id,
            c.brief_id,
            at,
            c.who,
            c.kind,
            c.subject,
            c.old.map(|v| v.to_string()),
            c.new.map(|v| v.to_string()),
        ],
    )?;
    Ok(Saved {
        event_id,
        at: at.to_owned(),
    })
}

fn parse(text: Option<String>) -> Option<Value> {
    text.and_then(|t| serde_json::from_str(&t).ok())
}

pub(crate) fn read_event(row: &rusqlite::Row<'_>) -> rusqlite::Result<HistoryEvent> {
    Ok(HistoryEvent {
        event_id: row.get(0)?,
        brief_id: row.get(1)?,
        at: row.get(2)?,
        who: row.get(3)?,
        kind: row.get(4)?,
        subject: row.get(5)?,
        old: parse(row.get(6)?),
        new: parse(row.get(7)?),
    })
}

/// The columns [`read_event`] reads, in order.
pub(crate) const EVENT_COLUMNS: &str = "event_id, brief_id, at, who, kind, subject, old, new";

impl Store {
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
