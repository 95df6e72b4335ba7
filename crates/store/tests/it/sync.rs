//! The database's side of sync: records sealed from the outbox, replayed identically until
//! acknowledged, a copied or restored database on a new stream, received records merged without
//! echo, concurrent answers flagged and settled the same on every copy, and any arrival order of
//! the same records giving the same state.

use std::collections::BTreeMap;

use deepbrief_core::Kind;
use deepbrief_store::Store;
use proptest::prelude::*;

use crate::{library, question_of, text, tyre_brief};

/// Every brief's answers (as JSON) and open conflicts, by brief id.
type State = BTreeMap<String, (String, Vec<String>)>;

/// Every answer of every brief, and the open conflicts of each: what must be equal on two copies.
fn state(store: &Store) -> State {
    store
        .list_briefs(&Default::default())
        .unwrap()
        .into_iter()
        .map(|b| {
            let data = store.open_brief(&b.meta.id).unwrap();
            let answers = serde_json::to_string(&data.entries).unwrap();
            let conflicts = store
                .conflicts(&b.meta.id)
                .unwrap()
                .into_iter()
                .map(|c| format!("{}:{}", c.question, c.event_ids().join(",")))
                .collect();
            (b.meta.id, (answers, conflicts))
        })
        .collect()
}

/// Seals and takes the records `from` would push, acknowledging them.
fn push(from: &Store) -> Vec<String> {
    from.seal_outbox().unwrap();
    let records: Vec<String> = from
        .pending_records(1000)
        .unwrap()
        .into_iter()
        .map(|p| p.bundle)
        .collect();
    if let Some(last) = from.pending_records(1000).unwrap().last() {
        from.acknowledge(last.seq).unwrap();
    }
    records
}

fn receive(into: &mut Store, records: &[String]) {
    static LIBRARY: std::sync::OnceLock<deepbrief_core::Library> = std::sync::OnceLock::new();
    let lib = LIBRARY.get_or_init(library);
    for (i, r) in records.iter().enumerate() {
        into.receive(r.as_bytes(), &format!("record {i}"), lib)
            .unwrap();
    }
}

#[test]
fn records_are_sealed_from_the_outbox_and_replayed_identically_until_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let store = &mut Store::open(&dir.path().join("a.db")).unwrap();
    let brief = tyre_brief(store);
    let q = question_of(store, &brief.id, Kind::LongText);
    store
        .set_answer(&brief.id, &q, Some(text("Шины и диски")), "Анна")
        .unwrap();
    assert_eq!(store.sync_waiting().unwrap().briefs, 1);
    assert_eq!(
        store.seal_outbox().unwrap(),
        1,
        "one record per changed brief"
    );
    let first = store.pending_records(10).unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].seq, 1);
    assert_eq!(store.seal_outbox().unwrap(), 0, "nothing changed since");
    assert_eq!(
        store.pending_records(10).unwrap(),
        first,
        "a cut-off push sends the same id and content again"
    );
    store
        .set_answer(&brief.id, &q, Some(text("Шины, диски, шиномонтаж")), "Анна")
        .unwrap();
    store.seal_outbox().unwrap();
    let both = store.pending_records(10).unwrap();
    assert_eq!(
        both.iter().map(|p| p.seq).collect::<Vec<_>>(),
        vec![1, 2],
        "numbers follow without a gap"
    );
    store.acknowledge(1).unwrap();
    assert_eq!(store.pending_records(10).unwrap()[0].seq, 2);
    store.acknowledge(2).unwrap();
    assert_eq!(store.sync_waiting().unwrap().briefs, 0);
}

#[test]
fn a_copied_database_numbers_its_records_in_a_new_stream() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("a.db");
    let store = &mut Store::open(&original).unwrap();
    let brief = tyre_brief(store);
    let stream = store.sync_stream().unwrap();
    store.seal_outbox().unwrap();
    store.checkpoint().unwrap();
    assert_eq!(
        store.sync_stream().unwrap(),
        stream,
        "the same file keeps its stream"
    );
    let copy_path = dir.path().join("copy.db");
    std::fs::copy(&original, &copy_path).unwrap();
    let copy = Store::open(&copy_path).unwrap();
    let pending_before: Vec<_> = copy.pending_records(10).unwrap();
    let copied_stream = copy.sync_stream().unwrap();
    assert_ne!(
        copied_stream, stream,
        "a copy must not number records like the original"
    );
    let pending = copy.pending_records(10).unwrap();
    assert_eq!(pending.len(), pending_before.len());
    assert_eq!(pending[0].seq, 1);
    assert_eq!(
        pending[0].bundle, pending_before[0].bundle,
        "the content is kept"
    );
    assert_ne!(pending[0].id, pending_before[0].id, "under a new id");
    assert_eq!(pending[0].brief_id, brief.id);
}

