//! The questions a bundle's brief asks, for a server that must check a client's answer against the
//! question it answers without a brief database (the team server's client links).

use std::collections::BTreeMap;
use std::path::Path;

use deepbrief_core::{Entry, Question, Text};

use super::validate::{adhoc_question, entry_problem, parse_pins};
use super::{bad, parse};
use crate::error::StoreError;

/// One question of a brief, with the section it shows in.
#[derive(Debug, Clone, PartialEq)]
pub struct BriefQuestion {
    /// The question (an ad-hoc question has no client wording: its prompt is the AM's).
    pub question: Question,
    /// The title of the section it sits in.
    pub section: Option<Text>,
}

/// What a brief asks, read from a checked bundle.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BundleQuestions {
    /// The brief's id.
    pub brief_id: String,
    /// Its follow-up briefings' ids.
    pub followups: Vec<String>,
    /// Every question of its pinned checklists and its ad-hoc questions, by id.
    pub questions: BTreeMap<String, BriefQuestion>,
}

/// The questions of the brief inside `bytes` (a bundle; `origin` names it in messages). The bundle
/// is parsed and its checklists loaded, not validated in full: call [`super::inspect`] for that.
pub fn questions(bytes: &[u8], origin: &str) -> Result<BundleQuestions, StoreError> {
    let file = Path::new(origin);
    let payload = parse(bytes, file)?;
    let checklists = parse_pins("pins", &payload.pins)
        .map_err(|r| bad(file, format!("{}: {}", r.part, r.message)))?;
    let mut questions = BTreeMap::new();
    for checklist in &checklists {
        for section in &checklist.sections {
            for q in &section.questions {
                questions
                    .entry(q.id.clone())
                    .or_insert_with(|| BriefQuestion {
                        question: q.clone(),
                        section: Some(section.title.clone()),
                    });
            }
        }
    }
    for adhoc in &payload.adhoc {
        let mut q = adhoc_question(&adhoc.id, adhoc.kind);
        q.prompt = Text::Plain(adhoc.prompt.clone());
        questions.entry(adhoc.id.clone()).or_insert(BriefQuestion {
            question: q,
            section: None,
        });
    }
    Ok(BundleQuestions {
        brief_id: payload.brief.id.clone(),
        followups: payload.followups.iter().map(|f| f.id.clone()).collect(),
        questions,
    })
}

/// Why `entry` may not be stored for `question` (the kind's rules and the size limits every store
/// applies), or `None` when it may.
pub fn answer_problem(question: &Question, entry: &Entry) -> Option<String> {
    entry_problem(question, entry)
}
