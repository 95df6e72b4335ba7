//! Client links from a desktop (issue 22): the AM makes a link to exactly the open items of a
//! follow-up briefing, sends it in the letter, and can revoke it; each sync fetches what the client
//! sent into answers waiting for the AM's review ([`crate::edits::accept_client_answer`],
//! [`crate::edits::reject_client_answer`]). What the CLI's `followup link|unlink|links` and the
//! desktop's «Ссылка для клиента» both do.

use std::path::{Path, PathBuf};

use deepbrief_core::Library;
use deepbrief_core::gaps::{GapCode, IsoDate, follow_up_items};
use deepbrief_export::letter::{ItemKind, LetterItem};
use deepbrief_store::{
    ClientAnswer, ClientAnswerFile, ClientLink, NewClientAnswer, NewClientLink, NewSubmission,
    Store, StoreError,
};
use deepbrief_wire as wire;
use deepbrief_wire::client::{LinkGroup, MAX_LINK_DAYS, MAX_LINK_QUESTIONS};
use serde::Serialize;

use super::client::Client;
use super::error::TeamError;
use crate::documents::{Signature, letter_input};
use crate::{DataFolder, Person};

/// How long a link works at least when the AM does not say: 30 days from today ([`default_expiry`]).
pub const DEFAULT_LINK_DAYS: i64 = 30;

/// A link to make.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewLink {
    /// The follow-up briefing whose still-open items the client is asked (it names the brief).
    pub followup_id: String,
    /// The last day it works; none: [`default_expiry`] (a month, or until the meeting).
    pub expires_on: Option<IsoDate>,
    /// The agency's name at the top of the page; none: the agency in the settings.
    pub agency: Option<String>,
}

fn invalid(field: &'static str, message: String) -> TeamError {
    TeamError::Store(StoreError::Invalid { field, message })
}

/// Makes a client link for the follow-up briefing `link.followup_id`: syncs once first (the server
/// builds the page from the brief it holds), then asks the server for a link to the briefing's
/// items still open on `today`, grouped and worded as the letter words them (same function), in the
/// brief's language, for the brief's responsible contact (else its first). Refused, with the field
/// and the fix named, when the person may not change the brief now, no open item has a question the
/// client can answer, the brief has no contact, the agency has no name, or the expiry is not between
/// today and [`MAX_LINK_DAYS`] ahead; and when the database is not signed in to a team server.
pub fn create(
    folder: &DataFolder,
    store: &mut Store,
    library: &Library,
    person: &Person,
    link: &NewLink,
    today: IsoDate,
) -> Result<ClientLink, TeamError> {
    let followup = store.followup(&link.followup_id)?;
    let brief_id = followup.brief_id.clone();
    store.check_editable(&brief_id, person.role)?;
    let expires_on = expiry(
        link.expires_on,
        default_expiry(&followup.start, today),
        today,
    )?;
    let agency = match &link.agency {
        Some(a) => a.trim().to_owned(),
        None => folder
            .settings_or_defaults(|_| {})
            .identity
            .map(|i| i.agency.trim().to_owned())
            .unwrap_or_default(),
    };
    if agency.is_empty() {
        return Err(invalid(
            "agency",
            "the agency's name is not set, and the client's page shows it: set it in Settings \
             (or `--agency NAME` on the command line)"
                .to_owned(),
        ));
    }
    let (opened, report) = crate::brief::analyzed(store, &brief_id, today)?;
    let meta = &opened.data.meta;
    let contact = meta
        .contacts
        .iter()
        .find(|c| c.responsible)
        .or_else(|| meta.contacts.first())
        .map(|c| c.name.trim().to_owned())
        .filter(|n| !n.is_empty())
        .ok_or_else(|| {
            invalid(
                "contacts",
                format!(
                    "brief {brief_id} has no client contact: add the person the link is for to the \
                     brief's contacts (the history names them on every answer)"
                ),
            )
        })?;
    let items = follow_up_items(&report);
    let input = letter_input(
        &opened,
        &items,
        Some(&followup),
        &Signature::default(),
        today,
    );
    // Questions of items that ask for a document: a process to describe, material promised.
    let documents: Vec<&str> = items
        .iter()
        .filter(|i| followup.items.iter().any(|k| i.is(k)))
        .filter(|i| matches!(i.code, GapCode::ProcessNotDescribed | GapCode::Overdue))
        .flat_map(|i| i.questions.iter().map(String::as_str))
        .collect();
    let groups = groups(&input.items, &documents);
    let asked: usize = groups.iter().map(|g| g.questions.len()).sum();
    if asked == 0 {
        return Err(invalid(
            "followup_id",
            format!(
                "follow-up briefing {} has no item still open with a question the client can \
                 answer; plan one over the open items (`deepbrief gaps {brief_id}`)",
                followup.id
            ),
        ));
    }
    if asked > MAX_LINK_QUESTIONS {
        return Err(invalid(
            "followup_id",
            format!(
                "follow-up briefing {} asks {asked} questions, more than the {MAX_LINK_QUESTIONS} a \
                 link may ask; plan a follow-up over fewer items",
                followup.id
            ),
        ));
    }

    let (_, client) = super::account::client(folder)?;
    // The server builds the page from the brief it holds: send it what changed here first.
    super::sync::sync(store, &client, library, &folder.team_checklists())?;
    let created = client.create_link(&wire::client::CreateLinkRequest {
        brief_id: brief_id.clone(),
        followup_id: followup.id.clone(),
        language: crate::documents::brief_lang(&opened).code().to_owned(),
        agency,
        contact: contact.clone(),
        expires_on: expires_on.to_string(),
        groups,
    })?;
    let url = format!(
        "{}{}/{}",
        client.url(),
        wire::client::CLIENT_PAGE,
        created.token
    );
    Ok(store.add_client_link(
        &NewClientLink {
            id: created.id,
            brief_id,
            followup_id: followup.id,
            url,
            contact,
            expires_on: created.expires_on,
            created_by: person.name.clone(),
        },
        today,
    )?)
}

