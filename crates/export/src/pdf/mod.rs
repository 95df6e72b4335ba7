//! The kickoff PDF: a [`KickoffDocument`] laid out by a Typst template.
//!
//! Typst runs as a library (`typst` + `typst-pdf`, no wrapper) inside our own [`typst::World`]:
//!
//! - the template's `kickoff.typ` is the main file; other files (a logo, an included `.typ`) are
//!   read from the template folder and nowhere else — paths cannot escape it;
//! - the document is served as the virtual file `/brief.json`, which the template reads with
//!   `json("/brief.json")`. User text reaches Typst only as JSON strings, never as markup;
//! - fonts are the ones compiled into the binary ([`fonts`]); no system font is scanned;
//! - "today" and the PDF creation date are the brief's date, so the same input gives the same
//!   bytes.
//!
//! A [`PdfRenderer`] keeps the parsed template and Typst's caches between documents: the first PDF
//! in a process pays for parsing and layout of everything, the next ones reuse what did not change.

pub mod fonts;
mod world;

use std::fmt;
use std::path::{Path, PathBuf};

use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst::syntax::{FileId, RootedPath, VirtualPath, VirtualRoot};
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::kickoff::KickoffDocument;
use world::KickoffWorld;

/// The built-in template's main file.
const BUILTIN_MAIN: &str = include_str!("../../../../templates/kickoff/kickoff.typ");

/// The main file every template folder must have.
pub const MAIN_FILE: &str = "kickoff.typ";

/// The virtual path the document's JSON is served at.
pub const DATA_FILE: &str = "/brief.json";

/// A kickoff template: the built-in one, or an agency's folder.
#[derive(Debug, Clone)]
pub struct Template {
    /// Where `kickoff.typ` and the files it loads live; `None` for the built-in template.
    dir: Option<PathBuf>,
    /// The text of `kickoff.typ`.
    main: String,
}

impl Template {
    /// The template that ships with Deepbrief (`templates/kickoff/kickoff.typ`).
    pub fn builtin() -> Template {
        Template {
            dir: None,
            main: BUILTIN_MAIN.to_owned(),
        }
    }

    /// The built-in template's source, to start a custom template from.
    pub fn builtin_source() -> &'static str {
        BUILTIN_MAIN
    }

    /// A template folder with `kickoff.typ` and whatever it loads (logo, colours, includes). The
    /// main file is read now; other files when the template asks for them.
    pub fn from_dir(dir: &Path) -> Result<Template, PdfError> {
        let path = dir.join(MAIN_FILE);
        let main = std::fs::read_to_string(&path).map_err(|source| {
            if source.kind() == std::io::ErrorKind::NotFound {
                PdfError::NoMainFile {
                    dir: dir.to_path_buf(),
                }
            } else {
                PdfError::Read { path, source }
            }
        })?;
        Ok(Template {
            dir: Some(dir.to_path_buf()),
            main,
        })
    }

    /// Starts an agency template: writes the built-in `kickoff.typ` into `dir` (created if needed)
    /// for the agency to edit — logo, colours, order of blocks. An existing `kickoff.typ` is never
    /// overwritten.
    pub fn init_dir(dir: &Path) -> Result<PathBuf, PdfError> {
        let path = dir.join(MAIN_FILE);
        let io = |source| PdfError::Write {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(io)?;
        std::io::Write::write_all(&mut file, BUILTIN_MAIN.as_bytes()).map_err(io)?;
        Ok(path)
    }

    /// The template folder, or `None` for the built-in template.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// How error messages name the main file.
    fn display_path(&self, vpath: &VirtualPath) -> String {
        match &self.dir {
            Some(dir) => dir
                .join(vpath.get_without_slash())
                .to_string_lossy()
                .into_owned(),
            None => format!("templates/kickoff{}", vpath.get_with_slash()),
        }
    }
}

/// Renders kickoff documents to PDF with one template, keeping Typst's caches warm.
pub struct PdfRenderer {
    template: Template,
    library: typst::utils::LazyHash<Library>,
    main_id: FileId,
    main_source: typst::syntax::Source,
}

impl fmt::Debug for PdfRenderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PdfRenderer")
            .field("template", &self.template.dir)
            .finish_non_exhaustive()
    }
}

impl PdfRenderer {
    /// A renderer for one template.
    pub fn new(template: Template) -> PdfRenderer {
        let main_id = file_id(MAIN_FILE);
        let main_source = typst::syntax::Source::new(main_id, template.main.clone());
        PdfRenderer {
            library: typst::utils::LazyHash::new(library()),
            main_id,
            main_source,
            template,
        }
    }

    /// The template this renderer uses.
    pub fn template(&self) -> &Template {
        &self.template
    }

