//! `deepbrief brief answer`: one answer (or state: unknown, later, not applicable, cleared) with its
//! evidence, checked the way the app checks it before it is saved.

use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use clap::Args;
use deepbrief_core::answer_check::{AnswerProblem, check_entry};
use deepbrief_core::{Answer, Entry, Evidence, EvidenceKind};
use deepbrief_store::Store;

use crate::command::{Context, output};
use deepbrief_core::answer_text::parse_value;

/// `deepbrief brief answer`.
#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// The brief's id.
    brief: String,
    /// The question's id.
    question: String,
    /// The value, read by the question's kind (lists: `a; b`, multi-choice: `a,b`).
    value: Option<String>,
    /// The value as JSON (`{"type":"rows","value":[…]}`), for tables and contacts.
    #[arg(long)]
    value_json: Option<String>,
    /// The client does not know.
    #[arg(long)]
    unknown: bool,
    /// The client will send it later, by this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    later: Option<String>,
    /// Not applicable, with the reason.
    #[arg(long, value_name = "REASON")]
    na: Option<String>,
    /// Clear the answer.
    #[arg(long)]
    clear: bool,
    /// A note as evidence.
    #[arg(long)]
    note: Option<String>,
    /// A link as evidence.
    #[arg(long)]
    link: Option<String>,
    /// The evidence is verified (not only claimed).
    #[arg(long)]
    verified: bool,
    /// Who answers (for the history).
    #[arg(long)]
    who: Option<String>,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

impl AnswerArgs {
    /// Sets one answer (or state) and prints when it was saved.
    pub fn run(self, store: &mut Store, ctx: &Context) -> Result<ExitCode> {
        let AnswerArgs {
            brief,
            question,
            value,
            value_json,
            unknown,
            later,
            na,
            clear,
            note,
            link,
            verified,
            who,
            json,
        } = self;
        let person = ctx.person(who);
        let q = store.question(&brief, &question)?;
        // One way of answering per call: a VALUE with --unknown would otherwise drop the value silently.
        let given: Vec<&str> = [
            (value.is_some(), "VALUE"),
            (value_json.is_some(), "--value-json"),
            (unknown, "--unknown"),
            (later.is_some(), "--later"),
            (na.is_some(), "--na"),
            (clear, "--clear"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect();
        if given.len() > 1 {
            bail!(
                "{} cannot be combined: give one of VALUE, --value-json, --unknown, --later, --na or --clear (evidence goes with --note and --link)",
                given.join(" and ")
            );
        }
        if clear && (note.is_some() || link.is_some()) {
            bail!("--clear removes the answer and its evidence: leave out --note and --link");
        }
        let answer = if clear {
            None
        } else if unknown {
            Some(Answer::Unknown)
        } else if let Some(due) = later {
            Some(Answer::Later { due })
        } else if let Some(reason) = na {
            Some(Answer::NotApplicable { reason })
        } else if let Some(j) = value_json {
            Some(Answer::Answered(serde_json::from_str(&j).context(
                "--value-json: expected an answer value such as {\"type\":\"text\",\"value\":\"…\"}",
            )?))
        } else if let Some(v) = value {
            Some(Answer::Answered(parse_value(&q, &v)?))
        } else {
            bail!(
                "give a VALUE, or --unknown, --later DATE, --na REASON, --value-json JSON or --clear"
            );
        };
        let entry = answer.map(|answer| {
            let mut evidence = Vec::new();
            if let Some(text) = note {
                evidence.push(Evidence {
                    kind: EvidenceKind::Note,
                    text,
                    verified,
                });
            }
            if let Some(text) = link {
                evidence.push(Evidence {
                    kind: EvidenceKind::Link,
                    text,
                    verified,
                });
            }
            Entry {
                answer,
                evidence,
                to_confirm: false,
            }
        });
        if let Some(e) = &entry
            && check_entry(&q, e) == Err(AnswerProblem::Blank)
        {
            bail!(
                "the value for `{question}` is empty; to remove the answer, pass --clear instead of a value"
            );
        }
        let cleared = entry.is_none();
        let saved = deepbrief_app::edits::save_answer(store, &person, &brief, &question, entry)?;
        if json {
            output::json(&saved)?;
        } else if cleared {
            println!("cleared {} at {}", question, saved.at);
        } else {
            println!("saved {} at {}", question, saved.at);
        }
        Ok(ExitCode::SUCCESS)
    }
}
