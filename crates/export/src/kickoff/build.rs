//! Builds a [`KickoffDocument`] from core types: resolves localized texts, hides questions whose
//! conditions do not hold, and formats every answer for its kind.

use std::collections::{BTreeMap, HashMap};

use deepbrief_core::gaps::GapCode;
use deepbrief_core::{
    Answer, AnswerValue, Checklist, Column, Entry, Evidence, EvidenceKind, Kind, Question,
    Severity, Visibility,
};

use super::cut;
use super::fields::{self as passport_fields, Field};
use super::format::{self, Date};
use super::input::{
    ArchivedAnswer, BriefStatus, FollowUp, Gap, KickoffInput, ProcessStatus, ReviewComment,
};
use super::{
    AnswerState, AnswerView, ApprovalView, ArchivedView, ChecklistView, ColumnView, ContactView,
    DateView, EvidenceView, FORMAT_VERSION, FieldView, FollowUpView, GapView, GoalView,
    KickoffDocument, Labels, Lang, MetaView, PassportRow, PassportView, ProcessView, QuestionView,
    ReviewView, SectionProgressView, SectionView, StatusView, SummaryView, UnansweredView,
};

impl KickoffDocument {
    /// Builds the document from a brief's parts. Never fails: unknown ids print as they are,
    /// answers of the wrong type print as plain text.
    pub fn from_parts(input: KickoffInput<'_>) -> KickoffDocument {
        let lang = input.lang;
        let labels = Labels::new(lang);
        let checklists: Vec<&Checklist> = input.checklists.iter().map(|p| p.checklist).collect();
        let lookup = Lookup::new(lang, &checklists);
        let (sections, unanswered) = sections(lang, &checklists, input.entries);
        let numbers: HashMap<&str, (&str, &str)> = sections
            .iter()
            .flat_map(|s| s.questions.iter())
            .map(|q| (q.id.as_str(), (q.number.as_str(), q.prompt.as_str())))
            .collect();
        let reviews = input
            .reviews
            .iter()
            .map(|r| review(lang, r, &numbers, &lookup))
            .collect();
        let passport = passport(lang, &labels, &lookup, input);
        KickoffDocument {
            format: FORMAT_VERSION,
            schema_version: FORMAT_VERSION,
            passport,
            unanswered,
            lang,
            meta: MetaView {
                title: labels.document.clone(),
                client: input.meta.client.clone(),
                project: input.meta.project.clone(),
                services: input.meta.services.clone(),
                account_manager: input.meta.account_manager.clone(),
                date: date_view(lang, &input.meta.date),
                status: StatusView {
                    code: input.meta.status.code().to_owned(),
                    text: status_text(lang, input.meta.status).to_owned(),
                },
                checklists: input
                    .checklists
                    .iter()
                    .map(|p| ChecklistView {
                        id: p.checklist.id.clone(),
                        version: p.checklist.version,
                        title: p.checklist.title.get(lang.code()).to_owned(),
                        hash: p.hash.to_owned(),
                    })
                    .collect(),
            },
            contacts: input
                .meta
                .contacts
                .iter()
                .map(|c| ContactView {
                    name: c.name.clone(),
                    role: c.role.clone(),
                    phone: c.phone.clone(),
                    email: c.email.clone(),
                    responsible: c.responsible,
                })
                .collect(),
            summary: summary(lang, &labels, &lookup, input),
            sections,
            archived: input.archived.iter().map(|a| archived(lang, a)).collect(),
            reviews,
            labels,
        }
    }
}

/// Finds questions, sections, processes and rules by id across the pinned checklists.
struct Lookup<'a> {
    lang: Lang,
    questions: HashMap<&'a str, &'a Question>,
    sections: HashMap<&'a str, String>,
    processes: HashMap<&'a str, String>,
    rules: HashMap<&'a str, String>,
    rule_actions: HashMap<&'a str, String>,
}

