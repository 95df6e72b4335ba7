//! Gap analysis: a table test per gap kind (hidden questions included), the regional-expansion
//! story on the bundled core, follow-up items, and the completeness property.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use deepbrief_core::gaps::{
    Brief, Entries, GapCode, ProcessStatus, ReasonCode, ValueProblem, analyze_all,
};
use deepbrief_core::{
    Answer, AnswerValue, Checklist, Entry, Evidence, EvidenceKind, GapReport, GoalPart, IsoDate,
    Kind, Question, Severity, Sources, analyze, follow_up_items, is_open, subject_of,
};
use deepbrief_folders::load_library;
use proptest::prelude::*;

fn today() -> IsoDate {
    IsoDate::parse("2026-11-23").expect("date")
}

fn text(s: &str) -> Answer {
    Answer::Answered(AnswerValue::Text(s.to_owned()))
}
fn number(n: f64) -> Answer {
    Answer::Answered(AnswerValue::Number(n))
}
fn yes(b: bool) -> Answer {
    Answer::Answered(AnswerValue::Bool(b))
}
fn later(due: &str) -> Answer {
    Answer::Later {
        due: due.to_owned(),
    }
}

fn set(entries: &mut Entries, id: &str, answer: Answer) {
    entries.insert(id.to_owned(), Entry::new(answer));
}

static DEMO: LazyLock<Checklist> = LazyLock::new(|| crate::valid("gaps.yaml"));

/// The demo brief with every question answered well: no gaps.
fn complete() -> Entries {
    let mut e = Entries::new();
    set(&mut e, "name", text("Koleso"));
    set(&mut e, "size", number(10.0));
    set(
        &mut e,
        "notes",
        text("Requests come by phone and are logged in amoCRM"),
    );
    set(&mut e, "expand", yes(false));
    set(
        &mut e,
        "metric",
        Answer::Answered(AnswerValue::Choice("leads".into())),
    );
    set(&mut e, "target", number(150.0));
    set(&mut e, "deadline", text("2027-06-01"));
    set(
        &mut e,
        "rationale",
        text("The new warehouse ships 300 orders a month; we sell 180"),
    );
    e
}

fn demo(entries: &Entries) -> GapReport {
    analyze(&[&DEMO], entries, today())
}

fn keys(report: &GapReport) -> Vec<String> {
    report.gaps.iter().map(|g| g.key.to_string()).collect()
}

#[test]
fn a_complete_brief_has_no_gaps_and_is_ready() {
    let report = demo(&complete());
    assert!(report.gaps.is_empty(), "{:#?}", report.gaps);
    assert!(report.verdict.ready);
    assert_eq!(report.completeness.percent, 100);
    // `regions` is hidden: not counted.
    assert_eq!(
        (report.completeness.done, report.completeness.total),
        (7, 7)
    );
    assert_eq!(report.processes[0].status, ProcessStatus::Described);
}

#[test]
fn an_empty_brief_lists_every_required_question_the_goal_and_the_process() {
    let report = demo(&Entries::new());
    let k = keys(&report);
    for id in [
        "name",
        "size",
        "expand",
        "metric",
        "target",
        "deadline",
        "rationale",
    ] {
        assert!(
            k.iter().any(|x| *x == format!("answer:{id}")),
            "{id}: {k:?}"
        );
    }
    assert!(!k.iter().any(|x| x == "answer:regions"), "hidden: {k:?}");
    assert!(!k.iter().any(|x| x == "answer:notes"), "optional: {k:?}");
    assert!(
        k.iter().any(|x| x == "goal:gaps_demo") && k.iter().any(|x| x == "process:gaps_demo:sales")
    );
    // `regions` may still be shown (expand is not answered), so it counts in the total.
    assert_eq!(
        (report.completeness.done, report.completeness.total),
        (0, 8)
    );
    assert!(!report.verdict.ready);
    let codes: Vec<ReasonCode> = report.verdict.reasons.iter().map(|r| r.code).collect();
    assert_eq!(
        codes,
        [
            ReasonCode::RequiredAnswers,
            ReasonCode::GoalIncomplete,
            ReasonCode::ProcessesNotDescribed
        ]
    );
    // Checklist order: name first, then size, … the goal, then the process at `notes`.
    assert_eq!(k[0], "answer:name");
}

