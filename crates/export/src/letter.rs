//! The letter to the client: what is still missing, why each item matters, and the proposed
//! follow-up briefing — in the client's language, plain text or Markdown.
//!
//! Templates are Tera files `templates/letter/<lang>.<txt|md>.tera`, embedded in the binary; an
//! agency can override any of them with a file of the same name in its own folder
//! ([`Templates::with_folder`]). A template that does not parse or fails to render gives
//! [`ExportError::Template`] with its file, line and column.
//!
//! Escaping: plain text is not markup, so it is rendered as is. Markdown *is* markup, so Markdown
//! templates are autoescaped with a Markdown escape ([`escape_markdown`]) instead of Tera's HTML one:
//! every `{{ value }}` has its Markdown syntax backslash-escaped and its line breaks folded into spaces,
//! so a client's `*` or `[link](…)` prints literally and cannot break the list it sits in. Template text
//! itself is never escaped; `{{ value | safe }}` opts out for values that are Markdown on purpose.

use std::path::Path;

use deepbrief_core::gaps::{Entries, FollowUpItem};
use deepbrief_core::{Answer, Checklist, GapCode, IsoDate, Lang, Question, Severity, Text};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ExportError;
use crate::meeting::Meeting;
use crate::words;

/// The output format of the letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Format {
    /// Plain text, for an e-mail body.
    Text,
    /// Markdown.
    Markdown,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
        }
    }
}

/// Everything the letter says, as the account manager confirmed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LetterInput {
    /// The client's language.
    pub language: Lang,
    /// The client's company.
    pub client: String,
    /// The project the brief is for (the subject names it; empty: the client's name instead).
    #[serde(default)]
    pub project: String,
    /// The person the letter is addressed to.
    pub contact_name: String,
    /// The account manager who signs.
    pub am_name: String,
    /// The agency.
    pub agency: String,
    /// The account manager's phone or e-mail for the signature.
    #[serde(default)]
    #[ts(optional)]
    pub am_contact: Option<String>,
    /// What is still missing, most important first ([`letter_items`] orders them): the first
    /// [`BODY_ITEMS`] go in the body, the rest in the appendix.
    pub items: Vec<LetterItem>,
    /// The proposed follow-up meeting.
    #[serde(default)]
    #[ts(optional)]
    pub briefing: Option<Meeting>,
    /// The day the letter is written (`YYYY-MM-DD`): dates in its year print without the year.
    #[serde(default)]
    #[ts(optional)]
    pub date: Option<String>,
    /// The day the answers are needed by (`YYYY-MM-DD`); see [`reply_by`].
    #[serde(default)]
    #[ts(optional)]
    pub reply_by: Option<String>,
    /// The planned project start (`YYYY-MM-DD`), when the brief has one: the letter says it moves.
    #[serde(default)]
    #[ts(optional)]
    pub start: Option<String>,
    /// The client's link to answer on the team server's page, when the AM made one: the letter says
    /// where to answer and until when.
    #[serde(default)]
    #[ts(optional)]
    pub link: Option<ClientLinkText>,
}

/// The client's link as the letter gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClientLinkText {
    /// The page's address.
    pub url: String,
    /// The last day it works (`YYYY-MM-DD`).
    pub expires_on: String,
}

/// How many items the body lists; the rest go to the appendix (one more is allowed rather than an
/// appendix of a single item).
pub const BODY_ITEMS: usize = 7;

/// One thing the client is asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LetterItem {
    /// The client-readable heading it is grouped under (the section's title).
    #[serde(default)]
    pub heading: String,
    /// What the client is asked, written to them: the question, or a topic (a process, a risk).
    pub topic: String,
    /// The concrete questions under the topic (empty when the topic is the question).
    #[serde(default)]
    pub questions: Vec<String>,
    /// Why the agency needs it, in the client's terms (never the account manager's hint).
    #[serde(default)]
    #[ts(optional)]
    pub why: Option<String>,
    /// What the client is asked to do.
    pub kind: ItemKind,
    /// How much it matters: the body lists the most important first.
    #[serde(default = "low")]
    pub severity: Severity,
    /// [`ItemKind::Send`]: the date the client promised it for (`YYYY-MM-DD`).
    #[serde(default)]
    #[ts(optional)]
    pub due: Option<String>,
    /// The ids of the brief's questions the item asks (a client link's page asks exactly these).
    #[serde(default)]
    pub question_ids: Vec<String>,
}

