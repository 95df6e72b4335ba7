//! Markdown and JSON exports of a brief.
//!
//! Markdown comes from the Tera template `templates/kickoff/brief.md.tera`, fed the same
//! [`KickoffDocument`] as the PDF. Every user text goes through the `md` filter (or `md_cell` in
//! table cells), which escapes Markdown syntax so that a client's `*`, `#`, `<b>` or `[x](y)`
//! prints literally instead of turning into emphasis, headings, HTML or links.

use std::sync::LazyLock;

use tera::{Context, Kwargs, State, Tera, Value};

use crate::kickoff::KickoffDocument;

/// The built-in Markdown template.
const BUILTIN: &str = include_str!("../../../templates/kickoff/brief.md.tera");
const NAME: &str = "brief.md";

static TERA: LazyLock<Result<Tera, tera::Error>> = LazyLock::new(|| {
    let mut tera = Tera::new();
    tera.autoescape_on(Vec::<&'static str>::new());
    tera.register_filter("md", |v: &Value, _: Kwargs, _: &State| {
        filter(v, escape_markdown)
    });
    tera.register_filter("md_cell", |v: &Value, _: Kwargs, _: &State| {
        filter(v, escape_cell)
    });
    tera.add_raw_template(NAME, BUILTIN)?;
    Ok(tera)
});

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The Markdown template failed (a bug in the built-in template).
    #[error("the Markdown template failed: {0}")]
    Template(String),
    /// The document could not be turned into JSON.
    #[error("cannot serialise the kickoff document: {0}")]
    Json(#[from] serde_json::Error),
}

/// The brief as Markdown (CommonMark with GitHub tables and footnotes).
pub fn to_markdown(doc: &KickoffDocument) -> Result<String, ExportError> {
    let tera = TERA.as_ref().map_err(|e| ExportError::Template(chain(e)))?;
    let context = Context::from_serialize(doc).map_err(|e| ExportError::Template(chain(&e)))?;
    let md = tera
        .render(NAME, &context)
        .map_err(|e| ExportError::Template(chain(&e)))?;
    Ok(tidy(&md))
}

/// Collapses the blank lines Tera's loops leave behind: never more than one in a row, none at
/// the start, one newline at the end. (Trailing double spaces, Markdown line breaks, stay.)
fn tidy(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut blank = false;
    for line in md.lines() {
        if line.trim().is_empty() {
            blank = true;
            continue;
        }
        if blank && !out.is_empty() {
            out.push('\n');
        }
        blank = false;
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The brief as pretty-printed JSON: the [`KickoffDocument`] itself.
pub fn to_json(doc: &KickoffDocument) -> Result<String, ExportError> {
    Ok(serde_json::to_string_pretty(doc)?)
}

fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// Applies an escape to a template value: strings as they are, nothing as empty text, anything
/// else (numbers, booleans) as it prints.
fn filter(value: &Value, escape: fn(&str) -> String) -> String {
    match value.as_str() {
        Some(s) => escape(s),
        None if value.is_none() => String::new(),
        None => escape(&value.to_string()),
    }
}

/// Escapes text so that Markdown renders it literally. Lines keep their breaks; leading spaces are
/// dropped (four would start a code block).
pub fn escape_markdown(text: &str) -> String {
    text.lines()
        .map(|line| escape_line(line.trim_start()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Escapes text for one table cell: inline syntax and pipes, on one line (block syntax such as
/// `#` or `-` at the start means nothing inside a cell).
pub fn escape_cell(text: &str) -> String {
    text.lines()
        .map(|line| {
            line.trim().chars().fold(String::new(), |mut out, c| {
                push_inline(&mut out, c);
                out
            })
        })
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    // Block syntax that only counts at the start of a line: headings, quotes, list markers,
    // thematic breaks, setext underlines, ordered list numbers (`1.` / `1)`).
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let mut rest = line;
    if digits > 0 && matches!(line[digits..].chars().next(), Some('.' | ')')) {
        out.push_str(&line[..digits]);
        out.push('\\');
        rest = &line[digits..];
    } else if let Some(first @ ('-' | '+' | '=')) = line.chars().next() {
        out.push('\\');
        out.push(first);
        rest = &line[1..];
    }
    for c in rest.chars() {
        push_inline(&mut out, c);
    }
    out
}

fn push_inline(out: &mut String, c: char) {
    if matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '$' | '&' | '#'
    ) {
        out.push('\\');
    }
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_is_escaped() {
        assert_eq!(escape_markdown("# not a heading"), "\\# not a heading");
        assert_eq!(escape_markdown("*bold* _it_"), "\\*bold\\* \\_it\\_");
        assert_eq!(escape_markdown("[x](http://e)"), "\\[x\\](http://e)");
        assert_eq!(escape_markdown("<b>hi</b>"), "\\<b\\>hi\\</b\\>");
        assert_eq!(escape_markdown("1. first"), "1\\. first");
        assert_eq!(escape_markdown("- item"), "\\- item");
        assert_eq!(escape_markdown("    code"), "code");
        assert_eq!(escape_markdown("a \\ b"), "a \\\\ b");
        assert_eq!(escape_cell("a | b\nc"), "a \\| b c");
        assert_eq!(escape_markdown("Цена 5 000 ₽"), "Цена 5 000 ₽");
    }
}
