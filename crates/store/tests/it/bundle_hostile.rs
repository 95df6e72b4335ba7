//! Bundles whose checksum is right but whose contents are wrong: every part is validated before
//! anything is written, a refusal names the part, and one bad brief never breaks the others.

use std::path::Path;
use std::sync::OnceLock;

use deepbrief_core::gaps::IsoDate;
use deepbrief_core::{Kind, Library};
use deepbrief_store::{BriefFilter, Store, StoreError, bundle};
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::{new_brief, question_of, text, tyre_brief};

/// The bundled library, loaded once.
fn lib() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(crate::library)
}

fn today() -> IsoDate {
    IsoDate::parse("2026-11-23").unwrap()
}

/// A bundle's payload as JSON.
fn payload_of(bytes: &[u8]) -> Value {
    let newline = bytes.iter().position(|b| *b == b'\n').unwrap();
    serde_json::from_slice(&bytes[newline + 1..]).unwrap()
}

/// A bundle around `payload` with a right header and checksum (as a hand edit would make it).
fn rebundle(payload: &Value) -> Vec<u8> {
    let body = serde_json::to_vec(payload).unwrap();
    let mut out = format!(
        "{{\"format\":\"deepbrief-bundle\",\"version\":1,\"app\":\"test\",\"bytes\":{},\"sha256\":\"{}\"}}\n",
        body.len(),
        deepbrief_core::library::content_hash(&body)
    )
    .into_bytes();
    out.extend_from_slice(&body);
    out
}

/// Sets a pin's content and its hash.
fn set_pin(payload: &mut Value, i: usize, content: &str) {
    payload["pins"][i]["content"] = json!(content);
    payload["pins"][i]["hash"] = json!(deepbrief_core::library::content_hash(content.as_bytes()));
}

/// A brief with one answered long-text question, exported; the brief's and the question's id.
fn exported() -> (Vec<u8>, String, String) {
    let mut a = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut a);
    let q = question_of(&a, &brief.id, Kind::LongText);
    a.set_answer(&brief.id, &q, Some(text("через Авито")), "Анна")
        .unwrap();
    (bundle::export(&a, &brief.id).unwrap(), brief.id, q)
}

/// The id of a number question of the tyre brief.
fn number_question() -> String {
    let mut a = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut a);
    question_of(&a, &brief.id, Kind::Number)
}

/// Everything the public API shows of a store, for "nothing changed" checks.
fn dump(store: &Store) -> String {
    let mut out = String::new();
    for archived in [false, true] {
        let filter = BriefFilter {
            archived,
            ..BriefFilter::default()
        };
        for item in store.list_briefs(&filter).unwrap() {
            let id = &item.meta.id;
            out.push_str(&format!(
                "{item:?}{:?}{:?}{:?}",
                store.open_brief(id).ok(),
                store.history(id, None).ok(),
                store.followups(id).ok()
            ));
        }
    }
    out
}

/// Every command a user runs still works: list, board, a new brief, an export of every brief.
fn every_command_works(store: &mut Store) {
    let rows = store.rows(&BriefFilter::default(), today()).unwrap();
    store.board(&BriefFilter::default(), today()).unwrap();
    for r in &rows {
        bundle::export(store, &r.item.meta.id).unwrap();
    }
    store
        .create_brief(&new_brief("Новый клиент", &["seo"]), lib(), "Анна")
        .unwrap();
}

fn refused(store: &mut Store, bytes: &[u8], part: &str, message: &str) {
    let before = dump(store);
    let err = store
        .import_bundle(bytes, Path::new("hostile.deepbrief"), lib())
        .unwrap_err();
    assert!(matches!(err, StoreError::Bundle { .. }), "{err}");
    let text = err.to_string();
    assert!(text.contains("hostile.deepbrief"), "names the file: {text}");
    assert!(text.contains(part), "names `{part}`: {text}");
    assert!(text.contains(message), "says `{message}`: {text}");
    assert_eq!(dump(store), before, "nothing changed after: {text}");
}

