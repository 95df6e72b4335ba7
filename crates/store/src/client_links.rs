//! Client links (issue 22): the links an account manager sent a client to answer a follow-up's open
//! items on the team server's page, and what the client sent back.
//!
//! The client's answers arrive with a sync as *waiting* rows — never straight into the brief. The AM
//! accepts one ([`Store::accept_client_answer`]: written into the brief with the history naming the
//! client's contact, its gap closes) or rejects it with a comment ([`Store::reject_client_answer`]:
//! the comment goes on the question). An answer the kind rules refuse stays waiting, with the
//! problem shown ([`ClientAnswer::problem`]) and named again when accept is pressed.
//!
//! Both tables belong to this database only: the server holds the link, and an accepted answer
//! travels as the brief's answer.

use deepbrief_core::answer_check::check_entry;
use deepbrief_core::gaps::IsoDate;
use deepbrief_core::{Answer, Entry, Evidence, Kind, Question};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Store;
use crate::error::StoreError;
use crate::history::{Change, append};
use crate::review::{Comment, CommentTarget, insert_comment};
use crate::time::{new_id, now};
use crate::types::Saved;

/// Days after its expiry that a sync still asks the server about a link (a client who submitted on
/// the last day is fetched by a sync a few weeks later).
pub const FETCH_DAYS_AFTER_EXPIRY: i64 = 30;

/// Whether a link still opens the client's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ClientLinkState {
    /// The client can answer (until `expires_on`, inclusive).
    Live,
    /// The AM revoked it.
    Revoked,
    /// Its last day has passed.
    Expired,
}

/// A link sent to the client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientLink {
    /// The server's id of the link.
    pub id: String,
    /// The brief.
    pub brief_id: String,
    /// The follow-up briefing whose open items it asks.
    pub followup_id: String,
    /// The page's address, `<server>/c/<token>`.
    pub url: String,
    /// The client's contact it is for (the history names them on every answer).
    pub contact: String,
    /// The last day it works (`YYYY-MM-DD`, inclusive).
    pub expires_on: String,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// Who made it.
    pub created_by: String,
    /// When it was revoked (RFC 3339 UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub revoked_at: Option<String>,
    /// Live, revoked or expired, on the day it was read for.
    pub state: ClientLinkState,
}

/// A link the server made, to keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewClientLink {
    /// The server's id.
    pub id: String,
    /// The brief.
    pub brief_id: String,
    /// The follow-up briefing.
    pub followup_id: String,
    /// The page's address.
    pub url: String,
    /// The client's contact.
    pub contact: String,
    /// The last day it works (`YYYY-MM-DD`).
    pub expires_on: String,
    /// Who made it.
    pub created_by: String,
}

/// Where a client answer is in the AM's review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ClientAnswerStatus {
    /// Waiting for the AM: accept (optionally edited) or reject.
    Waiting,
    /// Written into the brief.
    Accepted,
    /// Not taken, with the AM's comment.
    Rejected,
    /// The client changed it in a later submission before the AM decided: the later one waits.
    Superseded,
}