/// One row of the table: a change to the complete brief and the gap it must produce.
struct Case {
    what: &'static str,
    change: fn(&mut Entries),
    key: &'static str,
    code: GapCode,
    severity: Severity,
    ready: bool,
}

#[test]
fn every_gap_kind_from_one_change_to_a_complete_brief() {
    let cases = [
        Case {
            what: "required question emptied",
            change: |e| {
                e.remove("name");
            },
            key: "answer:name",
            code: GapCode::MissingAnswer,
            severity: Severity::High,
            ready: false,
        },
        Case {
            what: "blank text counts as empty",
            change: |e| set(e, "name", text("   ")),
            key: "answer:name",
            code: GapCode::MissingAnswer,
            severity: Severity::High,
            ready: false,
        },
        Case {
            what: "value of the wrong type",
            change: |e| set(e, "size", text("ten")),
            key: "answer:size",
            code: GapCode::InvalidAnswer,
            severity: Severity::High,
            ready: false,
        },
        Case {
            what: "required: client does not know",
            change: |e| set(e, "name", Answer::Unknown),
            key: "answer:name",
            code: GapCode::Unknown,
            severity: Severity::High,
            ready: false,
        },
        Case {
            what: "optional: client does not know (the process loses its evidence too)",
            change: |e| set(e, "notes", Answer::Unknown),
            key: "answer:notes",
            code: GapCode::Unknown,
            severity: Severity::Low,
            ready: false,
        },
        Case {
            what: "will send later, date passed",
            change: |e| set(e, "name", later("2026-11-22")),
            key: "answer:name",
            code: GapCode::Overdue,
            severity: Severity::High,
            ready: false,
        },
        Case {
            what: "will send later, date unreadable",
            change: |e| set(e, "name", later("next week")),
            key: "answer:name",
            code: GapCode::Overdue,
            severity: Severity::High,
            ready: false,
        },
        Case {
            what: "prefilled answer not confirmed",
            change: |e| {
                if let Some(entry) = e.get_mut("name") {
                    entry.to_confirm = true;
                }
            },
            key: "confirm:name",
            code: GapCode::ToConfirm,
            severity: Severity::Medium,
            ready: false,
        },
        Case {
            what: "vague list item where specifics are asked",
            change: |e| {
                set(e, "expand", yes(true));
                set(
                    e,
                    "regions",
                    Answer::Answered(AnswerValue::Items(vec!["Тула".into(), "Вся Россия".into()])),
                );
            },
            key: "vague:regions",
            code: GapCode::VagueAnswer,
            severity: Severity::Low,
            ready: true,
        },
        Case {
            what: "deadline in the past",
            change: |e| set(e, "deadline", text("2026-01-01")),
            key: "goal:gaps_demo",
            code: GapCode::GoalIncomplete,
            severity: Severity::High,
            ready: false,
        },
        Case {
            what: "target not applicable: the goal has no number",
            change: |e| {
                set(
                    e,
                    "target",
                    Answer::NotApplicable {
                        reason: "brand".into(),
                    },
                )
            },
            key: "goal:gaps_demo",
            code: GapCode::GoalIncomplete,
            severity: Severity::High,
            ready: false,
        },
        Case {
            what: "process evidence unanswered",
            change: |e| {
                e.remove("notes");
            },
            key: "process:gaps_demo:sales",
            code: GapCode::ProcessNotDescribed,
            severity: Severity::High,
            ready: false,
        },
        Case {
            what: "rule condition holds",
            change: |e| {
                set(e, "size", number(60.0));
            },
            key: "rule:gaps_demo:big_without_regions",
            code: GapCode::RuleFlag,
            severity: Severity::High,
            ready: false,
        },
    ];
    for case in cases {
        let mut entries = complete();
        (case.change)(&mut entries);
        let report = demo(&entries);
        let gap = report
            .gaps
            .iter()
            .find(|g| g.key == case.key)
            .unwrap_or_else(|| panic!("{}: no {} in {:?}", case.what, case.key, keys(&report)));
        assert_eq!(gap.code, case.code, "{}", case.what);
        assert_eq!(gap.severity, case.severity, "{}", case.what);
        assert_eq!(report.verdict.ready, case.ready, "{}", case.what);
        assert!(!gap.agenda.is_empty(), "{}", case.what);
        // A planned briefing keeps only the key; once closed, the key still names the item.
        subjects_agree(&report, &[&DEMO]).unwrap();
    }
}

