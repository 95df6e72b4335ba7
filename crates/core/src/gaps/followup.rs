//! Follow-up items: the open gaps of a brief, as the account manager plans a follow-up briefing.
//!
//! An item keeps the gap's stable key, so the store can persist items and, after the next answers,
//! ask [`is_open`] whether the new report still has that gap: an answer that closes the gap closes the
//! item. Items come in checklist order, which is also the agenda order.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::gaps::{GapCode, GapKey, GapReport};
use crate::model::{Checklist, Severity};
use crate::text::Text;

/// One thing to clear up at a follow-up briefing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FollowUpItem {
    /// The gap's stable key (see [`crate::gaps::Gap::key`]); stored and sent as its text.
    #[ts(type = "string")]
    pub key: GapKey,
    /// What kind of gap it came from.
    pub code: GapCode,
    /// How serious it was when planned.
    pub severity: Severity,
    /// The checklist of the question, process or rule.
    pub checklist: String,
    /// The section where it shows.
    #[ts(optional)]
    pub section: Option<String>,
    /// The questions to ask.
    pub questions: Vec<String>,
    /// What is missing, in the checklist's words.
    pub subject: Text,
    /// Why it matters.
    #[ts(optional)]
    pub why: Option<Text>,
    /// What to ask.
    pub agenda: Vec<Text>,
    /// Position in checklist order.
    pub order: u32,
}

/// The report's gaps as follow-up items, one per key, in checklist order.
pub fn follow_up_items(report: &GapReport) -> Vec<FollowUpItem> {
    let mut items: Vec<FollowUpItem> = Vec::with_capacity(report.gaps.len());
    for gap in &report.gaps {
        if items.iter().any(|i| i.key == gap.key) {
            continue;
        }
        items.push(FollowUpItem {
            key: gap.key.clone(),
            code: gap.code,
            severity: gap.severity,
            checklist: gap.checklist.clone(),
            section: gap.section.clone(),
            questions: gap.questions.clone(),
            subject: gap.subject.clone(),
            why: gap.why.clone(),
            agenda: gap.agenda.clone(),
            order: gap.order,
        });
    }
    items.sort_by_key(|i| (i.order, i.code));
    items
}

/// Whether the item's gap is still open in `report` (a later analysis of the same brief).
pub fn is_open(item: &FollowUpItem, report: &GapReport) -> bool {
    report.gaps.iter().any(|g| g.key == item.key)
}

/// What the gap `key` is about, in the words its item had while open (`Gap::subject`): the
/// question's prompt, the goal's section, the process's title, the rule's message — from the
/// brief's `checklists`. A planned briefing keeps only keys; this names its closed items too.
/// `None` when no checklist has what the key names any more.
pub fn subject_of(key: &GapKey, checklists: &[&Checklist]) -> Option<Text> {
    let of = |id: &str| checklists.iter().find(|c| c.id == id);
    match key {
        GapKey::Answer { question } | GapKey::Confirm { question } | GapKey::Vague { question } => {
            checklists
                .iter()
                .find_map(|c| c.question(question))
                .map(|q| q.prompt.clone())
        }
        GapKey::Goal { checklist } => of(checklist)?
            .questions()
            .find(|(_, q)| q.goal.is_some())
            .map(|(s, _)| s.title.clone()),
        GapKey::Process { checklist, process } => of(checklist)?
            .processes
            .iter()
            .find(|p| p.id == *process)
            .map(|p| p.title.clone()),
        GapKey::Rule { checklist, rule } => of(checklist)?
            .rules
            .iter()
            .find(|r| r.id == *rule)
            .map(|r| r.message.clone()),
    }
}

impl FollowUpItem {
    /// Whether this is the item a stored key (a planned briefing's) names.
    pub fn is(&self, stored_key: &str) -> bool {
        self.key == *stored_key
    }
}
