//! Push: replays, conflicts, gaps, streams of other devices, malformed bundles, limits, access.

use deepbrief_wire as wire;
use serde_json::json;

use crate::support::{Desk, World, pushed_brief, record};

#[test]
fn a_replayed_push_inserts_nothing() {
    let world = World::new();
    let mut anna = world.login("anna");
    let mut desk = Desk::new();
    let a = desk.brief("Колесо");
    let b = desk.brief("Шина");
    let body = json!({
        "stream": anna.stream,
        "records": [record(1, &a, &desk.bundle(&a)), record(2, &b, &desk.bundle(&b))],
    });
    let (status, first) = anna.post(wire::PUSH, &body);
    assert_eq!(status, 200, "{first}");
    assert_eq!(
        first,
        json!({"acked_through": 2, "inserted": 2, "duplicates": 0})
    );
    let (status, again) = anna.post(wire::PUSH, &body);
    assert_eq!(status, 200, "{again}");
    assert_eq!(
        again,
        json!({"acked_through": 2, "inserted": 0, "duplicates": 2})
    );
    anna.next_seq = 3;
    desk.answer(&a, "через Авито");
    let third = anna.push_ok(&[(&a, &desk.bundle(&a))]);
    assert_eq!((third.acked_through, third.inserted), (3, 1));
    // An empty push answers where the stream stands.
    let empty = anna.push_ok(&[]);
    assert_eq!(empty.acked_through, 3);
}

#[test]
fn a_record_id_reused_with_other_content_is_409() {
    let world = World::new();
    let anna = world.login("anna");
    let mut desk = Desk::new();
    let a = desk.brief("Колесо");
    let first = record(1, &a, &desk.bundle(&a));
    let (status, _) = anna.post(
        wire::PUSH,
        &json!({"stream": anna.stream, "records": [first.clone()]}),
    );
    assert_eq!(status, 200);
    desk.answer(&a, "изменено");
    let mut changed = first.clone();
    changed["bundle"] = json!(desk.bundle(&a));
    let (status, body) = anna.post(
        wire::PUSH,
        &json!({"stream": anna.stream, "records": [changed]}),
    );
    assert_eq!(status, 409, "{body}");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("record id reused")
    );
    assert_eq!(body["seq"], 1);

    // Another seq of the same stream with an id already stored: also a reuse.
    let mut moved = first;
    moved["seq"] = json!(2);
    let (status, body) = anna.post(
        wire::PUSH,
        &json!({"stream": anna.stream, "records": [moved]}),
    );
    assert_eq!(status, 409, "{body}");

    // A new id at a position already taken: the database was cloned or restored.
    let (status, body) = anna.post(
        wire::PUSH,
        &json!({"stream": anna.stream, "records": [record(1, &a, &desk.bundle(&a))]}),
    );
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["seq"], 1);
    assert!(
        body["message"].as_str().unwrap().contains("new stream"),
        "{body}"
    );
}

#[test]
fn a_sequence_gap_is_409_and_nothing_of_the_push_is_stored() {
    let world = World::new();
    let anna = world.login("anna");
    let mut desk = Desk::new();
    let a = desk.brief("Колесо");
    let b = desk.brief("Шина");
    let (status, body) = anna.post(
        wire::PUSH,
        &json!({"stream": anna.stream, "records": [
            record(1, &a, &desk.bundle(&a)),
            record(3, &b, &desk.bundle(&b)),
        ]}),
    );
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["code"], "conflict");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("sequence gap: expected 2"),
        "{body}"
    );
    assert_eq!(body["seq"], 3);
    assert!(anna.board().briefs.is_empty(), "all or nothing");
    let (status, body) = anna.post(
        wire::PUSH,
        &json!({"stream": anna.stream, "records": [record(2, &a, &desk.bundle(&a))]}),
    );
    assert_eq!(status, 409, "a stream starts at 1: {body}");
}

