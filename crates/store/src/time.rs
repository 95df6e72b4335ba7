//! Timestamps of records and history: RFC 3339 UTC with milliseconds, so they sort as text.

/// Now, as `2026-11-23T06:12:00.123Z`.
pub fn now() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

/// A new id for a brief, a follow-up or a history event (UUID v4).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The time 1 ms after `at` (an RFC 3339 UTC time with milliseconds); `at` itself when it does not
/// read as one (then the history's order falls back to the event id).
pub fn after(at: &str) -> String {
    match at.parse::<jiff::Timestamp>() {
        Ok(t) => (t + jiff::SignedDuration::from_millis(1))
            .strftime("%Y-%m-%dT%H:%M:%S%.3fZ")
            .to_string(),
        Err(_) => at.to_owned(),
    }
}
