//! The shell is where "now" comes from: the domain crates take it as an argument. ("Who" is
//! the identity in settings: `AppState::signer`.)

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