    /// Lays the document out and writes the PDF's bytes.
    pub fn render(&self, doc: &KickoffDocument) -> Result<Vec<u8>, PdfError> {
        let data = serde_json::to_vec(doc).map_err(PdfError::Json)?;
        let today = doc_date(doc);
        let world = KickoffWorld {
            renderer: self,
            data: typst::foundations::Bytes::new(data),
            today,
        };
        let warned = typst::compile::<PagedDocument>(&world);
        let document = warned
            .output
            .map_err(|errors| PdfError::Template(self.diagnostics(&world, &errors)))?;
        if document.pages().len() > MAX_PDF_PAGES {
            return Err(PdfError::TooManyPages {
                pages: document.pages().len(),
                limit: MAX_PDF_PAGES,
            });
        }
        let options = PdfOptions {
            creator: Smart::Custom(Some("Deepbrief".into())),
            timestamp: today.map(Timestamp::new_utc),
            ..PdfOptions::default()
        };
        let pdf = typst_pdf::pdf(&document, &options)
            .map_err(|errors| PdfError::Template(self.diagnostics(&world, &errors[..])))?;
        // Keep memory bounded in a long-running app: drop cache entries unused for 10 compiles.
        typst::comemo::evict(10);
        Ok(pdf)
    }

    fn diagnostics(
        &self,
        world: &KickoffWorld<'_>,
        errors: &[SourceDiagnostic],
    ) -> Vec<TemplateDiagnostic> {
        errors
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| {
                let (file, line, column) = match (d.span.id(), world.range(d.span)) {
                    (Some(id), Some(range)) => {
                        let file = self.template.display_path(id.vpath());
                        let position = world
                            .source(id)
                            .ok()
                            .and_then(|s| s.lines().byte_to_line_column(range.start));
                        match position {
                            Some((l, c)) => (file, l + 1, c + 1),
                            None => (file, 0, 0),
                        }
                    }
                    (Some(id), None) => (self.template.display_path(id.vpath()), 0, 0),
                    _ => (self.template.display_path(self.main_id.vpath()), 0, 0),
                };
                TemplateDiagnostic {
                    file,
                    line,
                    column,
                    message: d.message.to_string(),
                    hints: d.hints.iter().map(|h| h.v.to_string()).collect(),
                }
            })
            .collect()
    }
}

/// Renders one document with a template (a fresh renderer: for many documents keep a
/// [`PdfRenderer`]).
pub fn render_pdf(doc: &KickoffDocument, template: &Template) -> Result<Vec<u8>, PdfError> {
    PdfRenderer::new(template.clone()).render(doc)
}

/// Typst's standard library with the embedded fonts as the default font list, so a custom
/// template that sets no font still gets PT Sans (Typst's own default font is not embedded).
fn library() -> Library {
    use typst::text::{FontFamily, FontList, TextElem};
    let mut library = Library::builder().build();
    library.styles.set(
        TextElem::font,
        FontList(
            [fonts::BODY, "DejaVu Sans", "Noto Color Emoji"]
                .into_iter()
                .map(FontFamily::new)
                .collect(),
        ),
    );
    library
}

#[expect(
    clippy::expect_used,
    reason = "called with constant, valid paths only (`kickoff.typ`)"
)]
fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("a constant, valid virtual path");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

fn doc_date(doc: &KickoffDocument) -> Option<Datetime> {
    let d = &doc.meta.date;
    Datetime::from_ymd_hms(d.year?, d.month?, d.day?, 0, 0, 0)
}

/// One error in a template, located in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateDiagnostic {
    /// The file: the template folder's path joined with the file, or `templates/kickoff/…` for the
    /// built-in template.
    pub file: String,
    /// 1-based line (0 when Typst gave no position).
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// Typst's hints on how to fix it.
    pub hints: Vec<String>,
}

impl fmt::Display for TemplateDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )?;
        for hint in &self.hints {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// The most pages a kickoff PDF may have. The built-in template stays far below it: every answer
/// prints at most [`MAX_PRINTED_ANSWER_CHARS`](crate::kickoff::MAX_PRINTED_ANSWER_CHARS) characters.
pub const MAX_PDF_PAGES: usize = 300;

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The template folder has no `kickoff.typ`.
    #[error(
        "template folder {dir} has no kickoff.typ — copy the built-in template there or pick another folder"
    )]
    NoMainFile {
        /// The folder.
        dir: PathBuf,
    },
    /// A template file could not be read.
    #[error("cannot read template file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A template file could not be written (it may already exist).
    #[error("cannot write template file {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The template has errors; each names its file, line and column.
    #[error("the kickoff template has errors:\n{}", join(.0))]
    Template(Vec<TemplateDiagnostic>),
    /// The document could not be turned into JSON (not expected for valid UTF-8 data).
    #[error("cannot serialise the kickoff document: {0}")]
    Json(serde_json::Error),
    /// The laid-out document is longer than [`MAX_PDF_PAGES`]: usually a custom template that
    /// prints something in a loop, since the built-in one cuts long answers.
    #[error(
        "the kickoff PDF would have {pages} pages; at most {limit} are written — shorten the longest answers or check the template for a loop"
    )]
    TooManyPages {
        /// Pages laid out.
        pages: usize,
        /// The limit.
        limit: usize,
    },
}

fn join(diagnostics: &[TemplateDiagnostic]) -> String {
    diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}
