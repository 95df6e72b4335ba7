//! Briefs: create (on the checklists their services pick, or as a re-brief of an earlier one), list,
//! open, edit, archive and restore. Nothing is ever deleted.

use std::collections::BTreeMap;

use deepbrief_core::gaps::IsoDate;
use deepbrief_core::{Checklist, Entry, Library};
use rusqlite::{OptionalExtension, Row, params};
use serde_json::json;

use crate::Store;
use crate::error::StoreError;
use crate::history::{Change, append};
use crate::pins::store_version;
use crate::search;
use crate::time::new_id;
use crate::types::{
    AdhocQuestion, BriefData, BriefFilter, BriefListItem, BriefMeta, BriefRow, BriefStatus,
    Contact, NewBrief, OpenedBrief,
};
use crate::unreadable::{self, Unreadable};

const META_COLUMNS: &str = "id, client, project, services, account_manager, contacts, language, \
                            status, archived, prefilled_from, created_at, updated_at, revision, industry";
/// How many columns `META_COLUMNS` names: a column selected after them is at this index.
const META_LEN: usize = 14;

/// A brief's header; a stored value that does not read back refuses the row (see [`unreadable`]).
fn read_meta(r: &Row<'_>) -> rusqlite::Result<BriefMeta> {
    match read_meta_listed(r)? {
        (meta, None) => Ok(meta),
        (_, Some((column, why))) => Err(why.into_row_error(column)),
    }
}

/// A brief's header for a listing: what does not read back is left empty (a draft, no services, no
/// contacts) and returned with its column, so the list marks the brief damaged and shows the rest.
fn read_meta_listed(r: &Row<'_>) -> rusqlite::Result<(BriefMeta, Option<(usize, Unreadable)>)> {
    let id: String = r.get(0)?;
    let services: String = r.get(3)?;
    let contacts: String = r.get(5)?;
    let status: String = r.get(7)?;
    let mut problem = None;
    let mut keep = |column: usize, why: Unreadable| {
        problem.get_or_insert((column, why));
    };
    let services = unreadable::json(&id, "services", &services).unwrap_or_else(|why| {
        keep(3, why);
        Vec::new()
    });
    let contacts = unreadable::json(&id, "contacts", &contacts).unwrap_or_else(|why| {
        keep(5, why);
        Vec::new()
    });
    let status = unreadable::parsed(
        &id,
        "status",
        &status,
        "draft, in_review, returned or approved",
        BriefStatus::parse,
    )
    .unwrap_or_else(|why| {
        keep(7, why);
        BriefStatus::Draft
    });
    let meta = BriefMeta {
        client: r.get(1)?,
        project: r.get(2)?,
        services,
        account_manager: r.get(4)?,
        contacts,
        language: r.get(6)?,
        status,
        archived: r.get::<_, i64>(8)? != 0,
        prefilled_from: r.get(9)?,
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
        revision: r.get(12)?,
        industry: r.get(13)?,
        id,
    };
    Ok((meta, problem))
}

fn invalid(field: &'static str, message: impl Into<String>) -> StoreError {
    StoreError::Invalid {
        field,
        message: message.into(),
    }
}

/// Client and project are named; the language is known; with contacts, exactly one is responsible.
fn check_fields(
    client: &str,
    project: &str,
    contacts: &[Contact],
    language: &str,
) -> Result<(), StoreError> {
    if client.trim().is_empty() {
        return Err(invalid("client", "name the client company"));
    }
    if project.trim().is_empty() {
        return Err(invalid("project", "name the project"));
    }
    if !matches!(language, "ru" | "en") {
        return Err(invalid(
            "language",
            format!("`{language}` is not a brief language; use ru or en"),
        ));
    }
    if contacts.iter().any(|c| c.name.trim().is_empty()) {
        return Err(invalid("contacts", "every contact needs a name"));
    }
    check_lines(&[("client", client), ("project", project)])?;
    for c in contacts {
        check_lines(&[
            ("contacts.name", &c.name),
            ("contacts.role", &c.role),
            ("contacts.phone", &c.phone),
            ("contacts.email", &c.email),
        ])?;
    }
    let responsible = contacts.iter().filter(|c| c.responsible).count();
    if !contacts.is_empty() && responsible != 1 {
        return Err(invalid(
            "contacts",
            format!(
                "mark exactly one contact as responsible for the brief (now {responsible} are)"
            ),
        ));
    }
    Ok(())
}

