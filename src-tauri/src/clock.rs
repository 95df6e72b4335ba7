//! The shell is where "now" and "who" come from: the domain crates take them as arguments.

use deepbrief_core::gaps::IsoDate;

/// Today's date in the user's time zone.
pub fn today() -> IsoDate {
    let now = jiff::Zoned::now();
    let date = now.date();
    u16::try_from(date.year())
        .ok()
        .and_then(|y| IsoDate::new(y, date.month().unsigned_abs(), date.day().unsigned_abs()))
        .or_else(|| IsoDate::new(2000, 1, 1))
        .unwrap_or_else(|| unreachable!("2000-01-01 is a date"))
}

/// Now, as the calendar file's stamp: UTC `YYYY-MM-DDTHH:MM:SS`.
pub fn utc_stamp() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%S")
        .to_string()
}

/// The person at the keyboard, for the history: the system user's name.
pub fn user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "deepbrief".to_owned())
}
