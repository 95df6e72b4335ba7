//! The lead's board: rows with gaps, comments, follow-ups and age; the heatmap's cells.

use deepbrief_core::gaps::IsoDate;
use deepbrief_core::{Answer, AnswerValue, Entry, Kind};
use deepbrief_store::{BriefFilter, CommentTarget, NewFollowUp, Store};

use crate::{library, new_brief};

fn today() -> IsoDate {
    IsoDate::parse("2099-01-10").unwrap()
}

#[test]
fn the_board_counts_and_the_heatmap_has_the_right_cells() {
    let mut store = Store::open_in_memory().unwrap();
    let seo = store
        .create_brief(&new_brief("Колесо", &["seo"]), &library(), "Анна")
        .unwrap()
        .id;
    let core_only = store
        .create_brief(&new_brief("Пекарня", &[]), &library(), "Борис")
        .unwrap()
        .id;

    // Complete the first section of the core checklist in the SEO brief: its cell is full.
    let checklists = store.brief_checklists(&seo).unwrap();
    let core = checklists.iter().find(|c| c.id == "core").unwrap();
    let first = &core.sections[0];
    for q in first.questions.iter().filter(|q| q.when.is_none()) {
        let value = match q.kind {
            Kind::SingleChoice => AnswerValue::Choice(q.choices[0].id.clone()),
            Kind::MultiChoice => AnswerValue::Choices(vec![q.choices[0].id.clone()]),
            Kind::YesNo => AnswerValue::Bool(true),
            Kind::Number | Kind::Money | Kind::Percent | Kind::Duration | Kind::Scale => {
                AnswerValue::Number(q.min.unwrap_or(1.0).max(1.0))
            }
            Kind::List => {
                AnswerValue::Items(vec!["Шины".into(), "Диски".into(), "Шиномонтаж".into()])
            }
            _ => AnswerValue::Text(
                "Продаём шины и диски в Туле, заявки с сайта обрабатывает менеджер Ольга".into(),
            ),
        };
        store
            .set_answer(
                &seo,
                &q.id,
                Some(Entry::new(Answer::Answered(value))),
                "Анна",
            )
            .unwrap();
    }
    // The bakery: one "client doesn't know" answer, a comment, an overdue and an upcoming follow-up.
    let q = core.sections[0]
        .questions
        .iter()
        .find(|q| q.kind == Kind::LongText && q.when.is_none())
        .unwrap()
        .id
        .clone();
    store
        .set_answer(&core_only, &q, Some(Entry::new(Answer::Unknown)), "Борис")
        .unwrap();
    store
        .add_comment(&core_only, CommentTarget::default(), "Нет цифр", "Лид")
        .unwrap();
    let plan = |start: &str| NewFollowUp {
        title: "Дозапрос".into(),
        start: start.into(),
        duration_minutes: 30,
        timezone: None,
        location: None,
        attendees: Vec::new(),
        items: vec![format!("answer:{q}")],
    };
    store
        .plan_followup(&core_only, &plan("2020-01-01T10:00"), "Борис")
        .unwrap();
    store
        .plan_followup(&core_only, &plan("2099-02-01T10:00"), "Борис")
        .unwrap();

    let board = store.board(&BriefFilter::default(), today()).unwrap();
    assert_eq!(board.rows.len(), 2);
    assert_eq!(board.heatmap.rows.len(), 2);
    let at = |id: &str| {
        board
            .rows
            .iter()
            .position(|r| r.item.meta.id == id)
            .unwrap()
    };
    let (s, b) = (at(&seo), at(&core_only));

    let bakery = &board.rows[b];
    assert_eq!(bakery.open_comments, 1);
    assert_eq!(bakery.followups_overdue, 1);
    assert_eq!(bakery.followups_due, 1);
    assert_eq!(bakery.next_followup.as_deref(), Some("2099-02-01"));
    assert!(bakery.summary.gaps > 0);
    assert!(!bakery.summary.ready);
    assert!(bakery.days_since_change > 0);
    assert_eq!(board.rows[s].open_comments, 0);
    assert_eq!(board.rows[s].followups_due, 0);

    // Columns: core sections, then SEO's; the bakery has no SEO cells.
    let column = |checklist: &str, section: &str| {
        board
            .heatmap
            .columns
            .iter()
            .position(|c| c.checklist == checklist && c.section == section)
            .unwrap()
    };
    let first_cell = column("core", &first.id);
    let done = board.heatmap.rows[s][first_cell].unwrap();
    assert_eq!(done.done, done.total, "{done:?}");
    let open = board.heatmap.rows[b][first_cell].unwrap();
    assert!(open.done < open.total, "{open:?}");
    let seo_section = &checklists.iter().find(|c| c.id == "seo").unwrap().sections[0].id;
    let seo_cell = column("seo", seo_section);
    assert!(
        board.heatmap.rows[b][seo_cell].is_none(),
        "no SEO in the bakery"
    );
    assert!(board.heatmap.rows[s][seo_cell].is_some());
    assert!(
        board.heatmap.columns[..seo_cell]
            .iter()
            .all(|c| c.checklist == "core"),
        "core columns come first"
    );

    // A filter narrows the rows and the heatmap together.
    let only = store
        .board(
            &BriefFilter {
                client: Some("Пекарня".into()),
                ..BriefFilter::default()
            },
            today(),
        )
        .unwrap();
    assert_eq!(only.rows.len(), 1);
    assert_eq!(only.heatmap.rows.len(), 1);
}