fn low() -> Severity {
    Severity::Low
}

/// What the client is asked to do about an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ItemKind {
    /// Tell us (not answered yet, or not known yet).
    Answer,
    /// The promised material has not arrived.
    Send,
    /// Say more precisely (the answer is too general or does not fit).
    Clarify,
    /// Confirm that last time's answer still holds.
    Confirm,
    /// Talk it through at the meeting (a process or a topic with several questions).
    Discuss,
}

/// The letter items for follow-up items, in the client's language, most important first (severity,
/// then checklist order), one item per need:
///
/// - the wording is the checklist's client-facing one (`client_prompt`, `client_why`); without it
///   the question's prompt and no reason — the account manager's hint never reaches the client;
/// - a question that a goal, a process or a risk signal already covers is folded into that item
///   (its severity counts), so a required question and the rule about it appear once;
/// - items with the same heading and topic are merged.
///
/// `entries` are the brief's answers (for the date a late answer was promised).
pub fn letter_items(
    items: &[FollowUpItem],
    checklists: &[&Checklist],
    entries: &Entries,
    lang: Lang,
) -> Vec<LetterItem> {
    let find = Find { checklists, lang };
    // Questions that an item about a goal, process or rule already asks.
    let covered: Vec<(usize, &str)> = items
        .iter()
        .enumerate()
        .filter(|(_, i)| is_topic(i.code))
        .flat_map(|(n, i)| i.questions.iter().map(move |q| (n, q.as_str())))
        .collect();
    let mut out: Vec<(u32, LetterItem)> = Vec::new();
    let mut severity: Vec<Severity> = items.iter().map(|i| i.severity).collect();
    for item in items {
        if !is_topic(item.code)
            && let Some(q) = item.questions.first()
            && let Some((owner, _)) = covered.iter().find(|(_, c)| c == q)
        {
            severity[*owner] = severity[*owner].max(item.severity);
        }
    }
    for (n, item) in items.iter().enumerate() {
        let absorbed = !is_topic(item.code)
            && item
                .questions
                .first()
                .is_some_and(|q| covered.iter().any(|(_, c)| c == q));
        if absorbed {
            continue;
        }
        let letter = find.item(item, entries, severity[n]);
        match out
            .iter_mut()
            .find(|(_, o)| o.heading == letter.heading && o.topic == letter.topic)
        {
            Some((_, same)) => {
                same.severity = same.severity.max(letter.severity);
                for q in letter.questions {
                    if !same.questions.contains(&q) {
                        same.questions.push(q);
                    }
                }
                for id in letter.question_ids {
                    if !same.question_ids.contains(&id) {
                        same.question_ids.push(id);
                    }
                }
                if same.why.is_none() {
                    same.why = letter.why;
                }
            }
            None => out.push((item.order, letter)),
        }
    }
    out.sort_by_key(|(order, i)| (std::cmp::Reverse(i.severity), *order));
    out.into_iter().map(|(_, i)| i).collect()
}

/// Items about a topic rather than one question: they ask the questions they list.
fn is_topic(code: GapCode) -> bool {
    match code {
        GapCode::GoalIncomplete | GapCode::ProcessNotDescribed | GapCode::RuleFlag => true,
        GapCode::MissingAnswer
        | GapCode::Unknown
        | GapCode::Overdue
        | GapCode::InvalidAnswer
        | GapCode::VagueAnswer
        | GapCode::ToConfirm => false,
    }
}

/// Looks up the checklist parts a follow-up item is about.
struct Find<'a> {
    checklists: &'a [&'a Checklist],
    lang: Lang,
}