/// The last day a link to the follow-up meeting starting `meeting_start` (`YYYY-MM-DDTHH:MM`) works
/// when the AM does not say: [`DEFAULT_LINK_DAYS`] from today, or the meeting's day when that is
/// later — the letter asks for the answers before the meeting, so the link it gives must work until
/// then — and never past [`MAX_LINK_DAYS`] from today. What the app's form shows first, too.
pub fn default_expiry(meeting_start: &str, today: IsoDate) -> IsoDate {
    let month = today.add_days(DEFAULT_LINK_DAYS).unwrap_or(today);
    let latest = today.add_days(MAX_LINK_DAYS).unwrap_or(today);
    let meeting = meeting_start.get(..10).and_then(IsoDate::parse);
    match meeting {
        Some(day) if day > month => day.min(latest),
        _ => month,
    }
}

/// The default expiry of a link for follow-up `followup_id` ([`default_expiry`]).
pub fn default_expiry_of(
    store: &Store,
    followup_id: &str,
    today: IsoDate,
) -> Result<IsoDate, StoreError> {
    Ok(default_expiry(&store.followup(followup_id)?.start, today))
}

/// The last day a link works: `asked`, else `default`; refused outside today … today +
/// [`MAX_LINK_DAYS`].
fn expiry(asked: Option<IsoDate>, default: IsoDate, today: IsoDate) -> Result<IsoDate, TeamError> {
    let latest = today.add_days(MAX_LINK_DAYS).unwrap_or(today);
    let day = asked.unwrap_or(default);
    if day < today {
        return Err(invalid(
            "expires_on",
            format!("{day} has passed: give a day from {today} to {latest}"),
        ));
    }
    if day > latest {
        return Err(invalid(
            "expires_on",
            format!(
                "a link works at most {MAX_LINK_DAYS} days: give a day from {today} to {latest}"
            ),
        ));
    }
    Ok(day)
}

