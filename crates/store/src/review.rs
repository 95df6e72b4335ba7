//! The review workflow as the store records it: the lead's comments, status steps checked by
//! `deepbrief_core::review::step`, and approved revisions frozen as they were approved.
//!
//! History events (they travel in bundles): `comment` (subject = comment id, new = the comment),
//! `comment_resolved` (subject = comment id, new = the resolution), `brief`/`status` for every step,
//! `approve` (subject = the revision number, new = `{override_note}`), `revision` when someone
//! reopens an approved brief and so starts its next revision (old/new = the numbers).
//!
//! An approved brief is read-only: every write (answers, header, ad-hoc questions, upgrades) checks
//! [`check_editable`] first and is refused until the next revision is opened.

use deepbrief_core::gaps::{GapReport, IsoDate, analyze};
use deepbrief_core::review::{Action, BriefStatus, Role, read_only, step};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use serde_json::json;
use ts_rs::TS;

use crate::Store;
use crate::error::StoreError;
use crate::history::{Change, append};
use crate::time::new_id;
use crate::types::{BriefData, BriefMeta, OpenedBrief};

/// What a comment is about: a question, a section, or (both empty) the whole brief.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CommentTarget {
    /// The checklist of the section.
    #[serde(default)]
    #[ts(optional)]
    pub checklist: Option<String>,
    /// The section id.
    #[serde(default)]
    #[ts(optional)]
    pub section: Option<String>,
    /// The question id.
    #[serde(default)]
    #[ts(optional)]
    pub question: Option<String>,
}

/// How a comment was resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Resolution {
    /// RFC 3339 UTC.
    pub at: String,
    /// Who resolved it (usually the AM).
    pub by: String,
    /// The reply, may be empty.
    #[serde(default)]
    pub note: String,
}

/// A lead's comment on a brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Comment {
    /// Unique across machines.
    pub id: String,
    /// The brief.
    pub brief_id: String,
    /// The revision it was written on.
    pub revision: u32,
    /// What it is about.
    pub target: CommentTarget,
    /// The comment.
    pub text: String,
    /// Who wrote it.
    pub author: String,
    /// RFC 3339 UTC.
    pub at: String,
    /// Set once resolved.
    #[serde(default)]
    #[ts(optional)]
    pub resolved: Option<Resolution>,
}

/// A step of the review the caller asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "action", rename_all = "snake_case")]
#[ts(export)]
pub enum ReviewRequest {
    /// The AM hands the brief to the lead.
    Submit,
    /// The lead sends it back (needs an open comment).
    Return,
    /// The lead approves it for kickoff; a "not ready" brief needs an override note.
    Approve {
        /// Why it is approved although not ready (recorded with the revision and in the history).
        #[serde(default)]
        #[ts(optional)]
        override_note: Option<String>,
    },
    /// «Изменить — новая редакция»: an approved brief becomes a draft of its next revision (the
    /// approved one stays frozen); a brief in review goes back to draft.
    Reopen,
}

/// An approved, frozen revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RevisionInfo {
    /// The brief.
    pub brief_id: String,
    /// Revision number, from 1.
    pub number: u32,
    /// RFC 3339 UTC.
    pub approved_at: String,
    /// The lead who approved it.
    pub approved_by: String,
    /// Set when approved despite a "not ready" verdict.
    #[serde(default)]
    #[ts(optional)]
    pub override_note: Option<String>,
}

/// Everything the review panel beside the interview shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReviewState {
    /// The brief's header (status, revision).
    pub meta: BriefMeta,
    /// Every comment, oldest first.
    pub comments: Vec<Comment>,
    /// Approved revisions, oldest first.
    pub revisions: Vec<RevisionInfo>,
    /// Whether the person asking may not change the brief now (approved; in review, for an AM):
    /// the window locks the answers and offers «Изменить — новая редакция».
    pub read_only: bool,
}

/// A revision with the records it froze (what bundles carry).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct FrozenRevision {
    #[serde(flatten)]
    pub info: RevisionInfo,
    pub snapshot: BriefData,
}

const COMMENT_COLUMNS: &str = "id, brief_id, revision, checklist, section, question_id, text, author, \
                               at, resolved_at, resolved_by, resolution";

