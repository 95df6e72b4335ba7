//! `deepbrief gaps`: a brief's gap analysis — exit 0 when ready for kickoff, 3 when gaps remain.

use std::process::ExitCode;

use anyhow::Result;
use deepbrief_core::Severity;
use deepbrief_core::gaps::{GapCode, GapReport, ProcessStatus};
use deepbrief_store::{OpenedBrief, Store};

/// Exit code when gaps remain.
pub const GAPS_REMAIN: u8 = 3;

/// The brief and its report for the day `--today` names, else today.
pub fn analyzed(
    store: &Store,
    brief: &str,
    today_text: Option<&str>,
) -> Result<(OpenedBrief, GapReport)> {
    Ok(deepbrief_app::analyzed(
        store,
        brief,
        crate::review::day(today_text)?,
    )?)
}

/// Prints the report (plain or JSON) and returns the exit code.
pub fn run(
    store: &Store,
    brief: &str,
    today: Option<&str>,
    lang: &str,
    json: bool,
) -> Result<ExitCode> {
    let (_, report) = analyzed(store, brief, today)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_report(&report, lang);
    }
    Ok(if report.verdict.ready {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(GAPS_REMAIN)
    })
}

fn severity(s: Severity, lang: &str) -> &'static str {
    match (s, lang == "en") {
        (Severity::High, false) => "высокая",
        (Severity::Medium, false) => "средняя",
        (Severity::Low, false) => "низкая",
        (Severity::High, true) => "high",
        (Severity::Medium, true) => "medium",
        (Severity::Low, true) => "low",
    }
}

/// What kind of point it is, in the glossary's words ("клиент не знает" is a kind of its own).
fn kind(code: GapCode, lang: &str) -> &'static str {
    match (code, lang == "en") {
        (GapCode::MissingAnswer, false) => "нет ответа",
        (GapCode::InvalidAnswer, false) => "ответ не подходит",
        (GapCode::Unknown, false) => "клиент не знает",
        (GapCode::Overdue, false) => "пришлёт позже — срок прошёл",
        (GapCode::ToConfirm, false) => "перенесено — подтвердить",
        (GapCode::VagueAnswer, false) => "ответ без конкретики",
        (GapCode::GoalIncomplete, false) => "цель не измерима",
        (GapCode::ProcessNotDescribed, false) => "процесс не описан",
        (GapCode::RuleFlag, false) => "сигнал риска",
        (GapCode::MissingAnswer, true) => "no answer",
        (GapCode::InvalidAnswer, true) => "answer doesn't fit",
        (GapCode::Unknown, true) => "client doesn't know",
        (GapCode::Overdue, true) => "will send later — overdue",
        (GapCode::ToConfirm, true) => "carried over — confirm",
        (GapCode::VagueAnswer, true) => "vague answer",
        (GapCode::GoalIncomplete, true) => "goal not measurable",
        (GapCode::ProcessNotDescribed, true) => "process not described",
        (GapCode::RuleFlag, true) => "risk signal",
    }
}

fn print_report(report: &GapReport, lang: &str) {
    let en = lang == "en";
    let c = report.completeness;
    println!(
        "{} {}% ({}/{})",
        if en {
            "Completeness:"
        } else {
            "Заполненность:"
        },
        c.percent,
        c.done,
        c.total
    );
    println!(
        "{} {}",
        if en {
            "Ready for kickoff:"
        } else {
            "Готов к запуску:"
        },
        match (report.verdict.ready, en) {
            (true, true) => "yes",
            (false, true) => "no",
            (true, false) => "да",
            (false, false) => "нет",
        }
    );
    for s in &report.sections {
        println!(
            "  {:<40} {:>3}% ({}/{})",
            s.title.get(lang),
            s.completeness.percent,
            s.completeness.done,
            s.completeness.total
        );
    }
    if !report.processes.is_empty() {
        println!(
            "{}",
            if en {
                "Processes:"
            } else {
                "Процессы:"
            }
        );
        for p in &report.processes {
            let status = match (p.status, en) {
                (ProcessStatus::Documented, true) => "documented",
                (ProcessStatus::Described, true) => "described in the interview",
                (ProcessStatus::DescribedByNote, true) => "described at a meeting (note)",
                (ProcessStatus::NotDescribed, true) => "process not described",
                (ProcessStatus::NotAsked, true) => "not asked",
                (ProcessStatus::Documented, false) => "есть документ",
                (ProcessStatus::Described, false) => "описали на интервью",
                (ProcessStatus::DescribedByNote, false) => "описали на встрече (заметка)",
                (ProcessStatus::NotDescribed, false) => "процесс не описан",
                (ProcessStatus::NotAsked, false) => "не спрашивали",
            };
            println!("  {:<40} {status}", p.title.get(lang));
            if let Some(note) = &p.note {
                println!("    {}", note.trim());
            }
        }
    }
    if report.gaps.is_empty() {
        println!(
            "{}",
            if en {
                "Nothing to clarify."
            } else {
                "Уточнять нечего."
            }
        );
        return;
    }
    println!(
        "{} {}",
        if en {
            "Open points:"
        } else {
            "Что уточнить:"
        },
        report.gaps.len()
    );
    for g in &report.gaps {
        println!(
            "  [{}] {} — {} ({})",
            severity(g.severity, lang),
            kind(g.code, lang),
            g.subject.get(lang),
            g.key
        );
        for a in &g.agenda {
            println!("      - {}", a.get(lang));
        }
    }
}
