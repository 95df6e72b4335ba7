//! `deepbrief review …` (the lead's workflow) and `deepbrief board`.

use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use deepbrief_store::{BriefFilter, CommentTarget, ReviewRequest, Store};

/// A date from `--today`, or today.
pub fn day(text: Option<&str>) -> Result<deepbrief_core::gaps::IsoDate> {
    match text {
        Some(t) => deepbrief_app::clock::parse_day(t).with_context(|| format!("--today {t}")),
        None => Ok(deepbrief_app::clock::today()),
    }
}

/// Where a comment goes: `--question ID` or `--section CHECKLIST/SECTION`, else the whole brief.
pub fn target(question: Option<String>, section: Option<&str>) -> Result<CommentTarget> {
    let (checklist, section) = match section {
        None => (None, None),
        Some(text) => match text.split_once('/') {
            Some((c, s)) if !c.is_empty() && !s.is_empty() => {
                (Some(c.to_owned()), Some(s.to_owned()))
            }
            _ => bail!("--section {text}: write it as CHECKLIST/SECTION, e.g. core/sales"),
        },
    };
    Ok(CommentTarget {
        checklist,
        section,
        question,
    })
}

/// Prints the brief's review state: status, revision, comments, approved revisions, the verdict.
pub fn status(
    store: &Store,
    brief: &str,
    today_text: Option<&str>,
    json: bool,
) -> Result<ExitCode> {
    let meta = store.brief_meta(brief)?;
    let comments = store.comments(brief)?;
    let revisions = store.revisions(brief)?;
    let report = store.gap_report(brief, day(today_text)?)?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "brief": meta,
                "comments": comments,
                "revisions": revisions,
                "verdict": report.verdict,
            }))?
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!("{} — {} ({})", meta.client, meta.project, meta.id);
    println!(
        "status: {}; revision {}; {}",
        meta.status.as_str(),
        meta.revision,
        if report.verdict.ready {
            "ready for kickoff".to_owned()
        } else {
            let reasons: Vec<&str> = report
                .verdict
                .reasons
                .iter()
                .map(|r| deepbrief_core::gaps::reason_name(r.code))
                .collect();
            format!("not ready: {}", reasons.join(", "))
        }
    );
    for c in &comments {
        let on = match (&c.target.question, &c.target.section) {
            (Some(q), _) => format!("question {q}"),
            (None, Some(s)) => format!(
                "section {}/{s}",
                c.target.checklist.as_deref().unwrap_or("")
            ),
            (None, None) => "the brief".to_owned(),
        };
        let state = match &c.resolved {
            Some(r) if r.note.is_empty() => format!("resolved by {}", r.by),
            Some(r) => format!("resolved by {}: {}", r.by, r.note),
            None => "open".to_owned(),
        };
        println!(
            "comment {} on {on} by {} ({}): {} [{state}]",
            c.id,
            c.author,
            &c.at[..c.at.len().min(10)],
            c.text
        );
    }
    for r in &revisions {
        println!(
            "approved revision {} by {} on {}{}",
            r.number,
            r.approved_by,
            &r.approved_at[..r.approved_at.len().min(10)],
            r.override_note
                .as_deref()
                .map(|n| format!(" (override: {n})"))
                .unwrap_or_default()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Takes a review step and prints the new status.
pub fn step(
    store: &mut Store,
    brief: &str,
    request: &ReviewRequest,
    who: &str,
    today_text: Option<&str>,
) -> Result<ExitCode> {
    let meta = store.review(brief, request, who, day(today_text)?)?;
    println!(
        "{}: {} (revision {})",
        meta.id,
        meta.status.as_str(),
        meta.revision
    );
    Ok(ExitCode::SUCCESS)
}

/// Prints the board: one line per brief, or everything (with the heatmap) as JSON.
pub fn board(
    store: &Store,
    filter: &BriefFilter,
    today_text: Option<&str>,
    json: bool,
) -> Result<ExitCode> {
    let board = store.board(filter, day(today_text)?)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&board)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<36}  {:<20} {:<20} {:<16} {:<10} {:>4} {:>4} {:>4} {:>4} {:>4} {:>5}",
        "brief", "client", "project", "AM", "status", "%", "high", "gaps", "proc", "cmts", "days"
    );
    for r in &board.rows {
        let m = &r.item.meta;
        println!(
            "{:<36}  {:<20} {:<20} {:<16} {:<10} {:>4} {:>4} {:>4} {:>4} {:>4} {:>5}{}",
            m.id,
            clip(&m.client, 20),
            clip(&m.project, 20),
            clip(&m.account_manager, 16),
            m.status.as_str(),
            r.summary.completeness.percent,
            r.summary.high,
            r.summary.gaps,
            r.summary.processes_not_described,
            r.open_comments,
            r.days_since_change,
            if r.followups_overdue > 0 {
                format!("  {} follow-up(s) overdue", r.followups_overdue)
            } else {
                String::new()
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let mut out: String = text.chars().take(width - 1).collect();
        out.push('…');
        out
    }
}
