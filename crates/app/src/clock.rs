//! Where "now" comes from. The domain crates take the day as an argument; the CLI and the desktop
//! shell read it here.

use deepbrief_core::gaps::IsoDate;
use deepbrief_core::gaps::date::BadDate;

/// Today's date in the user's time zone.
pub fn today() -> IsoDate {
    let date = jiff::Zoned::now().date();
    day(date.year(), date.month(), date.day())
}

/// Now, as a calendar file's stamp: UTC `YYYY-MM-DDTHH:MM:SS`.
pub fn utc_stamp() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%S")
        .to_string()
}

/// A day given as text (`--today 2026-12-02`): the date, or why it is not one.
pub fn parse_day(text: &str) -> Result<IsoDate, BadDate> {
    text.parse()
}

/// The date of a calendar day; a year the gap analysis cannot hold (before 0 or after 65535) is
/// taken as 2000-01-01, which no real clock gives.
fn day(year: i16, month: i8, day: i8) -> IsoDate {
    u16::try_from(year)
        .ok()
        .and_then(|y| IsoDate::new(y, month.unsigned_abs(), day.unsigned_abs()))
        .or_else(|| IsoDate::new(2000, 1, 1))
        .unwrap_or_else(|| unreachable!("2000-01-01 is a date"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_read_or_refused_with_the_format() {
        assert_eq!(
            parse_day(" 2026-12-02 ").map(|d| d.to_string()),
            Ok("2026-12-02".to_owned())
        );
        let refused = parse_day("2.12.2026").unwrap_err().to_string();
        assert!(refused.contains("YYYY-MM-DD"), "{refused}");
        assert_eq!(day(-5, 1, 1).to_string(), "2000-01-01");
        assert_eq!(day(2026, 12, 2).to_string(), "2026-12-02");
    }
}