#[test]
fn right_checksum_wrong_contents_is_refused_naming_the_part() {
    let (good, brief, q) = exported();
    let payload = payload_of(&good);
    let core = payload["pins"][0]["content"].as_str().unwrap().to_owned();
    let number = number_question();
    let first_event = |p: &Value, kind: &str| {
        p["events"]
            .as_array()
            .unwrap()
            .iter()
            .position(|e| e["kind"] == kind && e["subject"] == json!(q))
            .unwrap_or(0)
    };
    type Mutation<'a> = Box<dyn Fn(&mut Value) + 'a>;
    let cases: Vec<(&str, Mutation<'_>, &str, &str)> = vec![
        (
            "checklist text that does not parse",
            Box::new(|p| {
                set_pin(p, 0, "id: [core\nversion: 9\n");
                p["pins"][0]["version"] = json!(9);
            }),
            // The core, or the add-on that extends it and fails with it.
            "pins[",
            "does not load",
        ),
        (
            "a pin that says core@8 over a text that says evil",
            Box::new(|p| {
                let evil = core.replacen("id: core", "id: evil", 1);
                set_pin(p, 0, &evil);
                p["pins"][0]["version"] = json!(8);
            }),
            "pins[0]",
            "the pin says core@8",
        ),
        (
            "text in a number question",
            Box::new(|p| {
                let number = number.as_str();
                let wrong = json!({"answer": {"state": "answered", "value": {"type": "text", "value": "много"}}});
                p["entries"][number] = wrong.clone();
                let mut e = p["events"][0].clone();
                e["event_id"] = json!("00000000-0000-4000-8000-000000000001");
                e["kind"] = json!("answer");
                e["subject"] = json!(number);
                e["new"] = wrong;
                p["events"].as_array_mut().unwrap().push(e);
            }),
            "events[",
            "does not fit",
        ),
        (
            "an answer to a question the checklists do not have",
            Box::new(|p| {
                let i = first_event(p, "answer");
                p["events"][i]["subject"] = json!("no_such_question");
            }),
            ".subject",
            "no question `no_such_question`",
        ),
        (
            "an answer without history",
            Box::new(|p| {
                p["entries"]["company_name"] = json!({"answer": {"state": "answered", "value": {"type": "text", "value": "ООО"}}});
            }),
            "entries.company_name",
            "no history event",
        ),
        (
            "an event at not-a-time",
            Box::new(|p| {
                let last = p["events"].as_array().unwrap().len() - 1;
                p["events"][last]["at"] = json!("not-a-time");
            }),
            ".at",
            "not a time",
        ),
        (
            "a brief id that is a path",
            Box::new(|p| {
                p["brief"]["id"] = json!("../../../../evil");
                for e in p["events"].as_array_mut().unwrap() {
                    e["brief_id"] = json!("../../../../evil");
                }
            }),
            "brief.id",
            "may hold only",
        ),
        (
            "NUL in the client",
            Box::new(|p| p["brief"]["client"] = json!("Колесо\u{0}")),
            "brief.client",
            "NUL",
        ),
        (
            "a line break in the client",
            Box::new(|p| p["brief"]["client"] = json!("Колесо\r\nевил")),
            "brief.client",
            "line break",
        ),
        (
            "an answer past its kind's limit",
            Box::new(|p| {
                let huge = json!({"answer": {"state": "answered", "value": {"type": "text", "value": "a".repeat(1_000_001)}}});
                let i = first_event(p, "answer");
                p["events"][i]["new"] = huge.clone();
                p["entries"][&q] = huge;
            }),
            "events[",
            "at most 1000000",
        ),
        (
            "an answer of 10 MB",
            Box::new(|p| {
                let huge = json!({"answer": {"state": "answered", "value": {"type": "text", "value": "я".repeat(10 * 1024 * 1024)}}});
                p["entries"][&q] = huge;
            }),
            "entries.",
            "at most 1000000",
        ),
    ];
    for (name, mutate, part, message) in cases {
        let mut payload = payload_of(&good);
        mutate(&mut payload);
        let bytes = rebundle(&payload);
        let mut store = Store::open_in_memory().unwrap();
        tyre_brief(&mut store);
        refused(&mut store, &bytes, part, message);
        assert!(
            store.brief_meta(&brief).is_err(),
            "{name}: the brief was not imported"
        );
        every_command_works(&mut store);
    }
    // The unmutated bundle is fine.
    let mut store = Store::open_in_memory().unwrap();
    store
        .import_bundle(&rebundle(&payload), Path::new("ok"), lib())
        .unwrap();
}

