//! Condition evaluation over every operator, including what a hidden question counts as.

use std::collections::HashMap;

use deepbrief_core::condition::{Compare, CompareAny, CompareNumber};
use deepbrief_core::{Answer, AnswerValue, Condition, Scalar, Visibility};

fn text(s: &str) -> Scalar {
    Scalar::Text(s.to_owned())
}
fn answered(q: &str) -> Condition {
    Condition::Answered(q.to_owned())
}
fn equals(q: &str, value: Scalar) -> Condition {
    Condition::Equals(Compare {
        question: q.to_owned(),
        value,
    })
}
fn is_in(q: &str, values: Vec<Scalar>) -> Condition {
    Condition::In(CompareAny {
        question: q.to_owned(),
        values,
    })
}
fn includes(q: &str, id: &str) -> Condition {
    Condition::Includes(Compare {
        question: q.to_owned(),
        value: text(id),
    })
}
fn gt(q: &str, value: f64) -> Condition {
    Condition::Gt(CompareNumber {
        question: q.to_owned(),
        value,
    })
}
fn lt(q: &str, value: f64) -> Condition {
    Condition::Lt(CompareNumber {
        question: q.to_owned(),
        value,
    })
}

/// A brief where expansion is planned, the channel is dealers, and a few answers are set.
fn answers() -> HashMap<String, Answer> {
    let mut a = HashMap::new();
    a.insert(
        "name".into(),
        Answer::Answered(AnswerValue::Text("Шинный двор".into())),
    );
    a.insert(
        "orders".into(),
        Answer::Answered(AnswerValue::Number(120.0)),
    );
    a.insert("budget".into(), Answer::Unknown);
    a.insert(
        "expansion".into(),
        Answer::Answered(AnswerValue::Bool(true)),
    );
    a.insert(
        "channel".into(),
        Answer::Answered(AnswerValue::Choice("dealers".into())),
    );
    a.insert(
        "channels".into(),
        Answer::Answered(AnswerValue::Choices(vec!["seo".into(), "other".into()])),
    );
    a.insert(
        "dealer_terms".into(),
        Answer::NotApplicable {
            reason: "dealers only".into(),
        },
    );
    a
}