impl<'a> Lookup<'a> {
    fn new(lang: Lang, checklists: &[&'a Checklist]) -> Self {
        let code = lang.code();
        let mut lookup = Lookup {
            lang,
            questions: HashMap::new(),
            sections: HashMap::new(),
            processes: HashMap::new(),
            rules: HashMap::new(),
            rule_actions: HashMap::new(),
        };
        for c in checklists {
            for s in &c.sections {
                lookup
                    .sections
                    .entry(s.id.as_str())
                    .or_insert_with(|| s.title.get(code).to_owned());
                for q in &s.questions {
                    lookup.questions.entry(q.id.as_str()).or_insert(q);
                }
            }
            for p in &c.processes {
                lookup
                    .processes
                    .entry(p.id.as_str())
                    .or_insert_with(|| p.title.get(code).to_owned());
            }
            for r in &c.rules {
                lookup
                    .rules
                    .entry(r.id.as_str())
                    .or_insert_with(|| r.message.get(code).to_owned());
                if let Some(first) = r.agenda.first() {
                    lookup
                        .rule_actions
                        .entry(r.id.as_str())
                        .or_insert_with(|| first.get(code).to_owned());
                }
            }
        }
        lookup
    }

    fn prompt(&self, id: &str) -> String {
        self.questions
            .get(id)
            .map(|q| q.prompt.get(self.lang.code()).to_owned())
            .unwrap_or_else(|| id.to_owned())
    }
}

/// The sections with the questions that have an answer or a recorded state, and the visible
/// optional questions nobody answered (required ones without an answer are open gaps).
fn sections(
    lang: Lang,
    checklists: &[&Checklist],
    entries: &BTreeMap<String, Entry>,
) -> (Vec<SectionView>, Vec<UnansweredView>) {
    let visibility = Visibility::new(checklists, entries);
    let mut out = Vec::new();
    let mut unanswered = Vec::new();
    for checklist in checklists {
        let addon = checklist.extends.is_some() || !checklist.applies_to.is_empty();
        for section in &checklist.sections {
            if !visibility.section_visible(section) {
                continue;
            }
            let number = (out.len() + 1).to_string();
            let title = section.title.get(lang.code()).to_owned();
            unanswered.extend(
                section
                    .questions
                    .iter()
                    .filter(|q| {
                        !q.required && visibility.is_visible(&q.id) && !entries.contains_key(&q.id)
                    })
                    .map(|q| UnansweredView {
                        section: title.clone(),
                        prompt: q.prompt.get(lang.code()).to_owned(),
                    }),
            );
            let questions: Vec<QuestionView> = section
                .questions
                .iter()
                .filter(|q| visibility.is_visible(&q.id) && entries.contains_key(&q.id))
                .enumerate()
                .map(|(i, q)| {
                    question_view(lang, q, entries.get(&q.id), format!("{number}.{}", i + 1))
                })
                .collect();
            if questions.is_empty() {
                continue;
            }
            out.push(SectionView {
                id: section.id.clone(),
                number,
                title,
                checklist: addon.then(|| checklist.title.get(lang.code()).to_owned()),
                questions,
            });
        }
    }
    (out, unanswered)
}

fn question_view(lang: Lang, q: &Question, entry: Option<&Entry>, number: String) -> QuestionView {
    QuestionView {
        id: q.id.clone(),
        number,
        prompt: q.prompt.get(lang.code()).to_owned(),
        required: q.required,
        answer: answer_view(lang, q, entry.map(|e| &e.answer)),
        evidence: entry
            .map(|e| {
                e.evidence
                    .iter()
                    .map(|ev| evidence_view(lang, ev))
                    .collect()
            })
            .unwrap_or_default(),
        to_confirm: entry.is_some_and(|e| e.to_confirm),
    }
}

fn evidence_view(lang: Lang, ev: &Evidence) -> EvidenceView {
    let ru = lang == Lang::Ru;
    let kind_text = match (ev.kind, ru) {
        (EvidenceKind::Note, true) => "Заметка",
        (EvidenceKind::Note, false) => "Note",
        (EvidenceKind::Link, true) => "Ссылка",
        (EvidenceKind::Link, false) => "Link",
        (EvidenceKind::File, true) => "Файл",
        (EvidenceKind::File, false) => "File",
    };
    let verified_text = match (ev.verified, ru) {
        (true, true) => "проверено агентством",
        (true, false) => "verified by the agency",
        (false, true) => "со слов клиента",
        (false, false) => "as stated by the client",
    };
    EvidenceView {
        kind: ev.kind,
        kind_text: kind_text.to_owned(),
        text: ev.text.clone(),
        verified: ev.verified,
        verified_text: verified_text.to_owned(),
    }
}

/// The answer's state in words, for a question without a value.
fn state_view(lang: Lang, answer: Option<&Answer>) -> Option<AnswerView> {
    let ru = lang == Lang::Ru;
    let (state, text) = match answer {
        None => (
            AnswerState::Empty,
            if ru {
                "Нет ответа"
            } else {
                "No answer"
            }
            .to_owned(),
        ),
        Some(Answer::Answered(_)) => return None,
        Some(Answer::Unknown) => (
            AnswerState::Unknown,
            if ru {
                "Клиент не знает"
            } else {
                "The client doesn't know"
            }
            .to_owned(),
        ),
        Some(Answer::Later { due }) => (
            AnswerState::Later,
            if ru {
                format!("Клиент пришлёт до {}", format::day_month(lang, due))
            } else {
                format!(
                    "The client will send it by {}",
                    format::day_month(lang, due)
                )
            },
        ),
        Some(Answer::NotApplicable { reason }) => {
            let head = if ru {
                "Не применимо"
            } else {
                "Not applicable"
            };
            let text = if reason.trim().is_empty() {
                head.to_owned()
            } else {
                format!("{head}: {}", reason.trim())
            };
            (AnswerState::NotApplicable, text)
        }
    };
    Some(AnswerView::State { state, text })
}

fn answer_view(lang: Lang, q: &Question, answer: Option<&Answer>) -> AnswerView {
    if let Some(state) = state_view(lang, answer) {
        return state;
    }
    let Some(value) = answer.and_then(Answer::value) else {
        return AnswerView::Value {
            text: String::new(),
        };
    };
    let value = &*cut::printable(lang, value);
    // Over the kind with no catch-all (a new kind is named here); a value of another shape than
    // its kind's (an answer kept across a kind change) prints plainly.
    let shown = match q.kind {
        Kind::LongText => match value {
            AnswerValue::Text(t) => Some(AnswerView::Text {
                paragraphs: paragraphs(t),
            }),
            _ => None,
        },
        Kind::Link => match value {
            AnswerValue::Text(t) => Some(AnswerView::Link {
                url: t.trim().to_owned(),
                href: href(t),
            }),
            _ => None,
        },
        Kind::Date => match value {
            AnswerValue::Text(t) => Some(AnswerView::Value {
                text: format::date(lang, t),
            }),
            _ => None,
        },
        Kind::Number | Kind::Money | Kind::Percent | Kind::Duration | Kind::Scale => match value {
            AnswerValue::Number(n) => Some(AnswerView::Value {
                text: number_text(lang, q, *n),
            }),
            _ => None,
        },
        Kind::SingleChoice => match value {
            AnswerValue::Choice(id) => Some(AnswerView::Value {
                text: choice_label(lang, &q.choices, id),
            }),
            _ => None,
        },
        Kind::MultiChoice => match value {
            AnswerValue::Choices(ids) => Some(AnswerView::List {
                items: ids
                    .iter()
                    .map(|id| choice_label(lang, &q.choices, id))
                    .collect(),
            }),
            _ => None,
        },
        Kind::Table => match value {
            AnswerValue::Rows(rows) => Some(table(lang, &q.columns, rows)),
            _ => None,
        },
        Kind::Contact => match value {
            AnswerValue::Contact(fields) => Some(AnswerView::Contact {
                fields: contact_fields(lang, fields),
            }),
            _ => None,
        },
        // Printed as typed: one line, a yes/no, list items.
        Kind::ShortText | Kind::YesNo | Kind::List => None,
    };
    shown.unwrap_or_else(|| plain(lang, value))
}

/// A number of a numeric kind as people read it: with its unit, currency, `%`, days or scale words.
fn number_text(lang: Lang, q: &Question, n: f64) -> String {
    match q.kind {
        Kind::Money => format::money(lang, n, q.currency.as_deref()),
        Kind::Percent => format::percent(lang, n),
        Kind::Duration => format::days(lang, n),
        Kind::Scale => scale(lang, q, n),
        Kind::Number => match &q.unit {
            Some(unit) => format!("{}\u{a0}{}", format::number(lang, n), unit.get(lang.code())),
            None => format::number(lang, n),
        },
        Kind::ShortText
        | Kind::LongText
        | Kind::Date
        | Kind::YesNo
        | Kind::SingleChoice
        | Kind::MultiChoice
        | Kind::List
        | Kind::Table
        | Kind::Contact
        | Kind::Link => format::number(lang, n),
    }
}

/// Any value printed without its question's context (a kind mismatch, an ad-hoc value).
fn plain(lang: Lang, value: &AnswerValue) -> AnswerView {
    match value {
        AnswerValue::Text(t) => {
            let paragraphs = paragraphs(t);
            if paragraphs.len() > 1 {
                AnswerView::Text { paragraphs }
            } else {
                AnswerView::Value {
                    text: t.trim().to_owned(),
                }
            }
        }
        AnswerValue::Number(n) => AnswerView::Value {
            text: format::number(lang, *n),
        },
        AnswerValue::Bool(b) => AnswerView::Value {
            text: yes_no(lang, *b).to_owned(),
        },
        AnswerValue::Choice(c) => AnswerView::Value { text: c.clone() },
        AnswerValue::Choices(items) | AnswerValue::Items(items) => AnswerView::List {
            items: items.clone(),
        },
        AnswerValue::Rows(rows) => {
            let mut keys: Vec<&String> = rows.iter().flat_map(|r| r.keys()).collect();
            keys.sort();
            keys.dedup();
            AnswerView::Table {
                columns: keys
                    .iter()
                    .map(|k| ColumnView {
                        title: (*k).clone(),
                        align: "left".into(),
                    })
                    .collect(),
                rows: rows
                    .iter()
                    .map(|r| {
                        keys.iter()
                            .map(|k| r.get(*k).cloned().unwrap_or_default())
                            .collect()
                    })
                    .collect(),
            }
        }
        AnswerValue::Contact(fields) => AnswerView::Contact {
            fields: contact_fields(lang, fields),
        },
    }
}

/// The address a link answer may point to: `http://`, `https://` or `mailto:` only (any case);
/// anything else is printed as text, never made clickable.
fn href(text: &str) -> Option<String> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let ok = ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len())
        && !t.chars().any(char::is_whitespace);
    ok.then(|| t.to_owned())
}