/// The page's groups: one per letter item, grouped under their headings in the order the headings
/// first appear (as the letter prints them); each question asked once. `documents`: questions of
/// items that ask for a document (files may be attached there).
fn groups(items: &[LetterItem], documents: &[&str]) -> Vec<LinkGroup> {
    let mut headings: Vec<&str> = Vec::new();
    for item in items {
        if !headings.contains(&item.heading.as_str()) {
            headings.push(&item.heading);
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for heading in headings {
        for item in items.iter().filter(|i| i.heading == heading) {
            let questions: Vec<String> = item
                .question_ids
                .iter()
                .filter(|q| !seen.contains(&q.as_str()))
                .cloned()
                .collect();
            if questions.is_empty() {
                continue;
            }
            seen.extend(item.question_ids.iter().map(String::as_str));
            out.push(LinkGroup {
                heading: item.heading.clone(),
                topic: item.topic.clone(),
                why: item.why.clone(),
                attach: item.kind == ItemKind::Send
                    || questions.iter().any(|q| documents.contains(&q.as_str())),
                questions,
            });
        }
    }
    out
}

/// Revokes a link on the server (its page stops working at once), then here. Not revoked when the
/// server cannot be reached: the client could still answer.
pub fn revoke(
    folder: &DataFolder,
    store: &Store,
    link_id: &str,
    today: IsoDate,
) -> Result<ClientLink, TeamError> {
    store.client_link(link_id, today)?;
    let (_, client) = super::account::client(folder)?;
    match client.revoke_link(link_id) {
        Ok(()) => {}
        // Gone from the server (another server, a reset): nothing opens it any more.
        Err(TeamError::Refused { status: 404, .. }) => {}
        Err(e) => return Err(e),
    }
    Ok(store.revoke_client_link(link_id, today)?)
}

/// A brief's links, newest first, as they stand on `today`.
pub fn list(store: &Store, brief_id: &str, today: IsoDate) -> Result<Vec<ClientLink>, StoreError> {
    store.client_links(brief_id, today)
}

/// A brief's client answers, waiting first, then the newest first; prompts in `lang` (`ru`, `en`:
/// the language of the screen).
pub fn answers(store: &Store, brief_id: &str, lang: &str) -> Result<Vec<ClientAnswer>, StoreError> {
    store.client_answers(brief_id, lang)
}

/// What fetching the client's answers did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Fetched {
    /// Links asked about.
    pub links: u32,
    /// New answers waiting for review.
    pub new: u32,
    /// Links the server refused to tell about, each with why (the others went on).
    pub refused: Vec<String>,
}

/// Asks the server about every link not revoked and not long expired, and stores what the client
/// submitted as answers waiting for review (each once, however often it is fetched). A link the
/// server says was revoked is marked so here. Unreachable server: an error (nothing half-stored —
/// each submission is stored in one transaction).
pub fn fetch(store: &Store, client: &Client, today: IsoDate) -> Result<Fetched, TeamError> {
    let mut fetched = Fetched::default();
    for link in store.client_links_to_fetch(today)? {
        let status = match client.link_status(&link.id) {
            Ok(status) => status,
            Err(e @ (TeamError::Offline { .. } | TeamError::Unauthorized { .. })) => return Err(e),
            Err(e) => {
                fetched.refused.push(format!(
                    "client link {} ({}): {e}",
                    link.id,
                    without_token(&link.url)
                ));
                continue;
            }
        };
        fetched.links += 1;
        for submission in &status.submissions {
            fetched.new += store.store_client_submission(&link.id, &submission_of(submission))?;
        }
        if status.revoked_at.is_some() {
            store.revoke_client_link(&link.id, today)?;
        }
        store.client_link_checked(&link.id)?;
    }
    Ok(fetched)
}

/// A link's address without its token: a message must not print the secret.
fn without_token(url: &str) -> String {
    match url.rsplit_once('/') {
        Some((base, _)) => format!("{base}/…"),
        None => "…".to_owned(),
    }
}

fn submission_of(s: &wire::client::Submission) -> NewSubmission {
    NewSubmission {
        id: s.id.clone(),
        at: s.at.clone(),
        answers: s
            .answers
            .iter()
            .map(|a| NewClientAnswer {
                question_id: a.question.clone(),
                answer: a.answer.clone().filter(|v| !v.is_null()),
                files: a
                    .files
                    .iter()
                    .map(|f| ClientAnswerFile {
                        id: f.id.clone(),
                        name: f.name.clone(),
                        content_type: f.content_type.clone(),
                        bytes: f.bytes,
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Where a client's file is kept: `attachments/<brief>/<file id>-<name>` in the data folder, the
/// name made safe for a file system.
pub fn attachment_path(folder: &DataFolder, brief_id: &str, file: &ClientAnswerFile) -> PathBuf {
    folder
        .data_dir
        .join("attachments")
        .join(safe_name(brief_id))
        .join(format!("{}-{}", safe_name(&file.id), safe_name(&file.name)))
}

/// A name as one path component: letters, digits and `.-_ ` pass (any script), everything else
/// becomes `_`; no leading dot; at most 120 characters; never empty.
pub fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.');
    let mut out: String = cleaned
        .chars()
        .rev()
        .take(120)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if out.chars().count() < cleaned.chars().count() {
        // Kept the end: the extension says what the file is.
        out = out.trim_start_matches('.').to_owned();
    }
    if out.is_empty() {
        "file".to_owned()
    } else {
        out
    }
}

/// The file `file_id` the client attached to answer `answer_id`, on this computer: downloaded from
/// the server the first time (written whole, then renamed into place), the copy here after.
pub fn download(
    folder: &DataFolder,
    store: &Store,
    answer_id: &str,
    file_id: &str,
) -> Result<PathBuf, TeamError> {
    let answer = store.client_answer(answer_id, "ru")?;
    let file = answer
        .files
        .iter()
        .find(|f| f.id == file_id)
        .ok_or_else(|| {
            TeamError::Store(StoreError::NotFound {
                what: "file of the client's answer",
                id: file_id.to_owned(),
            })
        })?;
    let path = attachment_path(folder, &answer.brief_id, file);
    if path.is_file() {
        return Ok(path);
    }
    let (_, client) = super::account::client(folder)?;
    let bytes = client.link_file(&answer.link_id, &file.id)?;
    write_new(&path, &bytes)?;
    Ok(path)
}

fn write_new(path: &Path, bytes: &[u8]) -> Result<(), TeamError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TeamError::Io { path, source }
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
    }
    let tmp = path.with_extension("part");
    std::fs::write(&tmp, bytes).map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(io(path))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use super::*;

    #[test]
    fn a_file_name_is_one_safe_path_component() {
        assert_eq!(safe_name("прайс 2026.pdf"), "прайс 2026.pdf");
        assert_eq!(safe_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_name("..\\..\\boot.ini"), "_.._boot.ini");
        assert_eq!(safe_name(".hidden"), "hidden");
        assert_eq!(safe_name(""), "file");
        assert_eq!(safe_name("a/b:c*d?.txt"), "a_b_c_d_.txt");
        let long = format!("{}.xlsx", "ы".repeat(300));
        let safe = safe_name(&long);
        assert_eq!(safe.chars().count(), 120);
        assert!(safe.ends_with(".xlsx"));
    }

    #[test]
    fn the_expiry_is_a_day_from_today_to_half_a_year_on() {
        let today = IsoDate::parse("2026-12-02").unwrap();
        let month = IsoDate::parse("2027-01-01").unwrap();
        assert_eq!(expiry(None, month, today).unwrap(), month);
        assert_eq!(expiry(Some(today), month, today).unwrap(), today);
        let past = expiry(IsoDate::parse("2026-12-01"), month, today).unwrap_err();
        assert!(past.to_string().starts_with("expires_on:"), "{past}");
        let far = expiry(IsoDate::parse("2027-06-01"), month, today).unwrap_err();
        assert!(far.to_string().contains("180 days"), "{far}");
    }

    #[test]
    fn by_default_a_link_works_a_month_or_until_the_meeting_whichever_is_later() {
        let today = IsoDate::parse("2026-12-02").unwrap();
        let day = |s: &str| IsoDate::parse(s).unwrap();
        // A meeting next week: a month.
        assert_eq!(default_expiry("2026-12-09T11:00", today), day("2027-01-01"));
        // A meeting in seven weeks: the letter asks for answers before it, so until that day.
        assert_eq!(default_expiry("2027-01-20T11:00", today), day("2027-01-20"));
        // A meeting in a year: half a year, the most a link works.
        assert_eq!(default_expiry("2027-12-01T11:00", today), day("2027-05-31"));
        // A start that does not read as a day (an older build's row): a month.
        assert_eq!(default_expiry("soon", today), day("2027-01-01"));
    }
}
