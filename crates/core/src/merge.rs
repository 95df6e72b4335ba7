//! The merge policy of two copies of a brief (a bundle import, a record pulled from the team
//! server), as a pure function of the two histories: events are united by their id, and the current
//! state of every subject a new event touched is the newest event's of that subject across both
//! machines — ordered by time (a hybrid logical clock: every copy stamps a new event after every
//! event it has seen), then event id — so two diverged copies converge to the same state whichever
//! is imported into which, in any order.
//!
//! Nothing is dropped: the losing answer stays in the history, and two answers made from the same
//! base without seeing each other are an [`AnswerConflict`], shown until someone settles it.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::history::{CONFLICT_RESOLVED, HistoryEvent};

/// What part of a brief an event decides.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    /// An answer, by question id.
    Answer(String),
    /// A field of the brief's header (`client`, `contacts`, …).
    Field(String),
    /// Whether the brief is archived (`archive` and `restore` events).
    Archived,
    /// The pinned checklist versions (`upgrade` events).
    Pins,
}

/// The header fields a `brief` event may set.
pub const FIELDS: [&str; 7] = [
    "client",
    "project",
    "account_manager",
    "language",
    "status",
    "services",
    "contacts",
];

fn slot(e: &HistoryEvent) -> Option<Slot> {
    match (e.kind.as_str(), e.subject.as_deref()) {
        ("answer", Some(q)) => Some(Slot::Answer(q.to_owned())),
        ("brief", Some(f)) if FIELDS.contains(&f) => Some(Slot::Field(f.to_owned())),
        ("archive" | "restore", _) => Some(Slot::Archived),
        ("upgrade", _) => Some(Slot::Pins),
        _ => None,
    }
}

/// The merge of an incoming history into a local one.
#[derive(Debug)]
pub struct Plan<'a> {
    /// Incoming events not here yet, in the bundle's order.
    pub added: Vec<&'a HistoryEvent>,
    /// Every slot a new event touched, with the newest event of that slot across both histories.
    pub winners: BTreeMap<Slot, &'a HistoryEvent>,
}

/// Unites `incoming` with `local` (by event id) and picks, for every slot a new event touched, the
/// newest event (by `at`, then `event_id`) of both.
pub fn plan<'a>(local: &'a [HistoryEvent], incoming: &'a [HistoryEvent]) -> Plan<'a> {
    let known: HashSet<&str> = local.iter().map(|e| e.event_id.as_str()).collect();
    let mut seen = HashSet::new();
    let added: Vec<&HistoryEvent> = incoming
        .iter()
        .filter(|e| !known.contains(e.event_id.as_str()) && seen.insert(e.event_id.as_str()))
        .collect();
    let touched: HashSet<Slot> = added.iter().filter_map(|e| slot(e)).collect();
    let mut winners: BTreeMap<Slot, &HistoryEvent> = BTreeMap::new();
    for e in local.iter().chain(added.iter().copied()) {
        let Some(s) = slot(e).filter(|s| touched.contains(s)) else {
            continue;
        };
        match winners.get(&s) {
            Some(w)
                if (w.at.as_str(), w.event_id.as_str()) >= (e.at.as_str(), e.event_id.as_str()) => {
            }
            _ => {
                winners.insert(s, e);
            }
        }
    }
    Plan { added, winners }
}

/// One side of a conflict: a value and who wrote it when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AnswerConflictSide {
    /// The answer event.
    pub event_id: String,
    /// Who wrote it.
    pub who: String,
    /// When (RFC 3339 UTC).
    pub at: String,
    /// The value written (`Entry` JSON), none when the answer was cleared.
    #[ts(optional, type = "unknown")]
    pub value: Option<serde_json::Value>,
}

/// Two or more answers to one question made from the same base without seeing each other. The
/// newest shows (it won the merge); the others stay in the history and are listed here until a
/// `conflict_resolved` event settles them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AnswerConflict {
    /// The question.
    pub question: String,
    /// The concurrent answers, newest (the one shown) first.
    pub sides: Vec<AnswerConflictSide>,
}

impl AnswerConflict {
    /// The ids of the answer events in conflict, sorted: what a `conflict_resolved` event names.
    pub fn event_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.sides.iter().map(|s| s.event_id.clone()).collect();
        ids.sort();
        ids
    }
}

fn newest_first(a: &HistoryEvent, b: &HistoryEvent) -> std::cmp::Ordering {
    (b.at.as_str(), b.event_id.as_str()).cmp(&(a.at.as_str(), a.event_id.as_str()))
}

