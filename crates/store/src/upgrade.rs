//! Upgrading a brief to newer checklist versions: a preview (what is added, removed, renamed,
//! changed), then one transaction that rewrites pins, answers and archived answers with their
//! history. No answer is lost: answers of removed questions are archived (see `deepbrief_core::upgrade`).

use std::sync::Arc;

use deepbrief_core::{Checklist, Library, LoadedChecklist, UpgradePlan, apply, plan};
use rusqlite::params;
use serde_json::json;

use crate::Store;
use crate::error::StoreError;
use crate::history::{Change, append};
use crate::pins::store_version;
use crate::search;
use crate::types::PinnedChecklist;

impl Store {
    /// The latest loaded versions of the brief's checklists, when any is newer than its pin.
    fn newer<'l>(
        &self,
        brief_id: &str,
        library: &'l Library,
    ) -> Result<Option<Vec<&'l LoadedChecklist>>, StoreError> {
        let pins = self.pins(brief_id)?;
        let mut latest = Vec::with_capacity(pins.len());
        let mut newer = false;
        for p in &pins {
            match library.latest(&p.checklist) {
                Some(l) if l.checklist.version > p.version => {
                    newer = true;
                    latest.push(l);
                }
                Some(l) if l.checklist.version == p.version => latest.push(l),
                // Not loaded any more, or only older: the brief keeps its pin; nothing to do.
                _ => return Ok(None),
            }
        }
        Ok(newer.then_some(latest))
    }

    /// Every stored version of the given checklist ids (the upgrade follows renames through them).
    fn stored_versions(&self, ids: &[String]) -> Result<Vec<Arc<Checklist>>, StoreError> {
        let mut pins = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT checklist, version, hash FROM checklist_version ORDER BY version",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(PinnedChecklist {
                checklist: r.get(0)?,
                version: r.get(1)?,
                hash: r.get(2)?,
            })
        })?;
        for row in rows {
            let p = row?;
            if ids.contains(&p.checklist) {
                pins.push(p);
            }
        }
        let mut out = Vec::new();
        for p in pins {
            // Versions are loaded one set at a time: an add-on needs its core beside it.
            if let Ok(mut parsed) = self.checklists_of(std::slice::from_ref(&p)) {
                out.append(&mut parsed);
            }
        }
        Ok(out)
    }

    fn upgrade_plan(
        &self,
        brief_id: &str,
        to: &[&LoadedChecklist],
    ) -> Result<UpgradePlan, StoreError> {
        let data = self.open_brief(brief_id)?;
        let from = self.checklists_of(&data.pins)?;
        let from_refs: Vec<&Checklist> = from.iter().map(AsRef::as_ref).collect();
        let to_refs: Vec<&Checklist> = to.iter().map(|l| &l.checklist).collect();
        let ids: Vec<String> = data.pins.iter().map(|p| p.checklist.clone()).collect();
        let history = self.stored_versions(&ids)?;
        let history_refs: Vec<&Checklist> = history.iter().map(AsRef::as_ref).collect();
        Ok(plan(
            &from_refs,
            &to_refs,
            &history_refs,
            &data.entries,
            &data.archived,
        ))
    }

    /// What upgrading the brief to the newest loaded versions would do; `None` when it is current.
    pub fn upgrade_preview(
        &self,
        brief_id: &str,
        library: &Library,
    ) -> Result<Option<UpgradePlan>, StoreError> {
        match self.newer(brief_id, library)? {
            Some(to) => Ok(Some(self.upgrade_plan(brief_id, &to)?)),
            None => Ok(None),
        }
    }

    /// Upgrades the brief to the newest loaded versions in one transaction; `None` when it was current.
    pub fn upgrade_apply(
        &mut self,
        brief_id: &str,
        library: &Library,
        who: &str,
    ) -> Result<Option<UpgradePlan>, StoreError> {
        let Some(to) = self.newer(brief_id, library)? else {
            return Ok(None);
        };
        let plan = self.upgrade_plan(brief_id, &to)?;
        let data = self.open_brief(brief_id)?;
        let old_entries = data.entries.clone();
        let upgraded = apply(&plan, data.entries, data.archived.clone());
        let tx = self.begin_write()?;
        let at = crate::history::stamp(&tx)?;
        crate::review::check_editable(&tx, brief_id)?;
        for loaded in &to {
            store_version(&tx, loaded)?;
        }
        let new_pins: Vec<PinnedChecklist> = to
            .iter()
            .map(|l| PinnedChecklist {
                checklist: l.checklist.id.clone(),
                version: l.checklist.version,
                hash: l.hash.clone(),
            })
            .collect();
        tx.execute(
            "DELETE FROM brief_checklist WHERE brief_id = ?1",
            [brief_id],
        )?;
        for (position, p) in new_pins.iter().enumerate() {
            tx.execute(
                "INSERT INTO brief_checklist (brief_id, checklist, version, position) VALUES (?1, ?2, ?3, ?4)",
                params![brief_id, p.checklist, p.version, position as i64],
            )?;
        }
        append(
            &tx,
            &at,
            Change {
                brief_id,
                who,
                kind: "upgrade",
                subject: None,
                old: Some(json!(data.pins)),
                new: Some(json!(new_pins)),
            },
        )?;
        // Answers: every id whose entry changed, appeared or went away.
        let mut ids: Vec<&String> = old_entries.keys().chain(upgraded.entries.keys()).collect();
        ids.sort();
        ids.dedup();
        for id in ids {
            let old = old_entries.get(id);
            let new = upgraded.entries.get(id);
            if old != new {
                crate::answers::write(&tx, brief_id, id, old, new, &at, who)?;
            }
        }
        // Archived answers: the new list replaces the old (it keeps every old one not restored).
        tx.execute(
            "DELETE FROM archived_answer WHERE brief_id = ?1",
            [brief_id],
        )?;
        for (position, a) in upgraded.archived.iter().enumerate() {
            tx.execute(
                "INSERT INTO archived_answer (brief_id, position, data) VALUES (?1, ?2, ?3)",
                params![brief_id, position as i64, serde_json::to_string(a)?],
            )?;
            if !data.archived.contains(a) {
                append(
                    &tx,
                    &at,
                    Change {
                        brief_id,
                        who,
                        kind: "archived_answer",
                        subject: Some(&a.question_id),
                        old: None,
                        new: Some(json!(a)),
                    },
                )?;
                search::index_entry(&tx, brief_id, &a.question_id, Some(&a.entry))?;
            }
        }
        tx.commit()?;
        Ok(Some(plan))
    }
}