fn paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn yes_no(lang: Lang, b: bool) -> &'static str {
    match (lang, b) {
        (Lang::Ru, true) => "Да",
        (Lang::Ru, false) => "Нет",
        (Lang::En, true) => "Yes",
        (Lang::En, false) => "No",
    }
}

fn choice_label(lang: Lang, choices: &[deepbrief_core::Choice], id: &str) -> String {
    choices
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.label.get(lang.code()).to_owned())
        // Not a choice id: free text typed for an "other" choice; print it as it is.
        .unwrap_or_else(|| id.to_owned())
}

fn scale(lang: Lang, q: &Question, n: f64) -> String {
    let min = q.min.unwrap_or(1.0);
    let max = q.max.unwrap_or(5.0);
    let of = if lang == Lang::Ru { "из" } else { "of" };
    let mut text = format!(
        "{} {of} {}",
        format::number(lang, n),
        format::number(lang, max)
    );
    if let Some(labels) = &q.labels {
        let end = if (n - min).abs() < 1e-9 {
            Some(&labels.min)
        } else if (n - max).abs() < 1e-9 {
            Some(&labels.max)
        } else {
            None
        };
        if let Some(end) = end {
            text.push_str(&format!(" — {}", end.get(lang.code())));
        }
    }
    text
}

