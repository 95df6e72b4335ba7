//! `deepbrief brief process`: mark a process described at the meeting with a short note, or clear
//! the mark. The note is kept in the brief's history like an answer.

use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Args;
use deepbrief_store::Store;

use crate::command::output;

/// `deepbrief brief process`.
#[derive(Debug, Args)]
pub struct ProcessArgs {
    /// The brief's id.
    brief: String,
    /// The process id (`sales`), or `checklist:process` when several checklists declare it.
    process: String,
    /// What the client told you, in a sentence or two.
    #[arg(long, value_name = "NOTE")]
    described: Option<String>,
    /// Remove the mark.
    #[arg(long)]
    clear: bool,
    /// Who marks it (for the history; default: `--as`, else `DEEPBRIEF_AS`, the name in
    /// settings.json, the system user).
    #[arg(long)]
    pub who: Option<String>,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

impl ProcessArgs {
    /// Sets (`--described`) or clears (`--clear`) the note of one process of a brief.
    pub fn run(self, store: &mut Store, person: &deepbrief_app::Person) -> Result<ExitCode> {
        let note = match (self.described.as_deref(), self.clear) {
            (Some(note), false) => Some(note),
            (None, true) => None,
            (Some(_), true) => bail!("give either --described NOTE or --clear, not both"),
            (None, false) => bail!(
                "give --described NOTE (what the client told you about the process) or --clear"
            ),
        };
        let saved = deepbrief_app::edits::set_process_note(
            store,
            person,
            &self.brief,
            &self.process,
            note,
        )?;
        if self.json {
            output::json(&saved)?;
        } else if note.is_some() {
            println!(
                "process {}: described at the meeting (saved at {})",
                self.process, saved.at
            );
        } else {
            println!(
                "process {}: note cleared (saved at {})",
                self.process, saved.at
            );
        }
        Ok(ExitCode::SUCCESS)
    }
}
