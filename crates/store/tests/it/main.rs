//! Integration tests of `deepbrief-store`; modules mirror `src/`.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    reason = "a test should fail loudly at the first broken step"
)]

mod answers;
mod backup;
mod board;
mod briefs;
mod bundle;
mod bundle_hostile;
mod client_links;
mod concurrency;
mod crash;
mod followups;
mod history;
mod migrations;
mod pins;
mod process_notes;
mod read_only;
mod review;
mod search;
#[path = "../../benches/support/mod.rs"]
#[allow(dead_code, reason = "the benchmarks use the rest")]
mod support;
#[path = "sync.rs"]
mod sync_tests;
mod unreadable;

use std::path::{Path, PathBuf};

use deepbrief_core::{Answer, AnswerValue, Entry, Library, Sources};
use deepbrief_folders::load_library;
use deepbrief_store::{BriefMeta, Contact, NewBrief, Store};

/// The repository's bundled checklists.
pub fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists")
}

/// The bundled library.
pub fn library() -> Library {
    load_library(&Sources {
        bundled: bundled(),
        agency: None,
        team: None,
    })
}

/// A new brief for a tyre shop (SEO), in `store`.
pub fn tyre_brief(store: &mut Store) -> BriefMeta {
    store
        .create_brief(&new_brief("Колесо", &["seo"]), &library(), "Анна")
        .expect("create brief")
}

/// What the wizard would send.
pub fn new_brief(client: &str, services: &[&str]) -> NewBrief {
    NewBrief {
        client: client.into(),
        project: "Сайт и SEO".into(),
        services: services.iter().map(|s| (*s).to_owned()).collect(),
        account_manager: "Анна Ковалёва".into(),
        contacts: vec![Contact {
            name: "Ирина Петрова".into(),
            role: "директор".into(),
            phone: "+7 900 000-00-00".into(),
            email: "irina@koleso.example".into(),
            responsible: true,
        }],
        language: "ru".into(),
        prefill_from: None,
        industry: String::new(),
    }
}

/// A text answer.
pub fn text(s: &str) -> Entry {
    Entry::new(Answer::Answered(AnswerValue::Text(s.into())))
}

/// The id of the first question of `kind` in the brief's checklists.
pub fn question_of(store: &Store, brief: &str, kind: deepbrief_core::Kind) -> String {
    store
        .brief_checklists(brief)
        .unwrap()
        .iter()
        .flat_map(|c| {
            c.questions()
                .filter(|(_, q)| q.kind == kind && q.when.is_none())
                .map(|(_, q)| q.id.clone())
                .collect::<Vec<_>>()
        })
        .next()
        .unwrap_or_else(|| panic!("no {kind:?} question"))
}