#[test]
fn a_received_record_does_not_go_back_out_but_a_local_change_does() {
    let dir = tempfile::tempdir().unwrap();
    let a = &mut Store::open(&dir.path().join("a.db")).unwrap();
    let b = &mut Store::open(&dir.path().join("b.db")).unwrap();
    let brief = tyre_brief(a);
    let q = question_of(a, &brief.id, Kind::LongText);
    a.set_answer(&brief.id, &q, Some(text("Шины")), "Анна")
        .unwrap();
    receive(b, &push(a));
    assert_eq!(
        b.sync_waiting().unwrap().briefs,
        0,
        "b has nothing of its own to send"
    );
    assert_eq!(state(a), state(b));
    b.set_answer(&brief.id, &q, Some(text("Шины и диски")), "Борис")
        .unwrap();
    a.set_answer(
        &brief.id,
        &question_of(a, &brief.id, Kind::ShortText),
        Some(text("ООО Колесо")),
        "Анна",
    )
    .unwrap();
    let from_a = push(a);
    receive(b, &from_a);
    assert_eq!(
        b.sync_waiting().unwrap().briefs,
        1,
        "b's own change still waits"
    );
    receive(a, &push(b));
    assert_eq!(state(a), state(b), "both copies end identical");
    assert!(
        a.conflicts(&brief.id).unwrap().is_empty(),
        "b had seen a's answer: no conflict"
    );
}

#[test]
fn a_concurrent_edit_is_flagged_on_both_copies_and_settled_on_both() {
    let dir = tempfile::tempdir().unwrap();
    let a = &mut Store::open(&dir.path().join("a.db")).unwrap();
    let b = &mut Store::open(&dir.path().join("b.db")).unwrap();
    let brief = tyre_brief(a);
    let q = question_of(a, &brief.id, Kind::LongText);
    receive(b, &push(a));
    // Offline, both answer the same question from the same (empty) base.
    a.set_answer(&brief.id, &q, Some(text("Вариант Анны")), "Анна")
        .unwrap();
    b.set_answer(&brief.id, &q, Some(text("Вариант Бориса")), "Борис")
        .unwrap();
    let (from_a, from_b) = (push(a), push(b));
    receive(a, &from_b);
    receive(b, &from_a);
    assert_eq!(state(a), state(b), "the newest shows on both");
    let conflicts = a.conflicts(&brief.id).unwrap();
    assert_eq!(conflicts.len(), 1, "flagged");
    let c = &conflicts[0];
    assert_eq!(c.question, q);
    let mut who: Vec<&str> = c.sides.iter().map(|s| s.who.as_str()).collect();
    who.sort_unstable();
    assert_eq!(who, vec!["Анна", "Борис"], "both values and who wrote them");
    assert_eq!(
        a.list_briefs(&Default::default()).unwrap()[0].conflicts,
        1,
        "the board sees it"
    );
    // History keeps both.
    let history = a.history(&brief.id, Some(&q)).unwrap();
    assert!(history.iter().any(|e| e.who == "Анна") && history.iter().any(|e| e.who == "Борис"));
    // Settle on b by keeping the value that did not win; a receives it.
    let loser = c.sides[1].event_id.clone();
    let loser_value = c.sides[1].value.clone();
    b.resolve_conflict(&brief.id, &q, &loser, "Лид").unwrap();
    assert!(b.conflicts(&brief.id).unwrap().is_empty());
    receive(a, &push(b));
    assert!(
        a.conflicts(&brief.id).unwrap().is_empty(),
        "settled on every copy"
    );
    assert_eq!(state(a), state(b));
    let shown = serde_json::to_value(&a.open_brief(&brief.id).unwrap().entries[&q]).unwrap();
    assert_eq!(Some(shown), loser_value, "the kept value shows");
    assert!(
        b.resolve_conflict(&brief.id, &q, &loser, "Лид").is_err(),
        "nothing left to settle"
    );
}

