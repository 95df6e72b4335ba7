//! Markdown and JSON exports.

use deepbrief_core::{Answer, AnswerValue, Checklist, Entry};
use deepbrief_export::{KickoffDocument, Lang, to_json, to_markdown};

use crate::fixture;

#[test]
fn fixture_markdown_matches_snapshot_in_both_languages() {
    for (lang, name) in [(Lang::Ru, "markdown_ru"), (Lang::En, "markdown_en")] {
        let md = to_markdown(&fixture::document(lang)).expect("markdown");
        insta::assert_snapshot!(name, md);
    }
}

#[test]
fn user_text_cannot_inject_markdown() {
    let loaded = fixture::checklists();
    let refs: Vec<&Checklist> = loaded.iter().map(|l| &l.checklist).collect();
    let mut entries = fixture::complete_entries(Lang::En, &refs);
    entries.insert(
        "company_offer".into(),
        Entry::new(Answer::Answered(AnswerValue::Text(
            "# Heading\n* item\n1. one\n<script>x</script> [a](b) | c |".into(),
        ))),
    );
    let md = to_markdown(&fixture::document_with(Lang::En, &entries)).expect("markdown");
    for line in [
        "\\# Heading",
        "\\* item",
        "1\\. one",
        "\\<script\\>x\\</script\\> \\[a\\](b) \\| c \\|",
    ] {
        assert!(md.lines().any(|l| l == line), "{line} not in\n{md}");
    }
    assert!(!md.contains("<script>"));
}

#[test]
fn json_export_round_trips() {
    let doc = fixture::document(Lang::Ru);
    let json = to_json(&doc).expect("json");
    let back: KickoffDocument = serde_json::from_str(&json).expect("parse");
    assert_eq!(back, doc);
    assert!(json.contains("\"lang\": \"ru\""));
}