/// One-line fields hold one line of bounded length without NUL (`limits::line_problem`): the same
/// rule a bundle's fields are checked against on import.
fn check_lines(fields: &[(&'static str, &str)]) -> Result<(), StoreError> {
    for (field, text) in fields {
        if let Some(problem) = crate::limits::line_problem(text) {
            return Err(invalid(field, problem));
        }
    }
    Ok(())
}

/// The question the new-brief dialog's responsible contact answers: the first contact question of
/// the core checklist (the one without `extends`).
fn responsible_question<'a>(chosen: &'a [&deepbrief_core::LoadedChecklist]) -> Option<&'a str> {
    chosen
        .iter()
        .find(|c| c.checklist.extends.is_none())
        .and_then(|c| {
            c.checklist
                .questions()
                .find(|(_, q)| q.kind == deepbrief_core::Kind::Contact)
        })
        .map(|(_, q)| q.id.as_str())
}

/// A contact as the answer to a contact question (empty fields left out).
fn contact_entry(contact: &Contact) -> Entry {
    let fields = [
        ("name", &contact.name),
        ("role", &contact.role),
        ("phone", &contact.phone),
        ("email", &contact.email),
    ];
    let value = fields
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k.to_owned(), v.trim().to_owned()))
        .collect();
    Entry::new(deepbrief_core::Answer::Answered(
        deepbrief_core::AnswerValue::Contact(value),
    ))
}

