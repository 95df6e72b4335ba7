//! A brief's history, as every copy of it keeps it: append-only events, each with an id unique across
//! machines. The store writes and reads them; the merge policy ([`crate::merge`]) unites two copies.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One entry of a brief's history: when, who, what, old → new. Never rewritten.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HistoryEvent {
    /// Unique across machines.
    pub event_id: String,
    /// The brief.
    pub brief_id: String,
    /// RFC 3339 UTC.
    pub at: String,
    /// Who made the change (the AM's or lead's name).
    pub who: String,
    /// `created`, `answer`, `brief`, `adhoc`, `upgrade`, `archived_answer`, `archive`, `restore`,
    /// `followup`, `comment`, `comment_resolved`, `approve`, `revision`, [`CONFLICT_RESOLVED`].
    pub kind: String,
    /// The question id (answers), the field name (`brief`), the ad-hoc or follow-up id.
    #[ts(optional)]
    pub subject: Option<String>,
    /// The value before, as JSON (an `Entry` for answers); none when there was nothing.
    #[ts(optional, type = "unknown")]
    pub old: Option<serde_json::Value>,
    /// The value after, as JSON; none when it was cleared.
    #[ts(optional, type = "unknown")]
    pub new: Option<serde_json::Value>,
    /// For an `answer` event: the id of the event whose value it replaced, as this copy showed it
    /// (`""` when the question had no answer yet). Two answers with the same base and different values
    /// were made without seeing each other: a conflict ([`crate::merge::conflicts`]). None in events
    /// written before sync existed (they take part in no conflict).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub base: Option<String>,
}

/// The event kind that settles conflicts: `subject` = the question id, `new` = `{"events": [ids]}`,
/// the answer events whose conflict it settles.
pub const CONFLICT_RESOLVED: &str = "conflict_resolved";
