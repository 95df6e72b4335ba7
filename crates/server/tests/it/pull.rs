//! Pull: cursors, compaction, paging, the own stream.

use serde_json::json;

use crate::support::{Desk, World};

#[test]
fn pull_compacts_a_briefs_records_per_stream_and_moves_the_cursor() {
    let world = World::new();
    let mut anna = world.login("anna");
    let lena = world.login("lena");
    let mut desk = Desk::new();
    let a = desk.brief("Колесо");
    let b = desk.brief("Шина");
    let first_a = desk.bundle(&a);
    anna.push_ok(&[(&a, &first_a), (&b, &desk.bundle(&b))]);
    desk.answer(&a, "через Авито");
    let second_a = desk.bundle(&a);
    anna.push_ok(&[(&a, &second_a)]);

    let page = lena.pull_all();
    assert!(!page.more);
    assert_eq!(page.cursors.get(&anna.stream), Some(&3));
    let got: Vec<(String, u64)> = page
        .records
        .iter()
        .map(|r| (r.brief_id.clone(), r.seq))
        .collect();
    assert_eq!(
        got,
        vec![(b.clone(), 2), (a.clone(), 3)],
        "(stream, seq) order"
    );
    let newest = page.records.iter().find(|r| r.brief_id == a).unwrap();
    assert_eq!(newest.bundle, second_a);
    assert_eq!(newest.stream, anna.stream);

    // From the cursor: nothing new; then only what came after it.
    let cursors = json!(page.cursors);
    let again = lena.pull(&cursors);
    assert!(again.records.is_empty());
    assert_eq!(again.cursors.get(&anna.stream), Some(&3));
    desk.answer(&b, "новое");
    anna.push_ok(&[(&b, &desk.bundle(&b))]);
    let next = lena.pull(&cursors);
    assert_eq!(next.records.len(), 1);
    assert_eq!(
        (next.records[0].brief_id.as_str(), next.records[0].seq),
        (b.as_str(), 4)
    );

    // From a cursor between the two records of `a`: the later one only.
    let mid = lena.pull(&json!({ anna.stream.clone(): 1 }));
    let seqs: Vec<u64> = mid.records.iter().map(|r| r.seq).collect();
    assert_eq!(seqs, vec![3, 4]);

    // A device never gets its own stream back.
    let own = anna.pull_all();
    assert!(own.records.is_empty());
    assert!(!own.cursors.contains_key(&anna.stream));
}

#[test]
fn pull_pages_at_the_record_limit_and_says_more() {
    let world = World::new();
    let mut anna = world.login("anna");
    let lena = world.login("lena");
    let mut desk = Desk::new();
    let total = deepbrief_wire::MAX_RECORDS_PER_REQUEST + 5;
    let briefs: Vec<(String, String)> = (0..total)
        .map(|i| {
            let id = desk.brief(&format!("Клиент {i}"));
            let bundle = desk.bundle(&id);
            (id, bundle)
        })
        .collect();
    // A bundle carries its checklists' text (about a third of a megabyte): 200 of them would not
    // fit in one request body, so they go in smaller pushes.
    for chunk in briefs.chunks(50) {
        let refs: Vec<(&str, &str)> = chunk
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        anna.push_ok(&refs);
    }
    let first = lena.pull_all();
    assert_eq!(first.records.len(), deepbrief_wire::MAX_RECORDS_PER_REQUEST);
    assert!(first.more);
    assert_eq!(
        first.cursors.get(&anna.stream),
        Some(&(deepbrief_wire::MAX_RECORDS_PER_REQUEST as u64))
    );
    let second = lena.pull(&json!(first.cursors));
    assert_eq!(second.records.len(), 5);
    assert!(!second.more);
    assert_eq!(second.cursors.get(&anna.stream), Some(&(total as u64)));
}

#[test]
fn pulls_during_concurrent_pushes_miss_nothing() {
    use std::collections::BTreeMap;

    let world = World::new();
    let lena = world.login("lena");
    let pushers: Vec<_> = ["anna", "boris"]
        .into_iter()
        .map(|user| {
            let mut client = world.login(user);
            std::thread::spawn(move || {
                let mut desk = Desk::new();
                let briefs: Vec<String> =
                    (0..3).map(|i| desk.brief(&format!("{user} {i}"))).collect();
                // brief id -> the seq of its last record
                let mut last = BTreeMap::new();
                for round in 0..3 {
                    for id in &briefs {
                        desk.answer(id, &format!("round {round}"));
                        let done = client.push_ok(&[(id, &desk.bundle(id))]);
                        last.insert(id.clone(), done.acked_through);
                    }
                }
                (client.stream, last)
            })
        })
        .collect();

    // Pull while they push: cursors only move forward, records only come after them.
    let mut cursors: BTreeMap<String, u64> = BTreeMap::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    let mut pull_once = |cursors: &mut BTreeMap<String, u64>| {
        let page = lena.pull(&json!(cursors));
        for r in &page.records {
            assert!(r.seq > cursors.get(&r.stream).copied().unwrap_or(0));
            let s = seen.entry(r.brief_id.clone()).or_insert(0);
            *s = (*s).max(r.seq);
        }
        for (stream, c) in &page.cursors {
            assert!(*c >= cursors.get(stream).copied().unwrap_or(0));
        }
        *cursors = page.cursors;
        page.more
    };
    while pushers.iter().any(|p| !p.is_finished()) {
        pull_once(&mut cursors);
    }
    let expected: Vec<(String, BTreeMap<String, u64>)> =
        pushers.into_iter().map(|p| p.join().unwrap()).collect();
    while pull_once(&mut cursors) {}
    for (stream, last) in &expected {
        assert_eq!(cursors.get(stream), Some(&9));
        for (brief, seq) in last {
            assert_eq!(seen.get(brief), Some(seq), "brief {brief}");
        }
    }
}