#[test]
fn another_core_v1_never_replaces_or_blocks_the_local_one() {
    let (good, brief, _) = exported();
    let mut payload = payload_of(&good);
    let core = payload["pins"][0]["content"].as_str().unwrap().to_owned();
    set_pin(
        &mut payload,
        0,
        &format!("{core}\n# a local edit without a new version\n"),
    );
    let bytes = rebundle(&payload);

    // A fresh install: nothing stored yet, the bundled core@2 (the latest) is on disk only.
    let mut fresh = Store::open_in_memory().unwrap();
    refused(
        &mut fresh,
        &bytes,
        "pins[0]",
        "differs from the core@2 on this machine",
    );
    assert!(fresh.brief_meta(&brief).is_err());
    every_command_works(&mut fresh);

    // A machine that has stored its own core@1.
    let mut used = Store::open_in_memory().unwrap();
    tyre_brief(&mut used);
    let empty = Library::default();
    refused(&mut used, &bytes, "pins[0]", "the one here is kept");
    let err = used
        .import_bundle(&bytes, Path::new("hostile.deepbrief"), &empty)
        .unwrap_err();
    assert!(err.to_string().contains("differs"), "{err}");
    every_command_works(&mut used);
}

#[test]
fn a_brief_that_cannot_be_read_is_listed_as_damaged_and_the_others_work() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("deepbrief.db");
    let mut store = Store::open(&db).unwrap();
    let good = tyre_brief(&mut store);
    let (bytes, bad, _) = exported();
    store.import_bundle(&bytes, Path::new("b"), lib()).unwrap();
    drop(store);
    // What an older Deepbrief let in: a stored checklist that does not load, pinned by one brief.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "INSERT INTO checklist_version (checklist, version, hash, content, source, stored_at)
         VALUES ('core', 9, 'h', 'id: [', 'bundle', '2026-11-23T06:12:00.123Z')",
        [],
    )
    .unwrap();
    conn.execute(
        "UPDATE brief_checklist SET version = 9 WHERE brief_id = ?1 AND checklist = 'core'",
        [&bad],
    )
    .unwrap();
    drop(conn);

    let mut store = Store::open(&db).unwrap();
    let rows = store.rows(&BriefFilter::default(), today()).unwrap();
    assert_eq!(rows.len(), 2);
    let damaged = rows.iter().find(|r| r.item.meta.id == bad).unwrap();
    let why = damaged.item.damaged.as_deref().unwrap_or_default();
    assert!(why.contains("core@9"), "says what is wrong: {why}");
    let fine = rows.iter().find(|r| r.item.meta.id == good.id).unwrap();
    assert_eq!(fine.item.damaged, None);
    assert!(fine.board.completeness.total > 0);
    let board = store.board(&BriefFilter::default(), today()).unwrap();
    assert_eq!(board.rows.len(), 2);
    assert!(board.rows.iter().any(|r| r.item.damaged.is_some()));
    store
        .create_brief(&new_brief("Новый", &["seo"]), lib(), "Анна")
        .unwrap();
}

#[test]
fn a_padded_bundle_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let (good, _, _) = exported();
    // 100 MB of padding in an unknown field: the header is right, the file is a sparse 100 MB.
    let path = dir.path().join("padded.deepbrief");
    let padded: u64 = 100 * 1024 * 1024;
    let header = format!(
        "{{\"format\":\"deepbrief-bundle\",\"version\":1,\"app\":\"test\",\"bytes\":{padded},\"sha256\":\"0\"}}\n"
    );
    std::fs::write(&path, &header).unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(header.len() as u64 + padded)
        .unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let err = store.import_bundle_file(&path, lib()).unwrap_err();
    assert!(err.to_string().contains("at most 32 MB"), "{err}");
    // The same through the bytes path (the limit is in the header check).
    let mut payload = payload_of(&good);
    payload["padding"] = json!("x".repeat(33 * 1024 * 1024));
    let err = store
        .import_bundle(&rebundle(&payload), Path::new("p"), lib())
        .unwrap_err();
    assert!(err.to_string().contains("at most 32 MB"), "{err}");
    // A good file goes through the file path.
    let ok = dir.path().join("ok.deepbrief");
    std::fs::write(&ok, &good).unwrap();
    store.import_bundle_file(&ok, lib()).unwrap();
}

