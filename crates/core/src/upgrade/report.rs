//! What an upgrade plans and reports: the pins, the routes an answer takes, the archived answers and
//! the report the account manager reads before and after. Types only; the logic is in the parent.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::answer::Entry;
use crate::model::Kind;
use crate::text::Text;

/// One checklist at one version, as a brief is pinned to it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Pin {
    /// Checklist id.
    pub checklist: String,
    /// Version.
    pub version: u32,
}

/// An answer kept aside by an upgrade: shown and exported with the brief, never dropped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ArchivedAnswer {
    /// The question's id in the version the answer was given to.
    pub question_id: String,
    /// The checklist the question belonged to.
    pub checklist: String,
    /// That checklist's version.
    pub version: u32,
    /// The question as it was asked, so the answer can be read without the old checklist.
    pub prompt: Text,
    /// The question's kind in that version.
    pub kind: Kind,
    /// Why the answer was archived.
    pub reason: ArchiveReason,
    /// The answer, its evidence and its to-confirm mark, unchanged.
    pub entry: Entry,
}

/// Why an answer was archived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum ArchiveReason {
    /// The question is not in the new versions.
    Removed,
    /// Another answer took the question this one maps to.
    Displaced {
        /// The question both answers map to.
        question_id: String,
        /// The old question id whose answer was kept.
        kept: String,
    },
}

/// A question of the old checklists, as it was.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Source {
    /// Question id.
    pub question_id: String,
    /// Its checklist.
    pub checklist: String,
    /// That checklist's old version.
    pub version: u32,
    /// Its section.
    pub section: String,
    /// The question as it was asked.
    pub prompt: Text,
    /// Its kind.
    pub kind: Kind,
    /// Its choice ids (choice kinds).
    pub choices: Vec<String>,
}

/// The question of the new checklists an answer goes to, with what its answer must fit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Target {
    /// Question id.
    pub question_id: String,
    /// Its checklist.
    pub checklist: String,
    /// That checklist's new version.
    pub version: u32,
    /// Its section.
    pub section: String,
    /// Its kind.
    pub kind: Kind,
    /// Its choice ids (choice kinds).
    pub choices: Vec<String>,
    /// Its column ids (`table`).
    pub columns: Vec<String>,
    /// Its longest answer in characters (text kinds).
    pub max_length: Option<u32>,
}

/// One rename followed on the way from the old version to the new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RenameStep {
    /// The checklist whose `renamed` holds the rename.
    pub checklist: String,
    /// That checklist's version.
    pub version: u32,
    /// The id before.
    pub from: String,
    /// The id after.
    pub to: String,
}

/// Where the answer to one question of the old checklists goes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Route {
    /// The old question.
    pub from: Source,
    /// The new question, or `None` when the question was removed (its answer is archived).
    pub to: Option<Target>,
    /// The renames followed, oldest first; empty when the id did not change.
    pub renames: Vec<RenameStep>,
}

/// An archived answer that this upgrade can bring back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Restore {
    /// The archived answer's question id.
    pub question_id: String,
    /// The archived answer's checklist.
    pub checklist: String,
    /// The archived answer's version.
    pub version: u32,
    /// The question of the new checklists it returns to.
    pub to: Target,
    /// The renames followed since the archived version, oldest first.
    pub renames: Vec<RenameStep>,
}

/// A previewed upgrade: where every answer goes, and the report of what changes. Made by [`plan`],
/// carried out by [`apply`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UpgradePlan {
    /// The versions the brief is pinned to now.
    pub from: Vec<Pin>,
    /// The versions it is upgraded to.
    pub to: Vec<Pin>,
    /// One route per question of the old checklists, in interview order.
    pub routes: Vec<Route>,
    /// Archived answers this upgrade can bring back.
    pub restores: Vec<Restore>,
    /// What applying the plan to the answers it was made from does.
    pub report: UpgradeReport,
}

/// What an upgrade changes, for the preview and for the record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UpgradeReport {
    /// Checklists whose version changes, or that join or leave the brief.
    pub checklists: Vec<ChecklistChange>,
    /// What the upgrade could not do as well as it should.
    pub warnings: Vec<UpgradeWarning>,
    /// Questions of the new versions that no old question maps to.
    pub added: Vec<AddedQuestion>,
    /// Questions of the old versions that map to nothing; their answers are archived.
    pub removed: Vec<RemovedQuestion>,
    /// Questions whose id changed.
    pub renamed: Vec<RenamedQuestion>,
    /// Questions whose kind changed.
    pub kind_changed: Vec<KindChange>,
    /// Questions that lost choices.
    pub choices_removed: Vec<ChoicesRemoved>,
    /// Questions that moved to another section or checklist.
    pub moved: Vec<MovedQuestion>,
    /// Answers kept but marked to confirm, with why.
    pub rechecks: Vec<Recheck>,
    /// Archived answers that come back.
    pub restored: Vec<Restored>,
    /// Answers that map to a question another answer took.
    pub conflicts: Vec<Conflict>,
    /// Old question ids whose answers this upgrade archives (removed or displaced).
    pub archived: Vec<String>,
    /// Answers to questions of none of the old checklists, carried over unchanged.
    pub unlisted: Vec<String>,
}