impl Find<'_> {
    fn text(&self, t: &Text) -> String {
        t.get(self.lang.code()).trim().to_owned()
    }

    fn question(&self, id: &str) -> Option<&Question> {
        self.checklists
            .iter()
            .flat_map(|c| c.sections.iter())
            .flat_map(|s| s.questions.iter())
            .find(|q| q.id == id)
    }

    /// How to ask the client a question: its client wording, else its prompt.
    fn ask(&self, id: &str) -> Option<String> {
        let q = self.question(id)?;
        Some(self.text(q.client_prompt.as_ref().unwrap_or(&q.prompt)))
    }

    fn why(&self, t: Option<&Text>) -> Option<String> {
        t.map(|t| self.text(t)).filter(|t| !t.is_empty())
    }

    fn heading(&self, item: &FollowUpItem) -> String {
        let checklist = self.checklists.iter().find(|c| c.id == item.checklist);
        item.section
            .as_deref()
            .and_then(|id| {
                checklist
                    .into_iter()
                    .chain(self.checklists.iter())
                    .flat_map(|c| c.sections.iter())
                    .find(|s| s.id == id)
            })
            .map(|s| self.text(&s.title))
            .unwrap_or_else(|| {
                if self.lang == Lang::En {
                    "Other questions".to_owned()
                } else {
                    "Другие вопросы".to_owned()
                }
            })
    }

    fn item(&self, item: &FollowUpItem, entries: &Entries, severity: Severity) -> LetterItem {
        let heading = self.heading(item);
        let checklist = self.checklists.iter().find(|c| c.id == item.checklist);
        // The process's or the rule's id (process and rule gaps).
        let process_id = item.key.process_or_rule();
        let agenda: Vec<String> = item
            .agenda
            .iter()
            .map(|t| self.text(t))
            .filter(|t| !t.is_empty())
            .collect();
        let kind = match item.code {
            GapCode::MissingAnswer | GapCode::Unknown => ItemKind::Answer,
            GapCode::Overdue => ItemKind::Send,
            GapCode::InvalidAnswer | GapCode::VagueAnswer => ItemKind::Clarify,
            GapCode::ToConfirm => ItemKind::Confirm,
            GapCode::GoalIncomplete | GapCode::ProcessNotDescribed | GapCode::RuleFlag => {
                ItemKind::Discuss
            }
        };
        let base = LetterItem {
            heading,
            topic: String::new(),
            questions: Vec::new(),
            why: None,
            kind,
            severity,
            due: None,
            question_ids: item.questions.clone(),
        };
        match item.code {
            GapCode::GoalIncomplete => {
                // The missing parts, each asked in the client's words.
                let mut questions: Vec<String> =
                    item.questions.iter().filter_map(|q| self.ask(q)).collect();
                if questions.is_empty() {
                    questions = agenda;
                }
                let first = item.questions.first().and_then(|q| self.question(q));
                LetterItem {
                    topic: if self.lang == Lang::En {
                        "The project's goal in figures".to_owned()
                    } else {
                        "Цель проекта в цифрах".to_owned()
                    },
                    questions,
                    why: self.why(first.and_then(|q| q.client_why.as_ref())),
                    ..base
                }
            }
            GapCode::ProcessNotDescribed => {
                let process = checklist.and_then(|c| {
                    c.processes
                        .iter()
                        .find(|p| Some(p.id.as_str()) == process_id)
                });
                // A process is its own heading: «Продажа», «Выполнение заказа».
                let heading = process.map_or(base.heading.clone(), |p| self.text(&p.title));
                // With client wording the request says it all; the agenda is the meeting's.
                let (topic, questions) = match process.and_then(|p| p.client_prompt.as_ref()) {
                    Some(p) => (self.text(p), Vec::new()),
                    // The process's title is the heading already; the agenda asks the rest.
                    None if process.is_some() => (
                        if self.lang == Lang::En {
                            "Tell us how this works for you:".to_owned()
                        } else {
                            "Расскажите, как это устроено у вас:".to_owned()
                        },
                        agenda,
                    ),
                    None => (self.text(&item.subject), agenda),
                };
                LetterItem {
                    heading,
                    topic,
                    questions,
                    why: self.why(process.and_then(|p| p.client_why.as_ref())),
                    ..base
                }
            }
            GapCode::RuleFlag => {
                // The rule's message is for the agency; without client wording the first agenda
                // question leads and the rest follow.
                let rule = checklist
                    .and_then(|c| c.rules.iter().find(|r| Some(r.id.as_str()) == process_id));
                let (topic, questions) = match rule.and_then(|r| r.client_prompt.as_ref()) {
                    Some(p) => (self.text(p), Vec::new()),
                    None => match agenda.split_first() {
                        Some((first, rest)) => (first.clone(), rest.to_vec()),
                        None => (self.text(&item.subject), Vec::new()),
                    },
                };
                LetterItem {
                    topic,
                    questions,
                    why: self.why(rule.and_then(|r| r.client_why.as_ref())),
                    ..base
                }
            }
            GapCode::MissingAnswer
            | GapCode::Unknown
            | GapCode::Overdue
            | GapCode::InvalidAnswer
            | GapCode::VagueAnswer
            | GapCode::ToConfirm => {
                let id = item
                    .questions
                    .first()
                    .map(String::as_str)
                    .or_else(|| item.key.question())
                    .unwrap_or_default();
                let q = self.question(id);
                let due = match entries.get(id).map(|e| &e.answer) {
                    Some(Answer::Later { due }) if kind == ItemKind::Send => Some(due.clone()),
                    _ => None,
                };
                LetterItem {
                    topic: self.ask(id).unwrap_or_else(|| self.text(&item.subject)),
                    why: self.why(q.and_then(|q| q.client_why.as_ref())),
                    due,
                    question_ids: if id.is_empty() {
                        Vec::new()
                    } else {
                        vec![id.to_owned()]
                    },
                    ..base
                }
            }
        }
    }
}

