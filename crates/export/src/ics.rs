//! A follow-up briefing as an RFC 5545 calendar file (`.ics`).
//!
//! Written by hand (see `docs/decisions.md`): one `VEVENT` in a `VCALENDAR`, with
//! - `UID` given by the caller and stable for the briefing, so re-exporting updates the same event;
//! - `DTSTAMP` passed in (the crate never reads the clock), in UTC;
//! - `DTSTART`/`DTEND` with `TZID` and a matching fixed-offset `VTIMEZONE` when the meeting names its
//!   zone, else in UTC (`…Z`) computed from the offset;
//! - `SUMMARY`, `LOCATION`, `DESCRIPTION` (the intro, the numbered agenda, attendees without e-mail);
//! - `ORGANIZER` and one `ATTENDEE` per participant with an e-mail (`CN` quoted);
//! - TEXT values escaped (`\\`, `\;`, `\,`, newlines as `\n`), control characters dropped;
//! - lines folded at 75 octets (a continuation line's leading space counts), never inside a UTF-8
//!   character, every line ended with CRLF.

use crate::error::ExportError;
use crate::meeting::{Attendee, Meeting};
use crate::when::DateTime;

/// Everything the calendar event needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable unique id of the briefing, e.g. `followup-7f3a…@deepbrief`.
    pub uid: String,
    /// When the file is made, UTC: `2026-11-23T09:15:00`.
    pub dtstamp: String,
    /// The event title.
    pub summary: String,
    /// A line or two above the agenda.
    pub intro: String,
    /// The agenda, in order; numbered in the description.
    pub agenda: Vec<String>,
    /// When, where and who.
    pub meeting: Meeting,
    /// Who invites (the account manager).
    pub organizer: Option<Attendee>,
}

/// The largest line length in octets, CRLF excluded.
const MAX_OCTETS: usize = 75;

/// Renders the event as an `.ics` file.
pub fn to_ics(event: &CalendarEvent) -> Result<String, ExportError> {
    let meeting = &event.meeting;
    let start = meeting.start_time()?;
    let end = meeting.end_time()?;
    let stamp = DateTime::parse("dtstamp", &event.dtstamp)?;
    let mut out = String::new();
    let mut line = |text: &str| fold_into(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Deepbrief//Follow-up briefing//EN");
    line("CALSCALE:GREGORIAN");
    let zone = meeting.timezone.as_deref().map(param_text);
    if let Some(zone) = &zone {
        let offset = utc_offset(meeting.utc_offset_minutes);
        line("BEGIN:VTIMEZONE");
        line(&format!("TZID:{zone}"));
        line("BEGIN:STANDARD");
        line("DTSTART:19700101T000000");
        line(&format!("TZOFFSETFROM:{offset}"));
        line(&format!("TZOFFSETTO:{offset}"));
        line("END:STANDARD");
        line("END:VTIMEZONE");
    }
    line("BEGIN:VEVENT");
    line(&format!("UID:{}", text(&event.uid)));
    line(&format!("DTSTAMP:{}Z", stamp.ical()));
    let at = |t: DateTime| -> Result<String, ExportError> {
        match &zone {
            Some(zone) => Ok(format!(";TZID={zone}:{}", t.ical())),
            None => t
                .add_minutes(-i64::from(meeting.utc_offset_minutes))
                .map(|utc| format!(":{}Z", utc.ical()))
                .ok_or_else(|| ExportError::DateTime {
                    field: "meeting.utc_offset_minutes",
                    value: meeting.utc_offset_minutes.to_string(),
                }),
        }
    };
    line(&format!("DTSTART{}", at(start)?));
    line(&format!("DTEND{}", at(end)?));
    line(&format!("SUMMARY:{}", text(&event.summary)));
    if let Some(location) = meeting.location.as_deref().filter(|l| !l.trim().is_empty()) {
        line(&format!("LOCATION:{}", text(location)));
    }
    line(&format!("DESCRIPTION:{}", text(&description(event))));
    if let Some(organizer) = &event.organizer
        && let Some(email) = organizer.email.as_deref()
    {
        line(&format!(
            "ORGANIZER;CN=\"{}\":mailto:{}",
            param_text(&organizer.name),
            text(email.trim())
        ));
    }
    for attendee in &meeting.attendees {
        if let Some(email) = attendee.email.as_deref().filter(|e| !e.trim().is_empty()) {
            line(&format!(
                "ATTENDEE;CN=\"{}\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{}",
                param_text(&attendee.name),
                text(email.trim())
            ));
        }
    }
    line("END:VEVENT");
    line("END:VCALENDAR");
    Ok(out)
}

/// The description: intro, numbered agenda, then attendees without an e-mail (who cannot get an
/// invitation but should still be there).
fn description(event: &CalendarEvent) -> String {
    let mut d = event.intro.trim().to_owned();
    for (i, item) in event.agenda.iter().enumerate() {
        if !d.is_empty() {
            d.push('\n');
        }
        if i == 0 && !event.intro.trim().is_empty() {
            d.push('\n');
        }
        d.push_str(&format!("{}. {}", i + 1, item.trim()));
    }
    let others: Vec<String> = event
        .meeting
        .attendees
        .iter()
        .filter(|a| a.email.as_deref().is_none_or(|e| e.trim().is_empty()))
        .map(
            |a| match a.role.as_deref().filter(|r| !r.trim().is_empty()) {
                Some(role) => format!("{} ({})", a.name.trim(), role.trim()),
                None => a.name.trim().to_owned(),
            },
        )
        .collect();
    if !others.is_empty() {
        d.push_str("\n\n");
        d.push_str(&others.join(", "));
    }
    d
}

/// `+0300` from minutes.
fn utc_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("{sign}{:02}{:02}", m / 60, m % 60)
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma; every line break becomes
/// `\n`; other control characters are dropped.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value inside double quotes: no quotes, no control characters (RFC 5545 §3.2).
fn param_text(value: &str) -> String {
    value
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Appends one content line, folded at 75 octets on character boundaries, each piece ended by CRLF.
fn fold_into(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::{fold_into, text};

    #[test]
    fn escapes_text_values() {
        assert_eq!(text("a,b;c\\d\r\ne\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
        assert_eq!(text("bell\u{7}"), "bell");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("DESCRIPTION:{}", "Ж".repeat(100));
        fold_into(&mut out, &line);
        for piece in out.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(piece.len() <= 75, "{} octets: {piece}", piece.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }
}
