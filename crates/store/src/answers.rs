//! Answers: set (validated against the question, durable before the call returns) or clear, with
//! the old and new entry appended to the history and the search index updated in the same
//! transaction.

use deepbrief_core::answer_check::check_entry;
use deepbrief_core::{Entry, Kind, Question, Text};
use rusqlite::{Connection, OptionalExtension, params};

use crate::Store;
use crate::error::StoreError;
use crate::history::{Change, append};
use crate::search;
use crate::time::now;
use crate::types::Saved;

/// Writes the answer row (or removes it), the event and the index, and touches the brief.
pub(crate) fn write(
    conn: &Connection,
    brief_id: &str,
    question_id: &str,
    old: Option<&Entry>,
    new: Option<&Entry>,
    at: &str,
    who: &str,
) -> Result<Saved, StoreError> {
    match new {
        Some(entry) => {
            conn.execute(
                "INSERT INTO answer (brief_id, question_id, entry, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (brief_id, question_id)
                 DO UPDATE SET entry = excluded.entry, updated_at = excluded.updated_at,
                               updated_by = excluded.updated_by",
                params![
                    brief_id,
                    question_id,
                    serde_json::to_string(entry)?,
                    at,
                    who
                ],
            )?;
        }
        None => {
            conn.execute(
                "DELETE FROM answer WHERE brief_id = ?1 AND question_id = ?2",
                params![brief_id, question_id],
            )?;
        }
    }
    search::index_entry(conn, brief_id, question_id, new)?;
    conn.execute(
        "UPDATE brief SET updated_at = ?2 WHERE id = ?1",
        params![brief_id, at],
    )?;
    append(
        conn,
        at,
        Change {
            brief_id,
            who,
            kind: "answer",
            subject: Some(question_id),
            old: old.map(serde_json::to_value).transpose()?,
            new: new.map(serde_json::to_value).transpose()?,
        },
    )
}

/// An ad-hoc question seen as a checklist question, for validation by kind.
fn adhoc_question(id: &str, prompt: &str, kind: Kind) -> Question {
    Question::new(
        id,
        Text::Plain(prompt.to_owned()),
        Text::Plain(String::new()),
        kind,
    )
}

impl Store {
    /// Sets (or, with `None`, clears) one answer. Refused with a message when the question is not in
    /// the brief or the entry does not fit it; nothing is stored then. Returns after the transaction
    /// is durable (WAL, `synchronous=FULL`). Setting the same entry again changes nothing.
    pub fn set_answer(
        &mut self,
        brief_id: &str,
        question_id: &str,
        entry: Option<Entry>,
        who: &str,
    ) -> Result<Saved, StoreError> {
        self.brief_meta(brief_id)?;
        let question = self.question(brief_id, question_id)?;
        let entry = match entry {
            Some(e) => match check_entry(&question, &e) {
                Ok(()) => {
                    if let Some(message) = crate::limits::entry_too_large(question.kind, &e) {
                        return Err(StoreError::Invalid {
                            field: "answer",
                            message: format!("question `{question_id}`: {message}"),
                        });
                    }
                    Some(e)
                }
                // A blank value is the same as clearing the answer.
                Err(deepbrief_core::answer_check::AnswerProblem::Blank) => None,
                Err(problem) => {
                    return Err(StoreError::InvalidAnswer {
                        question: question_id.to_owned(),
                        problem,
                    });
                }
            },
            None => None,
        };
        // The lock first, then the old entry: what the history records as "old" is what this write
        // replaces, even when another process saved the same answer a moment ago.
        let tx = self.begin_write()?;
        let old: Option<Entry> = tx
            .query_row(
                "SELECT entry FROM answer WHERE brief_id = ?1 AND question_id = ?2",
                params![brief_id, question_id],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .map(|json| serde_json::from_str(&json))
            .transpose()?;
        if old == entry {
            if let Some(saved) = self.last_event(brief_id, "answer", question_id)? {
                return Ok(saved);
            }
            if entry.is_none() {
                return Ok(Saved {
                    event_id: String::new(),
                    at: now(),
                });
            }
        }
        let at = crate::history::stamp(&tx)?;
        crate::review::check_editable(&tx, brief_id)?;
        let saved = write(
            &tx,
            brief_id,
            question_id,
            old.as_ref(),
            entry.as_ref(),
            &at,
            who,
        )?;
        tx.commit()?;
        Ok(saved)
    }

    /// The question `question_id` of a brief: from its pinned checklists or its ad-hoc questions.
    pub fn question(&self, brief_id: &str, question_id: &str) -> Result<Question, StoreError> {
        for checklist in self.brief_checklists(brief_id)? {
            if let Some((_, q)) = checklist.questions().find(|(_, q)| q.id == question_id) {
                return Ok(q.clone());
            }
        }
        self.adhoc_questions(brief_id)?
            .into_iter()
            .find(|a| a.id == question_id)
            .map(|a| adhoc_question(&a.id, &a.prompt, a.kind))
            .ok_or_else(|| StoreError::UnknownQuestion {
                brief: brief_id.to_owned(),
                question: question_id.to_owned(),
            })
    }
}