fn table(lang: Lang, columns: &[Column], rows: &[BTreeMap<String, String>]) -> AnswerView {
    AnswerView::Table {
        columns: columns
            .iter()
            .map(|c| ColumnView {
                title: c.title.get(lang.code()).to_owned(),
                align: if c.kind.is_numeric() { "right" } else { "left" }.into(),
            })
            .collect(),
        rows: rows
            .iter()
            .map(|row| {
                columns
                    .iter()
                    .map(|c| cell(lang, c, row.get(&c.id).map(String::as_str).unwrap_or("")))
                    .collect()
            })
            .collect(),
    }
}

fn cell(lang: Lang, column: &Column, text: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return String::new();
    }
    let number = || trimmed.replace(',', ".").parse::<f64>().ok();
    match column.kind {
        Kind::Number => match number() {
            Some(n) => match &column.unit {
                Some(u) => format!("{}\u{a0}{}", format::number(lang, n), u.get(lang.code())),
                None => format::number(lang, n),
            },
            None => trimmed.to_owned(),
        },
        Kind::Money => number()
            .map(|n| format::money(lang, n, column.currency.as_deref()))
            .unwrap_or_else(|| trimmed.to_owned()),
        Kind::Percent => number()
            .map(|n| format::percent(lang, n))
            .unwrap_or_else(|| trimmed.to_owned()),
        Kind::Date => format::date(lang, trimmed),
        Kind::YesNo => match trimmed.to_lowercase().as_str() {
            "true" | "yes" | "да" => yes_no(lang, true).to_owned(),
            "false" | "no" | "нет" => yes_no(lang, false).to_owned(),
            _ => trimmed.to_owned(),
        },
        Kind::SingleChoice => choice_label(lang, &column.choices, trimmed),
        // Named one by one (a new kind is pointed out here): printed as typed.
        Kind::ShortText
        | Kind::LongText
        | Kind::Duration
        | Kind::MultiChoice
        | Kind::Scale
        | Kind::List
        | Kind::Table
        | Kind::Contact
        | Kind::Link => text.to_owned(),
    }
}

fn contact_fields(lang: Lang, fields: &BTreeMap<String, String>) -> Vec<FieldView> {
    let ru = lang == Lang::Ru;
    let known = [
        ("name", if ru { "Имя" } else { "Name" }),
        ("role", if ru { "Роль" } else { "Role" }),
        ("phone", if ru { "Телефон" } else { "Phone" }),
        ("email", "E-mail"),
    ];
    let mut out: Vec<FieldView> = known
        .iter()
        .filter_map(|(key, label)| {
            fields
                .get(*key)
                .filter(|v| !v.trim().is_empty())
                .map(|v| FieldView {
                    label: (*label).to_owned(),
                    value: v.clone(),
                })
        })
        .collect();
    out.extend(
        fields
            .iter()
            .filter(|(k, v)| !known.iter().any(|(key, _)| key == k) && !v.trim().is_empty())
            .map(|(k, v)| FieldView {
                label: k.clone(),
                value: v.clone(),
            }),
    );
    out
}

fn date_view(lang: Lang, iso: &str) -> DateView {
    let parsed = Date::parse(iso);
    DateView {
        iso: iso.to_owned(),
        text: format::date(lang, iso),
        year: parsed.map(|d| d.year),
        month: parsed.map(|d| d.month),
        day: parsed.map(|d| d.day),
    }
}

fn status_text(lang: Lang, status: BriefStatus) -> &'static str {
    match (lang, status) {
        (Lang::Ru, BriefStatus::Draft) => "Черновик",
        (Lang::Ru, BriefStatus::InReview) => "На проверке",
        (Lang::Ru, BriefStatus::Returned) => "Возвращён на доработку",
        (Lang::Ru, BriefStatus::Approved) => "Утверждён к запуску",
        (Lang::En, BriefStatus::Draft) => "Draft",
        (Lang::En, BriefStatus::InReview) => "In review",
        (Lang::En, BriefStatus::Returned) => "Returned for changes",
        (Lang::En, BriefStatus::Approved) => "Approved for kickoff",
    }
}

fn severity_text(lang: Lang, severity: Severity) -> &'static str {
    match (lang, severity) {
        (Lang::Ru, Severity::High) => "высокая",
        (Lang::Ru, Severity::Medium) => "средняя",
        (Lang::Ru, Severity::Low) => "низкая",
        (Lang::En, Severity::High) => "high",
        (Lang::En, Severity::Medium) => "medium",
        (Lang::En, Severity::Low) => "low",
    }
}

/// The answer as one line of text, when the question is answered (for the goal block).
fn answered_text(
    lang: Lang,
    lookup: &Lookup<'_>,
    entries: &BTreeMap<String, Entry>,
    id: &str,
) -> Option<String> {
    let q = lookup.questions.get(id)?;
    let entry = entries.get(id)?;
    entry.answer.value()?;
    Some(match answer_view(lang, q, Some(&entry.answer)) {
        AnswerView::Text { paragraphs } => paragraphs.join(" "),
        AnswerView::Value { text } => text,
        AnswerView::Link { url, .. } => url,
        AnswerView::List { items } => items.join(", "),
        AnswerView::Contact { fields } => fields
            .into_iter()
            .map(|f| f.value)
            .collect::<Vec<_>>()
            .join(", "),
        // A table in a line: each row's first cell, with the second in brackets (name and role).
        AnswerView::Table { rows, .. } => rows
            .iter()
            .filter_map(|r| {
                let mut cells = r.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
                let first = cells.next()?;
                Some(match cells.next() {
                    Some(second) => format!("{first} ({second})"),
                    None => first.to_owned(),
                })
            })
            .collect::<Vec<_>>()
            .join(", "),
        AnswerView::State { text, .. } => text,
    })
}

