//! The account manager's note that a process was described at the meeting.
//!
//! The note lives in the brief's answers under the reserved slot
//! [`deepbrief_core::gaps::process_note_key`] (`process:<checklist>:<process>`), as a text answer. So
//! it is written, kept in history, indexed for search, exported in bundles and synced exactly as an
//! answer is — no table or migration of its own — and gap analysis reads it from the answers it is
//! given anyway.

use deepbrief_core::gaps::process_note_key;
use deepbrief_core::{Answer, AnswerValue, Entry};
use rusqlite::{OptionalExtension, params};

use crate::Store;
use crate::error::StoreError;
use crate::time::now;
use crate::types::Saved;

/// The longest note, in characters: a short note, not a process description.
pub const PROCESS_NOTE_MAX_CHARS: usize = 2000;

impl Store {
    /// Marks a process of a brief described at the meeting with `note`, or clears the mark with
    /// `None`. `process` is a process id of one of the brief's checklists (`sales`), or
    /// `checklist:process` when several declare the same id. Refused, with nothing stored, when the
    /// brief has no such process or the note is blank or too long. Returns the history event.
    pub fn set_process_note(
        &mut self,
        brief_id: &str,
        process: &str,
        note: Option<&str>,
        who: &str,
    ) -> Result<Saved, StoreError> {
        self.brief_meta(brief_id)?;
        let key = self.process_key(brief_id, process)?;
        let entry = match note.map(str::trim) {
            None => None,
            Some("") => {
                return Err(StoreError::Invalid {
                    field: "note",
                    message: "the note is empty; write what the client told you about the process \
                              (or clear the mark)"
                        .to_owned(),
                });
            }
            Some(n) if n.chars().count() > PROCESS_NOTE_MAX_CHARS => {
                return Err(StoreError::Invalid {
                    field: "note",
                    message: format!(
                        "the note has {} characters, more than {PROCESS_NOTE_MAX_CHARS}; keep it \
                         short and put the description itself into the process's questions",
                        n.chars().count()
                    ),
                });
            }
            Some(n) => Some(Entry::new(Answer::Answered(AnswerValue::Text(
                n.to_owned(),
            )))),
        };
        let old: Option<Entry> = self
            .conn
            .query_row(
                "SELECT entry FROM answer WHERE brief_id = ?1 AND question_id = ?2",
                params![brief_id, key],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .map(|json| serde_json::from_str(&json))
            .transpose()?;
        if old == entry
            && let Some(saved) = self.last_event(brief_id, "answer", &key)?
        {
            return Ok(saved);
        }
        if old.is_none() && entry.is_none() {
            return Ok(Saved {
                event_id: String::new(),
                at: now(),
            });
        }
        let tx = self.begin_write()?;
        let at = crate::history::stamp(&tx)?;
        crate::review::check_editable(&tx, brief_id)?;
        let saved =
            crate::answers::write(&tx, brief_id, &key, old.as_ref(), entry.as_ref(), &at, who)?;
        tx.commit()?;
        Ok(saved)
    }

    /// The answer slot of a brief's process, named `sales` or `core:sales`.
    fn process_key(&self, brief_id: &str, process: &str) -> Result<String, StoreError> {
        let (wanted_checklist, wanted) = match process.split_once(':') {
            Some((c, p)) => (Some(c), p),
            None => (None, process),
        };
        let checklists = self.brief_checklists(brief_id)?;
        let mut found: Vec<String> = Vec::new();
        let mut known: Vec<String> = Vec::new();
        for c in &checklists {
            for p in &c.processes {
                known.push(format!("{}:{}", c.id, p.id));
                if p.id == wanted && wanted_checklist.is_none_or(|w| w == c.id) {
                    found.push(process_note_key(&c.id, &p.id));
                }
            }
        }
        match found.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(StoreError::Invalid {
                field: "process",
                message: if known.is_empty() {
                    format!("brief `{brief_id}` declares no processes")
                } else {
                    format!(
                        "brief `{brief_id}` has no process `{process}`; its processes: {}",
                        known.join(", ")
                    )
                },
            }),
            _ => Err(StoreError::Invalid {
                field: "process",
                message: format!(
                    "several checklists of brief `{brief_id}` declare process `{process}`; name one \
                     as checklist:process ({})",
                    known
                        .iter()
                        .filter(|k| k.ends_with(&format!(":{wanted}")))
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }),
        }
    }
}