fn read_comment(r: &Row<'_>) -> rusqlite::Result<Comment> {
    let resolved_at: Option<String> = r.get(9)?;
    Ok(Comment {
        id: r.get(0)?,
        brief_id: r.get(1)?,
        revision: r.get(2)?,
        target: CommentTarget {
            checklist: r.get(3)?,
            section: r.get(4)?,
            question: r.get(5)?,
        },
        text: r.get(6)?,
        author: r.get(7)?,
        at: r.get(8)?,
        resolved: match resolved_at {
            Some(at) => Some(Resolution {
                at,
                by: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
                note: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
            }),
            None => None,
        },
    })
}

/// Inserts a comment unless its id is known; true when it was new.
pub(crate) fn insert_comment(conn: &Connection, c: &Comment) -> Result<bool, StoreError> {
    let n = conn.execute(
        "INSERT OR IGNORE INTO comment (id, brief_id, revision, checklist, section, question_id, text,
                                        author, at, resolved_at, resolved_by, resolution)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            c.id,
            c.brief_id,
            c.revision,
            c.target.checklist,
            c.target.section,
            c.target.question,
            c.text,
            c.author,
            c.at,
            c.resolved.as_ref().map(|r| &r.at),
            c.resolved.as_ref().map(|r| &r.by),
            c.resolved.as_ref().map(|r| &r.note),
        ],
    )?;
    // Resolution only ever goes one way: a comment resolved anywhere is resolved here.
    if let (0, Some(r)) = (n, &c.resolved) {
        conn.execute(
            "UPDATE comment SET resolved_at = ?2, resolved_by = ?3, resolution = ?4
             WHERE id = ?1 AND resolved_at IS NULL",
            params![c.id, r.at, r.by, r.note],
        )?;
    }
    Ok(n == 1)
}

/// Inserts a frozen revision unless that number is known.
pub(crate) fn insert_revision(conn: &Connection, r: &FrozenRevision) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR IGNORE INTO revision (brief_id, number, approved_at, approved_by, override_note, snapshot)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            r.info.brief_id,
            r.info.number,
            r.info.approved_at,
            r.info.approved_by,
            r.info.override_note,
            serde_json::to_string(&r.snapshot)?
        ],
    )?;
    Ok(())
}

/// Refuses an edit of a brief that is read-only: an approved brief changes only after someone
/// opens its next revision on purpose ([`ReviewRequest::Reopen`]). Called inside the edit's
/// transaction, before anything is written.
pub(crate) fn check_editable(conn: &Connection, brief_id: &str) -> Result<(), StoreError> {
    check_editable_by(conn, brief_id, None)
}

fn check_editable_by(
    conn: &Connection,
    brief_id: &str,
    role: Option<Role>,
) -> Result<(), StoreError> {
    let status: String =
        conn.query_row("SELECT status FROM brief WHERE id = ?1", [brief_id], |r| {
            r.get(0)
        })?;
    let from = BriefStatus::parse(&status).ok_or_else(|| StoreError::Invalid {
        field: "status",
        message: format!("brief {brief_id} has an unknown status `{status}`"),
    })?;
    step(from, &Action::Edit { role })?;
    Ok(())
}

impl Store {
    /// The brief's gap analysis for `today`, on its pinned checklists.
    pub fn gap_report(&self, brief_id: &str, today: IsoDate) -> Result<GapReport, StoreError> {
        let checklists = self.brief_checklists(brief_id)?;
        let refs: Vec<_> = checklists.iter().map(AsRef::as_ref).collect();
        let entries = self.entries(brief_id)?;
        Ok(analyze(&refs, &entries, today))
    }

    /// Adds a comment on a question, a section or the whole brief. The target must exist in the
    /// brief; the text must not be blank.
    pub fn add_comment(
        &mut self,
        brief_id: &str,
        target: CommentTarget,
        text: &str,
        who: &str,
    ) -> Result<Comment, StoreError> {
        let meta = self.brief_meta(brief_id)?;
        let text = text.trim();
        if text.is_empty() {
            return Err(StoreError::Invalid {
                field: "comment",
                message: "the comment is empty: say what to fix or ask".into(),
            });
        }
        self.check_target(brief_id, &target)?;
        let tx = self.begin_write()?;
        let comment = Comment {
            id: new_id(),
            brief_id: brief_id.to_owned(),
            revision: meta.revision,
            target,
            text: text.to_owned(),
            author: who.trim().to_owned(),
            at: crate::history::stamp(&tx)?,
            resolved: None,
        };
        insert_comment(&tx, &comment)?;
        append(
            &tx,
            &comment.at,
            Change {
                brief_id,
                who,
                kind: "comment",
                subject: Some(&comment.id),
                old: None,
                new: Some(serde_json::to_value(&comment)?),
            },
        )?;
        tx.execute(
            "UPDATE brief SET updated_at = ?2 WHERE id = ?1",
            params![brief_id, comment.at],
        )?;
        tx.commit()?;
        Ok(comment)
    }

