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

use deepbrief_core::gaps::FollowUpItem;
use deepbrief_core::{Checklist, GapCode, IsoDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ExportError;
use crate::meeting::Meeting;

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
    /// The client's language: `ru` or `en`.
    pub language: String,
    /// The client's company.
    pub client: String,
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
    /// What is still missing, in checklist order.
    pub items: Vec<LetterItem>,
    /// The proposed follow-up briefing.
    #[serde(default)]
    #[ts(optional)]
    pub briefing: Option<Meeting>,
}

/// One thing the client is asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LetterItem {
    /// What it is about: the question as asked, or a topic (a process, a section).
    pub topic: String,
    /// The concrete questions under the topic (empty when the topic is the question).
    #[serde(default)]
    pub questions: Vec<String>,
    /// Why it matters, in a sentence.
    #[serde(default)]
    #[ts(optional)]
    pub why: Option<String>,
    /// What the client is asked to do.
    pub kind: ItemKind,
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
    /// Talk it through at the briefing (a process or a topic with several questions).
    Discuss,
}

/// The letter items for follow-up items, in the client's language. Rule flags and processes become
/// topics with their agenda as questions; the rule's own message is for the agency and is left out.
pub fn letter_items(
    items: &[FollowUpItem],
    checklists: &[&Checklist],
    lang: &str,
) -> Vec<LetterItem> {
    items
        .iter()
        .map(|item| {
            let kind = match item.code {
                GapCode::MissingAnswer | GapCode::Unknown => ItemKind::Answer,
                GapCode::Overdue => ItemKind::Send,
                GapCode::InvalidAnswer | GapCode::VagueAnswer => ItemKind::Clarify,
                GapCode::ToConfirm => ItemKind::Confirm,
                GapCode::GoalIncomplete | GapCode::ProcessNotDescribed | GapCode::RuleFlag => {
                    ItemKind::Discuss
                }
            };
            let agenda: Vec<String> = item.agenda.iter().map(|t| t.get(lang).to_owned()).collect();
            let why = item.why.as_ref().map(|t| first_sentence(t.get(lang)));
            match kind {
                ItemKind::Discuss => {
                    let topic = if item.code == GapCode::RuleFlag {
                        section_title(checklists, item, lang)
                            .unwrap_or_else(|| first_sentence(item.subject.get(lang)))
                    } else {
                        item.subject.get(lang).trim().to_owned()
                    };
                    LetterItem {
                        topic,
                        questions: agenda,
                        why: if item.code == GapCode::RuleFlag {
                            None
                        } else {
                            why
                        },
                        kind,
                    }
                }
                _ => LetterItem {
                    topic: item.subject.get(lang).trim().to_owned(),
                    questions: Vec::new(),
                    why,
                    kind,
                },
            }
        })
        .collect()
}

fn section_title(checklists: &[&Checklist], item: &FollowUpItem, lang: &str) -> Option<String> {
    let id = item.section.as_deref()?;
    checklists
        .iter()
        .filter(|c| c.id == item.checklist)
        .flat_map(|c| c.sections.iter())
        .find(|s| s.id == id)
        .map(|s| s.title.get(lang).to_owned())
}

/// The first sentence of a text (up to `.`, `!` or `?` followed by a space), trimmed.
fn first_sentence(text: &str) -> String {
    let t = text.trim();
    let mut prev: Option<char> = None;
    for (i, c) in t.char_indices() {
        if c.is_whitespace() && matches!(prev, Some('.' | '!' | '?')) {
            return t[..i].trim().to_owned();
        }
        prev = Some(c);
    }
    t.to_owned()
}

/// The letter templates: the embedded ones, optionally overridden from a folder.
#[derive(Debug, Clone)]
pub struct Templates {
    /// (file name, source) of every template.
    sources: Vec<(String, String)>,
}

/// Languages with embedded templates.
const LANGUAGES: [&str; 2] = ["ru", "en"];

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
        let lang = input.language.trim();
        if !LANGUAGES.contains(&lang) {
            return Err(ExportError::Language(input.language.clone()));
        }
        let wanted = format!("{lang}.{}.tera", format.extension());
        let (name, source) = self
            .sources
            .iter()
            .find(|(name, _)| name.ends_with(&wanted))
            .ok_or_else(|| ExportError::Language(input.language.clone()))?;
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

/// The template context: the input, plus the briefing's date, time and length written out in the
/// letter's language.
fn context(input: &LetterInput, lang: &str) -> Result<tera::Context, ExportError> {
    let mut ctx = tera::Context::new();
    ctx.insert("language", lang);
    ctx.insert("client", input.client.trim());
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
    match &input.briefing {
        Some(m) => {
            let start = m.start_time()?;
            let mut b = serde_json::Map::new();
            b.insert("date".into(), long_date(start.date, lang).into());
            b.insert(
                "time".into(),
                format!("{:02}:{:02}", start.hour(), start.minute()).into(),
            );
            b.insert("minutes".into(), m.duration_minutes.into());
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

/// How the letter names the meeting's time zone. English: the zone's city (`Europe/Moscow` →
/// `Moscow`; the template adds "time"). Russian: "по московскому времени", or the offset from Moscow
/// the way Russians say it (`МСК+2`), or from UTC when it is not whole hours.
fn zone_name(zone: &str, offset_minutes: i32, lang: &str) -> String {
    if lang != "ru" {
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

/// `понедельник, 30 ноября 2026` / `Monday, 30 November 2026`.
fn long_date(date: IsoDate, lang: &str) -> String {
    const RU_DAYS: [&str; 7] = [
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ];
    const RU_MONTHS: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    const EN_DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const EN_MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (days, months) = if lang == "ru" {
        (RU_DAYS, RU_MONTHS)
    } else {
        (EN_DAYS, EN_MONTHS)
    };
    let weekday = days[usize::from(date.weekday()) % 7];
    let month = months[usize::from(date.month().saturating_sub(1)) % 12];
    format!("{weekday}, {} {month} {}", date.day(), date.year())
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
    use super::{escape_markdown, first_sentence};

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

    #[test]
    fn first_sentence_stops_at_the_first_full_stop() {
        assert_eq!(
            first_sentence(" Нужно для договора. Запишите оба. "),
            "Нужно для договора."
        );
        assert_eq!(first_sentence("No stop"), "No stop");
        assert_eq!(first_sentence("Costs 1.5 mln. Then"), "Costs 1.5 mln.");
    }
}