fn summary(
    lang: Lang,
    labels: &Labels,
    lookup: &Lookup<'_>,
    input: KickoffInput<'_>,
) -> SummaryView {
    let ru = lang == Lang::Ru;
    let s = input.summary;
    let text = |id: &str| answered_text(lang, lookup, input.entries, id);
    let goal = GoalView {
        statement: text("goal_statement"),
        metric: text("goal_metric"),
        baseline: text("goal_baseline"),
        target: text("goal_target"),
        deadline: text("goal_deadline"),
        rationale: text("goal_rationale"),
        measurable: text("goal_target").is_some() && text("goal_deadline").is_some(),
    };

    let mut gaps: Vec<GapView> = s
        .gaps
        .iter()
        .map(|g| {
            let risk = gap_text(lang, labels, lookup, g);
            GapView {
                severity: g.severity,
                severity_text: severity_text(lang, g.severity).to_owned(),
                text: risk.clone(),
                risk,
                action: gap_action(lang, lookup, g),
            }
        })
        .collect();
    gaps.sort_by_key(|g| std::cmp::Reverse(g.severity));

    let count = |sev: Severity| gaps.iter().filter(|g| g.severity == sev).count();
    let mut reasons = Vec::new();
    if !gaps.is_empty() {
        let (h, m, l) = (
            count(Severity::High),
            count(Severity::Medium),
            count(Severity::Low),
        );
        reasons.push(if ru {
            format!(
                "Что уточнить: {} (важность высокая: {h}, средняя: {m}, низкая: {l}).",
                gaps.len()
            )
        } else {
            format!(
                "Open points: {} (high: {h}, medium: {m}, low: {l}).",
                gaps.len()
            )
        });
    }
    let approval = input.meta.approval.as_ref();
    if let Some(a) = approval {
        let day = format::date(lang, a.date.get(..10).unwrap_or(&a.date));
        let mut lines = vec![if ru {
            format!("Утвердил(а): {}, {day}.", a.by)
        } else {
            format!("Approved by {} on {day}.", a.by)
        }];
        if let Some(note) = a.override_note.as_deref().filter(|n| !n.trim().is_empty()) {
            lines.push(if ru {
                format!("Утверждён с оговоркой: {}", note.trim())
            } else {
                format!("Approved with a reservation: {}", note.trim())
            });
        }
        reasons.splice(0..0, lines);
    }
    if !s.ready_for_kickoff && approval.is_none() {
        // The gaps themselves are listed once, in the gap table.
        let undescribed: Vec<String> = s
            .processes
            .iter()
            .filter(|p| p.status == ProcessStatus::NotDescribed)
            .map(|p| {
                format::quoted(
                    lang,
                    lookup
                        .processes
                        .get(p.process.as_str())
                        .map(String::as_str)
                        .unwrap_or(&p.process),
                )
            })
            .collect();
        if !undescribed.is_empty() {
            reasons.push(if ru {
                format!("Не описаны процессы: {}.", undescribed.join(", "))
            } else {
                format!("Processes not described: {}.", undescribed.join(", "))
            });
        }
    } else if gaps.is_empty() {
        reasons.push(if ru {
            "Все обязательные вопросы отвечены, процессы описаны, сигналов риска нет.".to_owned()
        } else {
            "Every required question is answered, processes are described, no risk signals."
                .to_owned()
        });
    }

    SummaryView {
        goal,
        completeness: s.completeness.min(100),
        completeness_text: format::percent(lang, f64::from(s.completeness.min(100))),
        sections: s
            .sections
            .iter()
            .map(|p| {
                let percent = if p.total == 0 {
                    100
                } else {
                    ((u64::from(p.answered.min(p.total)) * 100) / u64::from(p.total)) as u8
                };
                SectionProgressView {
                    title: lookup
                        .sections
                        .get(p.section.as_str())
                        .cloned()
                        .unwrap_or_else(|| p.section.clone()),
                    answered: p.answered,
                    total: p.total,
                    percent,
                    percent_text: format::percent(lang, f64::from(percent)),
                    text: format!("{}\u{a0}/\u{a0}{}", p.answered, p.total),
                }
            })
            .collect(),
        // Approved is one clear state: the lead's decision, with who and why, not a red "not ready"
        // under "approved"; what is still open stays listed below it.
        ready: s.ready_for_kickoff || approval.is_some(),
        verdict: match (approval, ru) {
            (Some(a), true) => format!("Утверждён к запуску · редакция {}", a.revision),
            (Some(a), false) => format!("Approved for kickoff · revision {}", a.revision),
            (None, _) => match (s.ready_for_kickoff, ru) {
                (true, true) => "Готов к запуску",
                (true, false) => "Ready for kickoff",
                (false, true) => "Не готов к запуску",
                (false, false) => "Not ready for kickoff",
            }
            .to_owned(),
        },
        reasons,
        processes: s
            .processes
            .iter()
            .map(|p| ProcessView {
                title: lookup
                    .processes
                    .get(p.process.as_str())
                    .cloned()
                    .unwrap_or_else(|| p.process.clone()),
                status: match p.status {
                    ProcessStatus::Documented => "documented",
                    ProcessStatus::Described => "described",
                    ProcessStatus::NotDescribed => "not_described",
                }
                .to_owned(),
                status_text: match (p.status, ru) {
                    (ProcessStatus::Documented, true) => "Описан в документе",
                    (ProcessStatus::Documented, false) => "Documented",
                    (ProcessStatus::Described, true) => "Описан на интервью",
                    (ProcessStatus::Described, false) => "Described in the interview",
                    (ProcessStatus::NotDescribed, true) => "Не описан",
                    (ProcessStatus::NotDescribed, false) => "Not described",
                }
                .to_owned(),
            })
            .collect(),
        gaps,
        follow_ups: s.follow_ups.iter().map(|f| follow_up(lang, f)).collect(),
    }
}

