//! `deepbrief checklist lint|list|show|schema`: what a checklist author needs — the files checked
//! the way the app loads them, the loaded checklists, one checklist as a tree, the JSON Schema.

mod lint;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::Subcommand;
use deepbrief_core::{Checklist, Kind, Library, Question};

use super::{Context, output};

/// `deepbrief checklist …`.
#[derive(Debug, Subcommand)]
pub enum ChecklistCommand {
    /// Check checklist files and folders; exits 1 on any error.
    ///
    /// Without paths, checks what the app loads: the bundled checklists and the agency folder.
    Lint {
        /// Files or folders to check.
        paths: Vec<PathBuf>,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the loaded checklists (and the files that failed).
    List {
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show a checklist as a tree: sections, questions with kinds and conditions, processes, rules.
    Show {
        /// `ID` for the latest version, or `ID@VERSION`.
        checklist: String,
    },
    /// Print the JSON Schema of checklist files.
    Schema,
    /// Publish a checklist version to the team server (leads and admins): every desktop of the
    /// team receives it at its next sync. A published version never changes.
    Publish {
        /// `ID@VERSION` (or `ID` for the latest version loaded here).
        checklist: String,
    },
}

impl ChecklistCommand {
    /// Runs `checklist …`.
    pub fn run(self, ctx: &Context) -> Result<ExitCode> {
        match self {
            ChecklistCommand::Lint { paths, json } => lint::run(&ctx.sources(), &paths, json),
            ChecklistCommand::List { json } => list(&ctx.library(), ctx.text_lang(), json),
            ChecklistCommand::Show { checklist } => {
                show(&ctx.library(), &checklist, ctx.text_lang())
            }
            ChecklistCommand::Publish { checklist } => super::team::publish(ctx, &checklist),
            ChecklistCommand::Schema => {
                print!("{}", deepbrief_core::schema::checklist_schema_json());
                Ok(ExitCode::SUCCESS)
            }
        }
    }
}

/// Lists loaded checklists, then the files that failed.
fn list(library: &Library, lang: &str, json: bool) -> Result<ExitCode> {
    let report = library.report();
    if json {
        output::json(&report)?;
    } else {
        for c in &report.checklists {
            let scope = if c.applies_to.is_empty() {
                "core".to_owned()
            } else {
                format!("for {}", c.applies_to.join(", "))
            };
            println!(
                "{:<14} v{:<3} {:<48} {:<16} {:>3} questions  {:?}",
                c.id,
                c.version,
                c.title.get(lang),
                scope,
                c.questions,
                c.origin
            );
        }
        for p in &report.problems {
            println!(
                "FAILED {} ({} error(s); run `deepbrief checklist lint`)",
                p.path,
                p.diagnostics.len()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints one checklist as a tree.
fn show(library: &Library, spec: &str, lang: &str) -> Result<ExitCode> {
    let (id, version) = match spec.split_once('@') {
        Some((id, v)) => (
            id,
            Some(
                v.trim_start_matches('v')
                    .parse::<u32>()
                    .with_context(|| format!("`{v}` is not a version number; write `{id}@1`"))?,
            ),
        ),
        None => (spec, None),
    };
    let Some(loaded) = library.get(id, version) else {
        bail!("{}", not_found(library, id, version));
    };
    print!("{}", render(&loaded.checklist, lang));
    Ok(ExitCode::SUCCESS)
}

fn not_found(library: &Library, id: &str, version: Option<u32>) -> String {
    let known: Vec<String> = library
        .checklists
        .iter()
        .map(|c| format!("{}@{}", c.checklist.id, c.checklist.version))
        .collect();
    let what = match version {
        Some(v) => format!("{id}@{v}"),
        None => id.to_owned(),
    };
    format!("no loaded checklist `{what}`; loaded: {}", known.join(", "))
}

/// The tree text of a checklist.
fn render(c: &Checklist, lang: &str) -> String {
    let mut out = format!("{} v{} — {}\n", c.id, c.version, c.title.get(lang));
    out += &format!("  languages: {}\n", c.languages.join(", "));
    if !c.applies_to.is_empty() {
        out += &format!("  applies to: {}\n", c.applies_to.join(", "));
    }
    if let Some(base) = &c.extends {
        out += &format!("  extends: {base}\n");
    }
    for s in &c.sections {
        out += &format!("\n  § {} — {}\n", s.id, s.title.get(lang));
        if let Some(when) = &s.when {
            out += &format!("    when: {when}\n");
        }
        for q in &s.questions {
            out += &question_line(q, lang);
        }
    }
    if !c.processes.is_empty() {
        out += "\n  processes\n";
        for p in &c.processes {
            out += &format!("    ⚙ {} — {}\n", p.id, p.title.get(lang));
            out += &format!("      evidence: {}\n", p.evidence.join(", "));
            out += &format!("      agenda: {} item(s)\n", p.agenda.len());
        }
    }
    if !c.rules.is_empty() {
        out += "\n  rules\n";
        for r in &c.rules {
            out += &format!(
                "    ⚑ {} [{:?}] — {}\n",
                r.id,
                r.severity,
                r.message.get(lang)
            );
            out += &format!("      when: {}\n", r.when);
        }
    }
    out
}

fn question_line(q: &Question, lang: &str) -> String {
    let mut details = vec![q.kind.name().to_owned()];
    if q.required {
        details.push("required".to_owned());
    }
    if let Some(c) = &q.currency {
        details.push(c.clone());
    }
    if let Some(u) = &q.unit {
        details.push(u.get(lang).to_owned());
    }
    if q.kind.has_choices() {
        let ids: Vec<&str> = q.choices.iter().map(|c| c.id.as_str()).collect();
        details.push(format!("[{}]", ids.join(" | ")));
    }
    if q.kind == Kind::Table {
        let ids: Vec<String> = q
            .columns
            .iter()
            .map(|c| format!("{}:{}", c.id, c.kind.name()))
            .collect();
        details.push(format!("columns {}", ids.join(", ")));
    }
    let mut line = format!(
        "    • {} ({}) — {}\n",
        q.id,
        details.join(", "),
        q.prompt.get(lang)
    );
    if let Some(when) = &q.when {
        line += &format!("      when: {when}\n");
    }
    line
}
