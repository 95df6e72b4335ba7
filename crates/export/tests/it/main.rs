//! Integration tests of `deepbrief-export`; modules mirror `src/`.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    reason = "a test should fail loudly at the first broken step"
)]

mod briefs;
mod fixture;
mod ics;
mod kickoff;
mod letter;
mod markdown;
mod pdf;
mod poppler;
mod stored;

use std::path::Path;

use deepbrief_core::{Checklist, Sources};
use deepbrief_export::{Attendee, Meeting};
use deepbrief_folders::load_library;

/// The bundled core checklist.
pub fn bundled_core() -> Checklist {
    load_library(&Sources {
        bundled: Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists"),
        agency: None,
        team: None,
    })
    .get("core", Some(1))
    .expect("core v1")
    .checklist
    .clone()
}

/// A follow-up briefing in Moscow with the client's two people and the account manager.
pub fn meeting() -> Meeting {
    Meeting {
        start: "2026-11-30T11:00".into(),
        duration_minutes: 60,
        timezone: Some("Europe/Moscow".into()),
        utc_offset_minutes: 180,
        attendees: vec![
            Attendee {
                name: "Ирина Петрова".into(),
                role: Some("директор".into()),
                email: Some("irina@koleso.example".into()),
            },
            Attendee {
                name: "Олег Смирнов".into(),
                role: Some("логистика".into()),
                email: None,
            },
            Attendee {
                name: "Анна Ковалёва".into(),
                role: Some("менеджер".into()),
                email: Some("anna@agency.example".into()),
            },
        ],
        location: Some("Zoom: https://zoom.example/j/123, пароль; 42".into()),
    }
}
