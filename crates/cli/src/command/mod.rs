//! The command line: the global flags, the top-level commands and where each one runs. Each
//! command's module holds its arguments (their doc comments are the `--help` text) and its `run`.

mod brief;
mod bundle;
mod checklist;
mod context;
mod db;
mod export;
mod followup;
mod gaps;
mod output;
mod review;
mod search;
mod team;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

pub use context::Context;

/// Deepbrief: client briefings for digital agencies.
#[derive(Debug, Parser)]
#[command(name = "deepbrief", version, about, long_about = None)]
pub struct Cli {
    /// The agency's checklist folder (default: the `checklists_dir` setting, else
    /// `<data dir>/checklists`).
    #[arg(long, global = true, value_name = "DIR")]
    checklists: Option<PathBuf>,
    /// Language of the output: checklist texts (default: Russian) and exports (default: the
    /// brief's own language).
    #[arg(long, global = true, value_parser = ["ru", "en"])]
    lang: Option<String>,
    /// The database file (default: `DEEPBRIEF_DB`, else `deepbrief.db` in the app's data directory).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Who signs answers, comments and review steps (default: `DEEPBRIEF_AS`, else the name in
    /// `settings.json` that the app asked for on first launch, else the system user).
    #[arg(long = "as", global = true, value_name = "NAME")]
    as_name: Option<String>,
    #[command(subcommand)]
    command: Command,
}

impl Cli {
    /// The command to run and the context it runs in.
    pub fn into_parts(self) -> (Command, Context) {
        let context = Context {
            db: self.db,
            checklists: self.checklists,
            lang: self.lang,
            signer: self.as_name,
        };
        (self.command, context)
    }
}

/// The top-level commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Work with checklists: lint, list, show, schema.
    #[command(subcommand)]
    Checklist(checklist::ChecklistCommand),
    /// Work with briefs: new, list, show, answer, history, upgrade, prefill, archive.
    #[command(subcommand)]
    Brief(brief::BriefCommand),
    /// What a brief still lacks (open points); exits 0 when ready for kickoff, 3 while points remain.
    Gaps(gaps::GapsArgs),
    /// Follow-up meetings: plan, list, ics, letter.
    #[command(subcommand)]
    Followup(followup::FollowupCommand),
    /// Export a brief: kickoff PDF, Markdown or JSON.
    Export(export::ExportArgs),
    /// Hand a brief to another machine: export or import a bundle file.
    #[command(subcommand)]
    Bundle(bundle::BundleCommand),
    /// Search every brief (answers, client, project, notes, ad-hoc questions).
    Search(search::SearchArgs),
    /// The database: check, backup, restore.
    #[command(subcommand)]
    Db(db::DbCommand),
    /// The review workflow: status, comment, resolve, submit, return, approve.
    #[command(subcommand)]
    Review(review::ReviewCommand),
    /// The lead's board: every brief with completeness, open points, comments and follow-up meetings.
    Board(review::BoardArgs),
    /// The team server: login, logout, status.
    #[command(subcommand)]
    Team(team::TeamCommand),
    /// Push what changed here to the team server and pull what the team changed.
    Sync(team::SyncArgs),
}

impl Command {
    /// Runs the command; the exit code is the command's verdict, an error exits 2.
    pub fn run(self, ctx: &Context) -> Result<ExitCode> {
        match self {
            Command::Checklist(command) => command.run(ctx),
            Command::Brief(command) => command.run(ctx),
            Command::Gaps(args) => args.run(ctx),
            Command::Followup(command) => command.run(ctx),
            Command::Export(args) => args.run(ctx),
            Command::Bundle(command) => command.run(ctx),
            Command::Search(args) => args.run(ctx),
            Command::Db(command) => command.run(ctx),
            Command::Review(command) => command.run(ctx),
            Command::Board(args) => args.run(ctx),
            Command::Team(command) => command.run(ctx),
            Command::Sync(args) => args.run(ctx),
        }
    }
}
