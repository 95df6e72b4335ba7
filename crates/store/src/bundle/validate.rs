//! The validate phase of an import: every part of a bundle whose checksum is right is checked
//! against the checklists it pins and the event format before anything is written. A bundle is
//! untrusted input — it may have been edited by hand and re-checksummed — so each refusal names the
//! part (`pins[1]`, `entries.budget`, `events[12]`) and says what is wrong.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use deepbrief_core::answer_check::{AnswerProblem, check_entry};
use deepbrief_core::{
    Checklist, Entry, Kind, Library, Origin, Question, SourceFile, Text, load_files,
};
use rusqlite::{OptionalExtension, params};

use super::{Payload, PinnedText};
use crate::Store;
use crate::limits::{entry_too_large, line_problem};
use crate::types::Contact;

/// The event kinds this version writes (`docs/bundle-format.md`).
const EVENT_KINDS: [&str; 14] = [
    "created",
    "brief",
    "answer",
    "adhoc",
    "archived_answer",
    "upgrade",
    "archive",
    "restore",
    "followup",
    "comment",
    "comment_resolved",
    "approve",
    "revision",
    deepbrief_core::history::CONFLICT_RESOLVED,
];

/// Longest multi-line text outside answers (an ad-hoc prompt, a comment).
const MAX_NOTE_CHARS: usize = 20_000;

/// A refusal: the part of the bundle and what is wrong with it.
pub(super) struct Refusal {
    pub part: String,
    pub message: String,
}

type Checked = Result<(), Refusal>;

fn refuse(part: impl Into<String>, message: impl Into<String>) -> Refusal {
    Refusal {
        part: part.into(),
        message: message.into(),
    }
}

/// Ids of briefs, events, questions, follow-ups and comments: letters, digits, `-`, `_`, `.`
/// (not first), at most 100 — never a path, a quote or a control character.
pub(crate) fn id_problem(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        return Some("is empty");
    }
    if id.len() > 100 {
        return Some("is longer than 100 characters");
    }
    if id.starts_with('.')
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    {
        return Some("may hold only Latin letters, digits, `-`, `_` and `.` (not first)");
    }
    None
}

fn id(part: &str, value: &str) -> Checked {
    match id_problem(value) {
        Some(p) => Err(refuse(part, format!("the id `{}` {p}", shorten(value)))),
        None => Ok(()),
    }
}

fn line(part: &str, value: &str) -> Checked {
    match line_problem(value) {
        Some(p) => Err(refuse(part, p)),
        None => Ok(()),
    }
}

fn note(part: &str, value: &str) -> Checked {
    if value.contains('\0') {
        return Err(refuse(part, "contains a NUL character"));
    }
    let n = value.chars().count();
    if n > MAX_NOTE_CHARS {
        return Err(refuse(
            part,
            format!("has {n} characters; at most {MAX_NOTE_CHARS}"),
        ));
    }
    Ok(())
}

/// A time as the app writes it: RFC 3339 UTC with milliseconds (`2026-11-23T06:12:00.123Z`), so
/// times sort as text and every machine orders the history the same way.
pub(crate) fn is_time(value: &str) -> bool {
    value.len() == 24
        && value
            .parse::<jiff::Timestamp>()
            .is_ok_and(|t| t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string() == value)
}

fn time(part: &str, value: &str) -> Checked {
    if is_time(value) {
        Ok(())
    } else {
        Err(refuse(
            part,
            format!(
                "`{}` is not a time as Deepbrief writes it (RFC 3339 UTC with milliseconds, 2026-11-23T06:12:00.123Z)",
                shorten(value)
            ),
        ))
    }
}

/// At most 40 characters of a value, for messages.
fn shorten(value: &str) -> String {
    let mut out: String = value.chars().take(40).collect();
    if out.len() < value.len() {
        out.push('…');
    }
    out.replace(['\0', '\r', '\n'], "?")
}

fn contacts(part: &str, list: &[Contact], named: bool) -> Checked {
    for (i, c) in list.iter().enumerate() {
        let part = format!("{part}[{i}]");
        if named && c.name.trim().is_empty() {
            return Err(refuse(part, "a contact needs a name"));
        }
        for (field, value) in [
            ("name", &c.name),
            ("role", &c.role),
            ("phone", &c.phone),
            ("email", &c.email),
        ] {
            line(&format!("{part}.{field}"), value)?;
        }
    }
    Ok(())
}

