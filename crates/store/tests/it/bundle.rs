//! Bundles: round trip, idempotent import, merge of diverged copies, broken files refused.

use std::path::Path;

use deepbrief_core::Kind;
use deepbrief_store::{Store, StoreError, bundle};

use crate::{question_of, text, tyre_brief};

/// Every row of every table, for "nothing changed" checks.
fn dump(store: &Store, brief: &str) -> String {
    format!(
        "{:?}{:?}{:?}",
        store.open_brief(brief).ok(),
        store.history(brief, None).ok(),
        store.followups(brief).ok()
    )
}

#[test]
fn round_trip_then_reimport_changes_nothing() {
    let mut a = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut a);
    let q = question_of(&a, &brief.id, Kind::LongText);
    a.set_answer(&brief.id, &q, Some(text("через Авито")), "Анна")
        .unwrap();
    a.add_adhoc(&brief.id, None, "Склад в Туле?", Kind::YesNo, "Анна")
        .unwrap();
    let bytes = bundle::export(&a, &brief.id).unwrap();

    let mut b = Store::open_in_memory().unwrap();
    let outcome = b
        .import_bundle(&bytes, Path::new("brief.deepbrief"), &crate::library())
        .unwrap();
    assert!(outcome.created);
    assert_eq!(
        b.open_brief(&brief.id).unwrap(),
        a.open_brief(&brief.id).unwrap()
    );
    assert_eq!(
        b.history(&brief.id, None).unwrap(),
        a.history(&brief.id, None).unwrap()
    );
    assert_eq!(b.search("авито", 10).unwrap().len(), 1);

    let before = dump(&b, &brief.id);
    let again = b
        .import_bundle(&bytes, Path::new("brief.deepbrief"), &crate::library())
        .unwrap();
    assert!(!again.created);
    assert_eq!(again.events_added, 0);
    assert_eq!(again.answers_changed, 0);
    assert_eq!(dump(&b, &brief.id), before);
}

#[test]
fn two_diverged_copies_converge_newest_wins() {
    let mut a = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut a);
    let questions: Vec<String> = a
        .brief_checklists(&brief.id)
        .unwrap()
        .iter()
        .flat_map(|c| {
            c.questions()
                .filter(|(_, q)| q.kind == Kind::LongText && q.when.is_none())
                .map(|(_, q)| q.id.clone())
                .collect::<Vec<_>>()
        })
        .take(3)
        .collect();
    let (q1, q2, q3) = (&questions[0], &questions[1], &questions[2]);
    let mut b = Store::open_in_memory().unwrap();
    b.import_bundle(
        &bundle::export(&a, &brief.id).unwrap(),
        Path::new("x"),
        &crate::library(),
    )
    .unwrap();

    a.set_answer(&brief.id, q1, Some(text("A1")), "Анна")
        .unwrap();
    a.set_answer(&brief.id, q3, Some(text("A3 first")), "Анна")
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    b.set_answer(&brief.id, q2, Some(text("B2")), "Олег")
        .unwrap();
    b.set_answer(&brief.id, q3, Some(text("B3 later")), "Олег")
        .unwrap();

    let from_a = bundle::export(&a, &brief.id).unwrap();
    let from_b = bundle::export(&b, &brief.id).unwrap();
    a.import_bundle(&from_b, Path::new("b"), &crate::library())
        .unwrap();
    b.import_bundle(&from_a, Path::new("a"), &crate::library())
        .unwrap();
    let ea = a.open_brief(&brief.id).unwrap().entries;
    let eb = b.open_brief(&brief.id).unwrap().entries;
    assert_eq!(ea, eb);
    assert_eq!(ea[q1], text("A1"));
    assert_eq!(ea[q2], text("B2"));
    assert_eq!(ea[q3], text("B3 later"));
    assert_eq!(
        a.history(&brief.id, None).unwrap().len(),
        b.history(&brief.id, None).unwrap().len()
    );
}

#[test]
fn broken_files_are_refused_with_their_message_and_change_nothing() {
    let mut a = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut a);
    let good = bundle::export(&a, &brief.id).unwrap();
    let newline = good.iter().position(|b| *b == b'\n').unwrap();
    let header = String::from_utf8(good[..newline].to_vec()).unwrap();
    let body = &good[newline + 1..];
    let with_header = |h: String| {
        let mut v = h.into_bytes();
        v.push(b'\n');
        v.extend_from_slice(body);
        v
    };
    let bad_body = b"{not json";
    let mut bad_json = format!(
        "{{\"format\":\"deepbrief-bundle\",\"version\":1,\"app\":\"test\",\"bytes\":{},\"sha256\":\"{}\"}}\n",
        bad_body.len(),
        deepbrief_core::library::content_hash(bad_body)
    )
    .into_bytes();
    bad_json.extend_from_slice(bad_body);
    let flipped = {
        let mut v = good.clone();
        let last = v.len() - 2;
        v[last] ^= 0x01;
        v
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "empty"),
        ("truncated", good[..good.len() - 100].to_vec(), "truncated"),
        (
            "wrong version",
            with_header(header.replace("\"version\":1", "\"version\":9")),
            "newer Deepbrief",
        ),
        (
            "foreign json",
            b"{\"hello\":\"world\"}\n{}".to_vec(),
            "not a Deepbrief bundle",
        ),
        (
            "binary junk",
            vec![0xff, 0x00, 0x13, 0x37, b'\n', 0x01],
            "not a Deepbrief bundle",
        ),
        ("bad json", bad_json, "cannot be read"),
        ("wrong checksum", flipped, "checksum"),
        (
            "no header",
            b"just some text without a newline".to_vec(),
            "no header",
        ),
    ];
    let mut b = Store::open_in_memory().unwrap();
    for (name, bytes, message) in cases {
        let err = b
            .import_bundle(&bytes, Path::new("broken.deepbrief"), &crate::library())
            .unwrap_err();
        assert!(matches!(err, StoreError::Bundle { .. }), "{name}: {err}");
        let text = err.to_string();
        assert!(
            text.contains("broken.deepbrief"),
            "{name}: names the file: {text}"
        );
        assert!(text.contains(message), "{name}: {text}");
        assert!(b.brief_meta(&brief.id).is_err(), "{name}: nothing imported");
    }
}
