//! `deepbrief checklist list` and `deepbrief checklist show`.

use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use deepbrief_core::{Checklist, Kind, Library, Question, Sources};
use deepbrief_folders::load_library;

/// Lists loaded checklists, then the files that failed.
pub fn list(sources: &Sources, lang: &str, json: bool) -> Result<ExitCode> {
    let library = load_library(sources);
    let report = library.report();
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
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
pub fn show(sources: &Sources, spec: &str, lang: &str) -> Result<ExitCode> {
    let library = load_library(sources);
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
        bail!("{}", not_found(&library, id, version));
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
pub fn render(c: &Checklist, lang: &str) -> String {
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