#[test]
fn gap_details_say_what_exactly() {
    let mut e = complete();
    set(&mut e, "size", number(500.0));
    set(&mut e, "name", later("2026-11-01"));
    set(&mut e, "rationale", text("ASAP, как можно больше"));
    set(&mut e, "deadline", text("2020-01-01"));
    e.remove("metric");
    let report = demo(&e);
    let gap = |key: &str| {
        report
            .gaps
            .iter()
            .find(|g| g.key == key)
            .unwrap_or_else(|| panic!("{key}"))
    };
    assert_eq!(gap("answer:size").problem, Some(ValueProblem::AboveMax));
    assert_eq!(gap("answer:name").due.as_deref(), Some("2026-11-01"));
    assert_eq!(
        gap("vague:rationale").terms,
        ["asap", "как можно больше", "больше"]
    );
    let goal = gap("goal:gaps_demo");
    assert_eq!(goal.goal_parts, [GoalPart::Metric, GoalPart::Deadline]);
    assert_eq!(goal.questions, ["metric", "deadline"]);
    assert_eq!(goal.subject.get("en"), "Goal");
    assert_eq!(goal.agenda.len(), 2);
}

#[test]
fn a_goal_missing_only_its_rationale_is_a_medium_gap() {
    let mut e = complete();
    set(&mut e, "rationale", Answer::Unknown);
    let report = demo(&e);
    let goal = report
        .gaps
        .iter()
        .find(|g| g.code == GapCode::GoalIncomplete)
        .expect("goal gap");
    assert_eq!(goal.goal_parts, [GoalPart::Rationale]);
    assert_eq!(goal.severity, Severity::Medium);
}

#[test]
fn a_later_answer_not_yet_due_is_pending_and_blocks_only_when_required() {
    let mut e = complete();
    set(&mut e, "name", later("2026-11-23"));
    let report = demo(&e);
    assert!(!keys(&report).iter().any(|x| x == "answer:name"));
    assert_eq!(report.pending.len(), 1);
    assert_eq!(report.pending[0].due.to_string(), "2026-11-23");
    assert_eq!(report.verdict.reasons[0].code, ReasonCode::PendingRequired);
    assert_eq!(report.completeness.done, 6);

    let mut e = complete();
    set(&mut e, "notes", later("2026-12-01"));
    let report = demo(&e);
    assert_eq!(report.pending.len(), 1);
    // The optional `notes` is the process's evidence: pending means not described yet.
    assert_eq!(report.processes[0].status, ProcessStatus::NotDescribed);
}

#[test]
fn hidden_questions_never_produce_gaps_nor_count() {
    let mut e = complete();
    // `regions` is hidden (expand = no): whatever it holds is ignored.
    for answer in [
        Answer::Unknown,
        later("2020-01-01"),
        number(3.0),
        text("everyone"),
    ] {
        let mut entry = Entry::new(answer);
        entry.to_confirm = true;
        e.insert("regions".into(), entry);
        let report = demo(&e);
        assert!(report.gaps.is_empty(), "{:#?}", report.gaps);
        assert_eq!(report.completeness.total, 7);
        assert!(report.pending.is_empty());
    }
    // Shown, the same question is counted and its problems are gaps.
    set(&mut e, "expand", yes(true));
    let report = demo(&e);
    assert_eq!(report.completeness.total, 8);
    assert!(keys(&report).iter().any(|x| x == "answer:regions"));
}

