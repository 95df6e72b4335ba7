//! `deepbrief board`: the lead's view of every brief — completeness, open points, comments and
//! follow-up meetings — one line each, or with the heatmap as JSON.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use deepbrief_store::{BriefFilter, BriefStatus};

use crate::command::context::day;
use crate::command::{Context, output};

/// `deepbrief board`.
#[derive(Debug, Args)]
pub struct BoardArgs {
    /// Only this client.
    #[arg(long)]
    client: Option<String>,
    /// Only this account manager.
    #[arg(long)]
    am: Option<String>,
    /// Only this status (draft, in_review, returned, approved).
    #[arg(long)]
    status: Option<String>,
    /// Archived briefs instead of active ones.
    #[arg(long)]
    archived: bool,
    /// As of this date (YYYY-MM-DD) instead of today.
    #[arg(long)]
    today: Option<String>,
    /// Print rows and the heatmap as JSON.
    #[arg(long)]
    json: bool,
}

impl BoardArgs {
    /// Prints the board: one line per brief, or everything (with the heatmap) as JSON.
    pub fn run(self, ctx: &Context) -> Result<ExitCode> {
        let store = ctx.open()?;
        let status = match self.status.as_deref() {
            None => None,
            Some(text) => Some(BriefStatus::parse(text).ok_or_else(|| {
                anyhow::anyhow!("--status {text}: use draft, in_review, returned or approved")
            })?),
        };
        let filter = BriefFilter {
            client: self.client,
            account_manager: self.am,
            status,
            archived: self.archived,
        };
        let board = store.board(&filter, day(self.today.as_deref())?)?;
        if self.json {
            output::json(&board)?;
            return Ok(ExitCode::SUCCESS);
        }
        println!(
            "{:<36}  {:<20} {:<20} {:<16} {:<10} {:>4} {:>4} {:>4} {:>4} {:>4} {:>5}",
            "brief",
            "client",
            "project",
            "AM",
            "status",
            "%",
            "high",
            "gaps",
            "proc",
            "cmts",
            "days"
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
