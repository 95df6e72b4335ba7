//! The brief commands that only read: `brief list`, `brief show`, `brief history` and
//! `brief similar` print what is stored and never write.

use std::process::ExitCode;

use anyhow::Result;
use deepbrief_app::clock::today;
use deepbrief_store::{BriefFilter, Store};

use crate::command::output;

/// Lists briefs with completeness and open gaps.
pub fn list(store: &Store, filter: &BriefFilter, json: bool) -> Result<ExitCode> {
    let rows = store.rows(filter, today())?;
    if json {
        output::json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    for r in &rows {
        let m = &r.item.meta;
        println!(
            "{}  {:<24} {:<24} {:<20} {:>3}%  {} gaps{}",
            m.id,
            m.client,
            m.project,
            m.account_manager,
            r.board.completeness.percent,
            r.board.gaps,
            if r.board.ready { "  ready" } else { "" }
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Shows a brief: header, then every answered question.
pub fn show(store: &Store, id: &str, lang: &str, json: bool) -> Result<ExitCode> {
    let opened = store.opened(id)?;
    if json {
        output::json(&opened.data)?;
        return Ok(ExitCode::SUCCESS);
    }
    let m = &opened.data.meta;
    println!("{} — {} ({})", m.client, m.project, m.id);
    println!(
        "AM: {}; status: {}; language: {}",
        m.account_manager,
        m.status.as_str(),
        m.language
    );
    for p in &opened.data.pins {
        println!("checklist {}@{} {}", p.checklist, p.version, p.hash);
    }
    for c in &opened.checklists {
        for (section, q) in c.questions() {
            if let Some(entry) = opened.data.entries.get(&q.id) {
                println!(
                    "[{}] {} ({}): {}",
                    section.id,
                    q.prompt.get(lang),
                    q.id,
                    serde_json::to_string(&entry.answer)?
                );
            }
        }
    }
    for a in &opened.data.adhoc {
        if let Some(entry) = opened.data.entries.get(&a.id) {
            println!(
                "[adhoc] {} ({}): {}",
                a.prompt,
                a.id,
                serde_json::to_string(&entry.answer)?
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints a brief's (or a question's) history, one change per edit of an answer.
pub fn history(store: &Store, brief: &str, question: Option<&str>, json: bool) -> Result<ExitCode> {
    let events = store.edits(brief, question)?;
    if json {
        output::json(&events)?;
        return Ok(ExitCode::SUCCESS);
    }
    for e in events {
        let show =
            |v: &Option<serde_json::Value>| v.as_ref().map_or("—".to_owned(), ToString::to_string);
        println!(
            "{}  {:<10} {:<16} {:<24} {} → {}",
            e.at,
            e.who,
            e.kind,
            e.subject.unwrap_or_default(),
            show(&e.old),
            show(&e.new)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the briefs like this one: the same industry or a shared service.
pub fn similar(store: &Store, brief: &str, limit: usize, json: bool) -> Result<ExitCode> {
    let similar = store.similar_briefs(brief, limit)?;
    if json {
        output::json(&similar)?;
        return Ok(ExitCode::SUCCESS);
    }
    for s in &similar {
        let m = &s.meta;
        println!(
            "{}  {} — {} ({}; {}; {})",
            m.id,
            m.client,
            m.project,
            if m.industry.is_empty() {
                "—"
            } else {
                &m.industry
            },
            m.services.join(", "),
            m.status.as_str()
        );
    }
    Ok(ExitCode::SUCCESS)
}
