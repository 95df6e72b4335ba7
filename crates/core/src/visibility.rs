//! Which questions of a brief are shown, given its answers.
//!
//! A question is shown when its section's `when` and its own `when` hold. A hidden question counts
//! as empty for every other condition, is never required and never counted in completeness.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

use rustc_hash::FxHashMap;

use crate::answer::{Answer, Entry};
use crate::condition::{Fact, Facts};
use crate::model::{Checklist, Question, Section};

/// Where the answers of a brief come from.
pub trait Answers {
    /// The recorded answer of a question, if any.
    fn answer(&self, question: &str) -> Option<&Answer>;
}

impl Answers for HashMap<String, Answer> {
    fn answer(&self, question: &str) -> Option<&Answer> {
        self.get(question)
    }
}

impl Answers for BTreeMap<String, Answer> {
    fn answer(&self, question: &str) -> Option<&Answer> {
        self.get(question)
    }
}

impl Answers for HashMap<String, Entry> {
    fn answer(&self, question: &str) -> Option<&Answer> {
        self.get(question).map(|e| &e.answer)
    }
}

impl Answers for BTreeMap<String, Entry> {
    fn answer(&self, question: &str) -> Option<&Answer> {
        self.get(question).map(|e| &e.answer)
    }
}

#[derive(Clone, Copy)]
enum Mark {
    InProgress,
    Done(bool),
}

/// The visibility of every question of a set of checklists (a core and its add-ons) for one set of
/// answers. Results are computed on demand and remembered.
pub struct Visibility<'a> {
    index: FxHashMap<&'a str, (&'a Section, &'a Question)>,
    answers: &'a dyn Answers,
    marks: RefCell<FxHashMap<&'a str, Mark>>,
}

impl<'a> Visibility<'a> {
    /// Prepares visibility over the questions of `checklists` and the given answers.
    pub fn new(checklists: &[&'a Checklist], answers: &'a dyn Answers) -> Self {
        let index = checklists
            .iter()
            .flat_map(|c| c.questions())
            .map(|(s, q)| (q.id.as_str(), (s, q)))
            .collect();
        Visibility {
            index,
            answers,
            marks: RefCell::new(FxHashMap::default()),
        }
    }

    /// Whether the question is shown. Unknown ids, and questions caught in a condition cycle (which
    /// validation refuses), are hidden.
    pub fn is_visible(&self, question: &str) -> bool {
        let Some((&id, &(section, q))) = self.index.get_key_value(question) else {
            return false;
        };
        if let Some(mark) = self.marks.borrow().get(id) {
            return matches!(mark, Mark::Done(true));
        }
        self.marks.borrow_mut().insert(id, Mark::InProgress);
        let visible = section.when.as_ref().is_none_or(|c| c.holds(self))
            && q.when.as_ref().is_none_or(|c| c.holds(self));
        self.marks.borrow_mut().insert(id, Mark::Done(visible));
        visible
    }

    /// Whether the section is shown.
    pub fn section_visible(&self, section: &Section) -> bool {
        section.when.as_ref().is_none_or(|c| c.holds(self))
    }
}

/// The ids of the questions of `checklists` that are hidden for `answers`, in checklist order: what
/// the interview screen leaves out as the client's answers change.
pub fn hidden_questions(checklists: &[&Checklist], answers: &dyn Answers) -> Vec<String> {
    let shown = Visibility::new(checklists, answers);
    checklists
        .iter()
        .flat_map(|c| c.questions())
        .filter(|(_, q)| !shown.is_visible(&q.id))
        .map(|(_, q)| q.id.clone())
        .collect()
}

impl Facts for Visibility<'_> {
    fn fact(&self, question: &str) -> Fact<'_> {
        if !self.is_visible(question) {
            return Fact::Hidden;
        }
        match self.answers.answer(question) {
            None => Fact::Empty,
            Some(Answer::Unknown) => Fact::Unknown,
            Some(Answer::Later { .. }) => Fact::Empty,
            Some(Answer::NotApplicable { .. }) => Fact::NotApplicable,
            Some(Answer::Answered(v)) => Fact::Answered(v),
        }
    }
}