/// The open conflicts of one brief's history, by question order of first appearance: answer events
/// of one question that share a base (`base` set) and differ in value, unless every one of them is
/// named by a [`CONFLICT_RESOLVED`] event of that question. A pure function of the set of events:
/// the same events in any order give the same conflicts.
pub fn conflicts(events: &[HistoryEvent]) -> Vec<AnswerConflict> {
    let mut settled: HashSet<(&str, &str)> = HashSet::new();
    for e in events.iter().filter(|e| e.kind == CONFLICT_RESOLVED) {
        let (Some(q), Some(ids)) = (
            e.subject.as_deref(),
            e.new
                .as_ref()
                .and_then(|n| n.get("events"))
                .and_then(|v| v.as_array()),
        ) else {
            continue;
        };
        for id in ids.iter().filter_map(|v| v.as_str()) {
            settled.insert((q, id));
        }
    }
    // (question, base) → the answer events made from that base, deduplicated by id.
    let mut groups: BTreeMap<(&str, &str), BTreeMap<&str, &HistoryEvent>> = BTreeMap::new();
    for e in events.iter().filter(|e| e.kind == "answer") {
        let (Some(q), Some(base)) = (e.subject.as_deref(), e.base.as_deref()) else {
            continue;
        };
        groups
            .entry((q, base))
            .or_default()
            .insert(e.event_id.as_str(), e);
    }
    let mut out: Vec<AnswerConflict> = Vec::new();
    for ((q, _), group) in groups {
        let values: BTreeSet<String> = group
            .values()
            .map(|e| e.new.as_ref().map(ToString::to_string).unwrap_or_default())
            .collect();
        if values.len() < 2 || group.keys().all(|id| settled.contains(&(q, *id))) {
            continue;
        }
        let mut sides: Vec<&HistoryEvent> = group.into_values().collect();
        sides.sort_by(|a, b| newest_first(a, b));
        let conflict = AnswerConflict {
            question: q.to_owned(),
            sides: sides
                .into_iter()
                .map(|e| AnswerConflictSide {
                    event_id: e.event_id.clone(),
                    who: e.who.clone(),
                    at: e.at.clone(),
                    value: e.new.clone(),
                })
                .collect(),
        };
        out.push(conflict);
    }
    out.sort_by(|a, b| {
        (a.question.as_str(), a.sides[0].at.as_str())
            .cmp(&(b.question.as_str(), b.sides[0].at.as_str()))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn event(id: &str, at: &str, kind: &str, subject: Option<&str>, new: i64) -> HistoryEvent {
        HistoryEvent {
            event_id: id.to_owned(),
            brief_id: "b".to_owned(),
            at: at.to_owned(),
            who: "t".to_owned(),
            kind: kind.to_owned(),
            subject: subject.map(str::to_owned),
            old: None,
            new: Some(json!(new)),
            base: None,
        }
    }

    fn answer(id: &str, at: &str, base: &str, new: i64) -> HistoryEvent {
        HistoryEvent {
            base: Some(base.to_owned()),
            ..event(id, at, "answer", Some("q"), new)
        }
    }

    #[test]
    fn two_answers_from_one_base_conflict_until_settled() {
        let a = answer("a", "2026-11-01T10:00:00.000Z", "", 1);
        let b = answer("b", "2026-11-01T10:00:01.000Z", "", 2);
        let later = answer("c", "2026-11-01T10:00:02.000Z", "b", 3);
        let found = conflicts(&[a.clone(), b.clone(), later.clone()]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].question, "q");
        assert_eq!(found[0].sides[0].event_id, "b", "the newest shows, first");
        assert_eq!(found[0].event_ids(), vec!["a", "b"]);
        let settle = HistoryEvent {
            new: Some(json!({"events": ["a", "b"]})),
            ..event(
                "r",
                "2026-11-01T10:00:03.000Z",
                CONFLICT_RESOLVED,
                Some("q"),
                0,
            )
        };
        assert!(conflicts(&[a.clone(), b.clone(), later, settle]).is_empty());
        let same = answer("d", "2026-11-01T10:00:04.000Z", "", 1);
        assert!(
            conflicts(&[a, same]).is_empty(),
            "the same value from both sides is no conflict"
        );
        let legacy = HistoryEvent {
            base: None,
            ..answer("e", "2026-11-01T10:00:05.000Z", "", 9)
        };
        assert!(
            conflicts(&[b, legacy]).is_empty(),
            "events before sync take no part"
        );
    }

    #[test]
    fn the_newest_event_wins_whichever_side_it_came_from() {
        let a = vec![
            event("1", "2026-11-01T10:00:00.000Z", "answer", Some("q"), 1),
            event("3", "2026-11-03T10:00:00.000Z", "answer", Some("q"), 3),
        ];
        let b = vec![
            event("1", "2026-11-01T10:00:00.000Z", "answer", Some("q"), 1),
            event("2", "2026-11-02T10:00:00.000Z", "answer", Some("q"), 2),
            event("4", "2026-11-02T10:00:00.000Z", "brief", Some("client"), 4),
            event(
                "5",
                "2026-11-02T10:00:00.000Z",
                "brief",
                Some("nonsense"),
                5,
            ),
        ];
        let into_a = plan(&a, &b);
        assert_eq!(into_a.added.len(), 3);
        assert_eq!(into_a.winners[&Slot::Answer("q".into())].event_id, "3");
        assert_eq!(into_a.winners[&Slot::Field("client".into())].event_id, "4");
        assert_eq!(into_a.winners.len(), 2, "an unknown field decides nothing");
        let into_b = plan(&b, &a);
        assert_eq!(into_b.added.len(), 1);
        assert_eq!(into_b.winners[&Slot::Answer("q".into())].event_id, "3");
        assert_eq!(plan(&a, &a).added.len(), 0, "importing twice adds nothing");
    }

    #[test]
    fn same_time_is_decided_by_event_id_on_both_sides() {
        let a = vec![event("x", "2026-11-01T10:00:00.000Z", "archive", None, 0)];
        let b = vec![event("y", "2026-11-01T10:00:00.000Z", "restore", None, 0)];
        assert_eq!(plan(&a, &b).winners[&Slot::Archived].event_id, "y");
        assert_eq!(plan(&b, &a).winners[&Slot::Archived].event_id, "y");
    }
}