#[test]
fn after_a_merge_history_and_re_exports_are_oldest_first() {
    let mut a = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut a);
    let q = question_of(&a, &brief.id, Kind::LongText);
    let mut b = Store::open_in_memory().unwrap();
    b.import_bundle(
        &bundle::export(&a, &brief.id).unwrap(),
        Path::new("a"),
        lib(),
    )
    .unwrap();
    // a, then b, then a again: interleaved in time.
    let step = || std::thread::sleep(std::time::Duration::from_millis(3));
    a.set_answer(&brief.id, &q, Some(text("A1")), "Анна")
        .unwrap();
    step();
    b.set_answer(&brief.id, &q, Some(text("B1")), "Олег")
        .unwrap();
    step();
    a.set_answer(&brief.id, &q, Some(text("A2")), "Анна")
        .unwrap();
    a.import_bundle(
        &bundle::export(&b, &brief.id).unwrap(),
        Path::new("b"),
        lib(),
    )
    .unwrap();
    let history = a.history(&brief.id, None).unwrap();
    let times: Vec<&str> = history.iter().map(|e| e.at.as_str()).collect();
    let mut sorted = times.clone();
    sorted.sort_unstable();
    assert_eq!(times, sorted, "brief history is oldest-first");
    let exported = payload_of(&bundle::export(&a, &brief.id).unwrap());
    let times: Vec<String> = exported["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["at"].as_str().unwrap().to_owned())
        .collect();
    let mut sorted = times.clone();
    sorted.sort_unstable();
    assert_eq!(times, sorted, "a re-exported bundle is oldest-first");
    assert_eq!(a.open_brief(&brief.id).unwrap().entries[&q], text("A2"));
}

/// One edit of a payload: a path of keys/indices and a new value (or removal).
#[derive(Debug, Clone)]
enum Edit {
    Set(Vec<usize>, Value),
    Remove(Vec<usize>),
    DuplicateEvent(usize),
}

fn hostile_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(null)),
        Just(json!("")),
        Just(json!("../../etc/passwd")),
        Just(json!("a\u{0}b")),
        Just(json!("line\r\nbreak")),
        Just(json!("not-a-time")),
        Just(json!("2026-11-23T06:12:00.123Z")),
        Just(json!("2030-01-01T00:00:00.000Z")),
        Just(json!(-1)),
        Just(json!(1e300)),
        Just(json!(7)),
        Just(json!(true)),
        Just(json!([])),
        Just(json!({})),
        Just(json!({"answer": {"state": "answered", "value": {"type": "number", "value": 5}}})),
        Just(json!({"answer": {"state": "answered", "value": {"type": "text", "value": "ответ"}}})),
        Just(json!({"answer": {"state": "unknown"}})),
        "[a-z_]{1,12}".prop_map(Value::String),
        ".{0,20}".prop_map(Value::String),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    let path = prop::collection::vec(0usize..64, 1..5);
    prop_oneof![
        (path.clone(), hostile_value()).prop_map(|(p, v)| Edit::Set(p, v)),
        path.prop_map(Edit::Remove),
        (0usize..64).prop_map(Edit::DuplicateEvent),
    ]
}