/// The questions an answer may be given to: by id, every version that has it.
#[derive(Default)]
struct Questions {
    /// Questions of the checklists the brief is pinned to now, and its ad-hoc questions.
    current: HashMap<String, Question>,
    /// Also those of versions approved revisions are pinned to and of archived answers.
    any: HashMap<String, Vec<Question>>,
}

impl Questions {
    fn add(&mut self, q: &Question, current: bool) {
        if current {
            self.current
                .entry(q.id.clone())
                .or_insert_with(|| q.clone());
        }
        self.any.entry(q.id.clone()).or_default().push(q.clone());
    }
}

pub(super) fn adhoc_question(id: &str, kind: Kind) -> Question {
    Question::new(
        id,
        Text::Plain(String::new()),
        Text::Plain(String::new()),
        kind,
    )
}

/// Whether an entry may be stored for a question: the kind's checks and the size limits. A blank
/// value is refused (the app clears such an answer instead of storing it).
pub(super) fn entry_problem(q: &Question, entry: &Entry) -> Option<String> {
    if let Err(p) = check_entry(q, entry) {
        return Some(match p {
            AnswerProblem::Blank => "the answer is empty".to_owned(),
            other => other.to_string(),
        });
    }
    if let Some(p) = entry_too_large(q.kind, entry) {
        return Some(p);
    }
    let text = serde_json::to_string(entry).unwrap_or_default();
    text.contains("\\u0000")
        .then(|| "the answer contains a NUL character".to_owned())
}

/// An entry of a history event: parsed and fit for one of the versions of its question.
fn event_entry(part: &str, value: &serde_json::Value, versions: Option<&Vec<Question>>) -> Checked {
    let entry: Entry = serde_json::from_value(value.clone())
        .map_err(|e| refuse(part, format!("not an answer: {e}")))?;
    let Some(versions) = versions else {
        return Ok(());
    };
    let mut first = None;
    for q in versions {
        match entry_problem(q, &entry) {
            None => return Ok(()),
            Some(p) => {
                first.get_or_insert(p);
            }
        }
    }
    Err(refuse(part, first.unwrap_or_default()))
}

/// Parses the pinned checklist texts (loaded together, so an add-on resolves against the core it is
/// pinned with) and checks each is the checklist its pin names.
pub(super) fn parse_pins(group: &str, pins: &[PinnedText]) -> Result<Vec<Arc<Checklist>>, Refusal> {
    let files = pins
        .iter()
        .map(|p| SourceFile {
            path: format!("{}@{} (bundle)", p.checklist, p.version).into(),
            origin: Origin::Given,
            content: Ok(p.content.clone().into_bytes()),
        })
        .collect();
    let library = load_files(files);
    // A text that loads but is another checklist than its pin says.
    for (i, p) in pins.iter().enumerate() {
        let own = format!("{}@{} ", p.checklist, p.version);
        let failed = library.problems.iter().any(|f| f.path.starts_with(&own));
        if failed || library.get(&p.checklist, Some(p.version)).is_some() {
            continue;
        }
        let inside = library
            .checklists
            .iter()
            .find(|c| c.hash == p.hash)
            .map(|c| format!("{}@{}", c.checklist.id, c.checklist.version))
            .unwrap_or_else(|| "another checklist".to_owned());
        return Err(refuse(
            format!("{group}[{i}]"),
            format!(
                "the pin says {}@{} but the text inside is {inside}",
                p.checklist, p.version
            ),
        ));
    }
    // The first pin with a problem (an add-on fails too when its core does not load: name the core).
    let at = |path: &str| {
        pins.iter()
            .position(|p| path.starts_with(&format!("{}@{} ", p.checklist, p.version)))
            .unwrap_or(0)
    };
    if let Some(problem) = library.problems.iter().min_by_key(|p| at(&p.path)) {
        let i = at(&problem.path);
        let detail = problem
            .diagnostics
            .first()
            .map(|d| d.message.clone())
            .unwrap_or_else(|| "it cannot be read".to_owned());
        return Err(refuse(
            format!("{group}[{i}]"),
            format!("checklist {} does not load: {detail}", problem.path),
        ));
    }
    let mut out = Vec::with_capacity(pins.len());
    for (i, p) in pins.iter().enumerate() {
        let Some(loaded) = library.get(&p.checklist, Some(p.version)) else {
            let inside = library
                .checklists
                .iter()
                .find(|c| c.hash == p.hash)
                .map(|c| format!("{}@{}", c.checklist.id, c.checklist.version))
                .unwrap_or_else(|| "another checklist".to_owned());
            return Err(refuse(
                format!("{group}[{i}]"),
                format!(
                    "the pin says {}@{} but the text inside is {inside}",
                    p.checklist, p.version
                ),
            ));
        };
        out.push(Arc::new(loaded.checklist.clone()));
    }
    Ok(out)
}

