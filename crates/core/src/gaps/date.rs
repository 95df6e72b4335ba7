//! A calendar date as gap analysis needs it: parsed from `YYYY-MM-DD`, compared, printed back.
//!
//! The core never reads the clock, so "today" is always one of these, passed in by the caller.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

/// A calendar date (proleptic Gregorian), ordered by time. Serialized as `"YYYY-MM-DD"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(export, type = "string")]
pub struct IsoDate {
    year: u16,
    month: u8,
    day: u8,
}

/// A text that is not a `YYYY-MM-DD` calendar date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date in the form YYYY-MM-DD (e.g. 2026-09-01)")]
pub struct BadDate(pub String);

impl IsoDate {
    /// The date, when `year-month-day` exists in the calendar (years 1000–9999).
    pub fn new(year: u16, month: u8, day: u8) -> Option<IsoDate> {
        let ok = (1000..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        ok.then_some(IsoDate { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD` (surrounding spaces are ignored).
    pub fn parse(text: &str) -> Option<IsoDate> {
        let b = text.trim().as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |range: std::ops::Range<usize>| -> Option<u16> {
            b[range].iter().try_fold(0u16, |acc, c| {
                c.is_ascii_digit().then(|| acc * 10 + u16::from(c - b'0'))
            })
        };
        let year = num(0..4)?;
        let month = u8::try_from(num(5..7)?).ok()?;
        let day = u8::try_from(num(8..10)?).ok()?;
        IsoDate::new(year, month, day)
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The date `n` days later (earlier when negative), if it stays within years 1000–9999.
    pub fn add_days(self, n: i64) -> Option<IsoDate> {
        from_days(self.days() + n)
    }

    /// The day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 (day 0) was a Thursday.
        ((self.days() + 3).rem_euclid(7)) as u8
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    fn days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

/// The date `days` after 1970-01-01 (H. Hinnant's `civil_from_days`).
fn from_days(days: i64) -> Option<IsoDate> {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    IsoDate::new(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for IsoDate {
    type Err = BadDate;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        IsoDate::parse(s).ok_or_else(|| BadDate(s.to_owned()))
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::IsoDate;

    #[test]
    fn parses_real_dates_only() {
        assert!(IsoDate::parse("2026-02-28").is_some());
        assert!(IsoDate::parse("2028-02-29").is_some());
        assert!(IsoDate::parse("2026-02-29").is_none());
        assert!(IsoDate::parse("2026-13-01").is_none());
        assert!(IsoDate::parse("2026-1-01").is_none());
        assert!(IsoDate::parse("01.09.2026").is_none());
        assert!(IsoDate::parse("２０２６-01-01").is_none());
        assert_eq!(
            IsoDate::parse(" 2026-09-01 ").map(|d| d.to_string()),
            Some("2026-09-01".to_owned())
        );
        assert!(IsoDate::parse("2026-01-31") < IsoDate::parse("2026-02-01"));
    }

    #[test]
    fn adds_days_across_months_years_and_leap_days() {
        let d = |s: &str| IsoDate::parse(s).expect("date");
        assert_eq!(d("2026-12-31").add_days(1), Some(d("2027-01-01")));
        assert_eq!(d("2028-03-01").add_days(-1), Some(d("2028-02-29")));
        assert_eq!(d("2026-11-23").add_days(0), Some(d("2026-11-23")));
        assert_eq!(d("9999-12-31").add_days(1), None);
        assert_eq!(d("2026-11-23").weekday(), 0, "a Monday");
        assert_eq!(d("2026-11-29").weekday(), 6, "a Sunday");
    }
}