/// The day the answers are needed by: the working day before the meeting when one is proposed
/// and that day is still ahead; none when the meeting is sooner (the meeting itself is the
/// deadline: a date after it would ask for answers too late); without a meeting, three working
/// days from `today`.
pub fn reply_by(today: IsoDate, briefing: Option<&Meeting>) -> Option<IsoDate> {
    let working = |d: IsoDate| d.weekday() < 5;
    if let Some(start) = briefing.and_then(|m| m.start_time().ok()) {
        let mut day = start.date.add_days(-1);
        while let Some(d) = day
            && !working(d)
        {
            day = d.add_days(-1);
        }
        return day.filter(|d| *d > today);
    }
    let mut day = today;
    let mut left = 3;
    while left > 0 {
        match day.add_days(1) {
            Some(next) => day = next,
            None => break,
        }
        if working(day) {
            left -= 1;
        }
    }
    Some(day)
}

/// The letter templates: the embedded ones, optionally overridden from a folder.
#[derive(Debug, Clone)]
pub struct Templates {
    /// (file name, source) of every template.
    sources: Vec<(String, String)>,
}

const EMBEDDED: [(&str, &str); 4] = [
    (
        "ru.txt.tera",
        include_str!("../../../templates/letter/ru.txt.tera"),
    ),
    (
        "ru.md.tera",
        include_str!("../../../templates/letter/ru.md.tera"),
    ),
    (
        "en.txt.tera",
        include_str!("../../../templates/letter/en.txt.tera"),
    ),
    (
        "en.md.tera",
        include_str!("../../../templates/letter/en.md.tera"),
    ),
];

const EMBEDDED_DIR: &str = "templates/letter";

impl Templates {
    /// The templates built into the binary.
    pub fn embedded() -> Templates {
        Templates {
            sources: EMBEDDED
                .iter()
                .map(|(name, source)| (format!("{EMBEDDED_DIR}/{name}"), (*source).to_owned()))
                .collect(),
        }
    }

    /// The embedded templates, each replaced by the file of the same name in `folder` when there is
    /// one (`ru.txt.tera`, `ru.md.tera`, `en.txt.tera`, `en.md.tera`). A missing folder changes
    /// nothing; an unreadable file is an error.
    pub fn with_folder(folder: &Path) -> Result<Templates, ExportError> {
        let mut templates = Templates::embedded();
        for (i, (name, _)) in EMBEDDED.iter().enumerate() {
            let path = folder.join(name);
            match std::fs::read_to_string(&path) {
                Ok(source) => templates.sources[i] = (path.display().to_string(), source),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(source) => {
                    return Err(ExportError::ReadTemplate {
                        file: path.display().to_string(),
                        source,
                    });
                }
            }
        }
        Ok(templates)
    }

    /// Checks that every template parses (the app calls this when a folder is chosen).
    pub fn check(&self) -> Result<(), ExportError> {
        for (name, source) in &self.sources {
            engine(name, source)?;
        }
        Ok(())
    }

