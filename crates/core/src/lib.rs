//! Deepbrief's domain core: the checklist model, YAML loading and validation, conditions,
//! visibility, gap analysis ([`gaps`]) and upgrading a brief's answers to newer checklist versions
//! ([`upgrade`]).
//!
//! Data flows one way: YAML bytes → [`yaml::Node`] (positions kept) → [`model::Checklist`] (typed,
//! every structural error collected) → validation (ids, languages, kinds, conditions, processes,
//! rules) → [`library::Library`]. The crate touches no disk (it reads the bytes it is handed;
//! `deepbrief-folders` reads folders) and never reads the clock.

pub mod answer;
pub mod answer_check;
pub mod answer_text;
pub mod condition;
pub mod diagnostic;
pub mod gaps;
pub mod history;
pub mod kinds;
pub mod lang;
pub mod library;
mod load;
pub mod merge;
pub mod model;
pub mod review;
pub mod schema;
pub mod search_text;
pub mod settings;
pub mod text;
mod tree_de;
#[cfg(test)]
mod ui_tables;
pub mod upgrade;
mod validate;
pub mod visibility;
pub mod yaml;

pub use answer::{Answer, AnswerValue, Entry, Evidence, EvidenceKind};
pub use condition::{Condition, Fact, Facts, Scalar};
pub use diagnostic::Diagnostic;
pub use gaps::{
    FollowUpItem, Gap, GapCode, GapReport, IsoDate, ProcessStatus, analyze, follow_up_items,
    is_open, subject_of,
};
pub use lang::Lang;
pub use library::{
    ChecklistSummary, FileProblem, Library, LibraryReport, LoadedChecklist, Origin, SourceFile,
    Sources, load_files,
};
pub use model::{
    Checklist, Choice, ClientWording, Column, GoalPart, Kind, Process, Question, Rule, Section,
    Severity,
};
pub use text::Text;
pub use upgrade::{
    AddedQuestion, ArchiveReason, ArchivedAnswer, ChecklistChange, ChoicesRemoved, Conflict,
    KindChange, MovedQuestion, Pin, Place, Recheck, RecheckReason, RemovedQuestion, RenameStep,
    RenamedQuestion, Restore, Restored, Route, Source, Target, UpgradePlan, UpgradeReport,
    UpgradeWarning, Upgraded, VersionNotes, apply, plan,
};
pub use visibility::{Answers, Visibility, hidden_questions};

/// Loads one checklist file's bytes on its own (no `extends` resolution): the checklist, or every
/// problem found. Used by tests and tools that check a single file.
pub fn check_bytes(path: &str, bytes: &[u8]) -> Result<Checklist, Vec<Diagnostic>> {
    let library = load_files(vec![SourceFile {
        path: path.into(),
        origin: Origin::Given,
        content: Ok(bytes.to_vec()),
    }]);
    match library.checklists.into_iter().next() {
        Some(c) => Ok(c.checklist),
        None => Err(library
            .problems
            .into_iter()
            .flat_map(|p| p.diagnostics)
            .collect()),
    }
}
