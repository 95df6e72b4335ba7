//! Three-valued visibility for completeness: shown, hidden, or not decided yet.
//!
//! Completeness must never drop when an answer is added (the property the issue asks for). With plain
//! visibility it would: answering "regional expansion: yes" reveals two required questions and the
//! share of done questions falls. So completeness asks a different question: *could* this question
//! still be shown? A condition is evaluated in Kleene's three-valued logic where a question without a
//! settled answer (no entry, "doesn't know", "will send later") is *undecided*: it may still become
//! anything. A required question counts towards the total when it is shown or may still be shown,
//! and as done only when it is certainly shown and answered. Settling an answer can only turn
//! "undecided" into "shown" or "hidden", never "shown" into "hidden", so the total can only shrink and
//! the done count only grow.

use rustc_hash::FxHashMap;
use std::cell::RefCell;

use crate::answer::{Answer, AnswerValue};
use crate::condition::{Condition, Fact, Facts};
use crate::gaps::{Entries, Index};

/// A three-valued truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tri {
    /// Holds, whatever the open answers become.
    Yes,
    /// Does not hold, whatever the open answers become.
    No,
    /// Depends on answers that are not settled yet.
    Maybe,
}

impl From<bool> for Tri {
    fn from(b: bool) -> Tri {
        if b { Tri::Yes } else { Tri::No }
    }
}

impl Tri {
    fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::No, _) | (_, Tri::No) => Tri::No,
            (Tri::Yes, Tri::Yes) => Tri::Yes,
            _ => Tri::Maybe,
        }
    }

    fn not(self) -> Tri {
        match self {
            Tri::Yes => Tri::No,
            Tri::No => Tri::Yes,
            Tri::Maybe => Tri::Maybe,
        }
    }
}

/// Three-valued visibility of every question of a brief, computed on demand and remembered.
pub(crate) struct Reach<'a> {
    index: &'a Index<'a>,
    entries: &'a Entries,
    memo: RefCell<FxHashMap<&'a str, Option<Tri>>>,
}

/// One fact for whichever question a leaf condition names.
struct OneFact<'a>(Fact<'a>);

impl Facts for OneFact<'_> {
    fn fact(&self, _question: &str) -> Fact<'_> {
        self.0
    }
}

impl<'a> Reach<'a> {
    pub(crate) fn new(index: &'a Index<'a>, entries: &'a Entries) -> Self {
        Reach {
            index,
            entries,
            memo: RefCell::new(FxHashMap::default()),
        }
    }

    /// Whether the question is (or may still be) shown. Unknown ids and cycles are hidden.
    pub(crate) fn visible(&self, question: &str) -> Tri {
        let Some((&id, place)) = self.index.questions.get_key_value(question) else {
            return Tri::No;
        };
        if let Some(mark) = self.memo.borrow().get(id) {
            return mark.unwrap_or(Tri::No);
        }
        self.memo.borrow_mut().insert(id, None);
        let section = place
            .section
            .when
            .as_ref()
            .map_or(Tri::Yes, |c| self.eval(c));
        let own = place
            .question
            .when
            .as_ref()
            .map_or(Tri::Yes, |c| self.eval(c));
        let tri = section.and(own);
        self.memo.borrow_mut().insert(id, Some(tri));
        tri
    }

    /// Evaluates a condition in three-valued logic.
    pub(crate) fn eval(&self, cond: &Condition) -> Tri {
        match cond {
            Condition::All(cs) => cs.iter().fold(Tri::Yes, |acc, c| {
                if acc == Tri::No {
                    acc
                } else {
                    acc.and(self.eval(c))
                }
            }),
            Condition::Any(cs) => cs.iter().fold(Tri::No, |acc, c| {
                if acc == Tri::Yes {
                    acc
                } else {
                    acc.not().and(self.eval(c).not()).not()
                }
            }),
            Condition::Not(c) => self.eval(c).not(),
            leaf => {
                let Some(&q) = leaf.questions().first() else {
                    return Tri::No;
                };
                match self.visible(q) {
                    Tri::No => leaf.holds(&OneFact(Fact::Hidden)).into(),
                    Tri::Maybe => Tri::Maybe,
                    Tri::Yes => match self.entries.get(q).map(|e| &e.answer) {
                        None | Some(Answer::Unknown | Answer::Later { .. }) => Tri::Maybe,
                        Some(Answer::NotApplicable { .. }) => {
                            leaf.holds(&OneFact(Fact::NotApplicable)).into()
                        }
                        Some(Answer::Answered(v)) => holds_with(leaf, v).into(),
                    },
                }
            }
        }
    }
}

fn holds_with(leaf: &Condition, value: &AnswerValue) -> bool {
    leaf.holds(&OneFact(Fact::Answered(value)))
}