    /// Renders the letter.
    pub fn render(&self, input: &LetterInput, format: Format) -> Result<String, ExportError> {
        let lang = input.language;
        let wanted = format!("{}.{}.tera", lang.code(), format.extension());
        let (name, source) = self
            .sources
            .iter()
            .find(|(name, _)| name.ends_with(&wanted))
            .ok_or_else(|| ExportError::Language(lang.code().to_owned()))?;
        let tera = engine(name, source)?;
        let context = context(input, lang)?;
        tera.render(name, &context)
            .map_err(|e| template_error(name, &e))
    }
}

/// A Tera instance with one template, Markdown-escaped when its name ends in `.md.tera`.
fn engine(name: &str, source: &str) -> Result<tera::Tera, ExportError> {
    let mut tera = tera::Tera::new();
    tera.autoescape_on([".md.tera"]);
    tera.set_escape_fn(escape_markdown_into);
    tera.add_raw_template(name, source)
        .map_err(|e| template_error(name, &e))?;
    Ok(tera)
}

fn template_error(name: &str, error: &tera::Error) -> ExportError {
    let mut report = None;
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = current {
        if let Some(te) = e.downcast_ref::<tera::Error>()
            && let tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) = te.kind()
        {
            report = Some((r.clone(), te.to_string()));
            break;
        }
        current = e.source();
    }
    match report {
        Some((r, text)) => ExportError::Template {
            file: if r.filename().is_empty() {
                name.to_owned()
            } else {
                r.filename().to_owned()
            },
            line: Some(r.span().start_line),
            column: Some(r.span().start_col + 1),
            message: r.message().to_owned(),
            report: text,
        },
        None => ExportError::Template {
            file: name.to_owned(),
            line: None,
            column: None,
            message: error.to_string(),
            report: String::new(),
        },
    }
}

