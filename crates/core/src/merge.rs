//! The merge policy of two copies of a brief (a bundle import today, sync tomorrow), as a pure
//! function of the two histories: events are united by
//! their id, and the current state of every subject a new event touched is the newest event's of
//! that subject across both machines — ordered by time, then event id — so two diverged copies
//! converge to the same state whichever is imported into which.

use std::collections::{BTreeMap, HashSet};

use crate::history::HistoryEvent;

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
        }
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
