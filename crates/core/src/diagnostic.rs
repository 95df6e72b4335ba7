//! Load errors as people read them: file, line, column (or YAML path), what is wrong, how to fix it.

use std::fmt;

use serde::Serialize;
use ts_rs::TS;

use crate::yaml::Pos;

/// One problem found in a checklist file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Diagnostic {
    /// The file, as it was given to the loader.
    pub path: String,
    /// Line, from 1, when the problem has a place in the file.
    pub line: Option<u32>,
    /// Column, from 1, when the problem has a place in the file.
    pub column: Option<u32>,
    /// Where in the document, e.g. `sections[2].questions[4].when`.
    pub yaml_path: Option<String>,
    /// What is wrong.
    pub message: String,
    /// One line on how to fix it.
    pub fix: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": error: {}", self.message)?;
        if let Some(yaml_path) = self.yaml_path.as_deref().filter(|p| !p.is_empty()) {
            write!(f, " (at `{yaml_path}`)")?;
        }
        write!(f, "\n  fix: {}", self.fix)
    }
}

/// A problem before it is tied to a file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Issue {
    pub pos: Option<Pos>,
    pub yaml_path: String,
    pub message: String,
    pub fix: String,
}

impl Issue {
    pub fn new(
        pos: Option<Pos>,
        yaml_path: impl Into<String>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Issue {
            pos,
            yaml_path: yaml_path.into(),
            message: message.into(),
            fix: fix.into(),
        }
    }

    pub fn into_diagnostic(self, path: &str) -> Diagnostic {
        Diagnostic {
            path: path.to_owned(),
            line: self.pos.map(|p| p.line),
            column: self.pos.map(|p| p.column),
            yaml_path: (!self.yaml_path.is_empty()).then_some(self.yaml_path),
            message: self.message,
            fix: self.fix,
        }
    }
}

/// The closest of `candidates` to `word`, when it is close enough to be a likely typo.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (c, strsim::damerau_levenshtein(word, c)))
        .filter(|&(c, d)| d <= 2.max(c.len() / 4) && d < c.len().max(word.len()))
        .min_by_key(|&(_, d)| d)
        .map(|(c, _)| c)
}

/// `` `a`, `b`, `c` `` for messages.
pub(crate) fn quoted_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items
        .into_iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}
