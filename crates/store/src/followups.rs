//! Follow-up briefings planned from a brief's open gaps.

use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::Store;
use crate::error::StoreError;
use crate::history::{Change, append};
use crate::time::new_id;
use crate::types::{FollowUpBriefing, NewFollowUp};

fn read(r: &Row<'_>) -> rusqlite::Result<FollowUpBriefing> {
    let brief_id: String = r.get(1)?;
    let attendees: String = r.get(7)?;
    let attendees = crate::unreadable::json(&brief_id, "follow-up attendees", &attendees)
        .map_err(|why| why.into_row_error(7))?;
    Ok(FollowUpBriefing {
        id: r.get(0)?,
        brief_id,
        title: r.get(2)?,
        start: r.get(3)?,
        duration_minutes: r.get(4)?,
        timezone: r.get(5)?,
        location: r.get(6)?,
        attendees,
        items: Vec::new(),
    })
}

const COLUMNS: &str = "id, brief_id, title, start, duration_minutes, timezone, location, attendees";

/// A wall-clock start `YYYY-MM-DDTHH:MM` that exists.
fn valid_start(start: &str) -> bool {
    start.len() == 16
        && start.as_bytes()[10] == b'T'
        && deepbrief_core::gaps::IsoDate::parse(&start[..10]).is_some()
        && start[11..13].parse::<u8>().is_ok_and(|h| h < 24)
        && &start[13..14] == ":"
        && start[14..16].parse::<u8>().is_ok_and(|m| m < 60)
}

/// A letter to the client as it was sent: the text exactly as the account manager sent it (after any
/// edits), when and by whom. Kept in the brief's history (event kind `letter`), so it travels with
/// the brief file and needs no table of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SentLetter {
    /// The brief.
    #[serde(default)]
    pub brief_id: String,
    /// The follow-up meeting the letter proposed, if any.
    #[serde(default)]
    #[ts(optional)]
    pub followup_id: Option<String>,
    /// The letter as sent.
    pub text: String,
    /// When it was recorded as sent (RFC 3339 UTC).
    #[serde(default)]
    pub at: String,
    /// Who sent it.
    #[serde(default)]
    pub who: String,
}

/// The event kind a sent letter is kept under.
const LETTER: &str = "letter";

impl Store {
    /// Records that a letter was sent, with its text as sent. An empty letter is refused; a
    /// follow-up meeting that is not the brief's is an error.
    pub fn record_letter_sent(
        &mut self,
        brief_id: &str,
        followup_id: Option<&str>,
        text: &str,
        who: &str,
    ) -> Result<SentLetter, StoreError> {
        self.brief_meta(brief_id)?;
        if text.trim().is_empty() {
            return Err(StoreError::Invalid {
                field: "text",
                message: "the letter is empty: nothing was sent".to_owned(),
            });
        }
        if let Some(id) = followup_id {
            let f = self.followup(id)?;
            if f.brief_id != brief_id {
                return Err(StoreError::Invalid {
                    field: "followup_id",
                    message: format!("follow-up meeting {id} belongs to another brief"),
                });
            }
        }
        let tx = self.begin_write()?;
        let at = crate::history::stamp(&tx)?;
        let letter = SentLetter {
            brief_id: brief_id.to_owned(),
            followup_id: followup_id.map(str::to_owned),
            text: text.to_owned(),
            at: at.clone(),
            who: who.to_owned(),
        };
        append(
            &tx,
            &at,
            Change {
                brief_id,
                who,
                kind: LETTER,
                subject: followup_id,
                old: None,
                new: Some(json!({ "followup_id": followup_id, "text": text })),
            },
        )?;
        tx.commit()?;
        Ok(letter)
    }