impl UpgradeReport {
    /// Whether the upgrade changes nothing at all.
    pub fn is_empty(&self) -> bool {
        self == &UpgradeReport::default()
    }
}

/// A checklist whose version changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChecklistChange {
    /// Checklist id.
    pub checklist: String,
    /// The old version; `None` when the checklist joins the brief.
    pub from: Option<u32>,
    /// The new version; `None` when the checklist leaves the brief.
    pub to: Option<u32>,
    /// Each version's `changes`, oldest first, for the versions in between that are known.
    pub notes: Vec<VersionNotes>,
}

/// The `changes` of one version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct VersionNotes {
    /// The version.
    pub version: u32,
    /// What changed since the version before.
    pub changes: Vec<Text>,
}

/// Something the upgrade could not do as well as it should.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum UpgradeWarning {
    /// Versions between the old and the new one are unknown: their renames cannot be followed, so
    /// an answer whose question they renamed is archived instead of moved.
    MissingVersions {
        /// Checklist id.
        checklist: String,
        /// The versions missing.
        versions: Vec<u32>,
    },
    /// The "new" version is older than the old one: answers are mapped by id only.
    Downgrade {
        /// Checklist id.
        checklist: String,
        /// The old version.
        from: u32,
        /// The new, lower version.
        to: u32,
    },
}

/// A question of the new versions that no old question maps to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AddedQuestion {
    /// Question id.
    pub question_id: String,
    /// Its checklist.
    pub checklist: String,
    /// Its section.
    pub section: String,
    /// The question.
    pub prompt: Text,
    /// Whether it is required.
    pub required: bool,
}

/// A question of the old versions that maps to nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RemovedQuestion {
    /// Question id.
    pub question_id: String,
    /// Its checklist.
    pub checklist: String,
    /// That checklist's old version.
    pub version: u32,
    /// The question as it was asked.
    pub prompt: Text,
    /// Whether the brief has an entry (an answer or a state) for it, which is archived.
    pub has_entry: bool,
}

/// A question whose id changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RenamedQuestion {
    /// The old id.
    pub from: String,
    /// The new id.
    pub to: String,
    /// The checklist.
    pub checklist: String,
    /// Every rename followed, oldest first.
    pub steps: Vec<RenameStep>,
    /// Whether the brief has an entry for it.
    pub has_entry: bool,
}

/// A question whose kind changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KindChange {
    /// The question's new id.
    pub question_id: String,
    /// The old kind.
    pub from: Kind,
    /// The new kind.
    pub to: Kind,
    /// Whether the brief has an entry for it.
    pub has_entry: bool,
}

/// A question that lost choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChoicesRemoved {
    /// The question's new id.
    pub question_id: String,
    /// Choice ids of the old version that the new one lacks.
    pub choices: Vec<String>,
}

/// Where a question stands: its checklist and section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Place {
    /// Checklist id.
    pub checklist: String,
    /// Section id.
    pub section: String,
}

/// A question that moved to another section or checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MovedQuestion {
    /// The question's new id.
    pub question_id: String,
    /// Where it was.
    pub from: Place,
    /// Where it is now.
    pub to: Place,
}

/// An answer kept but marked to confirm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Recheck {
    /// The question the answer now belongs to.
    pub question_id: String,
    /// Why it needs a look.
    pub reasons: Vec<RecheckReason>,
}

/// Why an answer needs a look after an upgrade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
#[ts(export)]
pub enum RecheckReason {
    /// The question takes another kind of answer; the value was kept as it was.
    KindChanged {
        /// The kind the answer was given to.
        from: Kind,
        /// The kind the question takes now.
        to: Kind,
    },
    /// Choices picked in the answer no longer exist.
    ChoicesGone {
        /// The missing choice ids.
        choices: Vec<String>,
    },
    /// Table columns filled in the answer no longer exist.
    ColumnsGone {
        /// The missing column ids.
        columns: Vec<String>,
    },
}

/// An archived answer that comes back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Restored {
    /// The question it returns to.
    pub question_id: String,
    /// Its id when it was archived.
    pub from: String,
    /// The checklist it was archived from.
    pub checklist: String,
    /// That checklist's version.
    pub version: u32,
}

/// Several answers map to one question; one is kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Conflict {
    /// The question both map to.
    pub question_id: String,
    /// The old id of the answer kept.
    pub kept: String,
    /// The old id of the answer set aside.
    pub set_aside: String,
    /// The answer set aside was already archived and stays there; otherwise it is archived now.
    pub already_archived: bool,
}

/// The result of [`apply`]: the brief's answers and archive after the upgrade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Upgraded {
    /// The answers, by new question id.
    pub entries: BTreeMap<String, Entry>,
    /// Every archived answer: the ones archived before (less those restored), then the new ones.
    pub archived: Vec<ArchivedAnswer>,
    /// What changed.
    pub report: UpgradeReport,
}