#[test]
fn a_document_makes_a_process_documented_even_without_answers() {
    let mut e = complete();
    e.insert(
        "notes".into(),
        Entry {
            answer: Answer::Unknown,
            evidence: vec![Evidence {
                kind: EvidenceKind::Link,
                text: "https://wiki.example.ru/sales".into(),
                verified: false,
            }],
            to_confirm: false,
        },
    );
    let report = demo(&e);
    assert_eq!(report.processes[0].status, ProcessStatus::Documented);
    assert_eq!(
        report.processes[0].documents,
        ["https://wiki.example.ru/sales"]
    );
    assert!(!keys(&report).iter().any(|x| x == "process:gaps_demo:sales"));

    // A note is not a document.
    e.get_mut("notes").expect("notes").evidence[0].kind = EvidenceKind::Note;
    let report = demo(&e);
    assert_eq!(report.processes[0].status, ProcessStatus::NotDescribed);
}

#[test]
fn follow_up_items_close_when_an_answer_closes_their_gap() {
    let mut e = complete();
    e.remove("name");
    set(&mut e, "size", number(60.0));
    let before = demo(&e);
    let items = follow_up_items(&before);
    let item_keys: Vec<String> = items.iter().map(|i| i.key.to_string()).collect();
    assert_eq!(
        item_keys,
        ["answer:name", "rule:gaps_demo:big_without_regions"]
    );
    assert!(items.iter().all(|i| is_open(i, &before)));

    // The client says "don't know" first: the item stays open under the same key.
    set(&mut e, "name", Answer::Unknown);
    assert!(is_open(&items[0], &demo(&e)));

    set(&mut e, "name", text("Koleso"));
    set(&mut e, "size", number(20.0));
    let after = demo(&e);
    assert!(items.iter().all(|i| !is_open(i, &after)));
}

// --- the bundled core --------------------------------------------------------------------------

static CORE: LazyLock<Checklist> = LazyLock::new(|| {
    load_library(&Sources {
        bundled: crate::bundled(),
        agency: None,
        team: None,
    })
    .get("core", Some(1))
    .expect("core v1")
    .checklist
    .clone()
});

/// A value that fits the question; `variant` picks among choices and yes/no.
fn fitting(q: &Question, variant: usize) -> AnswerValue {
    let mid = |default: f64| match (q.min, q.max) {
        (Some(lo), Some(hi)) => ((lo + hi) / 2.0).round(),
        (Some(lo), None) => lo + default,
        _ => default,
    };
    match q.kind {
        Kind::ShortText | Kind::LongText => {
            AnswerValue::Text("Склад в Туле, доставка по ЦФО за 2 дня".into())
        }
        Kind::Link => AnswerValue::Text("https://example.ru/docs".into()),
        Kind::Date => AnswerValue::Text("2027-06-01".into()),
        Kind::Scale => AnswerValue::Number(3.0),
        Kind::Percent => AnswerValue::Number(30.0),
        Kind::Number | Kind::Money | Kind::Duration => AnswerValue::Number(mid(20.0)),
        Kind::YesNo => AnswerValue::Bool(variant.is_multiple_of(2)),
        Kind::SingleChoice => AnswerValue::Choice(q.choices[variant % q.choices.len()].id.clone()),
        Kind::MultiChoice => {
            AnswerValue::Choices(vec![q.choices[variant % q.choices.len()].id.clone()])
        }
        Kind::List => AnswerValue::Items(vec!["Тула".into(), "Калуга".into()]),
        Kind::Table => AnswerValue::Rows(vec![BTreeMap::from([(
            q.columns[0].id.clone(),
            "Ирина".to_owned(),
        )])]),
        Kind::Contact => AnswerValue::Contact(BTreeMap::from([(
            "name".to_owned(),
            "Ирина Петрова".to_owned(),
        )])),
    }
}

