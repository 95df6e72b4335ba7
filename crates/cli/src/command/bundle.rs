//! `deepbrief bundle export|import`: hand a brief with its checklists and history to another
//! machine.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;
use deepbrief_core::Library;
use deepbrief_store::{Store, bundle};

use super::{Context, output};

/// `deepbrief bundle …`.
#[derive(Debug, Subcommand)]
pub enum BundleCommand {
    /// Write one brief with its checklists and history to a file.
    Export {
        /// The brief's id.
        brief: String,
        /// The bundle file.
        #[arg(long, short)]
        out: PathBuf,
    },
    /// Import (or merge) a bundle file.
    Import {
        /// The bundle file.
        file: PathBuf,
        /// Print the outcome as JSON.
        #[arg(long)]
        json: bool,
    },
}

impl BundleCommand {
    /// Runs `bundle …`.
    pub fn run(self, ctx: &Context) -> Result<ExitCode> {
        match self {
            BundleCommand::Export { brief, out } => export(&ctx.open()?, &brief, &out),
            BundleCommand::Import { file, json } => {
                // This machine's checklists: a bundle never replaces them.
                let library = ctx.library();
                import(&mut ctx.open()?, &file, &library, json)
            }
        }
    }
}

/// Writes a brief's bundle.
fn export(store: &Store, brief: &str, out: &Path) -> Result<ExitCode> {
    output::write(out, bundle::export(store, brief)?)?;
    println!("{}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// Imports (or merges) a bundle; `library` is this machine's checklists, which a bundle never
/// replaces.
fn import(store: &mut Store, file: &Path, library: &Library, json: bool) -> Result<ExitCode> {
    let outcome = store.import_bundle_file(file, library)?;
    if json {
        output::json(&outcome)?;
    } else {
        println!(
            "{} brief {}: {} new history events, {} answers changed",
            if outcome.created {
                "imported"
            } else {
                "merged"
            },
            outcome.brief_id,
            outcome.events_added,
            outcome.answers_changed
        );
    }
    Ok(ExitCode::SUCCESS)
}