/// The longest a page-one value gets; the full answer is in its section.
const PASSPORT_VALUE_CHARS: usize = 260;

/// A page-one value: cut at a word near [`PASSPORT_VALUE_CHARS`] with `…`.
fn clip(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= PASSPORT_VALUE_CHARS {
        return text.to_owned();
    }
    let cut: String = text.chars().take(PASSPORT_VALUE_CHARS).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', ' ']))
}

/// Page one: what is launched and on what terms, every fact from the field table
/// ([`passport_fields::FIELDS`]) or the brief's header.
fn passport(
    lang: Lang,
    labels: &Labels,
    lookup: &Lookup<'_>,
    input: KickoffInput<'_>,
) -> PassportView {
    let ru = lang == Lang::Ru;
    let s = |r: &str, e: &str| if ru { r.to_owned() } else { e.to_owned() };
    let answer = |id: &str| answered_text(lang, lookup, input.entries, id);
    let field = |f: Field| -> Option<String> {
        let parts: Vec<String> = passport_fields::questions(f)
            .iter()
            .filter_map(|id| answer(id))
            .filter(|t| !t.trim().is_empty())
            .collect();
        // Parts join with «; », or a space after a part that ends a sentence.
        let mut joined = String::new();
        for part in &parts {
            let part = part.trim();
            if !joined.is_empty() {
                joined.push_str(if joined.ends_with(['.', '!', '?', '…']) {
                    " "
                } else {
                    "; "
                });
            }
            joined.push_str(part);
        }
        (!joined.is_empty()).then_some(joined)
    };
    let meta = input.meta;
    let mut rows: Vec<PassportRow> = Vec::new();
    let mut row = |key: &str, label: String, value: Option<String>| {
        let value = value.map(|v| clip(&v)).filter(|v| !v.is_empty());
        rows.push(PassportRow {
            key: key.to_owned(),
            label,
            text: value.clone().unwrap_or_else(|| labels.not_stated.clone()),
            value,
        });
    };
    row("client", labels.client.clone(), Some(meta.client.clone()));
    row(
        "project",
        labels.project.clone(),
        Some(meta.project.clone()),
    );
    // Each service by the title of the add-on the brief runs on for it («SEO-продвижение», not
    // `seo`); a service no pinned add-on names prints as it is.
    let mut titles: Vec<String> = Vec::new();
    for service in &meta.services {
        let title = input
            .checklists
            .iter()
            .map(|p| p.checklist)
            .find(|c| c.extends.is_some() && c.applies_to.contains(service))
            .map_or_else(|| service.clone(), |c| c.title.get(lang.code()).to_owned());
        if !titles.contains(&title) {
            titles.push(title);
        }
    }
    let services = (!titles.is_empty()).then(|| titles.join(", "));
    let scope = match (services, field(Field::Scope)) {
        (Some(s), Some(scope)) => Some(format!("{s}. {scope}")),
        (a, b) => a.or(b),
    };
    row(
        "scope",
        s("Услуги и объём работ", "Services and scope"),
        scope,
    );
    row(
        "offer",
        s("Что продаёт клиент", "What the client sells"),
        field(Field::Offer),
    );
    row(
        "goal",
        labels.goal.clone(),
        goal_sentence(lang, &|f| field(f)),
    );
    row("budget", s("Бюджет", "Budget"), field(Field::Budget));
    row("regions", s("Регионы", "Regions"), field(Field::Regions));
    row(
        "advantages",
        s("Чем клиент сильнее конкурентов", "Selling proposition"),
        field(Field::Advantages),
    );
    row(
        "weaknesses",
        s("Слабые места", "Weak points"),
        field(Field::Weaknesses),
    );
    row(
        "audience",
        s("Аудитория", "Audience"),
        field(Field::Audience).map(|a| first_sentence(&a)),
    );
    row(
        "legal",
        s("Юридические ограничения", "Legal constraints"),
        field(Field::Legal),
    );
    row("access", s("Доступы", "Access"), field(Field::Access));
    let responsible = meta
        .contacts
        .iter()
        .find(|c| c.responsible)
        .map(|c| {
            [
                c.name.as_str(),
                c.role.as_str(),
                c.phone.as_str(),
                c.email.as_str(),
            ]
            .iter()
            .filter(|p| !p.trim().is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
        })
        .or_else(|| field(Field::Responsible));
    row(
        "responsible",
        s("Ответственный у клиента", "Client's responsible person"),
        responsible,
    );
    let team = field(Field::Team).or_else(|| {
        let others: Vec<String> = meta
            .contacts
            .iter()
            .filter(|c| !c.responsible)
            .map(|c| {
                if c.role.trim().is_empty() {
                    c.name.clone()
                } else {
                    format!("{} ({})", c.name, c.role)
                }
            })
            .collect();
        (!others.is_empty()).then(|| others.join(", "))
    });
    row("team", s("Команда клиента", "Client's team"), team);
    row(
        "reporting",
        s("Отчётность и согласование", "Reporting and approvals"),
        field(Field::Reporting),
    );
    row("start", s("Запуск проекта", "Kickoff"), field(Field::Start));
    let lead = meta.approval.as_ref().map(|a| a.by.clone());
    let agency = match lead.filter(|l| !l.trim().is_empty()) {
        Some(lead) => format!(
            "{}: {}; {}: {lead}",
            labels.account_manager, meta.account_manager, labels.lead
        ),
        None => format!("{}: {}", labels.account_manager, meta.account_manager),
    };
    row("agency", s("От агентства", "Agency"), Some(agency));
    let approval = meta.approval.as_ref().map(|a| {
        let date = format::date(lang, &a.date.chars().take(10).collect::<String>());
        ApprovalView {
            by: a.by.clone(),
            revision: a.revision,
            text: if ru {
                format!("Утверждён: {}, {date}, редакция {}", a.by, a.revision)
            } else {
                format!("Approved by {} on {date}, revision {}", a.by, a.revision)
            },
            date,
        }
    });
    let approved = input.meta.status == BriefStatus::Approved && approval.is_some();
    row(
        "approval",
        s("Утверждение", "Approval"),
        Some(match &approval {
            // The stamp, and the reservation it was given with: the team starts knowing it.
            Some(a) if approved => match meta
                .approval
                .as_ref()
                .and_then(|m| m.override_note.as_deref())
                .map(str::trim)
                .filter(|n| !n.is_empty())
            {
                Some(note) if ru => format!("{}; с оговоркой: {note}", a.text),
                Some(note) => format!("{}; with a reservation: {note}", a.text),
                None => a.text.clone(),
            },
            _ => status_text(lang, input.meta.status).to_owned(),
        }),
    );
    PassportView {
        rows,
        draft: !approved,
        draft_mark: "ЧЕРНОВИК / DRAFT".to_owned(),
        approval: approval.filter(|_| approved),
    }
}

/// The goal as one sentence: «Заявки и обращения: с 85 до 150 к 1 сентября 2026 — …».
fn goal_sentence(lang: Lang, field: &dyn Fn(Field) -> Option<String>) -> Option<String> {
    let ru = lang == Lang::Ru;
    let statement = field(Field::GoalStatement).map(|s| first_sentence(&s));
    let metric = field(Field::GoalMetric);
    let target = field(Field::GoalTarget);
    let mut measure = String::new();
    if let Some(t) = &target {
        measure.push_str(&match (field(Field::GoalBaseline), ru) {
            (Some(b), true) => format!("с {b} до {t}"),
            (Some(b), false) => format!("from {b} to {t}"),
            (None, _) => t.clone(),
        });
    }
    if let Some(d) = field(Field::GoalDeadline) {
        if !measure.is_empty() {
            measure.push(' ');
        }
        measure.push_str(&if ru {
            format!("к {d}")
        } else {
            format!("by {d}")
        });
    }
    let measured = match (metric, measure.is_empty()) {
        (Some(m), false) => Some(format!("{m}: {measure}")),
        (Some(m), true) => Some(m),
        (None, false) => Some(measure),
        (None, true) => None,
    };
    match (statement, measured) {
        (Some(s), Some(m)) => Some(format!("{} — {m}", s.trim_end_matches('.'))),
        (a, b) => a.or(b),
    }
}

/// The first sentence of a text (up to `.`, `!` or `?` and a space).
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

fn gap_text(lang: Lang, labels: &Labels, lookup: &Lookup<'_>, gap: &Gap) -> String {
    let ru = lang == Lang::Ru;
    let prompt = || format::quoted(lang, &lookup.prompt(gap.key.question().unwrap_or_default()));
    let id = || gap.key.process_or_rule().unwrap_or_default();
    match gap.code {
        GapCode::MissingAnswer => {
            let p = prompt();
            if ru {
                format!("Нет ответа на обязательный вопрос {p}")
            } else {
                format!("No answer to the required question {p}")
            }
        }
        GapCode::Unknown => {
            let p = prompt();
            if ru {
                format!("Клиент не знает ответа на вопрос {p}")
            } else {
                format!("The client doesn't know the answer to {p}")
            }
        }
        GapCode::Overdue => {
            let p = prompt();
            let d = format::day_month(lang, gap.due.as_deref().unwrap_or_default());
            if ru {
                format!("Клиент пришлёт до {d}: {p}")
            } else {
                format!("The client will send by {d}: {p}")
            }
        }
        GapCode::ProcessNotDescribed => {
            let process = id();
            let title = lookup
                .processes
                .get(process)
                .map_or(process, String::as_str);
            let t = format::quoted(lang, title);
            if ru {
                format!("Не описан процесс {t}")
            } else {
                format!("The process {t} is not described")
            }
        }
        // The rule's first sentence states the risk; the rest is the checklist author's story.
        GapCode::RuleFlag => lookup
            .rules
            .get(id())
            .map_or_else(|| id().to_owned(), |m| first_sentence(m)),
        GapCode::GoalIncomplete => labels.goal_missing.clone(),
        // Worded by the analysis: the question's prompt.
        GapCode::InvalidAnswer | GapCode::ToConfirm | GapCode::VagueAnswer => {
            gap.subject.get(lang.code()).to_owned()
        }
    }
}

/// What to do about a gap, said as an instruction to the team.
fn gap_action(lang: Lang, lookup: &Lookup<'_>, gap: &Gap) -> String {
    let ru = lang == Lang::Ru;
    let s = |r: &str, e: &str| if ru { r.to_owned() } else { e.to_owned() };
    match gap.code {
        GapCode::MissingAnswer => s(
            "Получить ответ у клиента до запуска проекта.",
            "Get the answer from the client before kickoff.",
        ),
        GapCode::Unknown => s(
            "Найти ответ вместе с клиентом или записать допущение и согласовать его.",
            "Find the answer with the client, or write down an assumption and agree it.",
        ),
        GapCode::Overdue => s(
            "Напомнить клиенту; без ответа запуск проекта переносится.",
            "Remind the client; without it the kickoff moves.",
        ),
        GapCode::ProcessNotDescribed => s(
            "Разобрать процесс с клиентом на уточняющей встрече по повестке.",
            "Go through the process with the client at a follow-up meeting.",
        ),
        GapCode::RuleFlag => match gap
            .key
            .process_or_rule()
            .and_then(|rule| lookup.rule_actions.get(rule))
        {
            Some(q) if ru => format!("Выяснить у клиента: {q}"),
            Some(q) => format!("Ask the client: {q}"),
            None => s(
                "Обсудить с клиентом на уточняющей встрече.",
                "Discuss with the client at a follow-up meeting.",
            ),
        },
        GapCode::GoalIncomplete => s(
            "Согласовать с клиентом целевое значение и срок.",
            "Agree a target value and a deadline with the client.",
        ),
        GapCode::InvalidAnswer | GapCode::ToConfirm | GapCode::VagueAnswer => {
            s("Уточнить у клиента.", "Clarify with the client.")
        }
    }
}

fn follow_up(lang: Lang, f: &FollowUp) -> FollowUpView {
    FollowUpView {
        title: f.title.get(lang.code()).to_owned(),
        date: f.date.as_deref().map(|d| format::date(lang, d)),
        agenda: f
            .agenda
            .iter()
            .map(|a| a.get(lang.code()).to_owned())
            .collect(),
    }
}

fn archived(lang: Lang, a: &ArchivedAnswer) -> ArchivedView {
    ArchivedView {
        source: format!("{} v{}", a.checklist, a.version),
        question: question_view(lang, &a.question, Some(&a.entry), String::new()),
    }
}

fn review(
    lang: Lang,
    r: &ReviewComment,
    numbers: &HashMap<&str, (&str, &str)>,
    lookup: &Lookup<'_>,
) -> ReviewView {
    ReviewView {
        author: r.author.clone(),
        date: format::date(lang, &r.date),
        question: r.question.as_deref().map(|id| match numbers.get(id) {
            Some((number, prompt)) => format!("{number} {prompt}"),
            None => lookup.prompt(id),
        }),
        text: r.text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use deepbrief_core::Text;

    fn question(kind: Kind) -> Question {
        Question::new(
            "q",
            Text::Plain("Q?".into()),
            Text::Plain(String::new()),
            kind,
        )
    }

    #[test]
    fn states_are_said_plainly() {
        let q = question(Kind::ShortText);
        let later = Answer::Later {
            due: "2026-12-05".into(),
        };
        assert_eq!(
            answer_view(Lang::Ru, &q, Some(&later)),
            AnswerView::State {
                state: AnswerState::Later,
                text: "Клиент пришлёт до 5\u{a0}декабря".into()
            }
        );
        assert_eq!(
            answer_view(Lang::En, &q, Some(&Answer::Unknown)),
            AnswerView::State {
                state: AnswerState::Unknown,
                text: "The client doesn't know".into()
            }
        );
        let na = Answer::NotApplicable {
            reason: "no shop".into(),
        };
        assert_eq!(
            answer_view(Lang::En, &q, Some(&na)),
            AnswerView::State {
                state: AnswerState::NotApplicable,
                text: "Not applicable: no shop".into()
            }
        );
    }

    #[test]
    fn only_http_and_mailto_addresses_are_links() {
        assert_eq!(
            href(" https://shop.example/a "),
            Some("https://shop.example/a".into())
        );
        assert_eq!(
            href("MAILTO:olga@x.example"),
            Some("MAILTO:olga@x.example".into())
        );
        assert_eq!(href("javascript:alert(1)"), None);
        assert_eq!(href("file:///etc/passwd"), None);
        assert_eq!(href("shop.example"), None);
        assert_eq!(href("https://"), None);
        assert_eq!(href("https://a.example/x y"), None);
    }

    #[test]
    fn passport_values_are_cut_at_a_word() {
        let long = "слово ".repeat(100);
        let cut = clip(&long);
        assert!(cut.ends_with("слово…"), "{cut}");
        assert!(cut.chars().count() <= PASSPORT_VALUE_CHARS + 1);
        assert_eq!(clip(" коротко "), "коротко");
    }

    #[test]
    fn a_value_of_the_wrong_type_prints_as_plain_text() {
        let q = question(Kind::Money);
        let a = Answer::Answered(AnswerValue::Text("around 50k".into()));
        assert_eq!(
            answer_view(Lang::En, &q, Some(&a)),
            AnswerView::Value {
                text: "around 50k".into()
            }
        );
    }
}
