//! Ad-hoc questions: asked in one brief only, answered and searched like checklist questions.

use deepbrief_core::Kind;
use rusqlite::{Connection, params};
use serde_json::json;

use crate::Store;
use crate::error::StoreError;
use crate::history::{Change, append};
use crate::search;
use crate::types::AdhocQuestion;

/// Inserts an ad-hoc question with its event and index row.
pub(crate) fn insert(
    conn: &Connection,
    brief_id: &str,
    q: &AdhocQuestion,
    position: usize,
    at: &str,
    who: &str,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO adhoc_question (brief_id, id, section, prompt, kind, position, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            brief_id,
            q.id,
            q.section,
            q.prompt,
            q.kind.name(),
            position as i64,
            at
        ],
    )?;
    search::index_adhoc(conn, brief_id, &q.id, &q.prompt)?;
    append(
        conn,
        at,
        Change {
            brief_id,
            who,
            kind: "adhoc",
            subject: Some(&q.id),
            old: None,
            new: Some(json!(q)),
        },
    )?;
    Ok(())
}

impl Store {
    /// Adds a question to one brief (`adhoc-1`, `adhoc-2`, …), in `section` or in "Extra questions".
    pub fn add_adhoc(
        &mut self,
        brief_id: &str,
        section: Option<&str>,
        prompt: &str,
        kind: Kind,
        who: &str,
    ) -> Result<AdhocQuestion, StoreError> {
        if prompt.trim().is_empty() {
            return Err(StoreError::Invalid {
                field: "prompt",
                message: "type the question".into(),
            });
        }
        let existing = self.adhoc_questions(brief_id)?;
        if let Some(section) = section {
            let known = self
                .brief_checklists(brief_id)?
                .iter()
                .any(|c| c.sections.iter().any(|s| s.id == section));
            if !known {
                return Err(StoreError::Invalid {
                    field: "section",
                    message: format!("the brief has no section `{section}`"),
                });
            }
        }
        let next = existing
            .iter()
            .filter_map(|a| a.id.strip_prefix("adhoc-")?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        let q = AdhocQuestion {
            id: format!("adhoc-{next}"),
            section: section.map(str::to_owned),
            prompt: prompt.trim().to_owned(),
            kind,
        };
        let tx = self.begin_write()?;
        let at = crate::history::stamp(&tx)?;
        insert(&tx, brief_id, &q, existing.len(), &at, who)?;
        crate::review::check_editable(&tx, brief_id)?;
        tx.execute(
            "UPDATE brief SET updated_at = ?2 WHERE id = ?1",
            params![brief_id, at],
        )?;
        tx.commit()?;
        Ok(q)
    }
}
