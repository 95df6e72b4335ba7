//! `deepbrief checklist lint`: check files the way the app loads them and print every error.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};
use deepbrief_core::{Diagnostic, Origin, Sources, load_files};
use deepbrief_folders::{collect_files, read_file};
use serde::Serialize;

use crate::command::output;

#[derive(Serialize)]
struct LintReport<'a> {
    ok: bool,
    checked: usize,
    errors: usize,
    problems: &'a [deepbrief_core::FileProblem],
}

/// Lints `paths` (or, when empty, everything the app loads). Files outside `paths` that the given
/// files depend on (the core an add-on extends) are loaded as context, not reported.
pub fn run(sources: &Sources, paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    let mut given = Vec::new();
    for path in paths {
        if path.is_dir() {
            given.extend(collect_files(path, Origin::Given, true));
        } else if path.exists() {
            given.push(read_file(path, Origin::Given));
        } else {
            bail!("{}: no such file or folder", path.display());
        }
    }
    let mut context = collect_files(&sources.bundled, Origin::Bundled, false);
    if let Some(agency) = &sources.agency {
        context.extend(collect_files(agency, Origin::Agency, false));
    }
    let reported: HashSet<PathBuf>;
    let files = if paths.is_empty() {
        reported = context.iter().map(|f| canonical(&f.path)).collect();
        context
    } else {
        reported = given.iter().map(|f| canonical(&f.path)).collect();
        let mut files = given;
        files.extend(
            context
                .into_iter()
                .filter(|f| !reported.contains(&canonical(&f.path))),
        );
        files
    };
    let library = load_files(files);
    let problems: Vec<_> = library
        .problems
        .into_iter()
        .filter(|p| reported.contains(&canonical(Path::new(&p.path))))
        .collect();
    let errors: usize = problems.iter().map(|p| p.diagnostics.len()).sum();
    let checked = reported.len();
    if json {
        let report = LintReport {
            ok: problems.is_empty(),
            checked,
            errors,
            problems: &problems,
        };
        output::json(&report)?;
    } else {
        for problem in &problems {
            let source = std::fs::read_to_string(&problem.path).ok();
            for d in &problem.diagnostics {
                print_diagnostic(d, source.as_deref());
            }
        }
        if problems.is_empty() {
            println!("{checked} checklist file(s) checked: no errors");
        } else {
            println!(
                "{checked} checklist file(s) checked: {errors} error(s) in {} file(s)",
                problems.len()
            );
        }
    }
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

fn print_diagnostic(d: &Diagnostic, source: Option<&str>) {
    let location = match (d.line, d.column) {
        (Some(l), Some(c)) => format!("{}:{l}:{c}", d.path),
        _ => d.path.clone(),
    };
    let at = d
        .yaml_path
        .as_deref()
        .map(|p| format!(" (at `{p}`)"))
        .unwrap_or_default();
    println!("{location}: error: {}{at}", d.message);
    if let (Some(line), Some(column), Some(source)) = (d.line, d.column, source)
        && let Some(text) = source.lines().nth(line.saturating_sub(1) as usize)
    {
        let number = line.to_string();
        let pad = " ".repeat(number.len());
        println!(" {pad} |");
        println!(" {number} | {text}");
        println!(
            " {pad} | {}^",
            " ".repeat(column.saturating_sub(1) as usize)
        );
    }
    println!("  fix: {}\n", d.fix);
}
