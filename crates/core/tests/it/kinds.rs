//! Every kind's bounds, fed from the cases the UI's tests read too (`tests/kinds/number-cases.json`):
//! what the answer fields let through, the store stores (the store refuses with `check_entry`).

use std::path::Path;

use deepbrief_core::answer_check::check_entry;
use deepbrief_core::{Answer, AnswerValue, Entry, Kind, Question, Text};
use serde_json::Value;

#[test]
fn the_store_and_the_ui_agree_on_every_number_kind_s_bounds() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/kinds/number-cases.json");
    let cases: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let cases = cases["cases"].as_array().unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for case in cases {
        let kind = Kind::parse(case["kind"].as_str().unwrap()).unwrap();
        seen.insert(kind.name());
        let mut q = Question::new(
            "q",
            Text::Plain("?".into()),
            Text::Plain(String::new()),
            kind,
        );
        q.min = case["min"].as_f64();
        q.max = case["max"].as_f64();
        q.integer = case["integer"].as_bool();
        if kind == Kind::Money {
            q.currency = Some("RUB".into());
        }
        let value = case["value"].as_f64().unwrap();
        let entry = Entry::new(Answer::Answered(AnswerValue::Number(value)));
        let stored = check_entry(&q, &entry);
        assert_eq!(
            stored.is_ok(),
            case["ok"].as_bool().unwrap(),
            "{case}: {stored:?}"
        );
    }
    // Every kind that answers a number has cases.
    for kind in Kind::ALL.into_iter().filter(|k| k.is_numeric()) {
        assert!(seen.contains(kind.name()), "no cases for `{}`", kind.name());
    }
}
