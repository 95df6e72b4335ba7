//! Deepbrief's outputs, rendered from a brief's data: the kickoff PDF (Typst used as a library, the
//! data passed in as JSON, never spliced into markup), Markdown, the letter to the client (Tera) and
//! `.ics` calendar events for follow-up briefings. Pure: the caller reads and writes files, and passes
//! in every date and time (nothing here reads the clock).
//!
//! - [`letter`]: the follow-up letter to the client, Russian or English, plain text or Markdown, from
//!   templates embedded in the binary or loaded from the agency's folder;
//! - [`ics`]: a follow-up briefing as an RFC 5545 calendar file;
//! - [`meeting`]: the proposed follow-up briefing both of them describe;
//! - [`when`]: wall-clock date-times as the two need them.

pub mod error;
pub mod ics;
pub mod letter;
pub mod meeting;
pub mod when;

pub use error::ExportError;
pub use ics::{CalendarEvent, to_ics};
pub use letter::{Format, ItemKind, LetterInput, LetterItem, Templates, letter_items};
pub use meeting::{Attendee, Meeting};
pub use when::DateTime;