/// Checks every part of the payload; `local` is this machine's checklist library.
pub(super) fn validate(store: &Store, payload: &Payload, local: &Library) -> Checked {
    let m = &payload.brief;
    id("brief.id", &m.id)?;
    for (field, value) in [("client", &m.client), ("project", &m.project)] {
        if value.trim().is_empty() {
            return Err(refuse(format!("brief.{field}"), "is empty"));
        }
        line(&format!("brief.{field}"), value)?;
    }
    line("brief.account_manager", &m.account_manager)?;
    line("brief.industry", &m.industry)?;
    if !matches!(m.language.as_str(), "ru" | "en") {
        return Err(refuse(
            "brief.language",
            format!(
                "`{}` is not a brief language (ru or en)",
                shorten(&m.language)
            ),
        ));
    }
    for (i, s) in m.services.iter().enumerate() {
        line(&format!("brief.services[{i}]"), s)?;
    }
    contacts("brief.contacts", &m.contacts, true)?;
    time("brief.created_at", &m.created_at)?;
    time("brief.updated_at", &m.updated_at)?;

    // Pins: parsed, matching their pin, never in conflict with this machine's versions.
    if payload.pins.is_empty() {
        return Err(refuse("pins", "the brief inside has no checklists"));
    }
    let mut seen = HashSet::new();
    for (group, list) in [
        ("pins", &payload.pins),
        ("revision_pins", &payload.revision_pins),
    ] {
        for (i, p) in list.iter().enumerate() {
            let part = format!("{group}[{i}]");
            id(&part, &p.checklist)?;
            if !seen.insert((p.checklist.as_str(), p.version)) {
                return Err(refuse(
                    part,
                    format!("checklist {}@{} is pinned twice", p.checklist, p.version),
                ));
            }
            if deepbrief_core::library::content_hash(p.content.as_bytes()) != p.hash {
                return Err(refuse(
                    part,
                    format!(
                        "checklist {}@{} inside does not match its hash",
                        p.checklist, p.version
                    ),
                ));
            }
            conflict(store, local, &part, p)?;
        }
    }
    let current = parse_pins("pins", &payload.pins)?;
    let mut all_pins: Vec<PinnedText> = payload.pins.clone();
    all_pins.extend(payload.revision_pins.iter().cloned());
    let older = if payload.revision_pins.is_empty() {
        Vec::new()
    } else {
        parse_pins("revision_pins", &all_pins)?
    };

    // The questions answers may be given to.
    let mut questions = Questions::default();
    for (checklists, now) in [(&current, true), (&older, false)] {
        for c in checklists {
            for (_, q) in c.questions() {
                questions.add(q, now);
            }
            // A process's "described at the meeting" note is a text answer in a reserved slot.
            for p in &c.processes {
                let key = deepbrief_core::gaps::process_note_key(&c.id, &p.id);
                questions.add(&adhoc_question(&key, Kind::LongText), now);
            }
        }
    }
    let mut adhoc_ids = HashSet::new();
    for (i, a) in payload.adhoc.iter().enumerate() {
        let part = format!("adhoc[{i}]");
        id(&format!("{part}.id"), &a.id)?;
        if questions.current.contains_key(&a.id) || !adhoc_ids.insert(a.id.clone()) {
            return Err(refuse(
                part,
                format!("question id `{}` is used twice", a.id),
            ));
        }
        if let Some(s) = &a.section {
            line(&format!("{part}.section"), s)?;
        }
        if a.prompt.trim().is_empty() {
            return Err(refuse(format!("{part}.prompt"), "is empty"));
        }
        note(&format!("{part}.prompt"), &a.prompt)?;
        questions.add(&adhoc_question(&a.id, a.kind), true);
    }
    // Ad-hoc questions added on this machine, for a merge.
    for (qid, kind) in local_adhoc(store, &m.id) {
        questions.add(&adhoc_question(&qid, kind), true);
    }
    for (i, a) in payload.archived.iter().enumerate() {
        let part = format!("archived[{i}]");
        id(&format!("{part}.question_id"), &a.question_id)?;
        let q = adhoc_question(&a.question_id, a.kind);
        if let Some(p) = entry_too_large(a.kind, &a.entry) {
            return Err(refuse(format!("{part}.entry"), p));
        }
        questions.add(&q, false);
    }

    // Events: the format, and answers fit for their question.
    let last_upgrade = payload
        .events
        .iter()
        .filter(|e| e.kind == "upgrade")
        .map(|e| e.at.as_str())
        .max();
    let mut event_ids = HashSet::new();
    for (i, e) in payload.events.iter().enumerate() {
        let part = format!("events[{i}]");
        id(&format!("{part}.event_id"), &e.event_id)?;
        if !event_ids.insert(e.event_id.as_str()) {
            return Err(refuse(
                &part,
                format!("event id {} is used twice", e.event_id),
            ));
        }
        if e.brief_id != m.id {
            return Err(refuse(
                &part,
                format!("history event {} belongs to another brief", e.event_id),
            ));
        }
        time(&format!("{part}.at"), &e.at)?;
        line(&format!("{part}.who"), &e.who)?;
        if !EVENT_KINDS.contains(&e.kind.as_str()) {
            return Err(refuse(
                format!("{part}.kind"),
                format!("`{}` is not a kind of history event", shorten(&e.kind)),
            ));
        }
        if let Some(s) = &e.subject {
            line(&format!("{part}.subject"), s)?;
        }
        if let Some(base) = e.base.as_deref().filter(|b| !b.is_empty()) {
            id(&format!("{part}.base"), base)?;
        }
        if e.kind == "answer" {
            let Some(subject) = &e.subject else {
                return Err(refuse(&part, "an answer event names no question"));
            };
            let versions = questions.any.get(subject);
            // An answer to a question no pinned version has is only history from before an
            // upgrade removed the question.
            if versions.is_none() && last_upgrade.is_none_or(|u| e.at.as_str() > u) {
                return Err(refuse(
                    format!("{part}.subject"),
                    format!(
                        "the brief's checklists have no question `{}`",
                        shorten(subject)
                    ),
                ));
            }
            if let Some(old) = &e.old {
                event_entry(&format!("{part}.old"), old, None)?;
            }
            if let Some(new) = &e.new {
                event_entry(&format!("{part}.new"), new, versions)?;
            }
        }
    }

    // Current answers: to questions the brief has, fit for them, each with its history.
    let mut newest: HashMap<&str, Vec<&serde_json::Value>> = HashMap::new();
    let mut newest_at: HashMap<&str, &str> = HashMap::new();
    for e in payload.events.iter().filter(|e| e.kind == "answer") {
        let Some(subject) = e.subject.as_deref() else {
            continue;
        };
        let at = newest_at.entry(subject).or_insert(e.at.as_str());
        if e.at.as_str() > *at {
            *at = e.at.as_str();
            newest.remove(subject);
        }
        if e.at.as_str() == *at
            && let Some(new) = &e.new
        {
            newest.entry(subject).or_default().push(new);
        }
    }
    for (qid, entry) in &payload.entries {
        let part = format!("entries.{}", shorten(qid));
        let Some(q) = questions.current.get(qid) else {
            return Err(refuse(
                part,
                format!("the brief's checklists have no question `{}`", shorten(qid)),
            ));
        };
        if let Some(p) = entry_problem(q, entry) {
            return Err(refuse(part, p));
        }
        let value = serde_json::to_value(entry).map_err(|e| refuse(&part, e.to_string()))?;
        let recorded = newest
            .get(qid.as_str())
            .is_some_and(|list| list.iter().any(|v| **v == value));
        if !recorded {
            return Err(refuse(
                part,
                "the answer has no history event that gives it (every answer is recorded in the history)",
            ));
        }
    }

    for (i, f) in payload.followups.iter().enumerate() {
        let part = format!("followups[{i}]");
        id(&format!("{part}.id"), &f.id)?;
        line(&format!("{part}.title"), &f.title)?;
        if jiff::civil::DateTime::strptime("%Y-%m-%dT%H:%M", &f.start).is_err() {
            return Err(refuse(
                format!("{part}.start"),
                format!(
                    "`{}` is not a date and time (YYYY-MM-DDTHH:MM)",
                    shorten(&f.start)
                ),
            ));
        }
        for (field, value) in [("timezone", &f.timezone), ("location", &f.location)] {
            if let Some(v) = value {
                line(&format!("{part}.{field}"), v)?;
            }
        }
        contacts(&format!("{part}.attendees"), &f.attendees, false)?;
        for (j, key) in f.items.iter().enumerate() {
            line(&format!("{part}.items[{j}]"), key)?;
        }
    }
    for (i, c) in payload.comments.iter().enumerate() {
        let part = format!("comments[{i}]");
        id(&format!("{part}.id"), &c.id)?;
        time(&format!("{part}.at"), &c.at)?;
        line(&format!("{part}.author"), &c.author)?;
        note(&format!("{part}.text"), &c.text)?;
    }
    for (i, r) in payload.revisions.iter().enumerate() {
        let part = format!("revisions[{i}]");
        time(&format!("{part}.approved_at"), &r.info.approved_at)?;
        line(&format!("{part}.approved_by"), &r.info.approved_by)?;
    }
    Ok(())
}

