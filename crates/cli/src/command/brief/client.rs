//! `deepbrief brief client-answers BRIEF`, `brief accept ANSWER_ID [--value TEXT]` and
//! `brief reject ANSWER_ID --comment TEXT`: what a client sent through a link (fetched by `sync`),
//! reviewed by the account manager under the same edit rule as the window.

use std::process::ExitCode;

use anyhow::{Context as _, Result};
use deepbrief_app::team::links;
use deepbrief_core::answer_text::parse_value;
use deepbrief_core::{Answer, Entry};
use deepbrief_store::{ClientAnswerStatus, Store};

use crate::command::{Context, output};

/// Lists a brief's client answers, waiting first. Exits 0 when none waits, 3 while any does (like
/// `gaps` and `brief conflicts`).
pub fn list(store: &Store, brief: &str, lang: &str, json: bool) -> Result<ExitCode> {
    let answers = links::answers(store, brief, lang)?;
    let waiting = answers
        .iter()
        .filter(|a| a.status == ClientAnswerStatus::Waiting)
        .count();
    if json {
        output::json(&answers)?;
    } else if answers.is_empty() {
        println!("no client answers");
    } else {
        for a in &answers {
            let value = match &a.answer {
                Some(answer) => serde_json::to_string(answer)?,
                None => "(files only)".to_owned(),
            };
            println!(
                "{}  [{}]  {}  {} at {}",
                a.id,
                status(a.status),
                a.question_id,
                a.contact,
                a.submitted_at
            );
            println!("    {}", a.prompt);
            println!("    {value}");
            for f in &a.files {
                println!(
                    "    file: {} ({}, {} bytes)",
                    f.name, f.content_type, f.bytes
                );
            }
            if let Some(comment) = &a.comment {
                println!("    rejected: {comment}");
            }
            if let Some(problem) = &a.problem {
                println!("    cannot be accepted as it is: {problem}");
            }
        }
        if waiting > 0 {
            println!(
                "accept one with `deepbrief brief accept ANSWER_ID [--value TEXT]`, or reject it with \
                 `deepbrief brief reject ANSWER_ID --comment TEXT`"
            );
        }
    }
    Ok(if waiting == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

fn status(s: ClientAnswerStatus) -> &'static str {
    match s {
        ClientAnswerStatus::Waiting => "waiting",
        ClientAnswerStatus::Accepted => "accepted",
        ClientAnswerStatus::Rejected => "rejected",
        ClientAnswerStatus::Superseded => "superseded",
    }
}

/// Accepts a client answer as the client sent it, or with `value` instead (read by the question's
/// kind, like `brief answer`); the client's files are downloaded into the data folder first.
pub fn accept(
    store: &mut Store,
    ctx: &Context,
    id: &str,
    value: Option<&str>,
    who: Option<String>,
) -> Result<ExitCode> {
    let person = ctx.person(who);
    let answer = store.client_answer(id, ctx.text_lang())?;
    let edited = value
        .map(|text| -> Result<Entry> {
            let question = store.question(&answer.brief_id, &answer.question_id)?;
            let value = parse_value(&question, text)
                .with_context(|| format!("--value for question `{}`", answer.question_id))?;
            Ok(Entry::new(Answer::Answered(value)))
        })
        .transpose()?;
    let folder = ctx.folder()?;
    let saved = deepbrief_app::edits::accept_client_answer(&folder, store, &person, id, edited)?;
    println!(
        "accepted: `{}` of brief {} is the client's answer{} (saved at {})",
        answer.question_id,
        answer.brief_id,
        if value.is_some() { ", as edited" } else { "" },
        saved.at
    );
    Ok(ExitCode::SUCCESS)
}

/// Rejects a client answer with a comment (put on the question).
pub fn reject(
    store: &mut Store,
    ctx: &Context,
    id: &str,
    comment: &str,
    who: Option<String>,
) -> Result<ExitCode> {
    let person = ctx.person(who);
    let note = deepbrief_app::edits::reject_client_answer(store, &person, id, comment)?;
    println!(
        "rejected {id}; the comment is on the question: {}",
        note.text
    );
    Ok(ExitCode::SUCCESS)
}
