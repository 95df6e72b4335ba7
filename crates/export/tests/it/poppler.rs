//! Reading PDFs back with poppler-utils (`pdftotext`, `pdfinfo`): the tests check what a reader
//! would get, not Typst's internals. `scripts/setup.sh` installs poppler-utils.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Writes the PDF to a temporary file and returns the folder (kept alive by the caller) and path.
pub fn write(pdf: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("brief.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    (dir, path)
}

fn run(tool: &str, args: &[&str], path: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {tool} ({e}): install poppler-utils (apt-get install -y poppler-utils)"
            )
        });
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 from poppler")
}

/// The PDF's text in reading order, one string per page, exactly as a reader copies it.
pub fn pages(pdf: &[u8]) -> Vec<String> {
    let (_dir, path) = write(pdf);
    run("pdftotext", &["-enc", "UTF-8"], &path)
        .split('\u{c}')
        .map(str::to_owned)
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// The text in content-stream order (`pdftotext -raw`): runs in other fonts (emoji, Hebrew) stay
/// where they were typeset instead of being regrouped by poppler's reading-order analysis.
pub fn raw(pdf: &[u8]) -> String {
    let (_dir, path) = write(pdf);
    run("pdftotext", &["-raw", "-enc", "UTF-8"], &path)
}

/// The whole text, with pages marked, for snapshots.
pub fn text(pdf: &[u8]) -> String {
    pages(pdf)
        .iter()
        .enumerate()
        .map(|(i, p)| format!("──── page {} ────\n{}", i + 1, p.trim_end()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text with line-end hyphens and all whitespace removed, to search for long strings that the
/// layout wrapped.
pub fn squeezed(text: &str) -> String {
    // Typst marks hyphenation breaks with a soft hyphen (U+00AD) in the text layer.
    text.replace("-\n", "")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}')
        .collect()
}

/// `pdfinfo` fields.
pub fn info(pdf: &[u8]) -> String {
    let (_dir, path) = write(pdf);
    let out = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("run pdfinfo (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A word's box on a page, in points.
#[derive(Debug)]
pub struct WordBox {
    pub page: usize,
    pub page_width: f64,
    pub x_min: f64,
    pub x_max: f64,
    pub word: String,
}

/// Every word's box (`pdftotext -bbox`).
pub fn boxes(pdf: &[u8]) -> Vec<WordBox> {
    let (_dir, path) = write(pdf);
    let html = run("pdftotext", &["-bbox", "-enc", "UTF-8"], &path);
    let attr = |line: &str, name: &str| -> f64 {
        let key = format!("{name}=\"");
        let start = line.find(&key).expect("attribute") + key.len();
        let end = line[start..].find('"').expect("quote") + start;
        line[start..end].parse().expect("number")
    };
    let mut out = Vec::new();
    let (mut page, mut width) = (0, 0.0);
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
            width = attr(line, "width");
        } else if line.starts_with("<word ") {
            let word = line
                .split_once('>')
                .and_then(|(_, rest)| rest.strip_suffix("</word>"))
                .unwrap_or("")
                .to_owned();
            out.push(WordBox {
                page,
                page_width: width,
                x_min: attr(line, "xMin"),
                x_max: attr(line, "xMax"),
                word,
            });
        }
    }
    out
}

/// `pdffonts` rows: (name, embedded).
pub fn fonts(pdf: &[u8]) -> Vec<(String, bool)> {
    let (_dir, path) = write(pdf);
    let out = Command::new("pdffonts")
        .arg(&path)
        .output()
        .expect("run pdffonts (poppler-utils)");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(2)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            let emb = cols.iter().rev().nth(4) == Some(&"yes");
            (cols.first().copied().unwrap_or("").to_owned(), emb)
        })
        .collect()
}
