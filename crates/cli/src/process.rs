//! `deepbrief brief process`: mark a process described at the meeting with a short note, or clear
//! the mark. The note is kept in the brief's history like an answer.

use std::process::ExitCode;

use anyhow::Result;
use deepbrief_store::Store;

/// Sets (`described`) or clears (`clear`) the note of one process of a brief.
pub fn set_note(
    store: &mut Store,
    brief: &str,
    process: &str,
    described: Option<&str>,
    clear: bool,
    who: &str,
    json: bool,
) -> Result<ExitCode> {
    let note = match (described, clear) {
        (Some(note), false) => Some(note),
        (None, true) => None,
        (Some(_), true) => anyhow::bail!("give either --described NOTE or --clear, not both"),
        (None, false) => anyhow::bail!(
            "give --described NOTE (what the client told you about the process) or --clear"
        ),
    };
    let saved = store.set_process_note(brief, process, note, who)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&saved)?);
    } else if note.is_some() {
        println!(
            "process {process}: described at the meeting (saved at {})",
            saved.at
        );
    } else {
        println!("process {process}: note cleared (saved at {})", saved.at);
    }
    Ok(ExitCode::SUCCESS)
}
