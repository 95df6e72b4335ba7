//! A wall-clock date and time, minute or second precision, without a time zone of its own.

use std::fmt;

use deepbrief_core::IsoDate;

use crate::error::ExportError;

/// A date and time of day (`2026-11-30T11:00` or `2026-11-30T11:00:15`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    /// The date.
    pub date: IsoDate,
    /// Seconds since midnight, below 86 400.
    seconds: u32,
}

impl DateTime {
    /// Parses `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (a space may stand for `T`; a trailing
    /// `Z` is accepted and ignored); `field` names the input in the error.
    pub fn parse(field: &'static str, text: &str) -> Result<DateTime, ExportError> {
        let bad = || ExportError::DateTime {
            field,
            value: text.to_owned(),
        };
        let t = text.trim().trim_end_matches('Z');
        let (date, time) = t
            .split_once('T')
            .or_else(|| t.split_once(' '))
            .ok_or_else(bad)?;
        let date = IsoDate::parse(date).ok_or_else(bad)?;
        let parts: Vec<&str> = time.split(':').collect();
        if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.len() != 2) {
            return Err(bad());
        }
        let num = |p: &str| -> Option<u32> {
            p.bytes().try_fold(0u32, |acc, c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        let h = num(parts[0]).filter(|h| *h < 24).ok_or_else(bad)?;
        let m = num(parts[1]).filter(|m| *m < 60).ok_or_else(bad)?;
        let s = match parts.get(2) {
            Some(p) => num(p).filter(|s| *s < 60).ok_or_else(bad)?,
            None => 0,
        };
        Ok(DateTime {
            date,
            seconds: h * 3600 + m * 60 + s,
        })
    }

    /// Hours, 0–23.
    pub fn hour(self) -> u32 {
        self.seconds / 3600
    }

    /// Minutes, 0–59.
    pub fn minute(self) -> u32 {
        self.seconds / 60 % 60
    }

    /// Seconds, 0–59.
    pub fn second(self) -> u32 {
        self.seconds % 60
    }

    /// The date-time `minutes` later (earlier when negative), if the date stays in range.
    pub fn add_minutes(self, minutes: i64) -> Option<DateTime> {
        let total = i64::from(self.seconds) + minutes * 60;
        let days = total.div_euclid(86_400);
        let seconds = u32::try_from(total.rem_euclid(86_400)).ok()?;
        Some(DateTime {
            date: self.date.add_days(days)?,
            seconds,
        })
    }

    /// The RFC 5545 form `YYYYMMDDTHHMMSS`.
    pub fn ical(self) -> String {
        format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}",
            self.date.year(),
            self.date.month(),
            self.date.day(),
            self.hour(),
            self.minute(),
            self.second()
        )
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{:02}:{:02}", self.date, self.hour(), self.minute())?;
        if self.second() != 0 {
            write!(f, ":{:02}", self.second())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::DateTime;

    #[test]
    fn parses_and_moves_across_midnight() {
        let t = DateTime::parse("start", "2026-12-31T23:30").expect("parses");
        assert_eq!(
            t.add_minutes(45).map(|t| t.to_string()),
            Some("2027-01-01T00:15".into())
        );
        assert_eq!(
            t.add_minutes(-24 * 60).map(|t| t.ical()),
            Some("20261230T233000".into())
        );
        assert!(DateTime::parse("start", "2026-12-31T24:00").is_err());
        assert!(DateTime::parse("start", "2026-12-31").is_err());
        assert!(DateTime::parse("start", "2026-12-31 9:00").is_err());
        assert_eq!(
            DateTime::parse("stamp", "2026-11-23T08:05:09Z")
                .map(|t| t.ical())
                .ok(),
            Some("20261123T080509".into())
        );
    }
}