/// A pinned version this machine already has (stored, or in its checklist folders) with other text:
/// the local one stays, the bundle is refused.
fn conflict(store: &Store, local: &Library, part: &str, p: &PinnedText) -> Checked {
    let stored: Option<String> = store
        .conn
        .query_row(
            "SELECT hash FROM checklist_version WHERE checklist = ?1 AND version = ?2",
            params![p.checklist, p.version],
            |r| r.get(0),
        )
        .optional()
        .ok()
        .flatten();
    let here = stored.or_else(|| {
        local
            .get(&p.checklist, Some(p.version))
            .map(|l| l.hash.clone())
    });
    match here {
        Some(hash) if hash != p.hash => Err(refuse(
            part,
            format!(
                "checklist {}@{} inside differs from the {}@{} on this machine; the one here is \
                 kept. Ask the sender to publish their change under a new version",
                p.checklist, p.version, p.checklist, p.version
            ),
        )),
        _ => Ok(()),
    }
}

/// Ad-hoc questions of the brief stored here (none when the brief is new here).
fn local_adhoc(store: &Store, brief_id: &str) -> Vec<(String, Kind)> {
    store
        .adhoc_questions(brief_id)
        .map(|list| list.into_iter().map(|a| (a.id, a.kind)).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_the_app_s_own_format() {
        assert!(is_time("2026-11-23T06:12:00.123Z"));
        assert!(!is_time("not-a-time"));
        assert!(!is_time("2026-11-23T06:12:00Z"));
        assert!(!is_time("2026-13-23T06:12:00.123Z"));
        assert!(!is_time("2026-11-23T06:12:00.123+03:00"));
    }

    #[test]
    fn ids_are_never_paths() {
        assert!(id_problem("6f1c2a44-0b7e-4c0a-9a52-1d1c7e0f5a10").is_none());
        assert!(id_problem("budget_total").is_none());
        assert!(id_problem("../../../../evil").is_some());
        assert!(id_problem("a/b").is_some());
        assert!(id_problem("").is_some());
        assert!(id_problem(&"a".repeat(101)).is_some());
    }

    #[test]
    fn shortened_values_keep_messages_one_line() {
        assert_eq!(shorten("a\nb"), "a?b");
        assert!(shorten(&"я".repeat(100)).ends_with('…'));
        const { assert!(crate::limits::MAX_LINE_CHARS > 40) };
    }
}