/// The template context: the input with its items numbered and split into the body (grouped under
/// their headings) and the appendix, the subject line, and every date and length written out the
/// way people write them in the letter's language.
fn context(input: &LetterInput, lang: Lang) -> Result<tera::Context, ExportError> {
    let letter_date = input.date.as_deref().and_then(IsoDate::parse);
    let year = letter_date.map(IsoDate::year);
    let day = |iso: &str, weekday: Weekday| {
        IsoDate::parse(iso)
            .map(|d| spoken_date(d, lang, weekday, year))
            .unwrap_or_else(|| iso.trim().to_owned())
    };
    let mut ctx = tera::Context::new();
    ctx.insert("language", lang.code());
    ctx.insert("client", input.client.trim());
    let project = input.project.trim();
    ctx.insert("project", project);
    ctx.insert("contact_name", input.contact_name.trim());
    ctx.insert("am_name", input.am_name.trim());
    ctx.insert("agency", input.agency.trim());
    ctx.insert(
        "am_contact",
        &input
            .am_contact
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty()),
    );
    ctx.insert("items", &input.items);

    let body_len = if input.items.len() <= BODY_ITEMS + 1 {
        input.items.len()
    } else {
        BODY_ITEMS
    };
    let numbered: Vec<serde_json::Value> = input
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut v = serde_json::json!({
                "number": i + 1,
                "heading": item.heading.trim(),
                "topic": item.topic.trim(),
                "questions": item.questions,
                "why": item.why.as_deref().map(str::trim).filter(|w| !w.is_empty()),
                "kind": item.kind,
                "severity": item.severity,
                "due": item.due.as_deref().map(|d| day(d, Weekday::None)),
                "overdue": false,
            });
            if let Some(due) = item.due.as_deref().and_then(IsoDate::parse)
                && let Some(today) = letter_date
            {
                v["overdue"] = (due < today).into();
            }
            v
        })
        .collect();
    let (body, rest) = numbered.split_at(body_len);
    let mut next = 1;
    ctx.insert("groups", &groups(body, &mut next));
    ctx.insert("appendix", &groups(rest, &mut next));
    ctx.insert("appendix_count", &rest.len());
    ctx.insert("count", &numbered.len());
    ctx.insert("count_text", &points(numbered.len(), lang));

    let reply_by = input.reply_by.as_deref().filter(|d| !d.trim().is_empty());
    ctx.insert("reply_by", &reply_by.map(|d| day(d, Weekday::Genitive)));
    ctx.insert("reply_by_date", &reply_by.map(|d| day(d, Weekday::None)));
    ctx.insert(
        "link",
        &input.link.as_ref().map(|l| {
            serde_json::json!({
                // Printed as it is (an autolink in Markdown): nothing in it may end the link.
                "url": l.url.trim().replace(' ', "%20").replace('<', "%3C").replace('>', "%3E"),
                "until": day(&l.expires_on, Weekday::None),
            })
        }),
    );
    ctx.insert(
        "start",
        &input
            .start
            .as_deref()
            .filter(|d| !d.trim().is_empty())
            .map(|d| day(d, Weekday::None)),
    );
    let name = if project.is_empty() {
        input.client.trim()
    } else {
        project
    };
    let subject = match (lang, reply_by) {
        (Lang::En, Some(d)) => format!(
            "{}: what we still need by {}",
            quoted(lang, name),
            day(d, Weekday::None)
        ),
        (Lang::En, None) => format!("{}: what we still need to start", quoted(lang, name)),
        (Lang::Ru, Some(d)) => format!(
            "Проект {}: что нужно уточнить до {}",
            quoted(lang, name),
            day(d, Weekday::None)
        ),
        (Lang::Ru, None) => format!(
            "Проект {}: что нужно уточнить для запуска",
            quoted(lang, name)
        ),
    };
    ctx.insert("subject", &subject);

    match &input.briefing {
        Some(m) => {
            let start = m.start_time()?;
            let mut b = serde_json::Map::new();
            b.insert(
                "date".into(),
                spoken_date(start.date, lang, Weekday::Nominative, year).into(),
            );
            b.insert(
                "time".into(),
                format!("{:02}:{:02}", start.hour(), start.minute()).into(),
            );
            b.insert("minutes".into(), m.duration_minutes.into());
            b.insert("length".into(), length(m.duration_minutes, lang).into());
            b.insert(
                "timezone".into(),
                m.timezone
                    .as_deref()
                    .map(|z| zone_name(z, m.utc_offset_minutes, lang))
                    .map_or(serde_json::Value::Null, Into::into),
            );
            b.insert(
                "location".into(),
                m.location
                    .as_deref()
                    .filter(|l| !l.trim().is_empty())
                    .map_or(serde_json::Value::Null, |l| l.trim().into()),
            );
            let attendees: Vec<String> = m
                .attendees
                .iter()
                .map(
                    |a| match a.role.as_deref().filter(|r| !r.trim().is_empty()) {
                        Some(role) => format!("{} ({})", a.name.trim(), role.trim()),
                        None => a.name.trim().to_owned(),
                    },
                )
                .collect();
            b.insert("attendees".into(), attendees.into());
            ctx.insert("briefing", &serde_json::Value::Object(b));
        }
        None => ctx.insert("briefing", &serde_json::Value::Null),
    }
    Ok(ctx)
}

/// Items grouped under their headings, in the order the headings first appear, numbered in print
/// order from `next`.
fn groups(items: &[serde_json::Value], next: &mut usize) -> Vec<serde_json::Value> {
    let mut out: Vec<(String, Vec<serde_json::Value>)> = Vec::new();
    for item in items {
        let heading = item["heading"].as_str().unwrap_or_default().to_owned();
        match out.iter_mut().find(|(h, _)| *h == heading) {
            Some((_, list)) => list.push(item.clone()),
            None => out.push((heading, vec![item.clone()])),
        }
    }
    out.into_iter()
        .map(|(heading, mut items)| {
            for item in &mut items {
                item["number"] = (*next).into();
                *next += 1;
            }
            serde_json::json!({ "heading": heading, "items": items })
        })
        .collect()
}

fn quoted(lang: Lang, text: &str) -> String {
    if lang == Lang::En {
        format!("“{text}”")
    } else {
        format!("«{text}»")
    }
}

