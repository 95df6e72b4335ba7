//! `deepbrief`: what the app does to data, headless — for scripts, CI and checklist authors.

mod lint;
mod paths;
mod show;
#[allow(dead_code, reason = "the store commands that use it land next")]
mod store_path;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Deepbrief: client briefings for digital agencies.
#[derive(Debug, Parser)]
#[command(name = "deepbrief", version, about, long_about = None)]
struct Cli {
    /// The agency's checklist folder (default: the `checklists_dir` setting, else
    /// `<data dir>/checklists`).
    #[arg(long, global = true, value_name = "DIR")]
    checklists: Option<PathBuf>,
    /// Language of checklist texts in the output.
    #[arg(long, global = true, default_value = "ru", value_parser = ["ru", "en"])]
    lang: String,
    /// The database file (default: `DEEPBRIEF_DB`, else `deepbrief.db` in the app's data directory).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Work with checklists: lint, list, show, schema.
    #[command(subcommand)]
    Checklist(ChecklistCommand),
}

#[derive(Debug, Subcommand)]
enum ChecklistCommand {
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Checklist(command) => match command {
            ChecklistCommand::Lint { paths, json } => {
                lint::run(&paths::sources(cli.checklists), &paths, json)
            }
            ChecklistCommand::List { json } => {
                show::list(&paths::sources(cli.checklists), &cli.lang, json)
            }
            ChecklistCommand::Show { checklist } => {
                show::show(&paths::sources(cli.checklists), &checklist, &cli.lang)
            }
            ChecklistCommand::Schema => {
                print!("{}", deepbrief_core::schema::checklist_schema_json());
                Ok(ExitCode::SUCCESS)
            }
        },
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
