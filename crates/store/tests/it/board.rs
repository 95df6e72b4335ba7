//! The lead's board: rows with gaps, comments, follow-ups and age; the heatmap's cells.

use deepbrief_core::gaps::IsoDate;
use deepbrief_core::{Answer, AnswerValue, Entry, Kind};
use deepbrief_store::{BriefFilter, CommentTarget, NewFollowUp, Store, bundle};

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
    let seo_checklist = checklists.iter().find(|c| c.id == "seo").unwrap();
    assert_eq!(
        board.heatmap.columns[seo_cell].checklist_title, seo_checklist.title,
        "a column names its checklist by title"
    );
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

/// The board and the briefs list keep gap summaries between calls: after every kind of change —
/// an answer saved or cleared here, an answer written by another connection (the CLI on the same
/// file), a bundle merged in, a new day, the clock set back, kept rows of another build or broken —
/// they equal what a fresh store computes from a copy of the file without kept summaries, both in
/// the store that kept them in memory and in one opened afresh that reads them from the file.
#[test]
fn kept_summaries_follow_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("board.db");
    let mut store = Store::open(&path).unwrap();
    let brief = store
        .create_brief(&new_brief("Колесо", &["seo"]), &library(), "Анна")
        .unwrap()
        .id;
    let other = store
        .create_brief(&new_brief("Пекарня", &[]), &library(), "Борис")
        .unwrap()
        .id;
    let core = store
        .brief_checklists(&brief)
        .unwrap()
        .into_iter()
        .find(|c| c.id == "core")
        .unwrap();
    let required: Vec<String> = core
        .sections
        .iter()
        .flat_map(|s| &s.questions)
        .filter(|q| {
            q.required && q.when.is_none() && matches!(q.kind, Kind::ShortText | Kind::LongText)
        })
        .map(|q| q.id.clone())
        .collect();
    assert!(
        required.len() >= 2,
        "the fixture needs two required text questions"
    );
    let text = |s: &str| Entry::new(Answer::Answered(AnswerValue::Text(s.into())));
    let day = |d: &str| IsoDate::parse(d).unwrap();

    // The truth: a copy of the file with no kept summaries, opened afresh, analyses every brief.
    let truth = |n: &str| {
        let copy = dir.path().join(format!("truth-{n}.db"));
        let _ = std::fs::remove_file(&copy);
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute("VACUUM INTO ?1", [copy.to_str().unwrap()])
            .unwrap();
        let conn = rusqlite::Connection::open(&copy).unwrap();
        conn.execute("DELETE FROM gap_summary", []).unwrap();
        drop(conn);
        Store::open(&copy).unwrap()
    };
    let check = |store: &Store, today: IsoDate, step: &str| {
        let truth = truth(step);
        // A store opened afresh on the same file reads the summaries kept in it.
        let reopened = Store::open(&path).unwrap();
        let filter = BriefFilter::default();
        let expected = truth.board(&filter, today).unwrap();
        assert_eq!(
            store.board(&filter, today).unwrap(),
            expected,
            "board after: {step}"
        );
        assert_eq!(
            reopened.board(&filter, today).unwrap(),
            expected,
            "board from the kept summaries after: {step}"
        );
        assert_eq!(
            store.rows(&filter, today).unwrap(),
            truth.rows(&filter, today).unwrap(),
            "briefs list after: {step}"
        );
        for item in store.list_briefs(&filter).unwrap() {
            assert_eq!(
                item.entries as usize,
                store.open_brief(&item.meta.id).unwrap().entries.len(),
                "the answer count after: {step}"
            );
        }
    };
    let gaps = |store: &Store, today: IsoDate| {
        let board = store.board(&BriefFilter::default(), today).unwrap();
        board
            .rows
            .iter()
            .find(|r| r.item.meta.id == brief)
            .unwrap()
            .summary
            .gaps
    };

    let today = day("2099-01-10");
    check(&store, today, "nothing");
    let before = gaps(&store, today);

    store
        .set_answer(&brief, &required[0], Some(text("Шины и диски")), "Анна")
        .unwrap();
    check(&store, today, "an answer saved");
    assert!(gaps(&store, today) < before, "an answer closes a gap");

    store
        .set_answer(&brief, &required[0], None, "Анна")
        .unwrap();
    check(&store, today, "an answer cleared");
    assert_eq!(gaps(&store, today), before);

    // Another connection — the CLI on the same file — answers while the app keeps its summaries.
    {
        let mut cli = Store::open(&path).unwrap();
        cli.set_answer(&brief, &required[1], Some(text("Тула")), "Олег")
            .unwrap();
    }
    check(&store, today, "an answer written by another connection");

    // A copy of the brief diverges elsewhere and comes back as a bundle.
    let copy_path = dir.path().join("copy.db");
    let mut copy = Store::open(&copy_path).unwrap();
    copy.import_bundle(
        &bundle::export(&store, &brief).unwrap(),
        &copy_path,
        &crate::library(),
    )
    .unwrap();
    copy.set_answer(&brief, &required[0], Some(text("Шины")), "Олег")
        .unwrap();
    let back = bundle::export(&copy, &brief).unwrap();
    store
        .import_bundle(&back, &copy_path, &crate::library())
        .unwrap();
    check(&store, today, "a bundle merged in");

    // "Will send by 2099-01-15": not a gap on the 10th, overdue on the 20th.
    store
        .set_answer(
            &other,
            &required[0],
            Some(Entry::new(Answer::Later {
                due: "2099-01-15".into(),
            })),
            "Борис",
        )
        .unwrap();
    check(&store, today, "a promise to send later");
    check(&store, day("2099-01-15"), "the promised day");
    check(&store, day("2099-01-20"), "the promised date passed");
    // A day before the one a summary was computed for (the clock set back) does not use it.
    check(&store, day("2099-01-05"), "the clock set back");

    // Kept rows of another build, or that do not read back, are analysed again and rewritten.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE gap_summary SET analysis = 'an older build'", [])
        .unwrap();
    check(&store, today, "summaries of another build");
    conn.execute("UPDATE gap_summary SET summary = '{\"row\": ' ", [])
        .unwrap();
    check(&store, today, "summaries that do not read back");
    conn.execute("DELETE FROM gap_summary_title", []).unwrap();
    check(&store, today, "section titles not kept");
    conn.execute("UPDATE gap_summary_title SET title = '{'", [])
        .unwrap();
    check(&store, today, "section titles that do not read back");
    let unreadable: i64 = conn
        .query_row(
            "SELECT count(*) FROM gap_summary WHERE summary = '{\"row\": '",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unreadable, 0, "rewritten by the next board");
}
