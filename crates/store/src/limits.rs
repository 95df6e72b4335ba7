//! Documented size limits (see `docs/bundle-format.md`, "Limits"): how large an answer of each
//! kind, a bundle and a single-line field may be. Past a limit a write or an import is refused with
//! a message naming the limit; nothing is stored half-way.

use deepbrief_core::kinds::AnswerSize;
use deepbrief_core::{Answer, Entry, Kind};

/// The largest bundle payload read (bytes after the header line): 32 MiB.
pub const MAX_BUNDLE_BYTES: u64 = 32 * 1024 * 1024;
/// The longest header line read before giving up on a file that is not a bundle.
pub const MAX_HEADER_BYTES: usize = 4 * 1024;
/// Characters of a one-line answer (short text, link, date, number, choice, yes/no, scale…).
pub const MAX_LINE_ANSWER_CHARS: usize = 5_000;
/// Characters of a long-text answer.
pub const MAX_LONG_ANSWER_CHARS: usize = 1_000_000;
/// Characters of all the cells, items or fields of a list, table, multiple choice or contact.
pub const MAX_STRUCTURED_ANSWER_CHARS: usize = 1_000_000;
/// Characters of the reason, the evidence notes and the promised date of one entry, together.
pub const MAX_ENTRY_NOTES_CHARS: usize = 20_000;
/// Pieces of evidence on one entry.
pub const MAX_EVIDENCE: usize = 100;
/// Characters of a one-line field: a client, a project, a name, a service, an id.
pub const MAX_LINE_CHARS: usize = 1_000;

/// The answer-size limit of a kind, in characters.
pub fn answer_limit(kind: Kind) -> usize {
    match kind.spec().size {
        AnswerSize::Line => MAX_LINE_ANSWER_CHARS,
        AnswerSize::Long => MAX_LONG_ANSWER_CHARS,
        AnswerSize::Structured => MAX_STRUCTURED_ANSWER_CHARS,
    }
}

/// What is too large in an entry for a question of `kind`, as a message; `None` when it fits.
pub fn entry_too_large(kind: Kind, entry: &Entry) -> Option<String> {
    let limit = answer_limit(kind);
    let notes_of_answer = match &entry.answer {
        Answer::Answered(value) => {
            let n = value.chars();
            if n > limit {
                return Some(format!(
                    "the answer has {n} characters; a `{}` answer holds at most {limit}",
                    kind.name()
                ));
            }
            0
        }
        Answer::Later { due } => due.chars().count(),
        Answer::NotApplicable { reason } => reason.chars().count(),
        Answer::Unknown => 0,
    };
    if entry.evidence.len() > MAX_EVIDENCE {
        return Some(format!(
            "{} pieces of evidence; an answer holds at most {MAX_EVIDENCE}",
            entry.evidence.len()
        ));
    }
    let notes = notes_of_answer
        + entry
            .evidence
            .iter()
            .map(|e| e.text.chars().count())
            .sum::<usize>();
    (notes > MAX_ENTRY_NOTES_CHARS).then(|| {
        format!(
            "the reason and evidence notes have {notes} characters; an answer holds at most {MAX_ENTRY_NOTES_CHARS}"
        )
    })
}

/// What is wrong with a one-line field (a NUL, a line break, too long); `None` when it is fine.
pub fn line_problem(text: &str) -> Option<String> {
    if text.contains('\0') {
        return Some("contains a NUL character".to_owned());
    }
    if text.contains(['\r', '\n']) {
        return Some("contains a line break; it must be one line".to_owned());
    }
    let n = text.chars().count();
    (n > MAX_LINE_CHARS).then(|| format!("has {n} characters; at most {MAX_LINE_CHARS}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use deepbrief_core::AnswerValue;

    #[test]
    fn a_long_text_may_be_longer_than_a_short_one_but_not_endless() {
        let entry = |n: usize| Entry::new(Answer::Answered(AnswerValue::Text("я".repeat(n))));
        assert!(entry_too_large(Kind::ShortText, &entry(MAX_LINE_ANSWER_CHARS)).is_none());
        assert!(entry_too_large(Kind::ShortText, &entry(MAX_LINE_ANSWER_CHARS + 1)).is_some());
        assert!(entry_too_large(Kind::LongText, &entry(MAX_LINE_ANSWER_CHARS + 1)).is_none());
        let message = entry_too_large(Kind::LongText, &entry(MAX_LONG_ANSWER_CHARS + 1));
        assert!(message.is_some_and(|m| m.contains("long_text") && m.contains("1000000")));
    }

    #[test]
    fn one_line_fields_refuse_nul_and_line_breaks() {
        assert!(line_problem("ООО «Ромашка»").is_none());
        assert!(line_problem("a\0b").is_some());
        assert!(line_problem("a\r\nb").is_some());
        assert!(line_problem(&"x".repeat(MAX_LINE_CHARS + 1)).is_some());
    }
}
