//! `deepbrief search`: every brief's answers, client, project, notes and ad-hoc questions.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

use super::{Context, output};

/// `deepbrief search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (prefixes and Russian word forms match).
    query: Vec<String>,
    /// At most this many hits.
    #[arg(long, default_value_t = 50)]
    limit: usize,
    /// Print the hits as JSON.
    #[arg(long)]
    json: bool,
}

impl SearchArgs {
    /// Searches every brief and prints the hits, the words found marked «like this».
    pub fn run(self, ctx: &Context) -> Result<ExitCode> {
        let store = ctx.open()?;
        let hits = store.search(&self.query.join(" "), self.limit)?;
        if self.json {
            output::json(&hits)?;
            return Ok(ExitCode::SUCCESS);
        }
        for h in &hits {
            let snippet: String = h
                .snippet
                .iter()
                .map(|p| {
                    if p.hit {
                        format!("«{}»", p.text)
                    } else {
                        p.text.clone()
                    }
                })
                .collect();
            println!(
                "{} — {}  [{}{}]  {}",
                h.client,
                h.project,
                h.field,
                h.subject
                    .as_deref()
                    .map(|s| format!(" {s}"))
                    .unwrap_or_default(),
                snippet.replace('\n', " ")
            );
        }
        Ok(ExitCode::SUCCESS)
    }
}