/// A well-answered core brief of a Moscow shop that sells directly, with a CRM, not expanding.
fn good_core_brief() -> Entries {
    let mut e = Entries::new();
    for (_, q) in CORE.questions() {
        set(&mut e, &q.id, Answer::Answered(fitting(q, 0)));
    }
    set(&mut e, "regional_expansion", yes(false));
    set(&mut e, "product_unique", yes(true));
    set(&mut e, "warranty", yes(true));
    set(&mut e, "loyalty_programme", yes(true));
    set(
        &mut e,
        "lead_source_tracking",
        Answer::Answered(AnswerValue::Choice("manual_record".into())),
    );
    set(&mut e, "acquisition_cost_known", yes(true));
    set(
        &mut e,
        "order_systems",
        Answer::Answered(AnswerValue::Choices(vec!["crm".into()])),
    );
    e
}

#[test]
fn a_well_answered_core_brief_is_ready_for_kickoff() {
    let report = analyze(&[&CORE], &good_core_brief(), today());
    assert!(report.gaps.is_empty(), "{:#?}", keys(&report));
    assert!(report.verdict.ready);
    assert_eq!(report.completeness.percent, 100);
    assert!(
        report
            .processes
            .iter()
            .all(|p| p.status == ProcessStatus::Described)
    );
}

#[test]
fn the_regional_expansion_story_raises_the_flag_and_answering_well_clears_it() {
    // The tyre shop did well in Moscow; now the agency proposes all regions.
    let mut e = good_core_brief();
    set(&mut e, "regional_expansion", yes(true));
    set(
        &mut e,
        "regional_target_regions",
        Answer::Answered(AnswerValue::Items(vec!["все регионы".into()])),
    );
    e.remove("regional_advantage");
    set(&mut e, "delivery_terms", Answer::Unknown);
    e.remove("warranty");
    let report = analyze(&[&CORE], &e, today());

    let flag = report
        .gaps
        .iter()
        .find(|g| g.key == "rule:core:regions_without_offer")
        .expect("the tyre-shop flag");
    assert_eq!(flag.code, GapCode::RuleFlag);
    assert_eq!(flag.severity, Severity::High);
    assert!(flag.agenda.len() >= 3);
    assert!(flag.subject.get("ru").contains("регион"));
    assert!(
        flag.agenda[0].get("en").contains("regional buyer"),
        "{:?}",
        flag.agenda[0]
    );
    assert!(!report.verdict.ready);
    assert!(report.verdict.reasons.iter().any(|r| {
        r.code == ReasonCode::Flags
            && r.keys
                .contains(&"rule:core:regions_without_offer".to_owned())
    }));
    // The vague "all regions" and the unknown delivery terms are gaps of their own.
    let k = keys(&report);
    for key in [
        "vague:regional_target_regions",
        "answer:regional_advantage",
        "answer:delivery_terms",
        "answer:warranty",
        "process:core:fulfilment",
    ] {
        assert!(k.iter().any(|x| x == key), "{key}: {k:?}");
    }
    let items = follow_up_items(&report);
    let flag_item = items
        .iter()
        .find(|i| i.key == "rule:core:regions_without_offer")
        .expect("item");

    // The follow-up briefing answers the regional questions well.
    set(
        &mut e,
        "regional_target_regions",
        Answer::Answered(AnswerValue::Items(vec!["Тула".into(), "Калуга".into()])),
    );
    set(
        &mut e,
        "regional_advantage",
        text("Цены на 10% ниже местных магазинов, склад в Туле"),
    );
    set(
        &mut e,
        "delivery_terms",
        text("Бесплатно от 4 шин, 2–5 дней, оплачиваем мы"),
    );
    set(&mut e, "warranty", yes(true));
    let after = analyze(&[&CORE], &e, today());
    assert!(!is_open(flag_item, &after));
    assert!(after.gaps.is_empty(), "{:?}", keys(&after));
    assert!(after.verdict.ready);
}

