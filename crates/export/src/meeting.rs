//! The proposed follow-up briefing: when, how long, where, who.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ExportError;
use crate::when::DateTime;

/// A follow-up briefing as the letter proposes it and the calendar file books it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Meeting {
    /// Wall-clock start in the meeting's time zone: `2026-11-30T11:00`.
    pub start: String,
    /// Length in minutes.
    pub duration_minutes: u32,
    /// IANA time zone name (`Europe/Moscow`), shown in the letter and written as the calendar's
    /// `TZID`; without it the start is taken as UTC plus `utc_offset_minutes`.
    #[serde(default)]
    #[ts(optional)]
    pub timezone: Option<String>,
    /// The zone's offset from UTC at the meeting, in minutes (`180` for Moscow).
    #[serde(default)]
    pub utc_offset_minutes: i32,
    /// Who is invited: the client's people and the agency's.
    #[serde(default)]
    pub attendees: Vec<Attendee>,
    /// Where: an address or a call link.
    #[serde(default)]
    #[ts(optional)]
    pub location: Option<String>,
}

/// One participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Attendee {
    /// Full name.
    pub name: String,
    /// Role or position (`Директор`, `account manager`).
    #[serde(default)]
    #[ts(optional)]
    pub role: Option<String>,
    /// E-mail; a calendar invitation needs one.
    #[serde(default)]
    #[ts(optional)]
    pub email: Option<String>,
}

impl Meeting {
    /// The start as a wall-clock date-time.
    pub fn start_time(&self) -> Result<DateTime, ExportError> {
        DateTime::parse("meeting.start", &self.start)
    }

    /// The end as a wall-clock date-time.
    pub fn end_time(&self) -> Result<DateTime, ExportError> {
        self.start_time()?
            .add_minutes(i64::from(self.duration_minutes))
            .ok_or_else(|| ExportError::DateTime {
                field: "meeting.duration_minutes",
                value: self.duration_minutes.to_string(),
            })
    }
}
