//! Conflicts: two answers to one question made on two copies without seeing each other (the policy
//! is [`deepbrief_core::merge::conflicts`], a pure function of the history). The newest shows; the
//! others stay in the history and are listed until a person settles them. Each brief's count of open
//! conflicts is kept in `brief.open_conflicts` for the board.

use deepbrief_core::Entry;
use deepbrief_core::history::CONFLICT_RESOLVED;
use deepbrief_core::merge::{self, AnswerConflict};
use rusqlite::{Connection, OptionalExtension, params};

use crate::Store;
use crate::error::StoreError;
use crate::history::{Change, EVENT_COLUMNS, append, read_event};
use crate::types::HistoryEvent;

/// The open conflicts of one brief, read from its history.
pub(crate) fn of_brief(conn: &Connection, brief: &str) -> Result<Vec<AnswerConflict>, StoreError> {
    // Only answers with a base and settlements take part: the rest of the history is not read.
    let mut stmt = conn.prepare(&format!(
        "SELECT {EVENT_COLUMNS} FROM event
         WHERE brief_id = ?1 AND ((kind = 'answer' AND base IS NOT NULL) OR kind = ?2)"
    ))?;
    let events: Vec<HistoryEvent> = stmt
        .query_map(params![brief, CONFLICT_RESOLVED], read_event)?
        .collect::<Result<_, _>>()?;
    Ok(merge::conflicts(&events))
}

/// Recounts a brief's open conflicts after its history grew by an import or a settlement.
pub(crate) fn recount(conn: &Connection, brief: &str) -> Result<usize, StoreError> {
    let open = of_brief(conn, brief)?.len();
    conn.execute(
        "UPDATE brief SET open_conflicts = ?2 WHERE id = ?1",
        params![brief, open as i64],
    )?;
    Ok(open)
}

impl Store {
    /// The open conflicts of a brief: each with every concurrent value and who wrote it, newest
    /// (the one shown) first.
    pub fn conflicts(&self, brief_id: &str) -> Result<Vec<AnswerConflict>, StoreError> {
        self.brief_meta(brief_id)?;
        of_brief(&self.conn, brief_id)
    }

    /// Settles the conflict on `question` by keeping the value of answer event `keep` (one of its
    /// sides): when that is not the value shown, it becomes the answer (a new answer event, so
    /// every copy shows it after sync); a `conflict_resolved` event names every side, so the conflict
    /// closes on every copy. Nothing leaves the history. Refused when there is no open conflict on
    /// that question or `keep` is not one of its sides.
    pub fn resolve_conflict(
        &mut self,
        brief_id: &str,
        question: &str,
        keep: &str,
        who: &str,
    ) -> Result<(), StoreError> {
        let tx = self.begin_write()?;
        let open = of_brief(&tx, brief_id)?;
        let Some(conflict) = open.into_iter().find(|c| c.question == question) else {
            return Err(StoreError::Conflict {
                brief: brief_id.to_owned(),
                question: question.to_owned(),
                message: "there is no open conflict on this question (another copy may have settled it already; sync, then look again)".to_owned(),
            });
        };
        let Some(side) = conflict.sides.iter().find(|s| s.event_id == keep) else {
            return Err(StoreError::Conflict {
                brief: brief_id.to_owned(),
                question: question.to_owned(),
                message: format!(
                    "`{keep}` is not one of the answers in conflict; keep one of: {}",
                    conflict.event_ids().join(", ")
                ),
            });
        };
        let at = crate::history::stamp(&tx)?;
        let shown: Option<String> = tx
            .query_row(
                "SELECT entry FROM answer WHERE brief_id = ?1 AND question_id = ?2",
                params![brief_id, question],
                |r| r.get(0),
            )
            .optional()?;
        let shown: Option<Entry> = shown.map(|t| serde_json::from_str(&t)).transpose()?;
        let kept: Option<Entry> = side.value.clone().map(serde_json::from_value).transpose()?;
        if shown != kept {
            crate::answers::write(
                &tx,
                brief_id,
                question,
                shown.as_ref(),
                kept.as_ref(),
                &at,
                who,
            )?;
        }
        append(
            &tx,
            &at,
            Change {
                brief_id,
                who,
                kind: CONFLICT_RESOLVED,
                subject: Some(question),
                old: None,
                new: Some(serde_json::json!({ "events": conflict.event_ids(), "kept": keep })),
            },
        )?;
        recount(&tx, brief_id)?;
        tx.commit()?;
        Ok(())
    }
}