#[test]
fn the_board_analyzes_many_briefs_like_one() {
    let briefs_entries = [good_core_brief(), Entries::new()];
    let checklists = [&*CORE];
    let briefs: Vec<Brief<'_>> = briefs_entries
        .iter()
        .map(|entries| Brief {
            checklists: &checklists,
            entries,
        })
        .collect();
    let reports = analyze_all(&briefs, today());
    assert_eq!(
        reports[0],
        analyze(&checklists, &briefs_entries[0], today())
    );
    assert_eq!(
        reports[1],
        analyze(&checklists, &briefs_entries[1], today())
    );
    let row = deepbrief_core::gaps::BoardRow::from(&reports[1]);
    assert!(!row.ready && row.high > 0 && row.processes_not_described == 2);
}

// --- the completeness property -----------------------------------------------------------------

/// One question's entry in a generated brief: 0 none, 1 unknown, 2 later, 3 not applicable,
/// 4.. answered (variant = the rest).
fn entry_for(q: &Question, pick: u8) -> Option<Answer> {
    match pick {
        0 => None,
        1 => Some(Answer::Unknown),
        2 => Some(later("2026-12-31")),
        3 => Some(Answer::NotApplicable {
            reason: "n/a".into(),
        }),
        n => Some(Answer::Answered(fitting(q, usize::from(n)))),
    }
}

fn brief_from(picks: &[u8]) -> Entries {
    let mut e = Entries::new();
    for ((_, q), &pick) in CORE.questions().zip(picks) {
        if let Some(answer) = entry_for(q, pick) {
            set(&mut e, &q.id, answer);
        }
    }
    e
}

/// `after` is at least as complete as `before`: more done, fewer counted, a higher share — overall
/// and in every section.
fn no_less_complete(before: &GapReport, after: &GapReport) -> Result<(), TestCaseError> {
    let pairs = std::iter::once((&before.completeness, &after.completeness)).chain(
        before.sections.iter().filter_map(|b| {
            after
                .sections
                .iter()
                .find(|a| a.section == b.section)
                .map(|a| (&b.completeness, &a.completeness))
        }),
    );
    for (b, a) in pairs {
        prop_assert!(a.done >= b.done, "done {} -> {}", b.done, a.done);
        prop_assert!(a.total <= b.total, "total {} -> {}", b.total, a.total);
        prop_assert!(a.ratio() >= b.ratio(), "{b:?} -> {a:?}");
        prop_assert!(a.percent >= b.percent);
    }
    Ok(())
}

/// Every gap of `report` is named by `subject_of` its key as analysis named it.
fn subjects_agree(report: &GapReport, checklists: &[&Checklist]) -> Result<(), TestCaseError> {
    for gap in &report.gaps {
        prop_assert_eq!(
            subject_of(&gap.key, checklists),
            Some(gap.subject.clone()),
            "{}",
            gap.key
        );
    }
    Ok(())
}

