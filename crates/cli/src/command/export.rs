//! `deepbrief export BRIEF --pdf out.pdf | --md out.md | --json out.json`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Args;
use deepbrief_app::clock::today;
use deepbrief_app::documents::stored_kickoff;
use deepbrief_export::{Template, render_pdf, to_json, to_markdown};

use super::{Context, output};

/// `deepbrief export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The brief's id.
    brief: String,
    /// Write the kickoff PDF here.
    #[arg(long, value_name = "FILE")]
    pdf: Option<PathBuf>,
    /// Write Markdown here.
    #[arg(long, value_name = "FILE")]
    md: Option<PathBuf>,
    /// Write JSON here.
    #[arg(long = "json", value_name = "FILE")]
    json_out: Option<PathBuf>,
    /// An agency template folder for the PDF (see templates/kickoff/README.md).
    #[arg(long, value_name = "DIR")]
    template: Option<PathBuf>,
    /// Export this approved revision exactly as approved (see `deepbrief review status`).
    #[arg(long, value_name = "N")]
    revision: Option<u32>,
}

impl ExportArgs {
    /// Writes every asked output of the brief, in `--lang` when given, else in the brief's language.
    pub fn run(self, ctx: &Context) -> Result<ExitCode> {
        let store = ctx.open()?;
        if self.pdf.is_none() && self.md.is_none() && self.json_out.is_none() {
            bail!("nothing to export: add --pdf FILE, --md FILE or --json FILE");
        }
        let doc = stored_kickoff(
            &store,
            &self.brief,
            self.revision,
            ctx.export_lang()?,
            today(),
        )?;
        if let Some(path) = &self.pdf {
            let template = match &self.template {
                Some(dir) => Template::from_dir(dir)?,
                None => Template::builtin(),
            };
            output::write(path, render_pdf(&doc, &template)?)?;
        }
        if let Some(path) = &self.md {
            output::write(path, to_markdown(&doc)?)?;
        }
        if let Some(path) = &self.json_out {
            output::write(path, to_json(&doc)?)?;
        }
        Ok(ExitCode::SUCCESS)
    }
}
