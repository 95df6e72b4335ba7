//! The view model built from core types.

use deepbrief_export::kickoff::{AnswerState, AnswerView};
use deepbrief_export::{KickoffDocument, Lang};

use crate::fixture;

fn question<'a>(doc: &'a KickoffDocument, id: &str) -> &'a deepbrief_export::kickoff::QuestionView {
    doc.sections
        .iter()
        .flat_map(|s| &s.questions)
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("question {id} not printed"))
}

#[test]
fn answers_are_resolved_and_formatted_in_russian() {
    let doc = fixture::document(Lang::Ru);
    let value = |id: &str| match &question(&doc, id).answer {
        AnswerView::Value { text } => text.clone(),
        other => panic!("{id}: {other:?}"),
    };
    assert_eq!(value("marketing_budget"), "250\u{a0}000\u{a0}₽");
    assert_eq!(value("goal_deadline"), "1\u{a0}сентября 2026");
    assert_eq!(value("goal_metric"), "Заявки и обращения");
    assert_eq!(value("deal_cycle_days"), "14\u{a0}дней");
    assert_eq!(value("sales_conversion"), "35\u{a0}%");
    assert_eq!(value("product_unique"), "Нет");
    assert_eq!(
        question(&doc, "audience_fears").answer,
        AnswerView::State {
            state: AnswerState::Unknown,
            text: "Клиент не знает".into()
        }
    );
    assert_eq!(
        question(&doc, "warranty_terms").answer,
        AnswerView::State {
            state: AnswerState::Later,
            text: "Клиент пришлёт до 5\u{a0}декабря".into()
        }
    );
    let AnswerView::Table { columns, rows } = &question(&doc, "client_team_members").answer else {
        panic!("table expected");
    };
    assert_eq!(columns[2].title, "Зона ответственности");
    assert_eq!(rows[0][2], "Руководство");
    assert_eq!(rows[0][3], "Да");
    assert_eq!(question(&doc, "fulfilment_steps").evidence.len(), 2);
    assert!(question(&doc, "crm_name").to_confirm);
}

#[test]
fn hidden_questions_are_not_printed() {
    // regional_expansion is "no" in the fixture: the regional follow-up questions stay hidden.
    let doc = fixture::document(Lang::En);
    assert!(
        !doc.sections
            .iter()
            .flat_map(|s| &s.questions)
            .any(|q| q.id == "regional_target_regions")
    );
}

#[test]
fn summary_resolves_gaps_processes_and_follow_ups() {
    let doc = fixture::document(Lang::En);
    let s = &doc.summary;
    assert_eq!(s.verdict, "Not ready for kickoff");
    assert_eq!(s.gaps[0].severity_text, "high", "most severe first");
    assert!(
        s.gaps[0]
            .text
            .starts_with("The company does not record where customers come from")
    );
    assert!(
        s.gaps[1]
            .text
            .starts_with("The client will send by 5\u{a0}December: “"),
        "{}",
        s.gaps[1].text
    );
    assert_eq!(s.processes[0].title, "Sales");
    assert_eq!(
        s.follow_ups[0].date.as_deref(),
        Some("8\u{a0}December 2026")
    );
    assert_eq!(s.goal.target.as_deref(), Some("150"));
    assert!(s.goal.measurable);
    assert_eq!(doc.meta.checklists[0].id, "core");
    assert_eq!(doc.meta.checklists[0].hash.len(), 64);
}
