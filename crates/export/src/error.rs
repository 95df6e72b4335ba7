//! Errors of the exports: each names the place (template file and line, or the field) and the fix.

/// What can go wrong while rendering an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// A template does not parse or fails to render.
    #[error("{file}{}: {message}\n{report}", line.map(|l| format!(":{l}:{}", column.unwrap_or(1))).unwrap_or_default())]
    Template {
        /// The template's file (the embedded ones are named `templates/letter/<lang>.<format>.tera`).
        file: String,
        /// 1-based line, when known.
        line: Option<usize>,
        /// 1-based column, when known.
        column: Option<usize>,
        /// What is wrong.
        message: String,
        /// Tera's report with the offending line underlined.
        report: String,
    },
    /// A template file exists but cannot be read.
    #[error("cannot read the template {file}: {source}")]
    ReadTemplate {
        /// The file.
        file: String,
        /// Why.
        source: std::io::Error,
    },
    /// No template for the language.
    #[error("no letter template for the language `{0}`; there are templates for: ru, en")]
    Language(String),
    /// A date-time field does not parse.
    #[error("{field}: `{value}` is not a date and time like 2026-11-30T11:00")]
    DateTime {
        /// Which field.
        field: &'static str,
        /// What was given.
        value: String,
    },
}
