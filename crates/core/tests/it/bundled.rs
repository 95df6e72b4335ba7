//! The bundled checklists load cleanly.

use deepbrief_core::Sources;
use deepbrief_folders::load_library;

#[test]
fn every_bundled_checklist_loads_without_errors() {
    let library = load_library(&Sources {
        bundled: crate::bundled(),
        agency: None,
        team: None,
    });
    assert!(library.problems.is_empty(), "{:#?}", library.problems);
    let ids: Vec<&str> = library
        .latest_all()
        .iter()
        .map(|c| c.checklist.id.as_str())
        .collect();
    for id in ["core", "seo", "ppc", "web", "smm"] {
        assert!(ids.contains(&id), "bundled `{id}` missing: {ids:?}");
    }
}

use std::collections::HashMap;

use deepbrief_core::{Answer, AnswerValue, Severity, Visibility};

fn bundled_core() -> deepbrief_core::Checklist {
    let library = load_library(&Sources {
        bundled: crate::bundled(),
        agency: None,
        team: None,
    });
    library
        .get("core", Some(1))
        .expect("core v1")
        .checklist
        .clone()
}

fn raised(core: &deepbrief_core::Checklist, answers: &HashMap<String, Answer>) -> Vec<String> {
    let vis = Visibility::new(&[core], answers);
    core.rules
        .iter()
        .filter(|r| r.when.holds(&vis))
        .map(|r| r.id.clone())
        .collect()
}

fn text(s: &str) -> Answer {
    Answer::Answered(AnswerValue::Text(s.to_owned()))
}

#[test]
fn the_tyre_shop_story_raises_a_high_severity_flag_with_an_agenda() {
    let core = bundled_core();
    let rule = core
        .rules
        .iter()
        .find(|r| r.id == "regions_without_offer")
        .expect("rule");
    assert_eq!(rule.severity, Severity::High);
    assert!(rule.agenda.len() >= 3, "a concrete follow-up agenda");

    // Moscow shop going regional; nothing said about regional buyers, delivery or warranty.
    let mut answers = HashMap::new();
    answers.insert(
        "regional_expansion".to_owned(),
        Answer::Answered(AnswerValue::Bool(true)),
    );
    assert!(raised(&core, &answers).contains(&rule.id));

    // The client says they don't know the delivery terms: still flagged.
    answers.insert(
        "regional_advantage".to_owned(),
        text("Цены ниже на 10%, склад в Туле"),
    );
    answers.insert("delivery_terms".to_owned(), Answer::Unknown);
    answers.insert(
        "warranty".to_owned(),
        Answer::Answered(AnswerValue::Bool(true)),
    );
    assert!(raised(&core, &answers).contains(&rule.id));

    // Everything described: no flag.
    answers.insert(
        "delivery_terms".to_owned(),
        text("Бесплатно от 4 шин, 2–5 дней"),
    );
    assert!(!raised(&core, &answers).contains(&rule.id));

    // No expansion planned: the regional questions are hidden and nothing is flagged for them.
    answers.insert(
        "regional_expansion".to_owned(),
        Answer::Answered(AnswerValue::Bool(false)),
    );
    let vis = Visibility::new(&[&core], &answers);
    assert!(!vis.is_visible("regional_advantage"));
    assert!(!raised(&core, &answers).contains(&rule.id));
}

#[test]
fn the_core_declares_sales_and_fulfilment_processes_and_a_hint_on_every_question() {
    let core = bundled_core();
    for id in ["sales", "fulfilment"] {
        let process = core.processes.iter().find(|p| p.id == id).expect("process");
        assert!(
            !process.evidence.is_empty() && !process.agenda.is_empty(),
            "{id}"
        );
    }
    let library = load_library(&Sources {
        bundled: crate::bundled(),
        agency: None,
        team: None,
    });
    for loaded in &library.checklists {
        for (_, q) in loaded.checklist.questions() {
            for lang in ["ru", "en"] {
                assert!(
                    q.hint.get(lang).chars().count() >= 20,
                    "{}: {} hint too thin",
                    loaded.checklist.id,
                    q.id
                );
            }
        }
    }
    let kinds: std::collections::HashSet<_> = core.questions().map(|(_, q)| q.kind).collect();
    assert_eq!(
        kinds.len(),
        deepbrief_core::Kind::ALL.len(),
        "core uses every kind"
    );
    let addons: Vec<_> = library
        .latest_all()
        .into_iter()
        .filter(|c| !c.checklist.applies_to.is_empty())
        .collect();
    assert!(addons.len() >= 3);
    for addon in addons {
        assert_eq!(addon.checklist.extends.as_deref(), Some("core"));
        assert!(!addon.checklist.processes.is_empty() || !addon.checklist.rules.is_empty());
    }
}