#[test]
fn every_operator_evaluates_as_documented() {
    let checklist = crate::valid("demo.yaml");
    let answers = answers();
    let vis = Visibility::new(&[&checklist], &answers);
    let table: Vec<(&str, Condition, bool)> = vec![
        ("answered: text", answered("name"), true),
        (
            "answered: unknown is not answered",
            answered("budget"),
            false,
        ),
        (
            "answered: nothing recorded",
            answered("channel_missing"),
            false,
        ),
        ("unknown", Condition::Unknown("budget".into()), true),
        (
            "unknown on answered",
            Condition::Unknown("name".into()),
            false,
        ),
        (
            "not_applicable",
            Condition::NotApplicable("dealer_terms".into()),
            true,
        ),
        (
            "not_applicable on unknown",
            Condition::NotApplicable("budget".into()),
            false,
        ),
        (
            "empty: visible, nothing recorded",
            Condition::Empty("offer".into()),
            true,
        ),
        ("empty on answered", Condition::Empty("name".into()), false),
        ("empty on unknown", Condition::Empty("budget".into()), false),
        (
            "equals bool true",
            equals("expansion", Scalar::Bool(true)),
            true,
        ),
        (
            "equals bool false",
            equals("expansion", Scalar::Bool(false)),
            false,
        ),
        (
            "equals number",
            equals("orders", Scalar::Number(120.0)),
            true,
        ),
        (
            "equals number other",
            equals("orders", Scalar::Number(121.0)),
            false,
        ),
        ("equals text", equals("name", text("Шинный двор")), true),
        ("equals choice", equals("channel", text("dealers")), true),
        (
            "equals other choice",
            equals("channel", text("direct")),
            false,
        ),
        (
            "equals on unknown answer",
            equals("budget", Scalar::Number(0.0)),
            false,
        ),
        (
            "in: member",
            is_in("channel", vec![text("direct"), text("dealers")]),
            true,
        ),
        (
            "in: not a member",
            is_in("channel", vec![text("direct")]),
            false,
        ),
        ("in: empty list", is_in("channel", vec![]), false),
        ("includes: picked", includes("channels", "seo"), true),
        ("includes: not picked", includes("channels", "ads"), false),
        (
            "includes on single choice",
            includes("channel", "dealers"),
            false,
        ),
        ("gt: above", gt("orders", 100.0), true),
        ("gt: equal is not greater", gt("orders", 120.0), false),
        ("lt: below", lt("orders", 200.0), true),
        ("lt: equal is not less", lt("orders", 120.0), false),
        ("gt on unknown", gt("budget", 0.0), false),
        ("gt on text", gt("name", 0.0), false),
        ("not", Condition::Not(Box::new(answered("budget"))), true),
        ("all: empty holds", Condition::All(vec![]), true),
        (
            "all: both",
            Condition::All(vec![answered("name"), answered("orders")]),
            true,
        ),
        (
            "all: one fails",
            Condition::All(vec![answered("name"), answered("budget")]),
            false,
        ),
        ("any: empty never holds", Condition::Any(vec![]), false),
        (
            "any: one holds",
            Condition::Any(vec![answered("budget"), answered("name")]),
            true,
        ),
        (
            "any: none",
            Condition::Any(vec![answered("budget"), answered("offer")]),
            false,
        ),
        (
            "unknown id counts as empty",
            Condition::Empty("no_such_question".into()),
            true,
        ),
        (
            "unknown id is never answered",
            answered("no_such_question"),
            false,
        ),
    ];
    let failures: Vec<String> = table
        .iter()
        .filter(|(_, c, expected)| c.holds(&vis) != *expected)
        .map(|(name, c, expected)| format!("{name}: `{c}` should be {expected}"))
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_hidden_question_counts_as_empty_even_with_a_stored_answer() {
    let checklist = crate::valid("demo.yaml");
    let mut answers = answers();
    answers.insert(
        "expansion".into(),
        Answer::Answered(AnswerValue::Bool(false)),
    );
    // An answer typed before the client changed their mind stays stored but is hidden.
    answers.insert(
        "offer".into(),
        Answer::Answered(AnswerValue::Text("Бесплатная доставка".into())),
    );
    answers.insert(
        "offer_detail".into(),
        Answer::Answered(AnswerValue::Text("от 4 шин".into())),
    );
    let vis = Visibility::new(&[&checklist], &answers);
    assert!(!vis.is_visible("offer"));
    assert!(!answered("offer").holds(&vis));
    assert!(Condition::Empty("offer".into()).holds(&vis));
    assert!(!equals("offer", text("Бесплатная доставка")).holds(&vis));
    assert!(Condition::Not(Box::new(answered("offer"))).holds(&vis));
    // Hidden transitively: offer_detail is shown only when offer is answered, and offer is hidden.
    assert!(!vis.is_visible("offer_detail"));
    assert!(!answered("offer_detail").holds(&vis));
}

#[test]
fn a_section_condition_hides_all_of_its_questions() {
    let checklist = crate::valid("demo.yaml");
    let mut answers = answers();
    let vis = Visibility::new(&[&checklist], &answers);
    assert!(
        vis.is_visible("dealer_terms"),
        "dealers channel shows the dealer section"
    );
    assert!(Condition::NotApplicable("dealer_terms".into()).holds(&vis));

    answers.insert(
        "channel".into(),
        Answer::Answered(AnswerValue::Choice("direct".into())),
    );
    let vis = Visibility::new(&[&checklist], &answers);
    assert!(!vis.is_visible("dealer_terms"));
    assert!(!Condition::NotApplicable("dealer_terms".into()).holds(&vis));
    assert!(Condition::Empty("dealer_terms".into()).holds(&vis));
    let section = checklist
        .sections
        .iter()
        .find(|s| s.id == "dealers")
        .expect("section");
    assert!(!vis.section_visible(section));
}

#[test]
fn conditions_print_readably() {
    let c = Condition::All(vec![
        equals("expansion", Scalar::Bool(true)),
        Condition::Any(vec![Condition::Empty("offer".into()), lt("orders", 10.0)]),
    ]);
    assert_eq!(
        c.to_string(),
        "expansion = true and (offer empty or orders < 10)"
    );
}

#[test]
fn will_send_later_counts_as_empty_for_conditions() {
    let checklist = crate::valid("demo.yaml");
    let mut answers = answers();
    answers.insert(
        "offer".into(),
        Answer::Later {
            due: "2026-12-01".into(),
        },
    );
    let vis = Visibility::new(&[&checklist], &answers);
    assert!(Condition::Empty("offer".into()).holds(&vis));
    assert!(!answered("offer").holds(&vis));
    assert!(!Condition::Unknown("offer".into()).holds(&vis));
}

#[test]
fn hidden_questions_follow_the_answers() {
    let checklist = crate::valid("demo.yaml");
    let mut answers = answers();
    let before = deepbrief_core::hidden_questions(&[&checklist], &answers);
    assert!(!before.contains(&"dealer_terms".to_owned()), "{before:?}");
    answers.insert(
        "channel".into(),
        Answer::Answered(AnswerValue::Choice("direct".into())),
    );
    let after = deepbrief_core::hidden_questions(&[&checklist], &answers);
    assert!(after.contains(&"dealer_terms".to_owned()), "{after:?}");
    let all: Vec<&str> = checklist.questions().map(|(_, q)| q.id.as_str()).collect();
    let positions: Vec<usize> = after
        .iter()
        .map(|id| {
            all.iter()
                .position(|q| q == id)
                .expect("a checklist question")
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "checklist order");
}
