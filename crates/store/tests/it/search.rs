//! Search: Cyrillic and Latin case, ё = е, prefixes, Russian word forms, ranked hits with snippets.

use deepbrief_core::Kind;
use deepbrief_store::Store;

use crate::{question_of, text, tyre_brief};

fn words(hits: &[deepbrief_store::SearchHit]) -> Vec<String> {
    hits.iter()
        .flat_map(|h| h.snippet.iter().filter(|p| p.hit).map(|p| p.text.clone()))
        .collect()
}

#[test]
fn word_forms_prefixes_and_case_are_found() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store);
    let q = question_of(&store, &brief.id, Kind::LongText);
    store
        .set_answer(
            &brief.id,
            &q,
            Some(text(
                "Основной поток клиентов идёт с Авито; доставка по Москве за два дня",
            )),
            "Анна",
        )
        .unwrap();
    for query in [
        "клиент",
        "КЛИЕНТОВ",
        "клиентами",
        "доставки",
        "идет",
        "авит",
        "Avito OR",
    ] {
        let hits = store.search(query, 50).unwrap();
        if query == "Avito OR" {
            assert!(hits.is_empty(), "Latin Avito is not in the text");
            continue;
        }
        assert_eq!(hits.len(), 1, "{query}: {hits:?}");
        assert_eq!(hits[0].brief_id, brief.id);
        assert_eq!(hits[0].field, "answer");
        assert_eq!(hits[0].subject.as_deref(), Some(q.as_str()));
        assert!(
            !words(&hits).is_empty(),
            "{query}: a marked word in {:?}",
            hits[0].snippet
        );
    }
    let by_client = store.search("колесо", 50).unwrap();
    assert_eq!(by_client[0].field, "client");
}

#[test]
fn queries_with_syntax_never_fail_and_blank_finds_nothing() {
    let store = Store::open_in_memory().unwrap();
    for query in [
        "",
        "   ",
        "\"",
        "*",
        "a OR b NEAR(c)",
        "col:umn",
        "(((",
        "-x",
        "'; DROP TABLE brief;--",
    ] {
        assert!(store.search(query, 10).is_ok(), "{query}");
    }
    assert!(store.search(" ", 10).unwrap().is_empty());
}

#[test]
fn snippets_keep_markup_as_text() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store);
    let q = question_of(&store, &brief.id, Kind::LongText);
    store
        .set_answer(
            &brief.id,
            &q,
            Some(text("<img src=x onerror=alert(1)> шины")),
            "Анна",
        )
        .unwrap();
    let hits = store.search("шины", 10).unwrap();
    let joined: String = hits[0].snippet.iter().map(|p| p.text.as_str()).collect();
    assert!(joined.contains("<img src=x onerror=alert(1)>"), "{joined}");
}
