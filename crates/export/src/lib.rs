//! Deepbrief's outputs, rendered from a brief's data: the kickoff PDF (Typst used as a library, the
//! data passed in as JSON, never spliced into markup), Markdown, the letter to the client (Tera) and
//! `.ics` calendar events for follow-up briefings. Pure: it takes data, not a store (`deepbrief-app`
//! turns a stored brief into these inputs); the caller reads and writes files and passes in every
//! date and time (nothing here reads the clock).
//!
//! - [`kickoff`], [`pdf`], [`markdown`]: the kickoff document as PDF, Markdown and JSON;
//! - [`letter`]: the follow-up letter to the client, Russian or English, plain text or Markdown, from
//!   templates embedded in the binary or loaded from the agency's folder;
//! - [`ics`]: a follow-up briefing as an RFC 5545 calendar file;
//! - [`meeting`]: the proposed follow-up briefing both of them describe;
//! - [`when`]: wall-clock date-times as the two need them.
//!
//! # The kickoff PDF, Markdown and JSON
//!
//! ```text
//! checklists + answers + meta + gap summary ──KickoffDocument::from_parts──▶ KickoffDocument
//!     KickoffDocument ──serde_json──▶ /brief.json ──Typst template (kickoff.typ)──▶ PDF bytes
//!     KickoffDocument ──Tera (brief.md.tera, `md` escaping filter)──────────────▶ Markdown
//!     KickoffDocument ──serde_json─────────────────────────────────────────────▶ JSON
//! ```
//!
//! [`kickoff::KickoffDocument`] is the view model: every text is resolved to the brief's language
//! and every value formatted for its kind before any template sees it, so templates hold layout
//! only — and an agency's own template ([`pdf::Template::from_dir`]) gets the same data and
//! formatting for free. User text reaches Typst only as JSON string values, so `#`, `$`, `*` or
//! `]` typed by a client print literally; in Markdown the `md` filter escapes them.
//!
//! The PDF is deterministic: fonts are compiled in ([`pdf::fonts`]), no system font or network is
//! used, and the creation date is the brief's date — the same input gives the same bytes.

pub mod error;
pub mod ics;
pub mod kickoff;
pub mod letter;
pub mod markdown;
pub mod meeting;
pub mod pdf;
pub mod when;
pub mod words;

pub use error::ExportError;
pub use ics::{CalendarEvent, to_ics};
pub use letter::{
    ClientLinkText, Format, ItemKind, LetterInput, LetterItem, Templates, letter_items,
};
pub use meeting::{Attendee, Meeting};
pub use when::DateTime;

pub use kickoff::{KickoffDocument, Lang};
pub use markdown::{to_json, to_markdown};
pub use pdf::{PdfError, PdfRenderer, Template, render_pdf};
