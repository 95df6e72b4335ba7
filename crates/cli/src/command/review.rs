//! `deepbrief review …` (the lead's workflow: comments, submit, return, reopen, approve) and
//! `deepbrief board` (every brief at a glance).

mod board;

use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Subcommand;
use deepbrief_store::{CommentTarget, ReviewRequest, Store};

use super::context::day;
use super::{Context, output};

pub use board::BoardArgs;

/// `deepbrief review …`.
#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Show the status, revision, comments, approved revisions and the ready-for-kickoff verdict.
    Status {
        /// The brief's id.
        brief: String,
        /// As of this date (YYYY-MM-DD) instead of today.
        #[arg(long)]
        today: Option<String>,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Comment on a question (--question), a section (--section CHECKLIST/SECTION) or the brief.
    Comment {
        /// The brief's id.
        brief: String,
        /// The comment.
        text: String,
        /// The question it is about.
        #[arg(long)]
        question: Option<String>,
        /// The section it is about, as CHECKLIST/SECTION.
        #[arg(long)]
        section: Option<String>,
        /// Who comments.
        #[arg(long)]
        who: Option<String>,
    },
    /// Resolve a comment, with an optional reply.
    Resolve {
        /// The brief's id.
        brief: String,
        /// The comment's id.
        comment: String,
        /// The reply.
        #[arg(long, default_value = "")]
        note: String,
        /// Who resolves.
        #[arg(long)]
        who: Option<String>,
    },
    /// Hand the brief to the lead (from draft or returned).
    Submit {
        /// The brief's id.
        brief: String,
        /// Who submits.
        #[arg(long)]
        who: Option<String>,
    },
    /// Send the brief back to the AM (needs an open comment).
    Return {
        /// The brief's id.
        brief: String,
        /// Who returns it.
        #[arg(long)]
        who: Option<String>,
    },
    /// «Изменить — новая редакция»: open an approved brief for changes as a draft of its next
    /// revision (the approved one stays frozen), or take a brief in review back to draft.
    /// Answers to an approved brief are refused until then.
    Reopen {
        /// The brief's id.
        brief: String,
        /// Who reopens.
        #[arg(long)]
        who: Option<String>,
    },
    /// Approve for kickoff: freezes the revision. Refused while not ready, unless --override NOTE.
    Approve {
        /// The brief's id.
        brief: String,
        /// Approve although not ready, for this recorded reason.
        #[arg(long = "override", value_name = "NOTE")]
        override_note: Option<String>,
        /// Who approves.
        #[arg(long)]
        who: Option<String>,
        /// Judge readiness as of this date (YYYY-MM-DD) instead of today.
        #[arg(long)]
        today: Option<String>,
    },
}

impl ReviewCommand {
    /// Runs `review …`: each step is signed by its `--who`, else the global signer.
    pub fn run(self, ctx: &Context) -> Result<ExitCode> {
        let mut store = ctx.open()?;
        let (brief, request, who, today) = match self {
            ReviewCommand::Status { brief, today, json } => {
                return status(&store, &brief, today.as_deref(), json);
            }
            ReviewCommand::Comment {
                brief,
                text,
                question,
                section,
                who,
            } => {
                let target = target(question, section.as_deref())?;
                let comment = store.add_comment(&brief, target, &text, &ctx.signer(who))?;
                println!("{}", comment.id);
                return Ok(ExitCode::SUCCESS);
            }
            ReviewCommand::Resolve {
                brief,
                comment,
                note,
                who,
            } => {
                store.resolve_comment(&brief, &comment, &note, &ctx.signer(who))?;
                return Ok(ExitCode::SUCCESS);
            }
            // The rest are steps of the workflow, taken and printed alike.
            ReviewCommand::Submit { brief, who } => (brief, ReviewRequest::Submit, who, None),
            ReviewCommand::Return { brief, who } => (brief, ReviewRequest::Return, who, None),
            ReviewCommand::Reopen { brief, who } => (brief, ReviewRequest::Reopen, who, None),
            ReviewCommand::Approve {
                brief,
                override_note,
                who,
                today,
            } => (brief, ReviewRequest::Approve { override_note }, who, today),
        };
        step(
            &mut store,
            &brief,
            &request,
            &ctx.signer(who),
            today.as_deref(),
        )
    }
}

/// Where a comment goes: `--question ID` or `--section CHECKLIST/SECTION`, else the whole brief.
fn target(question: Option<String>, section: Option<&str>) -> Result<CommentTarget> {
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
fn status(store: &Store, brief: &str, today_text: Option<&str>, json: bool) -> Result<ExitCode> {
    let meta = store.brief_meta(brief)?;
    let comments = store.comments(brief)?;
    let revisions = store.revisions(brief)?;
    let report = store.gap_report(brief, day(today_text)?)?;
    if json {
        output::json(&serde_json::json!({
            "brief": meta,
            "comments": comments,
            "revisions": revisions,
            "verdict": report.verdict,
        }))?;
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
fn step(
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