    fn check_target(&self, brief_id: &str, target: &CommentTarget) -> Result<(), StoreError> {
        if let Some(question) = &target.question {
            self.question(brief_id, question)?;
        }
        match (&target.checklist, &target.section) {
            (None, None) => Ok(()),
            (Some(checklist), Some(section)) => {
                let found = self
                    .brief_checklists(brief_id)?
                    .iter()
                    .any(|c| c.id == *checklist && c.sections.iter().any(|s| s.id == *section));
                if found {
                    Ok(())
                } else {
                    Err(StoreError::Invalid {
                        field: "section",
                        message: format!(
                            "the brief has no section `{section}` in checklist `{checklist}`"
                        ),
                    })
                }
            }
            _ => Err(StoreError::Invalid {
                field: "section",
                message: "a section is named by its checklist and its id together".into(),
            }),
        }
    }

    /// Resolves an open comment with an optional reply. Resolving a resolved comment changes nothing.
    pub fn resolve_comment(
        &mut self,
        brief_id: &str,
        comment_id: &str,
        note: &str,
        who: &str,
    ) -> Result<Comment, StoreError> {
        let tx = self.begin_write()?;
        let comment = self.comment(brief_id, comment_id)?;
        if comment.resolved.is_some() {
            return Ok(comment);
        }
        let resolution = Resolution {
            at: crate::history::stamp(&tx)?,
            by: who.trim().to_owned(),
            note: note.trim().to_owned(),
        };
        tx.execute(
            "UPDATE comment SET resolved_at = ?2, resolved_by = ?3, resolution = ?4 WHERE id = ?1",
            params![comment_id, resolution.at, resolution.by, resolution.note],
        )?;
        append(
            &tx,
            &resolution.at,
            Change {
                brief_id,
                who,
                kind: "comment_resolved",
                subject: Some(comment_id),
                old: None,
                new: Some(serde_json::to_value(&resolution)?),
            },
        )?;
        tx.execute(
            "UPDATE brief SET updated_at = ?2 WHERE id = ?1",
            params![brief_id, resolution.at],
        )?;
        tx.commit()?;
        self.comment(brief_id, comment_id)
    }