impl ClientAnswerStatus {
    fn as_str(self) -> &'static str {
        match self {
            ClientAnswerStatus::Waiting => "waiting",
            ClientAnswerStatus::Accepted => "accepted",
            ClientAnswerStatus::Rejected => "rejected",
            ClientAnswerStatus::Superseded => "superseded",
        }
    }

    fn parse(text: &str) -> Option<ClientAnswerStatus> {
        [
            ClientAnswerStatus::Waiting,
            ClientAnswerStatus::Accepted,
            ClientAnswerStatus::Rejected,
            ClientAnswerStatus::Superseded,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

/// A file the client attached under a question (kept on the server until the AM downloads it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientAnswerFile {
    /// The server's id of the file.
    pub id: String,
    /// The name the client's computer gave it (shown, never used as a path as it is).
    pub name: String,
    /// The content type the server found in the bytes.
    pub content_type: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// One answer the client sent, as the AM reviews it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientAnswer {
    /// `<submission id>/<question id>`.
    pub id: String,
    /// The link it came through.
    pub link_id: String,
    /// The brief.
    pub brief_id: String,
    /// The question.
    pub question_id: String,
    /// The question's prompt, in the language asked for (the id when the brief no longer has it).
    pub prompt: String,
    /// The question's kind (none when the brief no longer has the question).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub kind: Option<Kind>,
    /// The client's contact who sent it.
    pub contact: String,
    /// When the client pressed «Отправить» (RFC 3339 UTC).
    pub submitted_at: String,
    /// The answer (none: the client only attached files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub answer: Option<Answer>,
    /// Files attached under the question.
    pub files: Vec<ClientAnswerFile>,
    /// Waiting, accepted, rejected or superseded.
    pub status: ClientAnswerStatus,
    /// Who accepted or rejected it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decided_by: Option<String>,
    /// When (RFC 3339 UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decided_at: Option<String>,
    /// The AM's comment on a rejection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub comment: Option<String>,
    /// Why it cannot be accepted as it is (the kind rules refuse it, only files came, the question
    /// is gone); «Изменить и принять» or «Отклонить» still work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub problem: Option<String>,
}

/// One answer of a submission, to store (the app layer reads it off the server's JSON).
#[derive(Debug, Clone, PartialEq)]
pub struct NewClientAnswer {
    /// The question.
    pub question_id: String,
    /// The core's `Answer` JSON as the client sent it; none when only files came.
    pub answer: Option<serde_json::Value>,
    /// The files attached under it.
    pub files: Vec<ClientAnswerFile>,
}

/// A submission of the client (one «Отправить»).
#[derive(Debug, Clone, PartialEq)]
pub struct NewSubmission {
    /// The server's id.
    pub id: String,
    /// When (RFC 3339 UTC).
    pub at: String,
    /// Its answers.
    pub answers: Vec<NewClientAnswer>,
}

const LINK_COLUMNS: &str =
    "id, brief_id, followup_id, url, contact, expires_on, created_at, created_by, revoked_at";

fn read_link(r: &Row<'_>, today: IsoDate) -> rusqlite::Result<ClientLink> {
    let expires_on: String = r.get(5)?;
    let revoked_at: Option<String> = r.get(8)?;
    let state = if revoked_at.is_some() {
        ClientLinkState::Revoked
    } else if IsoDate::parse(&expires_on).is_some_and(|d| d < today) {
        ClientLinkState::Expired
    } else {
        ClientLinkState::Live
    };
    Ok(ClientLink {
        id: r.get(0)?,
        brief_id: r.get(1)?,
        followup_id: r.get(2)?,
        url: r.get(3)?,
        contact: r.get(4)?,
        expires_on,
        created_at: r.get(6)?,
        created_by: r.get(7)?,
        revoked_at,
        state,
    })
}

/// A client answer's row as stored.
struct Stored {
    id: String,
    link_id: String,
    brief_id: String,
    question_id: String,
    submitted_at: String,
    contact: String,
    answer_json: Option<String>,
    files: Vec<ClientAnswerFile>,
    status: ClientAnswerStatus,
    decided_by: Option<String>,
    decided_at: Option<String>,
    comment: Option<String>,
}

const ANSWER_COLUMNS: &str = "id, link_id, brief_id, question_id, submitted_at, contact, \
                              answer_json, files_json, status, decided_by, decided_at, comment";

fn read_answer_row(r: &Row<'_>) -> rusqlite::Result<Stored> {
    let brief_id: String = r.get(2)?;
    let files: String = r.get(7)?;
    let files = crate::unreadable::json(&brief_id, "client answer files", &files)
        .map_err(|why| why.into_row_error(7))?;
    let status: String = r.get(8)?;
    let status = crate::unreadable::parsed(
        &brief_id,
        "client answer status",
        &status,
        "waiting, accepted, rejected or superseded",
        ClientAnswerStatus::parse,
    )
    .map_err(|why| why.into_row_error(8))?;
    Ok(Stored {
        id: r.get(0)?,
        link_id: r.get(1)?,
        question_id: r.get(3)?,
        submitted_at: r.get(4)?,
        contact: r.get(5)?,
        answer_json: r.get(6)?,
        files,
        status,
        decided_by: r.get(9)?,
        decided_at: r.get(10)?,
        comment: r.get(11)?,
        brief_id,
    })
}

/// The client's answer as an entry of the brief, or why it cannot be one.
fn client_answer_of(row: &Stored) -> Result<Option<Answer>, String> {
    row.answer_json
        .as_deref()
        .map(|text| {
            serde_json::from_str::<Answer>(text).map_err(|e| {
                format!(
                    "question `{}`: the client's answer does not read as an answer ({e}); \
                     type it with «Изменить и принять» or reject it",
                    row.question_id
                )
            })
        })
        .transpose()
}

/// Whether `entry` may be written for `question`: the kind rules and the size limits.
fn check(question: &Question, entry: &Entry) -> Result<(), StoreError> {
    check_entry(question, entry).map_err(|problem| StoreError::InvalidAnswer {
        question: question.id.clone(),
        problem,
    })?;
    if let Some(message) = crate::limits::entry_too_large(question.kind, entry) {
        return Err(StoreError::Invalid {
            field: "answer",
            message: format!("question `{}`: {message}", question.id),
        });
    }
    Ok(())
}

/// `evidence` with `more` added, each once.
fn with_evidence(mut evidence: Vec<Evidence>, more: &[Evidence]) -> Vec<Evidence> {
    for e in more {
        if !evidence
            .iter()
            .any(|have| have.kind == e.kind && have.text == e.text)
        {
            evidence.push(e.clone());
        }
    }
    evidence
}

/// How the history names the client's contact: «Ирина Петрова (клиент)».
pub fn client_signature(contact: &str, language: &str) -> String {
    let word = if language == "en" {
        "client"
    } else {
        "клиент"
    };
    let contact = contact.trim();
    if contact.is_empty() {
        word.to_owned()
    } else {
        format!("{contact} ({word})")
    }
}

/// An earlier answer of the client to one question through one link.
struct Earlier {
    at: String,
    submission: String,
    answer: Option<String>,
    files: String,
    status: String,
}

/// When `submission` is the newest stored of its link, the answers still waiting from earlier
/// submissions that it no longer carries (the client cleared the field, or removed the file) are
/// taken back: superseded, no longer waiting for the AM. The rows stay, as everything the client
/// sent does.
fn withdraw_cleared(
    db: &rusqlite::Connection,
    link_id: &str,
    submission: &NewSubmission,
) -> Result<(), StoreError> {
    let later: bool = db.query_row(
        "SELECT EXISTS (SELECT 1 FROM client_answer WHERE link_id = ?1
                         AND (submitted_at, submission_id) > (?2, ?3))",
        params![link_id, submission.at, submission.id],
        |r| r.get(0),
    )?;
    if later {
        return Ok(());
    }
    let carried: std::collections::BTreeSet<&str> = submission
        .answers
        .iter()
        .filter(|a| a.answer.is_some() || !a.files.is_empty())
        .map(|a| a.question_id.as_str())
        .collect();
    let waiting: Vec<(String, String)> = {
        let mut stmt = db.prepare_cached(
            "SELECT id, question_id FROM client_answer
             WHERE link_id = ?1 AND status = 'waiting'
               AND (submitted_at, submission_id) < (?2, ?3)",
        )?;
        let rows = stmt.query_map(params![link_id, submission.at, submission.id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        rows.collect::<Result<_, _>>()?
    };
    for (id, question) in waiting {
        if !carried.contains(question.as_str()) {
            db.execute(
                "UPDATE client_answer SET status = 'superseded' WHERE id = ?1",
                [&id],
            )?;
        }
    }
    Ok(())
}

impl Store {
    /// Keeps a link the server made for one of the brief's follow-up briefings.
    pub fn add_client_link(
        &self,
        link: &NewClientLink,
        today: IsoDate,
    ) -> Result<ClientLink, StoreError> {
        let followup = self.followup(&link.followup_id)?;
        if followup.brief_id != link.brief_id {
            return Err(StoreError::Invalid {
                field: "followup_id",
                message: format!(
                    "follow-up briefing {} belongs to another brief than {}",
                    link.followup_id, link.brief_id
                ),
            });
        }
        if IsoDate::parse(&link.expires_on).is_none() {
            return Err(StoreError::Invalid {
                field: "expires_on",
                message: format!("`{}` is not a date; use YYYY-MM-DD", link.expires_on),
            });
        }
        let tx = self.begin_write()?;
        tx.execute(
            &format!("INSERT INTO client_link ({LINK_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL)"),
            params![
                link.id,
                link.brief_id,
                link.followup_id,
                link.url,
                link.contact,
                link.expires_on,
                now(),
                link.created_by
            ],
        )?;
        tx.commit()?;
        self.client_link(&link.id, today)
    }

    /// One link, as it stands on `today`.
    pub fn client_link(&self, id: &str, today: IsoDate) -> Result<ClientLink, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {LINK_COLUMNS} FROM client_link WHERE id = ?1"),
                [id],
                |r| read_link(r, today),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "client link",
                id: id.to_owned(),
            })
    }

    /// A brief's links, newest first, as they stand on `today`.
    pub fn client_links(
        &self,
        brief_id: &str,
        today: IsoDate,
    ) -> Result<Vec<ClientLink>, StoreError> {
        self.brief_meta(brief_id)?;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {LINK_COLUMNS} FROM client_link WHERE brief_id = ?1
             ORDER BY created_at DESC, id DESC"
        ))?;
        let rows = stmt.query_map([brief_id], |r| read_link(r, today))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The link the letter gives the client: a live one of the follow-up briefing when there is
    /// one, else the brief's newest live link.
    pub fn live_client_link(
        &self,
        brief_id: &str,
        followup_id: Option<&str>,
        today: IsoDate,
    ) -> Result<Option<ClientLink>, StoreError> {
        let live: Vec<ClientLink> = self
            .client_links(brief_id, today)?
            .into_iter()
            .filter(|l| l.state == ClientLinkState::Live)
            .collect();
        let of_followup = followup_id.and_then(|f| live.iter().find(|l| l.followup_id == f));
        Ok(of_followup.or(live.first()).cloned())
    }

    /// Links a sync asks the server about: not revoked, and not more than
    /// [`FETCH_DAYS_AFTER_EXPIRY`] days past their last day on `today`.
    pub fn client_links_to_fetch(&self, today: IsoDate) -> Result<Vec<ClientLink>, StoreError> {
        let since = today
            .add_days(-FETCH_DAYS_AFTER_EXPIRY)
            .map(|d| d.to_string())
            .unwrap_or_default();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {LINK_COLUMNS} FROM client_link WHERE revoked_at IS NULL AND expires_on >= ?1
             ORDER BY created_at, id"
        ))?;
        let rows = stmt.query_map([since], |r| read_link(r, today))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Marks a link revoked (the AM revoked it, or the server says it was); revoking twice keeps
    /// the first time.
    pub fn revoke_client_link(&self, id: &str, today: IsoDate) -> Result<ClientLink, StoreError> {
        self.client_link(id, today)?;
        let tx = self.begin_write()?;
        tx.execute(
            "UPDATE client_link SET revoked_at = coalesce(revoked_at, ?2) WHERE id = ?1",
            params![id, now()],
        )?;
        tx.commit()?;
        self.client_link(id, today)
    }

    /// Notes that a sync fetched the link's submissions.
    pub fn client_link_checked(&self, id: &str) -> Result<(), StoreError> {
        let tx = self.begin_write()?;
        tx.execute(
            "UPDATE client_link SET checked_at = ?2 WHERE id = ?1",
            params![id, now()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Stores a submission of the client through link `link_id` as waiting answers; returns how
    /// many are new. Idempotent: a submission stored twice gives one row per answer. An answer the
    /// same as the client's previous one for that question (already waiting, accepted or rejected)
    /// is not shown again; a changed one waits and the previous one still waiting is superseded.
    /// Questions with neither an answer nor a file are skipped, and an earlier answer still waiting
    /// that the newest submission no longer carries is superseded (the client took it back). An answer is stored as the client
    /// sent it, even one the kind rules would refuse: it is never dropped, and the AM sees why it
    /// cannot be accepted as it is.
    pub fn store_client_submission(
        &self,
        link_id: &str,
        submission: &NewSubmission,
    ) -> Result<u32, StoreError> {
        let tx = self.begin_write()?;
        let (brief_id, contact): (String, String) = tx
            .query_row(
                "SELECT brief_id, contact FROM client_link WHERE id = ?1",
                [link_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "client link",
                id: link_id.to_owned(),
            })?;
        let mut new = 0;
        for a in &submission.answers {
            if a.answer.is_none() && a.files.is_empty() {
                continue;
            }
            let id = format!("{}/{}", submission.id, a.question_id);
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM client_answer WHERE id = ?1)",
                [&id],
                |r| r.get(0),
            )?;
            if exists {
                continue;
            }
            // The client's answers to this question through this link, in submission order.
            let earlier: Vec<Earlier> = {
                let mut stmt = tx.prepare_cached(
                    "SELECT submitted_at, submission_id, answer_json, files_json, status
                     FROM client_answer
                     WHERE link_id = ?1 AND question_id = ?2 ORDER BY submitted_at, submission_id",
                )?;
                let rows = stmt.query_map(params![link_id, a.question_id], |r| {
                    Ok(Earlier {
                        at: r.get(0)?,
                        submission: r.get(1)?,
                        answer: r.get(2)?,
                        files: r.get(3)?,
                        status: r.get(4)?,
                    })
                })?;
                rows.collect::<Result<_, _>>()?
            };
            let this = (submission.at.as_str(), submission.id.as_str());
            // A later submission is stored already: this one was passed over then (or superseded).
            if earlier
                .iter()
                .any(|e| (e.at.as_str(), e.submission.as_str()) > this)
            {
                continue;
            }
            // The last one is compared unless the client took it back since (then the same
            // answer sent again is news).
            let same_as_last = earlier.last().is_some_and(|e| {
                let answer: Option<serde_json::Value> = e
                    .answer
                    .as_deref()
                    .and_then(|t| serde_json::from_str(t).ok());
                let files: Vec<ClientAnswerFile> =
                    serde_json::from_str(&e.files).unwrap_or_default();
                e.status != "superseded" && answer == a.answer && files == a.files
            });
            if same_as_last {
                continue;
            }
            tx.execute(
                "UPDATE client_answer SET status = 'superseded'
                 WHERE link_id = ?1 AND question_id = ?2 AND status = 'waiting'",
                params![link_id, a.question_id],
            )?;
            tx.execute(
                "INSERT INTO client_answer (id, link_id, brief_id, question_id, submission_id,
                                            submitted_at, contact, answer_json, files_json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    id,
                    link_id,
                    brief_id,
                    a.question_id,
                    submission.id,
                    submission.at,
                    contact,
                    a.answer.as_ref().map(serde_json::Value::to_string),
                    serde_json::to_string(&a.files)?
                ],
            )?;
            new += 1;
        }
        withdraw_cleared(&tx, link_id, submission)?;
        tx.commit()?;
        Ok(new)
    }

    fn client_answer_row(&self, id: &str) -> Result<Stored, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {ANSWER_COLUMNS} FROM client_answer WHERE id = ?1"),
                [id],
                read_answer_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "client answer",
                id: id.to_owned(),
            })
    }

    /// The row as the AM sees it: the prompt in `lang`, and why it cannot be accepted as it is.
    fn client_answer_view(&self, row: Stored, lang: &str) -> ClientAnswer {
        let question = self.question(&row.brief_id, &row.question_id).ok();
        let answer = client_answer_of(&row);
        let problem = match (&question, &answer) {
            (None, _) => Some(format!(
                "the brief no longer has question `{}`; reject the answer",
                row.question_id
            )),
            (Some(_), Err(why)) => Some(why.clone()),
            (Some(_), Ok(None)) => {
                let answered = self
                    .entries(&row.brief_id)
                    .is_ok_and(|e| e.contains_key(&row.question_id));
                (!answered).then(|| {
                    format!(
                        "question `{}`: the client sent only files and the question has no answer \
                         yet; give one with «Изменить и принять»",
                        row.question_id
                    )
                })
            }
            (Some(q), Ok(Some(answer))) => check(q, &Entry::new(answer.clone()))
                .err()
                .map(|e| format!("{e}; correct it with «Изменить и принять» or reject it")),
        };
        ClientAnswer {
            prompt: question
                .as_ref()
                .map(|q| q.prompt.get(lang).trim().to_owned())
                .filter(|p| !p.is_empty())
                .unwrap_or_else(|| row.question_id.clone()),
            kind: question.as_ref().map(|q| q.kind),
            answer: answer.ok().flatten(),
            problem: problem.filter(|_| row.status == ClientAnswerStatus::Waiting),
            id: row.id,
            link_id: row.link_id,
            brief_id: row.brief_id,
            question_id: row.question_id,
            contact: row.contact,
            submitted_at: row.submitted_at,
            files: row.files,
            status: row.status,
            decided_by: row.decided_by,
            decided_at: row.decided_at,
            comment: row.comment,
        }
    }

    /// One client answer, its prompt in `lang` (`ru`, `en`).
    pub fn client_answer(&self, id: &str, lang: &str) -> Result<ClientAnswer, StoreError> {
        let row = self.client_answer_row(id)?;
        Ok(self.client_answer_view(row, lang))
    }

    /// A brief's client answers: waiting first, then the newest first; prompts in `lang`.
    pub fn client_answers(
        &self,
        brief_id: &str,
        lang: &str,
    ) -> Result<Vec<ClientAnswer>, StoreError> {
        self.brief_meta(brief_id)?;
        let rows: Vec<Stored> = {
            let mut stmt = self.conn.prepare_cached(&format!(
                "SELECT {ANSWER_COLUMNS} FROM client_answer WHERE brief_id = ?1
                 ORDER BY status = 'waiting' DESC, submitted_at DESC, id"
            ))?;
            let rows = stmt.query_map([brief_id], read_answer_row)?;
            rows.collect::<Result<_, _>>()?
        };
        Ok(rows
            .into_iter()
            .map(|row| self.client_answer_view(row, lang))
            .collect())
    }

    /// Whether [`Store::accept_client_answer`] would take the answer (with `edited`, the AM's
    /// correction): the same checks, nothing written. The app asks before it downloads the files.
    pub fn check_client_answer(&self, id: &str, edited: Option<&Entry>) -> Result<(), StoreError> {
        self.accept_plan(id, edited.cloned(), &[]).map(|_| ())
    }

    /// What accepting writes, checked: the client's entry (none when only the AM's correction fits)
    /// and the AM's correction (none when there is none or it is the same).
    fn accept_plan(
        &self,
        id: &str,
        edited: Option<Entry>,
        files: &[Evidence],
    ) -> Result<AcceptPlan, StoreError> {
        let row = self.client_answer_row(id)?;
        waiting(&row)?;
        let meta = self.brief_meta(&row.brief_id)?;
        crate::review::check_editable(&self.conn, &row.brief_id)?;
        let question = self.question(&row.brief_id, &row.question_id)?;
        let current = self.entries(&row.brief_id)?.remove(&row.question_id);
        let kept = current
            .as_ref()
            .map(|e| e.evidence.clone())
            .unwrap_or_default();
        let client = client_answer_of(&row).map_err(|message| StoreError::Invalid {
            field: "answer",
            message,
        })?;
        let client_entry = match client {
            Some(answer) => Some(Entry {
                answer,
                evidence: with_evidence(kept, files),
                to_confirm: false,
            }),
            // Only files: they back the answer the brief has.
            None => current.map(|e| Entry {
                evidence: with_evidence(e.evidence, files),
                to_confirm: false,
                ..e
            }),
        };
        let client_entry = match (client_entry, &edited) {
            (Some(entry), None) => {
                check(&question, &entry)?;
                Some(entry)
            }
            (Some(entry), Some(_)) => check(&question, &entry).ok().map(|()| entry),
            (None, None) => {
                return Err(StoreError::Invalid {
                    field: "answer",
                    message: format!(
                        "question `{}`: the client sent only files and the question has no answer \
                         yet; give one (accept with an edited answer) or reject it",
                        row.question_id
                    ),
                });
            }
            (None, Some(_)) => None,
        };
        let edited = edited
            .map(|e| {
                let entry = Entry {
                    evidence: with_evidence(e.evidence.clone(), files),
                    ..e
                };
                check(&question, &entry).map(|()| entry)
            })
            .transpose()?
            .filter(|e| Some(e) != client_entry.as_ref());
        Ok(AcceptPlan {
            signature: client_signature(&row.contact, &meta.language),
            row,
            client: client_entry,
            edited,
        })
    }

    /// Accepts a waiting client answer: writes it into the brief — the history names the client's
    /// contact («Ирина Петрова (клиент)») — and marks it accepted by `who`. `edited`: the AM's
    /// correction, written after the client's answer under the AM's name (alone, when the client's
    /// does not fit the question). `files`: the evidence for the files the client attached (the app
    /// downloads them first), added to the entry. Refused, with the question named and nothing
    /// changed (the answer stays waiting), when the answer does not fit the question or the brief
    /// may not be changed.
    pub fn accept_client_answer(
        &mut self,
        id: &str,
        edited: Option<Entry>,
        files: &[Evidence],
        who: &str,
    ) -> Result<Saved, StoreError> {
        let AcceptPlan {
            row,
            client: client_entry,
            edited,
            signature,
        } = self.accept_plan(id, edited, files)?;
        let tx = self.begin_write()?;
        waiting(&read_in(&tx, id)?)?;
        crate::review::check_editable(&tx, &row.brief_id)?;
        let old: Option<Entry> = tx
            .query_row(
                "SELECT entry FROM answer WHERE brief_id = ?1 AND question_id = ?2",
                params![row.brief_id, row.question_id],
                |r| r.get::<_, String>(0),
            )
            .optional()?
            .map(|json| serde_json::from_str(&json))
            .transpose()?;
        let mut saved = None;
        let mut shown = old;
        for (entry, by) in [
            (client_entry.as_ref(), signature.as_str()),
            (edited.as_ref(), who),
        ] {
            let Some(entry) = entry else { continue };
            if shown.as_ref() == Some(entry) {
                continue;
            }
            let at = crate::history::stamp(&tx)?;
            saved = Some(crate::answers::write(
                &tx,
                &row.brief_id,
                &row.question_id,
                shown.as_ref(),
                Some(entry),
                &at,
                by,
            )?);
            shown = Some(entry.clone());
        }
        let decided_at = match &saved {
            Some(s) => s.at.clone(),
            None => crate::history::stamp(&tx)?,
        };
        tx.execute(
            "UPDATE client_answer SET status = 'accepted', decided_by = ?2, decided_at = ?3
             WHERE id = ?1",
            params![id, who, decided_at],
        )?;
        tx.commit()?;
        match saved {
            Some(s) => Ok(s),
            // The brief had this very answer already: nothing new in the history.
            None => Ok(self
                .last_event(&row.brief_id, "answer", &row.question_id)?
                .unwrap_or(Saved {
                    event_id: String::new(),
                    at: decided_at,
                })),
        }
    }

    /// Rejects a waiting client answer with the AM's comment (required), which is added to the
    /// question as a comment of the brief («Ответ клиента отклонён: …»); the brief's answer is not
    /// changed.
    pub fn reject_client_answer(
        &mut self,
        id: &str,
        comment: &str,
        who: &str,
    ) -> Result<Comment, StoreError> {
        let comment = comment.trim();
        if comment.is_empty() {
            return Err(StoreError::Invalid {
                field: "comment",
                message: "say why the client's answer is rejected: the comment is required (it \
                          goes on the question for the next conversation with the client)"
                    .to_owned(),
            });
        }
        let row = self.client_answer_row(id)?;
        waiting(&row)?;
        let meta = self.brief_meta(&row.brief_id)?;
        let on_question = self.question(&row.brief_id, &row.question_id).is_ok();
        let text = if meta.language == "en" {
            format!("Client's answer rejected ({}): {comment}", row.contact)
        } else {
            format!("Ответ клиента отклонён ({}): {comment}", row.contact)
        };
        let tx = self.begin_write()?;
        waiting(&read_in(&tx, id)?)?;
        let note = Comment {
            id: new_id(),
            brief_id: row.brief_id.clone(),
            revision: meta.revision,
            target: CommentTarget {
                question: on_question.then(|| row.question_id.clone()),
                ..CommentTarget::default()
            },
            text,
            author: who.trim().to_owned(),
            at: crate::history::stamp(&tx)?,
            resolved: None,
        };
        insert_comment(&tx, &note)?;
        append(
            &tx,
            &note.at,
            Change {
                brief_id: &row.brief_id,
                who,
                kind: "comment",
                subject: Some(&note.id),
                old: None,
                new: Some(serde_json::to_value(&note)?),
            },
        )?;
        tx.execute(
            "UPDATE brief SET updated_at = ?2 WHERE id = ?1",
            params![row.brief_id, note.at],
        )?;
        tx.execute(
            "UPDATE client_answer SET status = 'rejected', decided_by = ?2, decided_at = ?3,
                                      comment = ?4
             WHERE id = ?1",
            params![id, who, note.at, comment],
        )?;
        tx.commit()?;
        Ok(note)
    }
}

/// What accepting a client answer writes.
struct AcceptPlan {
    row: Stored,
    /// The client's entry, when it fits the question.
    client: Option<Entry>,
    /// The AM's correction, when it differs.
    edited: Option<Entry>,
    /// How the history names the client.
    signature: String,
}

fn read_in(conn: &rusqlite::Connection, id: &str) -> Result<Stored, StoreError> {
    Ok(conn.query_row(
        &format!("SELECT {ANSWER_COLUMNS} FROM client_answer WHERE id = ?1"),
        [id],
        read_answer_row,
    )?)
}

/// Only a waiting answer can be decided.
fn waiting(row: &Stored) -> Result<(), StoreError> {
    match row.status {
        ClientAnswerStatus::Waiting => Ok(()),
        done @ (ClientAnswerStatus::Accepted
        | ClientAnswerStatus::Rejected
        | ClientAnswerStatus::Superseded) => Err(StoreError::Invalid {
            field: "status",
            message: format!(
                "client answer {} is {} already; nothing was changed",
                row.id,
                done.as_str()
            ),
        }),
    }
}
