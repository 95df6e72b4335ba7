//! `deepbrief export BRIEF --pdf out.pdf | --md out.md | --json out.json`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use deepbrief_app::documents::stored_kickoff;
use deepbrief_export::{Lang, Template, render_pdf, to_json, to_markdown};
use deepbrief_store::Store;

use deepbrief_app::clock::today;

/// The outputs asked for.
pub struct Outputs<'a> {
    /// Kickoff PDF.
    pub pdf: Option<&'a Path>,
    /// Markdown.
    pub md: Option<&'a Path>,
    /// JSON.
    pub json: Option<&'a Path>,
    /// An agency template folder for the PDF.
    pub template: Option<&'a Path>,
    /// Print in this language instead of the brief's.
    pub lang: Option<&'a str>,
    /// An approved revision instead of the brief as it is now.
    pub revision: Option<u32>,
}

/// Writes every asked output of the brief.
pub fn run(store: &Store, brief: &str, out: &Outputs<'_>) -> Result<ExitCode> {
    if out.pdf.is_none() && out.md.is_none() && out.json.is_none() {
        bail!("nothing to export: add --pdf FILE, --md FILE or --json FILE");
    }
    let lang = match out.lang {
        Some(code) => {
            Some(Lang::parse(code).with_context(|| format!("--lang {code}: use ru or en"))?)
        }
        None => None,
    };
    let doc = stored_kickoff(store, brief, out.revision, lang, today())?;
    if let Some(path) = out.pdf {
        let template = match out.template {
            Some(dir) => Template::from_dir(dir)?,
            None => Template::builtin(),
        };
        let bytes = render_pdf(&doc, &template)?;
        write(path, &bytes)?;
    }
    if let Some(path) = out.md {
        write(path, to_markdown(&doc)?.as_bytes())?;
    }
    if let Some(path) = out.json {
        write(path, to_json(&doc)?.as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("{}: cannot write", path.display()))
}