    /// One comment.
    pub fn comment(&self, brief_id: &str, comment_id: &str) -> Result<Comment, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {COMMENT_COLUMNS} FROM comment WHERE brief_id = ?1 AND id = ?2"),
                params![brief_id, comment_id],
                read_comment,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "comment",
                id: comment_id.to_owned(),
            })
    }

    /// Every comment on a brief, oldest first.
    pub fn comments(&self, brief_id: &str) -> Result<Vec<Comment>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COMMENT_COLUMNS} FROM comment WHERE brief_id = ?1 ORDER BY at, id"
        ))?;
        let rows = stmt.query_map([brief_id], read_comment)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Takes a review step if the workflow allows it now; refused with the reason otherwise
    /// (`StoreError::Refused`), and nothing changes. Approval freezes the current revision.
    pub fn review(
        &mut self,
        brief_id: &str,
        request: &ReviewRequest,
        who: &str,
        today: IsoDate,
    ) -> Result<BriefMeta, StoreError> {
        let meta = self.brief_meta(brief_id)?;
        let report;
        let open_comments;
        let action = match request {
            ReviewRequest::Submit => Action::Submit,
            ReviewRequest::Return => {
                open_comments = self
                    .comments(brief_id)?
                    .iter()
                    .filter(|c| c.resolved.is_none())
                    .count();
                Action::Return { open_comments }
            }
            ReviewRequest::Approve { override_note } => {
                report = self.gap_report(brief_id, today)?;
                Action::Approve {
                    verdict: &report.verdict,
                    override_note: override_note.as_deref(),
                }
            }
            ReviewRequest::Reopen => Action::Reopen,
        };
        let next = step(meta.status, &action)?;
        let snapshot = if next.freezes {
            Some(self.open_brief(brief_id)?)
        } else {
            None
        };
        let revision = if next.new_revision {
            meta.revision + 1
        } else {
            meta.revision
        };
        let tx = self.begin_write()?;
        let at = crate::history::stamp(&tx)?;
        tx.execute(
            "UPDATE brief SET status = ?2, updated_at = ?3, revision = ?4 WHERE id = ?1",
            params![brief_id, next.to.as_str(), at, revision],
        )?;
        append(
            &tx,
            &at,
            Change {
                brief_id,
                who,
                kind: "brief",
                subject: Some("status"),
                old: Some(json!(meta.status)),
                new: Some(json!(next.to)),
            },
        )?;
        if next.new_revision {
            append(
                &tx,
                &at,
                Change {
                    brief_id,
                    who,
                    kind: "revision",
                    subject: None,
                    old: Some(json!(meta.revision)),
                    new: Some(json!(revision)),
                },
            )?;
        }
        if let Some(mut snapshot) = snapshot {
            let note = match request {
                ReviewRequest::Approve { override_note } if next.overridden => override_note
                    .as_deref()
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_owned),
                _ => None,
            };
            snapshot.meta.status = next.to;
            snapshot.meta.updated_at = at.clone();
            let frozen = FrozenRevision {
                info: RevisionInfo {
                    brief_id: brief_id.to_owned(),
                    number: meta.revision,
                    approved_at: at.clone(),
                    approved_by: who.trim().to_owned(),
                    override_note: note.clone(),
                },
                snapshot,
            };
            insert_revision(&tx, &frozen)?;
            append(
                &tx,
                &at,
                Change {
                    brief_id,
                    who,
                    kind: "approve",
                    subject: Some(&meta.revision.to_string()),
                    old: None,
                    new: Some(json!({ "override_note": note })),
                },
            )?;
        }
        tx.commit()?;
        self.brief_meta(brief_id)
    }

    /// The brief's status, comments and approved revisions together, as `role` sees them.
    pub fn review_state(&self, brief_id: &str, role: Role) -> Result<ReviewState, StoreError> {
        let meta = self.brief_meta(brief_id)?;
        Ok(ReviewState {
            read_only: read_only(meta.status, role),
            meta,
            comments: self.comments(brief_id)?,
            revisions: self.revisions(brief_id)?,
        })
    }

    /// Refuses with the reason when someone in `role` may not change the brief now (approved; in
    /// review, for an AM). The writes themselves refuse approved briefs whoever asks; the window
    /// asks this first so that an AM cannot change what the lead is reviewing.
    pub fn check_editable(&self, brief_id: &str, role: Role) -> Result<(), StoreError> {
        self.brief_meta(brief_id)?;
        check_editable_by(&self.conn, brief_id, Some(role))
    }

    /// The approved revisions of a brief, oldest first.
    pub fn revisions(&self, brief_id: &str) -> Result<Vec<RevisionInfo>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT brief_id, number, approved_at, approved_by, override_note FROM revision
             WHERE brief_id = ?1 ORDER BY number",
        )?;
        let rows = stmt.query_map([brief_id], |r| {
            Ok(RevisionInfo {
                brief_id: r.get(0)?,
                number: r.get(1)?,
                approved_at: r.get(2)?,
                approved_by: r.get(3)?,
                override_note: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub(crate) fn frozen_revisions(
        &self,
        brief_id: &str,
    ) -> Result<Vec<FrozenRevision>, StoreError> {
        let infos = self.revisions(brief_id)?;
        let mut out = Vec::with_capacity(infos.len());
        for info in infos {
            let snapshot = self.revision_data(brief_id, info.number)?;
            out.push(FrozenRevision { info, snapshot });
        }
        Ok(out)
    }

    fn revision_data(&self, brief_id: &str, number: u32) -> Result<BriefData, StoreError> {
        let text: String = self
            .conn
            .query_row(
                "SELECT snapshot FROM revision WHERE brief_id = ?1 AND number = ?2",
                params![brief_id, number],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "approved revision",
                id: format!("{brief_id} #{number}"),
            })?;
        Ok(serde_json::from_str(&text)?)
    }

    /// An approved revision exactly as approved, with the checklist versions it was pinned to: for
    /// reading and printing after later edits.
    pub fn revision(&self, brief_id: &str, number: u32) -> Result<OpenedBrief, StoreError> {
        let data = self.revision_data(brief_id, number)?;
        let checklists = self
            .checklists_of(&data.pins)?
            .iter()
            .map(|c| (**c).clone())
            .collect();
        Ok(OpenedBrief { data, checklists })
    }
}