impl Store {
    /// Creates a brief on the latest checklists its services pick (the core checklist plus every
    /// add-on whose `applies_to` names a service). A re-brief (`prefill_from`) starts with the earlier
    /// brief's answers marked "to confirm".
    pub fn create_brief(
        &mut self,
        new: &NewBrief,
        library: &Library,
        who: &str,
    ) -> Result<BriefMeta, StoreError> {
        check_fields(&new.client, &new.project, &new.contacts, &new.language)?;
        check_lines(&[
            ("account_manager", &new.account_manager),
            ("industry", &new.industry),
        ])?;
        for service in &new.services {
            check_lines(&[("services", service)])?;
        }
        let chosen = library.for_services(&new.services);
        // Core (no `extends`) first, then add-ons by id: the interview order.
        let mut chosen: Vec<_> = chosen;
        chosen.sort_by(|a, b| {
            (a.checklist.extends.is_some(), &a.checklist.id)
                .cmp(&(b.checklist.extends.is_some(), &b.checklist.id))
        });
        if !chosen.iter().any(|c| c.checklist.extends.is_none()) {
            return Err(invalid(
                "services",
                "no core checklist is loaded; check the bundled checklists (`deepbrief checklist lint`)",
            ));
        }
        let earlier = match &new.prefill_from {
            Some(id) => {
                let old = self.brief_meta(id)?;
                if old.client.trim().to_lowercase() != new.client.trim().to_lowercase() {
                    return Err(invalid(
                        "prefill_from",
                        format!(
                            "brief `{id}` is for {}, not {}: a re-brief starts from the same client's brief",
                            old.client, new.client
                        ),
                    ));
                }
                Some(self.open_brief(id)?)
            }
            None => None,
        };
        let industry = match (new.industry.trim(), &earlier) {
            ("", Some(old)) => old.meta.industry.clone(),
            (typed, _) => typed.to_owned(),
        };
        let id = new_id();
        let tx = self.begin_write()?;
        let at = crate::history::stamp(&tx)?;
        for loaded in &chosen {
            store_version(&tx, loaded)?;
        }
        tx.execute(
            "INSERT INTO brief (id, client, project, services, account_manager, contacts, language,
                                prefilled_from, created_at, updated_at, industry)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
            params![
                id,
                new.client.trim(),
                new.project.trim(),
                serde_json::to_string(&new.services)?,
                new.account_manager.trim(),
                serde_json::to_string(&new.contacts)?,
                new.language,
                new.prefill_from,
                at,
                industry
            ],
        )?;
        let mut pins = Vec::new();
        for (position, loaded) in chosen.iter().enumerate() {
            tx.execute(
                "INSERT INTO brief_checklist (brief_id, checklist, version, position)
                 VALUES (?1, ?2, ?3, ?4)",
                params![
                    id,
                    loaded.checklist.id,
                    loaded.checklist.version,
                    position as i64
                ],
            )?;
            pins.push(json!({
                "checklist": loaded.checklist.id,
                "version": loaded.checklist.version,
                "hash": loaded.hash,
            }));
        }
        search::index_brief(&tx, &id, new.client.trim(), new.project.trim())?;
        let meta_json = json!({
            "client": new.client.trim(),
            "project": new.project.trim(),
            "services": new.services,
            "account_manager": new.account_manager.trim(),
            "contacts": new.contacts,
            "language": new.language,
            "prefilled_from": new.prefill_from,
            "created_at": at,
            "pins": pins,
        });
        append(
            &tx,
            &at,
            Change {
                brief_id: &id,
                who,
                kind: "created",
                subject: None,
                old: None,
                new: Some(meta_json),
            },
        )?;
        if let Some(old) = earlier {
            let questions: Vec<String> = chosen
                .iter()
                .flat_map(|c| c.checklist.questions().map(|(_, q)| q.id.clone()))
                .collect();
            for (position, adhoc) in old.adhoc.iter().enumerate() {
                crate::adhoc::insert(&tx, &id, adhoc, position, &at, who)?;
            }
            for (question, entry) in old.entries {
                let known =
                    questions.contains(&question) || old.adhoc.iter().any(|a| a.id == question);
                if !known {
                    continue;
                }
                let entry = Entry {
                    to_confirm: true,
                    ..entry
                };
                crate::answers::write(&tx, &id, &question, None, Some(&entry), &at, who)?;
            }
        }
        // Entered once: the responsible person from the dialog answers the core checklist's
        // contact question (replacing a prefilled answer, which is older than what was just typed).
        if let (Some(contact), Some(question)) = (
            new.contacts.iter().find(|c| c.responsible),
            responsible_question(&chosen),
        ) {
            let old: Option<Entry> = tx
                .query_row(
                    "SELECT entry FROM answer WHERE brief_id = ?1 AND question_id = ?2",
                    params![id, question],
                    |r| r.get::<_, String>(0),
                )
                .optional()?
                .map(|json| serde_json::from_str(&json))
                .transpose()?;
            let entry = contact_entry(contact);
            crate::answers::write(&tx, &id, question, old.as_ref(), Some(&entry), &at, who)?;
        }
        tx.commit()?;
        self.remember_checklists(library);
        self.brief_meta(&id)
    }

    /// Briefs like this one, best first: the same industry (case and spacing aside), then the most
    /// services in common, then the most recently changed; archived briefs too (they are the
    /// agency's experience). The brief itself and briefs sharing neither are left out.
    pub fn similar_briefs(&self, id: &str, limit: usize) -> Result<Vec<BriefListItem>, StoreError> {
        let this = self.brief_meta(id)?;
        let norm = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let industry = norm(&this.industry);
        let mut all = self.list_briefs(&BriefFilter::default())?;
        all.extend(self.list_briefs(&BriefFilter {
            archived: true,
            ..BriefFilter::default()
        })?);
        let mut scored: Vec<(bool, usize, BriefListItem)> = all
            .into_iter()
            .filter(|b| b.meta.id != this.id)
            .map(|b| {
                let same = !industry.is_empty() && norm(&b.meta.industry) == industry;
                let shared = b
                    .meta
                    .services
                    .iter()
                    .filter(|s| this.services.contains(s))
                    .count();
                (same, shared, b)
            })
            .filter(|(same, shared, _)| *same || *shared > 0)
            .collect();
        scored.sort_by(|a, b| {
            (b.0, b.1)
                .cmp(&(a.0, a.1))
                .then_with(|| b.2.meta.updated_at.cmp(&a.2.meta.updated_at))
        });
        Ok(scored.into_iter().take(limit).map(|(_, _, b)| b).collect())
    }

    /// A brief's header.
    pub fn brief_meta(&self, id: &str) -> Result<BriefMeta, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {META_COLUMNS} FROM brief WHERE id = ?1"),
                [id],
                read_meta,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "brief",
                id: id.to_owned(),
            })
    }

    /// Briefs matching the filter, most recently changed first.
    pub fn list_briefs(&self, filter: &BriefFilter) -> Result<Vec<BriefListItem>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {META_COLUMNS}, answer_count, open_conflicts,
                    (SELECT count(*) FROM client_answer c
                     WHERE c.brief_id = brief.id AND c.status = 'waiting')
             FROM brief
             WHERE archived = ?1 AND (?2 IS NULL OR client = ?2)
               AND (?3 IS NULL OR account_manager = ?3) AND (?4 IS NULL OR status = ?4)
             ORDER BY updated_at DESC, id"
        ))?;
        let rows = stmt.query_map(
            params![
                i64::from(filter.archived),
                filter.client,
                filter.account_manager,
                filter.status.map(BriefStatus::as_str)
            ],
            |r| {
                Ok((
                    read_meta_listed(r)?,
                    r.get::<_, u32>(META_LEN)?,
                    r.get::<_, u32>(META_LEN + 1)?,
                    r.get::<_, u32>(META_LEN + 2)?,
                ))
            },
        )?;
        let found: Vec<_> = rows.collect::<Result<_, _>>()?;
        // A long list reads every pin at once; a short one asks per brief.
        let mut all_pins = if found.len() >= 64 {
            Some(self.all_pins()?)
        } else {
            None
        };
        let mut out = Vec::with_capacity(found.len());
        for ((meta, problem), entries, conflicts, client_waiting) in found {
            let pins = match all_pins.as_mut() {
                Some(all) => all.remove(&meta.id).unwrap_or_default(),
                None => self.pins(&meta.id)?,
            };
            out.push(BriefListItem {
                meta,
                pins,
                entries,
                conflicts,
                client_waiting,
                damaged: problem.map(|(_, why)| why.to_string()),
            });
        }
        Ok(out)
    }

    /// Briefs matching the filter with their gap summary for `today`.
    pub fn rows(&self, filter: &BriefFilter, today: IsoDate) -> Result<Vec<BriefRow>, StoreError> {
        let items = self.list_briefs(filter)?;
        let summaries = self.summaries(&items, today)?;
        Ok(items
            .into_iter()
            .zip(summaries)
            .map(|(mut item, summary)| {
                item.damaged = item.damaged.or_else(|| summary.damaged.clone());
                BriefRow {
                    item,
                    board: summary.row.clone(),
                }
            })
            .collect())
    }

    /// A brief's answers as stored: (question id, entry JSON), for callers that parse elsewhere.
    pub(crate) fn raw_entries(&self, brief_id: &str) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT question_id, entry FROM answer WHERE brief_id = ?1")?;
        let rows = stmt.query_map([brief_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A brief's current answers by question id.
    pub fn entries(&self, brief_id: &str) -> Result<BTreeMap<String, Entry>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT question_id, entry FROM answer WHERE brief_id = ?1")?;
        let rows = stmt.query_map([brief_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = BTreeMap::new();
        for row in rows {
            let (question, json) = row?;
            out.insert(question, serde_json::from_str(&json)?);
        }
        Ok(out)
    }

    /// Everything stored for one brief.
    pub fn open_brief(&self, id: &str) -> Result<BriefData, StoreError> {
        let meta = self.brief_meta(id)?;
        let pins = self.pins(id)?;
        let entries = self.entries(id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT data FROM archived_answer WHERE brief_id = ?1 ORDER BY position",
        )?;
        let archived = stmt
            .query_map([id], |r| r.get::<_, String>(0))?
            .map(|row| Ok(serde_json::from_str(&row?)?))
            .collect::<Result<Vec<_>, StoreError>>()?;
        let adhoc = self.adhoc_questions(id)?;
        Ok(BriefData {
            meta,
            pins,
            entries,
            archived,
            adhoc,
        })
    }

    /// A brief with its pinned checklists, for the interview.
    pub fn opened(&self, id: &str) -> Result<OpenedBrief, StoreError> {
        let data = self.open_brief(id)?;
        let checklists = self
            .checklists_of(&data.pins)?
            .iter()
            .map(|c| Checklist::clone(c))
            .collect();
        Ok(OpenedBrief { data, checklists })
    }

    /// Renames a brief or edits its contacts; every changed field goes into the history.
    pub fn update_brief(
        &mut self,
        id: &str,
        client: &str,
        project: &str,
        contacts: &[Contact],
        who: &str,
    ) -> Result<BriefMeta, StoreError> {
        // The lock before the read: the history's "old" is what this write replaces.
        let tx = self.begin_write()?;
        let old = self.brief_meta(id)?;
        check_fields(client, project, contacts, &old.language)?;
        let at = crate::history::stamp(&tx)?;
        let fields = [
            ("client", json!(old.client), json!(client.trim())),
            ("project", json!(old.project), json!(project.trim())),
            ("contacts", json!(old.contacts), json!(contacts)),
        ];
        let mut changed = false;
        for (field, before, after) in fields {
            if before == after {
                continue;
            }
            changed = true;
            append(
                &tx,
                &at,
                Change {
                    brief_id: id,
                    who,
                    kind: "brief",
                    subject: Some(field),
                    old: Some(before),
                    new: Some(after),
                },
            )?;
        }
        if changed {
            tx.execute(
                "UPDATE brief SET client = ?2, project = ?3, contacts = ?4, updated_at = ?5 WHERE id = ?1",
                params![
                    id,
                    client.trim(),
                    project.trim(),
                    serde_json::to_string(contacts)?,
                    at
                ],
            )?;
            search::index_brief(&tx, id, client.trim(), project.trim())?;
            crate::review::check_editable(&tx, id)?;
        }
        tx.commit()?;
        self.brief_meta(id)
    }

    /// Archives (`true`) or restores (`false`) a brief. Nothing is deleted.
    pub fn set_archived(
        &mut self,
        id: &str,
        archived: bool,
        who: &str,
    ) -> Result<BriefMeta, StoreError> {
        let tx = self.begin_write()?;
        let old = self.brief_meta(id)?;
        if old.archived == archived {
            return Ok(old);
        }
        let at = crate::history::stamp(&tx)?;
        tx.execute(
            "UPDATE brief SET archived = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, i64::from(archived), at],
        )?;
        append(
            &tx,
            &at,
            Change {
                brief_id: id,
                who,
                kind: if archived { "archive" } else { "restore" },
                subject: None,
                old: None,
                new: None,
            },
        )?;
        tx.commit()?;
        self.brief_meta(id)
    }

    /// A brief's ad-hoc questions, in order.
    pub fn adhoc_questions(&self, id: &str) -> Result<Vec<AdhocQuestion>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, section, prompt, kind FROM adhoc_question WHERE brief_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([id], |r| {
            let kind: String = r.get(3)?;
            let kind =
                unreadable::parsed(id, "ad-hoc question kind", &kind, "a question kind", |k| {
                    deepbrief_core::Kind::parse(k)
                })
                .map_err(|why| why.into_row_error(3))?;
            Ok(AdhocQuestion {
                id: r.get(0)?,
                section: r.get(1)?,
                prompt: r.get(2)?,
                kind,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_len_counts_the_meta_columns() {
        assert_eq!(META_COLUMNS.split(',').count(), META_LEN);
    }
}