    /// The letters sent about a brief, oldest first.
    pub fn letters_sent(&self, brief_id: &str) -> Result<Vec<SentLetter>, StoreError> {
        self.brief_meta(brief_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, who, new FROM event WHERE brief_id = ?1 AND kind = ?2 ORDER BY seq",
        )?;
        let rows = stmt.query_map(params![brief_id, LETTER], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (at, who, new) = row?;
            let mut letter: SentLetter = serde_json::from_str(new.as_deref().unwrap_or("null"))
                .map_err(|e| StoreError::Invalid {
                    field: "letter",
                    message: format!(
                        "a sent letter of brief {brief_id} recorded at {at} does not read: {e}"
                    ),
                })?;
            letter.brief_id = brief_id.to_owned();
            letter.at = at;
            letter.who = who;
            out.push(letter);
        }
        Ok(out)
    }

    /// Plans a follow-up briefing over some of the brief's open items (by gap key, agenda order).
    pub fn plan_followup(
        &mut self,
        brief_id: &str,
        plan: &NewFollowUp,
        who: &str,
    ) -> Result<FollowUpBriefing, StoreError> {
        self.brief_meta(brief_id)?;
        let invalid = |field, message: &str| StoreError::Invalid {
            field,
            message: message.to_owned(),
        };
        if plan.title.trim().is_empty() {
            return Err(invalid("title", "give the briefing a title"));
        }
        if !valid_start(&plan.start) {
            return Err(invalid(
                "start",
                "the start is not a date and time; use YYYY-MM-DDTHH:MM",
            ));
        }
        if plan.duration_minutes == 0 || plan.duration_minutes > 24 * 60 {
            return Err(invalid(
                "duration_minutes",
                "a briefing lasts 1 minute to 24 hours",
            ));
        }
        if plan.items.is_empty() {
            return Err(invalid(
                "items",
                "pick at least one open item for the agenda",
            ));
        }
        let briefing = FollowUpBriefing {
            id: new_id(),
            brief_id: brief_id.to_owned(),
            title: plan.title.trim().to_owned(),
            start: plan.start.clone(),
            duration_minutes: plan.duration_minutes,
            timezone: plan.timezone.clone().filter(|t| !t.trim().is_empty()),
            location: plan.location.clone().filter(|l| !l.trim().is_empty()),
            attendees: plan.attendees.clone(),
            items: plan.items.clone(),
        };
        let tx = self.begin_write()?;
        let at = crate::history::stamp(&tx)?;
        tx.execute(
            &format!("INSERT INTO followup ({COLUMNS}, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
            params![
                briefing.id,
                brief_id,
                briefing.title,
                briefing.start,
                briefing.duration_minutes,
                briefing.timezone,
                briefing.location,
                serde_json::to_string(&briefing.attendees)?,
                at
            ],
        )?;
        for (position, key) in briefing.items.iter().enumerate() {
            tx.execute(
                "INSERT OR IGNORE INTO followup_item (followup_id, gap_key, position) VALUES (?1, ?2, ?3)",
                params![briefing.id, key, position as i64],
            )?;
        }
        tx.execute(
            "UPDATE brief SET updated_at = ?2 WHERE id = ?1",
            params![brief_id, at],
        )?;
        append(
            &tx,
            &at,
            Change {
                brief_id,
                who,
                kind: "followup",
                subject: Some(&briefing.id),
                old: None,
                new: Some(json!(briefing)),
            },
        )?;
        tx.commit()?;
        Ok(briefing)
    }

    fn items_of(&self, followup_id: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT gap_key FROM followup_item WHERE followup_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([followup_id], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A brief's briefings, by start.
    pub fn followups(&self, brief_id: &str) -> Result<Vec<FollowUpBriefing>, StoreError> {
        self.brief_meta(brief_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM followup WHERE brief_id = ?1 ORDER BY start, id"
        ))?;
        let list: Vec<FollowUpBriefing> = stmt
            .query_map([brief_id], read)?
            .collect::<Result<_, _>>()?;
        list.into_iter()
            .map(|mut f| {
                f.items = self.items_of(&f.id)?;
                Ok(f)
            })
            .collect()
    }

    /// One briefing.
    pub fn followup(&self, id: &str) -> Result<FollowUpBriefing, StoreError> {
        let mut f = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM followup WHERE id = ?1"),
                [id],
                read,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "follow-up briefing",
                id: id.to_owned(),
            })?;
        f.items = self.items_of(id)?;
        Ok(f)
    }
}
