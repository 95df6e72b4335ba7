//! `deepbrief gaps`: a brief's gap analysis — exit 0 when ready for kickoff, 3 when gaps remain.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use deepbrief_core::Lang;
use deepbrief_core::gaps::GapReport;
use deepbrief_store::{OpenedBrief, Store};

use super::context::day;
use super::{Context, output};

/// Exit code when gaps remain.
const GAPS_REMAIN: u8 = 3;

/// `deepbrief gaps`.
#[derive(Debug, Args)]
pub struct GapsArgs {
    /// The brief's id.
    brief: String,
    /// Analyse as of this date (YYYY-MM-DD) instead of today.
    #[arg(long)]
    today: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

impl GapsArgs {
    /// Prints the report (plain or JSON) and returns the exit code.
    pub fn run(self, ctx: &Context) -> Result<ExitCode> {
        let store = ctx.open()?;
        let (_, report) = analyzed(&store, &self.brief, self.today.as_deref())?;
        if self.json {
            output::json(&report)?;
        } else {
            print_report(&report, ctx.text_lang());
        }
        Ok(if report.verdict.ready {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(GAPS_REMAIN)
        })
    }
}

/// The brief and its report for the day `--today` names, else today.
pub fn analyzed(
    store: &Store,
    brief: &str,
    today_text: Option<&str>,
) -> Result<(OpenedBrief, GapReport)> {
    Ok(deepbrief_app::analyzed(store, brief, day(today_text)?)?)
}

fn print_report(report: &GapReport, lang: &str) {
    let en = lang == "en";
    // The words of gap kinds, severities and process states: the core's, as the app shows them.
    let words = if en { Lang::En } else { Lang::Ru };
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
            let status = p.status.label(words);
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
            g.severity.label(words),
            g.code.label(words),
            g.subject.get(lang),
            g.key
        );
        for a in &g.agenda {
            println!("      - {}", a.get(lang));
        }
    }
}