/// Follows a path of choices through a JSON value (each index picks a key or an element modulo
/// the size), returning the parent and the chosen key/index.
fn apply(payload: &mut Value, e: &Edit) {
    fn walk<'a>(v: &'a mut Value, path: &[usize]) -> Option<(&'a mut Value, usize)> {
        let (&first, rest) = path.split_first()?;
        let len = match v {
            Value::Object(m) => m.len(),
            Value::Array(a) => a.len(),
            _ => return None,
        };
        if len == 0 {
            return None;
        }
        let i = first % len;
        let container = |c: &Value| matches!(c, Value::Object(_) | Value::Array(_));
        let descend = match &*v {
            Value::Object(m) => m.values().nth(i).is_some_and(container),
            Value::Array(a) => a.get(i).is_some_and(container),
            _ => false,
        };
        if rest.is_empty() || !descend {
            return Some((v, i));
        }
        let child = match v {
            Value::Object(m) => m.values_mut().nth(i)?,
            Value::Array(a) => a.get_mut(i)?,
            _ => return None,
        };
        walk(child, rest)
    }
    match e {
        Edit::Set(path, value) => {
            if let Some((parent, i)) = walk(payload, path) {
                match parent {
                    Value::Object(m) => {
                        if let Some(slot) = m.values_mut().nth(i) {
                            *slot = value.clone();
                        }
                    }
                    Value::Array(a) => a[i] = value.clone(),
                    _ => {}
                }
            }
        }
        Edit::Remove(path) => {
            if let Some((parent, i)) = walk(payload, path) {
                match parent {
                    Value::Object(m) => {
                        if let Some(key) = m.keys().nth(i).cloned() {
                            m.remove(&key);
                        }
                    }
                    Value::Array(a) => {
                        a.remove(i);
                    }
                    _ => {}
                }
            }
        }
        Edit::DuplicateEvent(i) => {
            if let Some(events) = payload["events"].as_array_mut()
                && !events.is_empty()
            {
                let e = events[i % events.len()].clone();
                events.push(e);
            }
        }
    }
}

/// A valid bundle of a brief with several answers, an ad-hoc question and a follow-up.
fn rich_bundle() -> &'static Vec<u8> {
    static BUNDLE: OnceLock<Vec<u8>> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let mut a = Store::open_in_memory().unwrap();
        let brief = tyre_brief(&mut a);
        let q = question_of(&a, &brief.id, Kind::LongText);
        a.set_answer(&brief.id, &q, Some(text("через Авито")), "Анна")
            .unwrap();
        a.set_answer(&brief.id, &q, Some(text("через сайт")), "Анна")
            .unwrap();
        let adhoc = a
            .add_adhoc(&brief.id, None, "Склад в Туле?", Kind::YesNo, "Анна")
            .unwrap();
        a.set_answer(
            &brief.id,
            &adhoc.id,
            Some(deepbrief_core::Entry::new(
                deepbrief_core::Answer::Answered(deepbrief_core::AnswerValue::Bool(true)),
            )),
            "Анна",
        )
        .unwrap();
        bundle::export(&a, &brief.id).unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Importing any bundle — valid, or edited and re-checksummed — is either refused with the
    /// database unchanged, or leaves a database where every command still works.
    #[test]
    fn any_bundle_is_refused_cleanly_or_leaves_a_working_database(
        edits in prop::collection::vec(edit(), 0..4),
        into_copy in any::<bool>(),
    ) {
        let mut payload = payload_of(rich_bundle());
        for e in &edits {
            apply(&mut payload, e);
        }
        let bytes = rebundle(&payload);
        let mut store = Store::open_in_memory().unwrap();
        tyre_brief(&mut store);
        if into_copy {
            // A merge into a machine that already has the brief.
            store.import_bundle(rich_bundle(), Path::new("original"), lib()).unwrap();
        }
        let before = dump(&store);
        match store.import_bundle(&bytes, Path::new("mutated.deepbrief"), lib()) {
            Err(e) => {
                prop_assert!(matches!(e, StoreError::Bundle { .. } ), "{e}");
                prop_assert_eq!(dump(&store), before);
            }
            Ok(_) => {
                let rows = store.rows(&BriefFilter::default(), today()).unwrap();
                for r in &rows {
                    prop_assert_eq!(&r.item.damaged, &None, "{:?}", edits);
                }
            }
        }
        every_command_works(&mut store);
    }
}
