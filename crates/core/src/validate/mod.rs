//! Checks that need the whole checklist: ids, languages, kind options, conditions (references,
//! types, cycles, questions that can never be shown), processes, rules and renames.
//!
//! Every check appends to one list; nothing stops at the first problem. One module per pass:
//! [`header`], [`ids`], [`texts`], [`kinds`], [`conditions`], [`reach`] (questions that can never be
//! shown) and [`processes`] (processes, rules, client wording, renames); this module holds the
//! [`Validator`] they share and the order they run in.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::Issue;
use crate::load::ItemPaths;
use crate::model::{Checklist, Question, Section};
use crate::yaml::{Node, Value, find, locate};

mod conditions;
mod header;
mod ids;
mod kinds;
mod processes;
mod reach;
mod texts;

/// Validates a checklist read from `tree`. `base` is the checklist named by `extends`, already valid;
/// `siblings` are the other add-ons of the same base, whose question ids a brief may combine with
/// this one's and so must not repeat.
pub(crate) fn validate(
    checklist: &Checklist,
    base: Option<&Checklist>,
    siblings: &[&Checklist],
    tree: &Node,
    written_ids: &HashSet<String>,
    paths: &ItemPaths,
) -> Vec<Issue> {
    let mut questions: HashMap<&str, &Question> = HashMap::new();
    if let Some(base) = base {
        for (_, q) in base.questions() {
            questions.insert(&q.id, q);
        }
    }
    let mut v = Validator {
        checklist,
        base,
        siblings,
        tree,
        written_ids,
        paths,
        questions,
        issues: Vec::new(),
    };
    v.header();
    v.ids();
    v.texts();
    v.kinds();
    v.conditions();
    v.reachability();
    v.processes_and_rules();
    v.client_wording();
    v.renamed();
    v.issues
}

pub(super) struct Validator<'a> {
    checklist: &'a Checklist,
    base: Option<&'a Checklist>,
    siblings: &'a [&'a Checklist],
    tree: &'a Node,
    written_ids: &'a HashSet<String>,
    paths: &'a ItemPaths,
    questions: HashMap<&'a str, &'a Question>,
    issues: Vec<Issue>,
}

pub(super) fn is_id(s: &str, dash: bool) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || (dash && c == '-'))
}

impl<'a> Validator<'a> {
    pub(super) fn err(
        &mut self,
        path: impl Into<String>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) {
        let path = path.into();
        let pos = locate(self.tree, &path);
        self.issues.push(Issue::new(Some(pos), path, message, fix));
    }

    /// Whether the file itself has items at `path` (some may have failed to read and be reported
    /// already), so "no questions" is not reported on top of their errors.
    pub(super) fn written_items(&self, path: &str) -> bool {
        matches!(find(self.tree, path).map(|n| &n.value), Some(Value::Seq(items)) if !items.is_empty())
    }

    pub(super) fn question_paths(&self) -> Vec<(String, &'a Section, &'a Question)> {
        let c: &'a Checklist = self.checklist;
        c.sections
            .iter()
            .enumerate()
            .flat_map(|(si, s)| {
                s.questions
                    .iter()
                    .enumerate()
                    .map(move |(qi, q)| (self.question_path(si, qi), s, q))
            })
            .collect()
    }

    pub(super) fn section_path(&self, si: usize) -> String {
        self.paths
            .sections
            .get(si)
            .cloned()
            .unwrap_or_else(|| format!("sections[{si}]"))
    }

    pub(super) fn question_path(&self, si: usize, qi: usize) -> String {
        self.paths
            .questions
            .get(si)
            .and_then(|qs| qs.get(qi))
            .cloned()
            .unwrap_or_else(|| format!("{}.questions[{qi}]", self.section_path(si)))
    }

    pub(super) fn item_path(paths: &[String], list: &str, i: usize) -> String {
        paths
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("{list}[{i}]"))
    }

    pub(super) fn process_path(&self, i: usize) -> String {
        Self::item_path(&self.paths.processes, "processes", i)
    }

    pub(super) fn rule_path(&self, i: usize) -> String {
        Self::item_path(&self.paths.rules, "rules", i)
    }
}