#[test]
fn a_stream_of_another_device_is_409() {
    let world = World::new();
    let mut laptop = world.server.login("anna", "laptop");
    let mut desk = Desk::new();
    pushed_brief(&mut laptop, &mut desk, "Колесо");
    let mut phone = world.server.login("anna", "phone");
    phone.stream = laptop.stream.clone();
    phone.next_seq = 2;
    let b = desk.brief("Шина");
    let (status, body) = phone.push(&[(&b, &desk.bundle(&b))]);
    assert_eq!(status, 409, "{body}");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("this stream belongs to another device"),
        "{body}"
    );
}

#[test]
fn a_malformed_bundle_is_400_naming_the_record() {
    let world = World::new();
    let anna = world.login("anna");
    let mut desk = Desk::new();
    let a = desk.brief("Колесо");
    let good = desk.bundle(&a);
    let damaged = good.replace("Колесо", "Колеса");
    for (bundle, what) in [
        (damaged.as_str(), "checksum"),
        ("not a bundle", "garbage"),
        ("", "empty"),
    ] {
        let (status, body) = anna.post(
            wire::PUSH,
            &json!({"stream": anna.stream, "records": [
                record(1, &a, &good),
                record(2, &a, bundle),
            ]}),
        );
        assert_eq!(status, 400, "{what}: {body}");
        assert_eq!(body["seq"], 2, "{what}");
        assert!(
            body["message"].as_str().unwrap().contains("record 2"),
            "{what}: {body}"
        );
    }
    // A bundle of another brief than the record says.
    let b = desk.brief("Шина");
    let (status, body) = anna.post(
        wire::PUSH,
        &json!({"stream": anna.stream, "records": [record(1, &a, &desk.bundle(&b))]}),
    );
    assert_eq!(status, 400, "{body}");
    assert!(body["message"].as_str().unwrap().contains("record 1"));
    assert!(anna.board().briefs.is_empty());
    // A body that is not JSON is a 400 ApiError too.
    let (status, body) = anna.post(wire::PUSH, &json!({"stream": 5}));
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["code"], "bad_request");
}

#[test]
fn too_large_pushes_are_413() {
    let world = World::new();
    let anna = world.login("anna");
    let records: Vec<_> = (1..=wire::MAX_RECORDS_PER_REQUEST as u64 + 1)
        .map(|seq| record(seq, "b", "x"))
        .collect();
    let (status, body) = anna.post(
        wire::PUSH,
        &json!({"stream": anna.stream, "records": records}),
    );
    assert_eq!(status, 413, "{body}");
    assert_eq!(body["code"], "too_large");

    let huge = "x".repeat(wire::MAX_BODY_BYTES + 1024);
    let (status, body) = anna.post(
        wire::PUSH,
        &json!({"stream": anna.stream, "records": [record(1, "b", &huge)]}),
    );
    assert_eq!(status, 413, "{body}");
    assert_eq!(body["code"], "too_large");
}

#[test]
fn an_am_may_not_write_another_ams_brief_until_it_is_shared() {
    let world = World::new();
    let mut anna = world.login("anna");
    let mut boris = world.login("boris");
    let mut desk = Desk::new();
    let (a, _) = pushed_brief(&mut anna, &mut desk, "Колесо");

    // Boris got a copy of the bundle by hand and pushes it with a brief of his own: all refused.
    let mut boris_desk = Desk::new();
    let own = boris_desk.brief("Свой");
    desk.answer(&a, "правка Бориса");
    let (status, body) = boris.push(&[(&own, &boris_desk.bundle(&own)), (&a, &desk.bundle(&a))]);
    assert_eq!(status, 403, "{body}");
    assert_eq!(
        body["message"].as_str().unwrap(),
        format!("you may not write brief {a}")
    );
    assert!(
        boris.board().briefs.is_empty(),
        "nothing of the push stored"
    );

    let (status, _) = anna.post(
        &format!("{}/{a}{}", wire::BRIEFS, wire::SHARE_SUFFIX),
        &json!({"user": "boris"}),
    );
    assert_eq!(status, 204);
    let done = boris.push_ok(&[(&own, &boris_desk.bundle(&own)), (&a, &desk.bundle(&a))]);
    assert_eq!(done.inserted, 2);
    // The brief stays Anna's.
    let board = world.login("lena").board();
    let line = board.briefs.iter().find(|b| b.id == a).unwrap();
    assert_eq!(line.owner, "anna");
}