/// `7 пунктов` / `7 points`.
fn points(n: usize, lang: Lang) -> String {
    if lang == Lang::En {
        return if n == 1 {
            "1 point".to_owned()
        } else {
            format!("{n} points")
        };
    }
    let word = match (n % 10, n % 100) {
        (_, 11..=14) => "пунктов",
        (1, _) => "пункт",
        (2..=4, _) => "пункта",
        _ => "пунктов",
    };
    format!("{n} {word}")
}

/// A meeting's length as people say it: «около часа», "about an hour and a half".
pub fn length(minutes: u32, lang: Lang) -> String {
    if lang == Lang::En {
        return match minutes {
            30 => "about half an hour".to_owned(),
            60 => "about an hour".to_owned(),
            90 => "about an hour and a half".to_owned(),
            120 => "about two hours".to_owned(),
            180 => "about three hours".to_owned(),
            1 => "about a minute".to_owned(),
            n => format!("about {n} minutes"),
        };
    }
    match minutes {
        30 => "около получаса".to_owned(),
        60 => "около часа".to_owned(),
        90 => "около полутора часов".to_owned(),
        120 => "около двух часов".to_owned(),
        180 => "около трёх часов".to_owned(),
        // «около» takes the genitive: «около 21 минуты», «около 45 минут».
        n if n % 10 == 1 && n % 100 != 11 => format!("около {n} минуты"),
        n => format!("около {n} минут"),
    }
}

/// How the letter names the meeting's time zone. English: the zone's city (`Europe/Moscow` →
/// `Moscow`; the template adds "time"). Russian: "по московскому времени", or the offset from Moscow
/// the way Russians say it (`МСК+2`), or from UTC when it is not whole hours.
fn zone_name(zone: &str, offset_minutes: i32, lang: Lang) -> String {
    if lang != Lang::Ru {
        return zone.rsplit('/').next().unwrap_or(zone).replace('_', " ");
    }
    let from_moscow = offset_minutes - 180;
    if from_moscow == 0 {
        "по московскому времени".to_owned()
    } else if from_moscow % 60 == 0 {
        let sign = if from_moscow > 0 { '+' } else { '−' };
        format!("(МСК{sign}{})", from_moscow.abs() / 60)
    } else {
        let sign = if offset_minutes >= 0 { '+' } else { '−' };
        let m = offset_minutes.unsigned_abs();
        format!("(UTC{sign}{}:{:02})", m / 60, m % 60)
    }
}

/// Whether and how a date names its day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weekday {
    /// `5 декабря`.
    None,
    /// `суббота, 5 декабря` (a line of its own).
    Nominative,
    /// `субботы, 5 декабря` (after «до»); English has no cases.
    Genitive,
}

/// A date as people write it: `5 декабря` / `5 December`, with the year only when it is not the
/// letter's year (or the letter's date is not known), with the day of the week when asked.
fn spoken_date(date: IsoDate, lang: Lang, weekday: Weekday, letter_year: Option<u16>) -> String {
    let en = lang == Lang::En;
    let w = usize::from(date.weekday()) % 7;
    let day_name = match (weekday, en) {
        (Weekday::None, _) => None,
        (Weekday::Nominative | Weekday::Genitive, true) => Some(words::EN_DAYS[w]),
        (Weekday::Nominative, false) => Some(words::RU_DAYS[w]),
        (Weekday::Genitive, false) => Some(words::RU_DAYS_GENITIVE[w]),
    };
    let m = usize::from(date.month().saturating_sub(1)) % 12;
    let month = if en {
        words::EN_MONTHS[m]
    } else {
        words::RU_MONTHS_GENITIVE[m]
    };
    let mut text = format!("{}\u{a0}{month}", date.day());
    if letter_year != Some(date.year()) {
        text.push_str(&format!(" {}", date.year()));
    }
    match day_name {
        Some(name) => format!("{name}, {text}"),
        None => text,
    }
}