#[test]
fn the_clock_never_stamps_a_new_event_before_one_it_has_seen() {
    let dir = tempfile::tempdir().unwrap();
    let a = &mut Store::open(&dir.path().join("a.db")).unwrap();
    let b = &mut Store::open(&dir.path().join("b.db")).unwrap();
    let brief = tyre_brief(a);
    let q = question_of(a, &brief.id, Kind::LongText);
    receive(b, &push(a));
    a.set_answer(&brief.id, &q, Some(text("раньше")), "Анна")
        .unwrap();
    receive(b, &push(a));
    let seen = b
        .history(&brief.id, Some(&q))
        .unwrap()
        .last()
        .unwrap()
        .at
        .clone();
    b.set_answer(&brief.id, &q, Some(text("позже")), "Борис")
        .unwrap();
    let mine = b
        .history(&brief.id, Some(&q))
        .unwrap()
        .last()
        .unwrap()
        .at
        .clone();
    assert!(mine > seen, "{mine} after {seen}");
}

#[test]
fn a_database_that_never_signs_in_only_gains_empty_tables() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("old.db");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v5.db"),
        &copy,
    )
    .unwrap();
    let store = Store::open(&copy).unwrap();
    let waiting = store.sync_waiting().unwrap();
    assert_eq!(waiting.briefs, 0, "migrating queues nothing");
    assert_eq!(
        store.list_briefs(&Default::default()).unwrap()[0].conflicts,
        0
    );
    store.reset_sync().unwrap();
    assert_eq!(
        store.seal_outbox().unwrap(),
        1,
        "the first sign-in sends every brief"
    );
}

/// Three copies make changes in rounds; every record any copy ever sealed is delivered to a fresh
/// copy in an arbitrary order: the state is the same whatever the order.
#[derive(Debug, Clone)]
struct Scenario {
    records: Vec<String>,
}

fn scenario() -> Scenario {
    let dir = tempfile::tempdir().unwrap();
    let mut copies: Vec<Store> = (0..3)
        .map(|i| Store::open(&dir.path().join(format!("{i}.db"))).unwrap())
        .collect();
    let brief = tyre_brief(&mut copies[0]);
    let qs = [
        question_of(&copies[0], &brief.id, Kind::LongText),
        question_of(&copies[0], &brief.id, Kind::ShortText),
    ];
    let mut all = push(&copies[0]);
    for c in copies.iter_mut().skip(1) {
        receive(c, &all);
    }
    let names = ["Анна", "Борис", "Вера"];
    for round in 0..3 {
        let mut this_round = Vec::new();
        for (i, c) in copies.iter_mut().enumerate() {
            let q = &qs[(i + round) % 2];
            c.set_answer(
                &brief.id,
                q,
                Some(text(&format!("{} {round}", names[i]))),
                names[i],
            )
            .unwrap();
            this_round.extend(push(c));
        }
        // Copy 0 and 1 exchange, copy 2 stays offline until the end.
        receive(&mut copies[0], &this_round);
        receive(&mut copies[1], &this_round);
        all.extend(this_round);
    }
    Scenario { records: all }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]
    #[test]
    fn any_arrival_order_of_the_same_records_gives_the_same_state(seed in any::<u64>()) {
        use std::sync::OnceLock;
        static SCENARIO: OnceLock<(Scenario, State)> = OnceLock::new();
        let (scenario, expected) = SCENARIO.get_or_init(|| {
            let s = scenario();
            let dir = tempfile::tempdir().unwrap();
            let mut reference = Store::open(&dir.path().join("ref.db")).unwrap();
            receive(&mut reference, &s.records);
            let st = state(&reference);
            (s, st)
        });
        let mut order = scenario.records.clone();
        // A seeded Fisher–Yates shuffle.
        let mut x = seed | 1;
        for i in (1..order.len()).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            order.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let dir = tempfile::tempdir().unwrap();
        let mut copy = Store::open(&dir.path().join("c.db")).unwrap();
        receive(&mut copy, &order);
        prop_assert_eq!(&state(&copy), expected);
        prop_assert!(!expected.values().all(|(_, c)| c.is_empty()), "the scenario has conflicts to agree on");
    }
}