#[test]
fn a_key_the_checklists_no_longer_have_names_nothing() {
    subjects_agree(&demo(&Entries::new()), &[&DEMO]).unwrap();
    let gone = deepbrief_core::gaps::GapKey::parse("answer:no_such_question").unwrap();
    assert_eq!(subject_of(&gone, &[&DEMO]), None);
    let gone = deepbrief_core::gaps::GapKey::parse("rule:gaps_demo:no_such_rule").unwrap();
    assert_eq!(subject_of(&gone, &[&DEMO]), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_planned_items_subject_is_the_gaps_on_the_bundled_core(
        picks in prop::collection::vec(0u8..8, 70),
    ) {
        let n = CORE.questions().count();
        let mut picks = picks;
        picks.truncate(n);
        subjects_agree(&analyze(&[&CORE], &brief_from(&picks), today()), &[&CORE])?;
    }

    #[test]
    fn adding_an_answer_never_lowers_completeness(
        picks in prop::collection::vec(0u8..8, 70),
        at in 0usize..70,
        pick in 1u8..8,
    ) {
        let n = CORE.questions().count();
        let mut picks = picks;
        picks.truncate(n);
        let at = at % n;
        picks[at] = 0;
        let before = brief_from(&picks);
        picks[at] = pick;
        let after = brief_from(&picks);
        no_less_complete(
            &analyze(&[&CORE], &before, today()),
            &analyze(&[&CORE], &after, today()),
        )?;
    }

    #[test]
    fn clearing_an_answer_never_raises_completeness(
        picks in prop::collection::vec(0u8..8, 70),
        at in 0usize..70,
    ) {
        let n = CORE.questions().count();
        let mut picks = picks;
        picks.truncate(n);
        let at = at % n;
        let before = brief_from(&picks);
        picks[at] = 0;
        let after = brief_from(&picks);
        // Clearing is adding backwards.
        no_less_complete(
            &analyze(&[&CORE], &after, today()),
            &analyze(&[&CORE], &before, today()),
        )?;
    }
}

#[test]
fn the_heatmap_shows_each_briefs_section_coverage() {
    let mut half = complete();
    half.remove("metric");
    half.remove("target");
    let reports = vec![demo(&complete()), demo(&half), demo(&Entries::new())];
    let map = deepbrief_core::gaps::heatmap(&reports);
    let columns: Vec<(&str, &str)> = map
        .columns
        .iter()
        .map(|c| (c.checklist.as_str(), c.section.as_str()))
        .collect();
    assert_eq!(columns, [("gaps_demo", "main"), ("gaps_demo", "goal")]);
    let percent = |row: usize, col: usize| map.rows[row][col].map(|c| c.percent);
    assert_eq!(percent(0, 0), Some(100));
    assert_eq!(percent(0, 1), Some(100));
    assert_eq!(percent(1, 0), Some(100));
    assert_eq!(percent(1, 1), Some(50), "two of four goal parts");
    assert_eq!(percent(2, 0), Some(0));
    assert_eq!(percent(2, 1), Some(0));

    // A brief with another checklist adds that checklist's sections; the others get empty cells.
    let with_core = analyze(&[&*CORE], &Entries::new(), today());
    let map = deepbrief_core::gaps::heatmap(&[demo(&complete()), with_core]);
    assert!(map.columns.len() > 2);
    assert_eq!(map.rows[0].len(), map.columns.len());
    assert!(
        map.rows[0][2..].iter().all(Option::is_none),
        "demo brief has no core sections"
    );
    assert!(
        map.rows[1][..2].iter().all(Option::is_none),
        "core brief has no demo sections"
    );
    assert!(map.rows[1][2..].iter().all(Option::is_some));
}

/// The report without the field that says how long it holds.
fn without_bound(mut report: GapReport) -> GapReport {
    report.stable_through = None;
    report.today = today();
    report
}

#[test]
fn a_report_holds_through_the_earliest_date_still_to_come_and_changes_the_day_after() {
    let day = |s: &str| IsoDate::parse(s).expect("date");
    let at = |entries: &Entries, d: IsoDate| analyze(&[&DEMO], entries, d);

    // The complete brief compares one date, the goal deadline 2027-06-01.
    let complete = complete();
    assert_eq!(demo(&complete).stable_through, Some(day("2027-06-01")));

    // A promised answer due before the deadline bounds it earlier.
    let mut promised = complete.clone();
    set(&mut promised, "size", later("2026-12-05"));
    let report = demo(&promised);
    assert_eq!(report.stable_through, Some(day("2026-12-05")));
    // Every day through the bound gives the same report; the next day does not.
    for d in ["2026-11-24", "2026-12-01", "2026-12-05"] {
        assert_eq!(
            without_bound(at(&promised, day(d))),
            without_bound(report.clone()),
            "{d}"
        );
    }
    let after = at(&promised, day("2026-12-06"));
    assert_ne!(without_bound(after.clone()), without_bound(report));
    assert!(
        keys(&after).iter().any(|x| x == "answer:size"),
        "overdue: {:?}",
        keys(&after)
    );

    // Dates already passed do not bound it; neither do unparseable ones; no dates at all: unbounded.
    let mut passed = complete.clone();
    set(&mut passed, "deadline", text("2020-01-01"));
    set(&mut passed, "size", later("not a date"));
    assert_eq!(demo(&passed).stable_through, None);
    assert_eq!(demo(&Entries::new()).stable_through, None);
}
