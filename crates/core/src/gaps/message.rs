//! Human sentences for gaps and verdict reasons, in Russian and English.
//!
//! The report carries message codes and the checklist's own texts; the UI translates the codes itself.
//! These sentences serve the CLI, the PDF and anything else that needs a ready line. Other languages
//! fall back to English.

use crate::gaps::{Gap, GapCode, Reason, ReasonCode, ValueProblem};
use crate::model::GoalPart;

fn russian(lang: &str) -> bool {
    lang == "ru"
}

/// One line that says what the gap is, e.g. `No answer: «Какое значение показателя нужно получить?»`.
pub fn describe(gap: &Gap, lang: &str) -> String {
    let ru = russian(lang);
    let subject = gap.subject.get(lang);
    match gap.code {
        GapCode::MissingAnswer => pick(ru, "Нет ответа", "No answer", subject),
        GapCode::InvalidAnswer => {
            let why = gap.problem.map(|p| problem(p, ru)).unwrap_or_default();
            if ru {
                format!("Ответ не подходит ({why}): «{subject}»")
            } else {
                format!("The answer does not fit ({why}): “{subject}”")
            }
        }
        GapCode::Unknown => pick(ru, "Клиент не знает", "The client does not know", subject),
        GapCode::Overdue => {
            let due = gap.due.as_deref().unwrap_or("?");
            if ru {
                format!("Обещали прислать до {due}, но не прислали: «{subject}»")
            } else {
                format!("Promised by {due} and not sent: “{subject}”")
            }
        }
        GapCode::ToConfirm => pick(
            ru,
            "Ответ из прошлого брифа не подтверждён",
            "Answer from the previous brief not confirmed",
            subject,
        ),
        GapCode::VagueAnswer => {
            let terms = gap.terms.join(", ");
            match (ru, terms.is_empty()) {
                (true, false) => format!("Ответ без конкретики ({terms}): «{subject}»"),
                (true, true) => format!("Ответ без конкретики: «{subject}»"),
                (false, false) => format!("Vague answer ({terms}): “{subject}”"),
                (false, true) => format!("Vague answer: “{subject}”"),
            }
        }
        GapCode::GoalIncomplete => {
            let parts: Vec<&str> = gap.goal_parts.iter().map(|p| part(*p, ru)).collect();
            if ru {
                format!("У цели нет: {}", parts.join(", "))
            } else {
                format!("The goal lacks: {}", parts.join(", "))
            }
        }
        GapCode::ProcessNotDescribed => {
            pick(ru, "Процесс не описан", "Process not described", subject)
        }
        GapCode::RuleFlag => subject.trim().to_owned(),
    }
}

fn pick(ru: bool, ru_text: &str, en_text: &str, subject: &str) -> String {
    if ru {
        format!("{ru_text}: «{subject}»")
    } else {
        format!("{en_text}: “{subject}”")
    }
}

fn part(p: GoalPart, ru: bool) -> &'static str {
    match (p, ru) {
        (GoalPart::Metric, true) => "метрики",
        (GoalPart::Target, true) => "целевого значения",
        (GoalPart::Deadline, true) => "срока в будущем",
        (GoalPart::Rationale, true) => "обоснования",
        (GoalPart::Metric, false) => "a metric",
        (GoalPart::Target, false) => "a target value",
        (GoalPart::Deadline, false) => "a future deadline",
        (GoalPart::Rationale, false) => "a rationale",
    }
}

fn problem(p: ValueProblem, ru: bool) -> &'static str {
    use ValueProblem as P;
    match (p, ru) {
        (P::WrongType, true) => "не тот тип значения",
        (P::TooLong, true) => "слишком длинный",
        (P::BelowMin, true) => "меньше допустимого",
        (P::AboveMax, true) => "больше допустимого",
        (P::NotWhole, true) => "нужно целое число",
        (P::NotANumber, true) => "не число",
        (P::UnknownChoice, true) => "неизвестный вариант",
        (P::TooFew, true) => "слишком мало",
        (P::TooMany, true) => "слишком много",
        (P::BadDate, true) => "нужна дата ГГГГ-ММ-ДД",
        (P::BadLink, true) => "нужна ссылка",
        (P::UnknownColumn, true) => "неизвестный столбец",
        (P::NoName, true) => "нет имени",
        (P::LinkScheme, true) => "ссылка должна начинаться с http://, https:// или mailto:",
        (P::BadCell, true) => "ячейка таблицы не подходит к своему столбцу",
        (P::DuplicateChoice, true) => "один вариант выбран дважды",
        (P::WrongType, false) => "wrong type of value",
        (P::TooLong, false) => "too long",
        (P::BelowMin, false) => "below the minimum",
        (P::AboveMax, false) => "above the maximum",
        (P::NotWhole, false) => "a whole number is needed",
        (P::NotANumber, false) => "not a number",
        (P::UnknownChoice, false) => "unknown choice",
        (P::TooFew, false) => "too few",
        (P::TooMany, false) => "too many",
        (P::BadDate, false) => "a YYYY-MM-DD date is needed",
        (P::BadLink, false) => "a web address is needed",
        (P::UnknownColumn, false) => "unknown column",
        (P::NoName, false) => "no name",
        (P::LinkScheme, false) => "a link must start with http://, https:// or mailto:",
        (P::BadCell, false) => "a table cell does not fit its column",
        (P::DuplicateChoice, false) => "the same choice picked twice",
    }
}

/// One line for a verdict reason, e.g. `3 required questions without a usable answer`.
pub fn reason(reason: &Reason, lang: &str) -> String {
    let n = reason.keys.len();
    let ru = russian(lang);
    match (reason.code, ru) {
        (ReasonCode::RequiredAnswers, true) => format!("обязательных вопросов без ответа: {n}"),
        (ReasonCode::PendingRequired, true) => {
            format!("обязательных ответов, которые пришлют позже: {n}")
        }
        (ReasonCode::GoalIncomplete, true) => "цель не измерима или не обоснована".to_owned(),
        (ReasonCode::ProcessesNotDescribed, true) => format!("не описано процессов: {n}"),
        (ReasonCode::Flags, true) => {
            format!("сигналов риска средней или высокой важности: {n}")
        }
        (ReasonCode::Unconfirmed, true) => format!("неподтверждённых ответов: {n}"),
        (ReasonCode::Other, true) => format!("других пунктов высокой важности: {n}"),
        (ReasonCode::RequiredAnswers, false) => {
            format!("{n} required question(s) without a usable answer")
        }
        (ReasonCode::PendingRequired, false) => {
            format!("{n} required answer(s) the client will send later")
        }
        (ReasonCode::GoalIncomplete, false) => {
            "the goal is not measurable or not argued".to_owned()
        }
        (ReasonCode::ProcessesNotDescribed, false) => format!("{n} process(es) not described"),
        (ReasonCode::Flags, false) => {
            format!("{n} risk signal(s) of medium or high severity")
        }
        (ReasonCode::Unconfirmed, false) => format!("{n} prefilled answer(s) not confirmed"),
        (ReasonCode::Other, false) => format!("{n} other open point(s) of high severity"),
    }
}
