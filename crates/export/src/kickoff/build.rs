//! Builds a [`KickoffDocument`] from core types: resolves localized texts, hides questions whose
//! conditions do not hold, and formats every answer for its kind.

use std::collections::{BTreeMap, HashMap};

use deepbrief_core::{
    Answer, AnswerValue, Checklist, Column, Entry, Evidence, EvidenceKind, Kind, Question,
    Severity, Visibility,
};

use super::format::{self, Date};
use super::input::{
    ArchivedAnswer, BriefStatus, FollowUp, Gap, GapKind, KickoffInput, ProcessStatus, ReviewComment,
};
use super::{
    AnswerState, AnswerView, ArchivedView, ChecklistView, ColumnView, ContactView, DateView,
    EvidenceView, FORMAT_VERSION, FieldView, FollowUpView, GapView, GoalView, KickoffDocument,
    Labels, Lang, MetaView, ProcessView, QuestionView, ReviewView, SectionProgressView,
    SectionView, StatusView, SummaryView,
};

impl KickoffDocument {
    /// Builds the document from a brief's parts. Never fails: unknown ids print as they are,
    /// answers of the wrong type print as plain text.
    pub fn from_parts(input: KickoffInput<'_>) -> KickoffDocument {
        let lang = input.lang;
        let labels = Labels::new(lang);
        let checklists: Vec<&Checklist> = input.checklists.iter().map(|p| p.checklist).collect();
        let lookup = Lookup::new(lang, &checklists);
        let sections = sections(lang, &checklists, input.entries);
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
        KickoffDocument {
            format: FORMAT_VERSION,
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

fn sections(
    lang: Lang,
    checklists: &[&Checklist],
    entries: &BTreeMap<String, Entry>,
) -> Vec<SectionView> {
    let visibility = Visibility::new(checklists, entries);
    let mut out = Vec::new();
    for checklist in checklists {
        let addon = checklist.extends.is_some() || !checklist.applies_to.is_empty();
        for section in &checklist.sections {
            if !visibility.section_visible(section) {
                continue;
            }
            let number = (out.len() + 1).to_string();
            let questions: Vec<QuestionView> = section
                .questions
                .iter()
                .filter(|q| visibility.is_visible(&q.id))
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
                title: section.title.get(lang.code()).to_owned(),
                checklist: addon.then(|| checklist.title.get(lang.code()).to_owned()),
                questions,
            });
        }
    }
    out
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
    let code = lang.code();
    match (q.kind, value) {
        (Kind::LongText, AnswerValue::Text(t)) => AnswerView::Text {
            paragraphs: paragraphs(t),
        },
        (Kind::Link, AnswerValue::Text(t)) => AnswerView::Link {
            url: t.trim().to_owned(),
        },
        (Kind::Date, AnswerValue::Text(t)) => AnswerView::Value {
            text: format::date(lang, t),
        },
        (Kind::Number, AnswerValue::Number(n)) => AnswerView::Value {
            text: match &q.unit {
                Some(unit) => format!("{}\u{a0}{}", format::number(lang, *n), unit.get(code)),
                None => format::number(lang, *n),
            },
        },
        (Kind::Money, AnswerValue::Number(n)) => AnswerView::Value {
            text: format::money(lang, *n, q.currency.as_deref()),
        },
        (Kind::Percent, AnswerValue::Number(n)) => AnswerView::Value {
            text: format::percent(lang, *n),
        },
        (Kind::Duration, AnswerValue::Number(n)) => AnswerView::Value {
            text: format::days(lang, *n),
        },
        (Kind::Scale, AnswerValue::Number(n)) => AnswerView::Value {
            text: scale(lang, q, *n),
        },
        (Kind::SingleChoice, AnswerValue::Choice(id)) => AnswerView::Value {
            text: choice_label(lang, &q.choices, id),
        },
        (Kind::MultiChoice, AnswerValue::Choices(ids)) => AnswerView::List {
            items: ids
                .iter()
                .map(|id| choice_label(lang, &q.choices, id))
                .collect(),
        },
        (Kind::Table, AnswerValue::Rows(rows)) => table(lang, &q.columns, rows),
        (Kind::Contact, AnswerValue::Contact(fields)) => AnswerView::Contact {
            fields: contact_fields(lang, fields),
        },
        (_, value) => plain(lang, value),
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
        _ => text.to_owned(),
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
        AnswerView::Link { url } => url,
        AnswerView::List { items } => items.join(", "),
        AnswerView::Contact { fields } => fields
            .into_iter()
            .map(|f| f.value)
            .collect::<Vec<_>>()
            .join(", "),
        AnswerView::Table { rows, .. } => format!("{}", rows.len()),
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
        .map(|g| GapView {
            severity: g.severity,
            severity_text: severity_text(lang, g.severity).to_owned(),
            text: gap_text(lang, labels, lookup, g),
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
                "Открытых пробелов: {} (высокой важности: {h}, средней: {m}, низкой: {l}).",
                gaps.len()
            )
        } else {
            format!(
                "Open gaps: {} (high: {h}, medium: {m}, low: {l}).",
                gaps.len()
            )
        });
    }
    if !s.ready_for_kickoff {
        reasons.extend(
            gaps.iter()
                .filter(|g| g.severity == Severity::High)
                .map(|g| g.text.clone()),
        );
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
            "Все обязательные вопросы отвечены, процессы описаны, флагов нет.".to_owned()
        } else {
            "Every required question is answered, processes are described, no flags.".to_owned()
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
        ready: s.ready_for_kickoff,
        verdict: match (s.ready_for_kickoff, ru) {
            (true, true) => "Готов к запуску",
            (true, false) => "Ready for kickoff",
            (false, true) => "Не готов к запуску",
            (false, false) => "Not ready for kickoff",
        }
        .to_owned(),
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

fn gap_text(lang: Lang, labels: &Labels, lookup: &Lookup<'_>, gap: &Gap) -> String {
    let ru = lang == Lang::Ru;
    match &gap.kind {
        GapKind::MissingRequired { question } => {
            let p = format::quoted(lang, &lookup.prompt(question));
            if ru {
                format!("Нет ответа на обязательный вопрос {p}")
            } else {
                format!("No answer to the required question {p}")
            }
        }
        GapKind::Unknown { question } => {
            let p = format::quoted(lang, &lookup.prompt(question));
            if ru {
                format!("Клиент не знает ответа на вопрос {p}")
            } else {
                format!("The client doesn't know the answer to {p}")
            }
        }
        GapKind::Later { question, due } => {
            let p = format::quoted(lang, &lookup.prompt(question));
            let d = format::day_month(lang, due);
            if ru {
                format!("Клиент пришлёт до {d}: {p}")
            } else {
                format!("The client will send by {d}: {p}")
            }
        }
        GapKind::ProcessNotDescribed { process } => {
            let title = lookup
                .processes
                .get(process.as_str())
                .map(String::as_str)
                .unwrap_or(process);
            let t = format::quoted(lang, title);
            if ru {
                format!("Не описан процесс {t}")
            } else {
                format!("The process {t} is not described")
            }
        }
        GapKind::Rule { rule } => lookup
            .rules
            .get(rule.as_str())
            .cloned()
            .unwrap_or_else(|| rule.clone()),
        GapKind::GoalNotMeasurable => labels.goal_missing.clone(),
        GapKind::Other { text } => text.get(lang.code()).to_owned(),
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
