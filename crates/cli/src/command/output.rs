//! How commands print and write what they made: JSON for scripts, files named on the command line.

use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;

/// Prints `value` as pretty JSON on stdout.
pub fn json(value: &impl Serialize) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// Writes `bytes` to `path`, naming the file when it cannot.
pub fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("{}: cannot write", path.display()))
}

/// Writes `text` to `out`, or prints it when no file is given.
pub fn emit(out: Option<&Path>, text: &str) -> Result<()> {
    match out {
        Some(path) => write(path, text),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}