/// A `mailto:` address that opens the letter in the mail client (RFC 6068): to `to` (may be
/// empty), with the subject taken from the letter's first line when it is `Тема: …` / `Subject: …`
/// (`**Тема:** …` in Markdown) and the rest as the body. Everything is percent-encoded as UTF-8;
/// line breaks become `%0D%0A`.
pub fn mailto(to: &str, letter: &str) -> String {
    let letter = letter.trim_start_matches('\u{feff}');
    let (first, rest) = letter.split_once('\n').unwrap_or((letter, ""));
    let head = first.trim().replace("**", "");
    let subject = ["Тема:", "Subject:"]
        .iter()
        .find_map(|p| head.strip_prefix(p))
        .map(str::trim);
    let (subject, body) = match subject {
        Some(s) => (Some(s), rest.trim_start_matches(['\r', '\n'])),
        None => (None, letter),
    };
    let mut url = format!("mailto:{}", encode(to.trim(), false));
    let mut sep = '?';
    if let Some(s) = subject {
        url.push(sep);
        url.push_str("subject=");
        url.push_str(&encode(s, true));
        sep = '&';
    }
    url.push(sep);
    url.push_str("body=");
    url.push_str(&encode(
        &body.replace("\r\n", "\n").replace('\n', "\r\n"),
        true,
    ));
    url
}

/// Percent-encodes everything but unreserved characters (and `@` in the address part).
fn encode(text: &str, query: bool) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~')
            || (!query && b == b'@');
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Escapes Markdown syntax in user text so it prints literally: backslash-escapes the characters
/// that can start emphasis, code, links, HTML, tables or strike-through anywhere (`\ ` * _ [ ] < > |
/// ~ &`, and `!`/`#`), and folds line breaks into spaces (user text sits inside a line or a list item).
/// A value that starts like a list item or a heading underline (`-`, `+`, `=`, `1.`, `1)`) gets that
/// character escaped too, in case a template puts it at the start of a line.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let text = text.trim_start();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let leading = match text.chars().next() {
        Some('-' | '+' | '=') => Some(0),
        Some(_) if digits > 0 && matches!(text[digits..].chars().next(), Some('.' | ')')) => {
            Some(digits)
        }
        _ => None,
    };
    if let Some(at) = leading {
        out.push_str(&text[..at]);
        out.push('\\');
        return out + &escape_markdown_rest(&text[at..]);
    }
    out + &escape_markdown_rest(text)
}

fn escape_markdown_rest(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut last_space = false;
    for c in text.chars() {
        match c {
            '\r' | '\n' | '\t' => {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
                continue;
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        last_space = c == ' ';
    }
    out
}

fn escape_markdown_into(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(escape_markdown(text).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::{escape_markdown, mailto};

    #[test]
    fn mailto_takes_the_subject_line_and_encodes_the_body() {
        let url = mailto(
            "irina@koleso.example",
            "Тема: Проект «SEO»: что уточнить\n\nЗдравствуйте, Ирина!\n1. Цель & срок?",
        );
        assert_eq!(
            url,
            "mailto:irina@koleso.example?subject=%D0%9F%D1%80%D0%BE%D0%B5%D0%BA%D1%82%20%C2%AB\
             SEO%C2%BB%3A%20%D1%87%D1%82%D0%BE%20%D1%83%D1%82%D0%BE%D1%87%D0%BD%D0%B8%D1%82%D1%8C\
             &body=%D0%97%D0%B4%D1%80%D0%B0%D0%B2%D1%81%D1%82%D0%B2%D1%83%D0%B9%D1%82%D0%B5%2C%20\
             %D0%98%D1%80%D0%B8%D0%BD%D0%B0%21%0D%0A1.%20%D0%A6%D0%B5%D0%BB%D1%8C%20%26%20\
             %D1%81%D1%80%D0%BE%D0%BA%3F"
        );
        // No subject line: the whole text is the body; no address: an empty one.
        assert_eq!(mailto("", "Hi?"), "mailto:?body=Hi%3F");
        assert!(
            mailto("a@b.example", "**Subject:** Brief\n\nDear")
                .contains("?subject=Brief&body=Dear")
        );
    }

    #[test]
    fn markdown_syntax_in_user_text_is_escaped() {
        assert_eq!(
            escape_markdown("*Шины* & [диски](http://x) <b>\nдва_слова"),
            "\\*Шины\\* \\& \\[диски\\](http://x) \\<b\\> два\\_слова"
        );
        assert_eq!(escape_markdown("- пункт"), "\\- пункт");
        assert_eq!(escape_markdown("2026. год"), "2026\\. год");
        assert_eq!(escape_markdown("3-5 дней"), "3-5 дней");
    }
}
