//! `deepbrief brief conflicts BRIEF` and `deepbrief brief resolve BRIEF QUESTION --keep EVENT`:
//! answers changed on two computers without seeing each other (after a sync or a bundle import).

use std::process::ExitCode;

use anyhow::Result;
use deepbrief_store::Store;

use super::output;

/// Lists the open conflicts of a brief: each question with every value, who wrote it and when; the
/// first one is shown. Exits 0 when there is none, 3 while any is open (like `gaps`).
pub fn list(store: &Store, brief: &str, json: bool) -> Result<ExitCode> {
    let conflicts = store.conflicts(brief)?;
    if json {
        output::json(&conflicts)?;
    } else if conflicts.is_empty() {
        println!("no conflicts");
    } else {
        for c in &conflicts {
            println!("{}:", c.question);
            for (i, side) in c.sides.iter().enumerate() {
                let value = side
                    .value
                    .as_ref()
                    .map_or_else(|| "(cleared)".to_owned(), ToString::to_string);
                println!(
                    "  {} {}  {} at {}: {}",
                    if i == 0 { "shown" } else { "     " },
                    side.event_id,
                    side.who,
                    side.at,
                    value
                );
            }
        }
        println!("settle one with: deepbrief brief resolve {brief} QUESTION --keep EVENT_ID");
    }
    Ok(if conflicts.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

/// Settles the conflict on `question` by keeping the value of answer event `keep`.
pub fn resolve(
    store: &mut Store,
    person: &deepbrief_app::Person,
    brief: &str,
    question: &str,
    keep: &str,
) -> Result<ExitCode> {
    deepbrief_app::edits::resolve_conflict(store, person, brief, question, keep)?;
    println!(
        "settled: `{question}` keeps the value of {keep}; the other values stay in its history"
    );
    Ok(ExitCode::SUCCESS)
}
