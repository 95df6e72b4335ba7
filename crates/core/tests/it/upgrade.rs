//! Upgrading a brief to newer checklist versions: one test per report category, the realistic
//! `core` v1 → v2 fixture pair with a snapshot of its report, and property tests over random version
//! chains (no answer is ever lost; upgrading to the same versions is a no-op; v1 → v2 → v3 places
//! the same answers as v1 → v3).

use std::collections::BTreeMap;

use deepbrief_core::{
    Answer, AnswerValue, ArchiveReason, ArchivedAnswer, Checklist, Choice, Column, Entry, Evidence,
    EvidenceKind, Kind, Question, RecheckReason, Section, Text, UpgradeReport, UpgradeWarning,
    Upgraded, apply, plan,
};

mod build {
    //! Checklists written as Rust values, so a test shows only what matters to it.

    use super::*;

    /// A question of `kind`; choice kinds get choices `a`, `b`, `c`, tables columns `c1`, `c2`.
    pub fn question(id: &str, kind: Kind) -> Question {
        Question {
            choices: if kind.has_choices() {
                choices(&["a", "b", "c"])
            } else {
                Vec::new()
            },
            columns: if kind == Kind::Table {
                ["c1", "c2"]
                    .iter()
                    .map(|c| Column {
                        id: (*c).to_owned(),
                        title: Text::Plain((*c).to_owned()),
                        kind: Kind::ShortText,
                        unit: None,
                        currency: None,
                        choices: Vec::new(),
                    })
                    .collect()
            } else {
                Vec::new()
            },
            ..Question::new(
                id,
                Text::Plain(format!("Prompt of {id}?")),
                Text::Plain("Why".to_owned()),
                kind,
            )
        }
    }

    pub fn choices(ids: &[&str]) -> Vec<Choice> {
        ids.iter()
            .map(|id| Choice {
                id: (*id).to_owned(),
                label: Text::Plain((*id).to_owned()),
                other: false,
            })
            .collect()
    }

    /// A checklist version with sections of questions and renames.
    pub fn checklist(
        id: &str,
        version: u32,
        sections: Vec<(&str, Vec<Question>)>,
        renamed: &[(&str, &str)],
    ) -> Checklist {
        Checklist {
            id: id.to_owned(),
            version,
            title: Text::Plain(id.to_owned()),
            description: None,
            languages: vec!["en".to_owned()],
            applies_to: Vec::new(),
            extends: None,
            replaces: Vec::new(),
            changes: vec![Text::Plain(format!("{id} v{version}"))],
            renamed: renamed
                .iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect(),
            client_wording: Default::default(),
            sections: sections
                .into_iter()
                .map(|(s, questions)| Section {
                    id: s.to_owned(),
                    title: Text::Plain(s.to_owned()),
                    intro: None,
                    when: None,
                    questions,
                })
                .collect(),
            processes: Vec::new(),
            rules: Vec::new(),
        }
    }

    /// One section `main` of the given questions.
    pub fn simple(version: u32, questions: &[(&str, Kind)], renamed: &[(&str, &str)]) -> Checklist {
        checklist(
            "core",
            version,
            vec![(
                "main",
                questions.iter().map(|(id, k)| question(id, *k)).collect(),
            )],
            renamed,
        )
    }

    pub fn text(s: &str) -> Entry {
        Entry::new(Answer::Answered(AnswerValue::Text(s.to_owned())))
    }

    pub fn entries(items: &[(&str, Entry)]) -> BTreeMap<String, Entry> {
        items
            .iter()
            .map(|(id, e)| ((*id).to_owned(), e.clone()))
            .collect()
    }
}

use build::*;

/// Plans and applies in one go; checks that the preview is exactly what applying does.
fn upgrade(
    from: &[&Checklist],
    to: &[&Checklist],
    history: &[&Checklist],
    entries: &BTreeMap<String, Entry>,
    archived: &[ArchivedAnswer],
) -> Upgraded {
    let p = plan(from, to, history, entries, archived);
    let done = apply(&p, entries.clone(), archived.to_vec());
    assert_eq!(p.report, done.report, "the preview must be what apply does");
    done
}

#[test]
fn upgrading_to_the_same_versions_changes_nothing() {
    let v1 = simple(1, &[("a", Kind::ShortText), ("b", Kind::SingleChoice)], &[]);
    let given = entries(&[
        ("a", text("x")),
        (
            "b",
            Entry::new(Answer::Answered(AnswerValue::Choice("a".into()))),
        ),
    ]);
    let up = upgrade(&[&v1], &[&v1], &[], &given, &[]);
    assert_eq!(up.entries, given);
    assert!(up.archived.is_empty());
    assert!(up.report.is_empty(), "{:#?}", up.report);
}

#[test]
fn added_questions_are_listed_with_their_checklist_and_section() {
    let v1 = simple(1, &[("a", Kind::ShortText)], &[]);
    let mut new_b = question("b", Kind::YesNo);
    new_b.required = true;
    let v2 = checklist(
        "core",
        2,
        vec![
            ("main", vec![question("a", Kind::ShortText)]),
            ("extra", vec![new_b]),
        ],
        &[],
    );
    let up = upgrade(&[&v1], &[&v2], &[], &entries(&[("a", text("x"))]), &[]);
    let added: Vec<(&str, &str, bool)> = up
        .report
        .added
        .iter()
        .map(|a| (a.question_id.as_str(), a.section.as_str(), a.required))
        .collect();
    assert_eq!(added, [("b", "extra", true)]);
    assert_eq!(up.entries, entries(&[("a", text("x"))]));
    let change = &up.report.checklists[0];
    assert_eq!(
        (change.checklist.as_str(), change.from, change.to),
        ("core", Some(1), Some(2))
    );
    assert_eq!(change.notes[0].changes, [Text::Plain("core v2".into())]);
}

#[test]
fn a_removed_question_s_answer_is_archived_with_its_prompt_and_version() {
    let v1 = simple(1, &[("a", Kind::ShortText), ("gone", Kind::Number)], &[]);
    let v2 = simple(2, &[("a", Kind::ShortText)], &[]);
    let mut answer = Entry::new(Answer::Answered(AnswerValue::Number(42.0)));
    answer.evidence.push(Evidence {
        kind: EvidenceKind::Note,
        text: "from the call".into(),
        verified: true,
    });
    let given = entries(&[("gone", answer.clone())]);
    let up = upgrade(&[&v1], &[&v2], &[], &given, &[]);
    assert!(up.entries.is_empty());
    assert_eq!(
        up.archived,
        [ArchivedAnswer {
            question_id: "gone".into(),
            checklist: "core".into(),
            version: 1,
            prompt: Text::Plain("Prompt of gone?".into()),
            kind: Kind::Number,
            reason: ArchiveReason::Removed,
            entry: answer,
        }]
    );
    let removed: Vec<(&str, bool)> = up
        .report
        .removed
        .iter()
        .map(|r| (r.question_id.as_str(), r.has_entry))
        .collect();
    assert_eq!(removed, [("gone", true)]);
    assert_eq!(up.report.archived, ["gone"]);
}

#[test]
fn a_removed_question_without_an_answer_is_listed_but_archives_nothing() {
    let v1 = simple(1, &[("a", Kind::ShortText), ("gone", Kind::Number)], &[]);
    let v2 = simple(2, &[("a", Kind::ShortText)], &[]);
    let up = upgrade(&[&v1], &[&v2], &[], &BTreeMap::new(), &[]);
    assert!(!up.report.removed[0].has_entry);
    assert!(up.archived.is_empty() && up.report.archived.is_empty());
}

#[test]
fn a_renamed_question_carries_its_answer_unchanged() {
    let v1 = simple(1, &[("old", Kind::LongText)], &[]);
    let v2 = simple(2, &[("new", Kind::LongText)], &[("old", "new")]);
    let mut e = text("answer");
    e.to_confirm = true;
    let up = upgrade(&[&v1], &[&v2], &[], &entries(&[("old", e.clone())]), &[]);
    assert_eq!(up.entries, entries(&[("new", e)]));
    let r = &up.report.renamed[0];
    assert_eq!(
        (r.from.as_str(), r.to.as_str(), r.has_entry),
        ("old", "new", true)
    );
    assert!(up.report.added.is_empty() && up.report.removed.is_empty());
}

#[test]
fn renames_compose_across_intermediate_versions() {
    let v1 = simple(1, &[("a", Kind::ShortText)], &[]);
    let v2 = simple(2, &[("b", Kind::ShortText)], &[("a", "b")]);
    let v3 = simple(3, &[("c", Kind::ShortText)], &[("b", "c")]);
    let up = upgrade(
        &[&v1],
        &[&v3],
        &[&v1, &v2, &v3],
        &entries(&[("a", text("x"))]),
        &[],
    );
    assert_eq!(up.entries, entries(&[("c", text("x"))]));
    let steps: Vec<(u32, &str, &str)> = up.report.renamed[0]
        .steps
        .iter()
        .map(|s| (s.version, s.from.as_str(), s.to.as_str()))
        .collect();
    assert_eq!(steps, [(2, "a", "b"), (3, "b", "c")]);
    assert!(up.report.warnings.is_empty());
    let notes: Vec<u32> = up.report.checklists[0]
        .notes
        .iter()
        .map(|n| n.version)
        .collect();
    assert_eq!(notes, [2, 3]);
}

#[test]
fn a_missing_intermediate_version_is_a_warning_and_archives_instead_of_losing() {
    let v1 = simple(1, &[("a", Kind::ShortText)], &[]);
    let v3 = simple(3, &[("c", Kind::ShortText)], &[("b", "c")]);
    let up = upgrade(&[&v1], &[&v3], &[], &entries(&[("a", text("x"))]), &[]);
    assert_eq!(
        up.report.warnings,
        [UpgradeWarning::MissingVersions {
            checklist: "core".into(),
            versions: vec![2],
        }]
    );
    assert!(up.entries.is_empty());
    assert_eq!(up.archived[0].entry, text("x"));
}

#[test]
fn a_cumulative_renamed_map_works_without_the_intermediate_version() {
    // v3 repeats v2's rename under the original id: enough to follow it when v2 is unknown.
    let v1 = simple(1, &[("a", Kind::ShortText)], &[]);
    let v3 = simple(3, &[("c", Kind::ShortText)], &[("a", "c"), ("b", "c")]);
    let up = upgrade(&[&v1], &[&v3], &[], &entries(&[("a", text("x"))]), &[]);
    assert_eq!(up.entries, entries(&[("c", text("x"))]));
}

#[test]
fn a_kind_change_keeps_the_answer_and_marks_it_to_confirm() {
    let v1 = simple(1, &[("regions", Kind::List)], &[]);
    let v2 = simple(2, &[("regions", Kind::LongText)], &[]);
    let items = Entry::new(Answer::Answered(AnswerValue::Items(vec![
        "Moscow".into(),
        "Tula".into(),
    ])));
    let up = upgrade(
        &[&v1],
        &[&v2],
        &[],
        &entries(&[("regions", items.clone())]),
        &[],
    );
    let kept = &up.entries["regions"];
    assert_eq!(kept.answer, items.answer, "the value is never converted");
    assert!(kept.to_confirm);
    assert_eq!(
        up.report.rechecks[0].reasons,
        [RecheckReason::KindChanged {
            from: Kind::List,
            to: Kind::LongText
        }]
    );
    let k = &up.report.kind_changed[0];
    assert_eq!(
        (k.from, k.to, k.has_entry),
        (Kind::List, Kind::LongText, true)
    );
}

#[test]
fn short_text_to_long_text_fits_without_a_recheck_unless_too_long() {
    let v1 = simple(1, &[("a", Kind::ShortText), ("b", Kind::Link)], &[]);
    let mut b = question("b", Kind::ShortText);
    b.max_length = Some(5);
    let v2 = checklist(
        "core",
        2,
        vec![("main", vec![question("a", Kind::LongText), b])],
        &[],
    );
    let given = entries(&[("a", text("fits")), ("b", text("https://too.long/"))]);
    let up = upgrade(&[&v1], &[&v2], &[], &given, &[]);
    assert!(!up.entries["a"].to_confirm);
    assert!(up.entries["b"].to_confirm);
    let rechecked: Vec<&str> = up
        .report
        .rechecks
        .iter()
        .map(|r| r.question_id.as_str())
        .collect();
    assert_eq!(rechecked, ["b"]);
    assert_eq!(
        up.report.kind_changed.len(),
        2,
        "both kind changes are reported"
    );
}

#[test]
fn states_fit_every_kind() {
    let v1 = simple(1, &[("a", Kind::Number), ("b", Kind::Table)], &[]);
    let v2 = simple(2, &[("a", Kind::YesNo), ("b", Kind::Contact)], &[]);
    let given = entries(&[
        ("a", Entry::new(Answer::Unknown)),
        (
            "b",
            Entry::new(Answer::NotApplicable {
                reason: "no staff".into(),
            }),
        ),
    ]);
    let up = upgrade(&[&v1], &[&v2], &[], &given, &[]);
    assert_eq!(up.entries, given);
    assert!(up.report.rechecks.is_empty());
}

#[test]
fn an_answered_choice_that_is_gone_is_marked_and_the_lost_choice_reported() {
    let v1 = simple(
        1,
        &[("one", Kind::SingleChoice), ("many", Kind::MultiChoice)],
        &[],
    );
    let mut one = question("one", Kind::SingleChoice);
    one.choices = choices(&["a", "b"]);
    let mut many = question("many", Kind::MultiChoice);
    many.choices = choices(&["a", "b"]);
    let v2 = checklist("core", 2, vec![("main", vec![one, many])], &[]);
    let given = entries(&[
        (
            "one",
            Entry::new(Answer::Answered(AnswerValue::Choice("c".into()))),
        ),
        (
            "many",
            Entry::new(Answer::Answered(AnswerValue::Choices(vec![
                "a".into(),
                "c".into(),
            ]))),
        ),
    ]);
    let up = upgrade(&[&v1], &[&v2], &[], &given, &[]);
    assert!(up.entries.values().all(|e| e.to_confirm));
    for r in &up.report.rechecks {
        assert_eq!(
            r.reasons,
            [RecheckReason::ChoicesGone {
                choices: vec!["c".into()]
            }]
        );
    }
    assert_eq!(up.report.choices_removed.len(), 2);
    assert_eq!(up.report.choices_removed[0].choices, ["c"]);
}

#[test]
fn table_columns_that_are_gone_are_marked() {
    let v1 = simple(1, &[("t", Kind::Table)], &[]);
    let mut t = question("t", Kind::Table);
    t.columns.truncate(1);
    let v2 = checklist("core", 2, vec![("main", vec![t])], &[]);
    let row: BTreeMap<String, String> = [("c1", "x"), ("c2", "y")]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let given = entries(&[(
        "t",
        Entry::new(Answer::Answered(AnswerValue::Rows(vec![row]))),
    )]);
    let up = upgrade(&[&v1], &[&v2], &[], &given, &[]);
    assert_eq!(
        up.report.rechecks[0].reasons,
        [RecheckReason::ColumnsGone {
            columns: vec!["c2".into()]
        }]
    );
    assert_eq!(up.entries["t"].answer, given["t"].answer);
}

#[test]
fn moved_questions_are_reported_with_both_places() {
    let v1 = checklist(
        "core",
        1,
        vec![
            ("first", vec![question("a", Kind::ShortText)]),
            ("second", vec![question("b", Kind::ShortText)]),
        ],
        &[],
    );
    let v2 = checklist(
        "core",
        2,
        vec![(
            "second",
            vec![
                question("b", Kind::ShortText),
                question("a", Kind::ShortText),
            ],
        )],
        &[],
    );
    let up = upgrade(&[&v1], &[&v2], &[], &entries(&[("a", text("x"))]), &[]);
    let m = &up.report.moved[0];
    assert_eq!(
        (
            m.question_id.as_str(),
            m.from.section.as_str(),
            m.to.section.as_str()
        ),
        ("a", "first", "second")
    );
    assert_eq!(up.entries, entries(&[("a", text("x"))]));
}

#[test]
fn a_question_moved_to_an_add_on_keeps_its_answer() {
    let core1 = simple(
        1,
        &[("a", Kind::ShortText), ("seo_x", Kind::ShortText)],
        &[],
    );
    let core2 = simple(2, &[("a", Kind::ShortText)], &[]);
    let seo1 = checklist(
        "seo",
        1,
        vec![("seo", vec![question("seo_x", Kind::ShortText)])],
        &[],
    );
    let given = entries(&[("seo_x", text("x"))]);
    let up = upgrade(&[&core1], &[&core2, &seo1], &[], &given, &[]);
    assert_eq!(up.entries, given);
    let m = &up.report.moved[0];
    assert_eq!(
        (m.from.checklist.as_str(), m.to.checklist.as_str()),
        ("core", "seo")
    );
    let joined = up
        .report
        .checklists
        .iter()
        .find(|c| c.checklist == "seo")
        .expect("seo joins");
    assert_eq!((joined.from, joined.to), (None, Some(1)));
}

#[test]
fn a_question_moved_to_an_add_on_and_renamed_there_keeps_its_answer() {
    let core1 = simple(1, &[("a", Kind::ShortText), ("x", Kind::ShortText)], &[]);
    let core2 = simple(2, &[("a", Kind::ShortText)], &[]);
    let seo1 = checklist(
        "seo",
        1,
        vec![("seo", vec![question("s", Kind::ShortText)])],
        &[],
    );
    let seo2 = checklist(
        "seo",
        2,
        vec![(
            "seo",
            vec![
                question("s", Kind::ShortText),
                question("x", Kind::ShortText),
            ],
        )],
        &[],
    );
    let seo3 = checklist(
        "seo",
        3,
        vec![(
            "seo",
            vec![
                question("s", Kind::ShortText),
                question("seo_x", Kind::ShortText),
            ],
        )],
        &[("x", "seo_x")],
    );
    let history = [&core1, &core2, &seo1, &seo2, &seo3];
    let up = upgrade(
        &[&core1, &seo1],
        &[&core2, &seo3],
        &history,
        &entries(&[("x", text("x"))]),
        &[],
    );
    assert_eq!(up.entries, entries(&[("seo_x", text("x"))]));
    let r = &up.report.renamed[0];
    assert_eq!(
        (
            r.from.as_str(),
            r.to.as_str(),
            r.steps[0].checklist.as_str()
        ),
        ("x", "seo_x", "seo")
    );
}

#[test]
fn a_dropped_add_on_archives_its_answers() {
    let core = simple(1, &[("a", Kind::ShortText)], &[]);
    let seo = checklist(
        "seo",
        1,
        vec![("seo", vec![question("seo_x", Kind::ShortText)])],
        &[],
    );
    let given = entries(&[("a", text("a")), ("seo_x", text("x"))]);
    let up = upgrade(&[&core, &seo], &[&core], &[], &given, &[]);
    assert_eq!(up.entries, entries(&[("a", text("a"))]));
    assert_eq!(
        (
            up.archived[0].checklist.as_str(),
            up.archived[0].question_id.as_str()
        ),
        ("seo", "seo_x")
    );
}

#[test]
fn two_answers_renamed_into_one_question_keep_one_and_archive_the_other() {
    let v1 = simple(
        1,
        &[("phone", Kind::ShortText), ("email", Kind::ShortText)],
        &[],
    );
    let v2 = simple(
        2,
        &[("contact", Kind::LongText)],
        &[("phone", "contact"), ("email", "contact")],
    );
    let given = entries(&[("phone", text("+7")), ("email", text("a@b"))]);
    let up = upgrade(&[&v1], &[&v2], &[], &given, &[]);
    assert_eq!(
        up.entries,
        entries(&[("contact", text("a@b"))]),
        "the lower old id wins"
    );
    assert_eq!(up.archived[0].entry, text("+7"));
    assert_eq!(
        up.archived[0].reason,
        ArchiveReason::Displaced {
            question_id: "contact".into(),
            kept: "email".into()
        }
    );
    let c = &up.report.conflicts[0];
    assert_eq!(
        (
            c.question_id.as_str(),
            c.kept.as_str(),
            c.set_aside.as_str(),
            c.already_archived
        ),
        ("contact", "email", "phone", false)
    );
}

#[test]
fn a_rename_onto_a_question_that_kept_its_id_loses_to_it() {
    let v1 = simple(1, &[("site", Kind::Link), ("website", Kind::Link)], &[]);
    let v2 = simple(2, &[("website", Kind::Link)], &[("site", "website")]);
    let given = entries(&[("site", text("a.ru")), ("website", text("b.ru"))]);
    let up = upgrade(&[&v1], &[&v2], &[], &given, &[]);
    assert_eq!(up.entries, entries(&[("website", text("b.ru"))]));
    assert_eq!(up.archived[0].question_id, "site");
}

#[test]
fn an_archived_answer_returns_when_a_later_version_brings_its_question_back() {
    let v1 = simple(1, &[("a", Kind::ShortText), ("b", Kind::ShortText)], &[]);
    let v2 = simple(2, &[("a", Kind::ShortText)], &[]);
    let v3 = simple(3, &[("a", Kind::ShortText), ("b", Kind::LongText)], &[]);
    let given = entries(&[("b", text("kept aside"))]);
    let first = upgrade(&[&v1], &[&v2], &[], &given, &[]);
    assert_eq!(first.archived.len(), 1);
    let second = upgrade(&[&v2], &[&v3], &[&v1], &first.entries, &first.archived);
    assert_eq!(second.entries, entries(&[("b", text("kept aside"))]));
    assert!(second.archived.is_empty());
    let r = &second.report.restored[0];
    assert_eq!(
        (r.question_id.as_str(), r.from.as_str(), r.version),
        ("b", "b", 1)
    );
    assert!(
        second.report.rechecks.is_empty(),
        "short text fits long text"
    );
}

#[test]
fn an_archived_answer_follows_renames_back() {
    let v1 = simple(1, &[("a", Kind::ShortText)], &[]);
    let v2 = simple(2, &[("z", Kind::ShortText)], &[]);
    let v3 = simple(
        3,
        &[("z", Kind::ShortText), ("b", Kind::ShortText)],
        &[("a", "b")],
    );
    let given = entries(&[("a", text("x"))]);
    let first = upgrade(&[&v1], &[&v2], &[], &given, &[]);
    let second = upgrade(&[&v2], &[&v3], &[&v1], &first.entries, &first.archived);
    assert_eq!(second.entries, entries(&[("b", text("x"))]));
}

#[test]
fn an_archived_answer_stays_archived_when_its_question_is_taken() {
    let v2 = simple(2, &[("b", Kind::ShortText)], &[]);
    let v3 = simple(3, &[("b", Kind::ShortText)], &[]);
    let old = ArchivedAnswer {
        question_id: "b".into(),
        checklist: "core".into(),
        version: 1,
        prompt: Text::Plain("B?".into()),
        kind: Kind::ShortText,
        reason: ArchiveReason::Removed,
        entry: text("old"),
    };
    let given = entries(&[("b", text("new"))]);
    let up = upgrade(&[&v2], &[&v3], &[], &given, std::slice::from_ref(&old));
    assert_eq!(up.entries, given);
    assert_eq!(up.archived, [old]);
    assert!(up.report.conflicts[0].already_archived);
}

#[test]
fn archived_answers_of_a_checklist_that_does_not_change_are_left_alone() {
    let v1 = simple(1, &[("b", Kind::ShortText)], &[]);
    let old = ArchivedAnswer {
        question_id: "b".into(),
        checklist: "core".into(),
        version: 1,
        prompt: Text::Plain("B?".into()),
        kind: Kind::ShortText,
        reason: ArchiveReason::Removed,
        entry: text("old"),
    };
    let up = upgrade(
        &[&v1],
        &[&v1],
        &[],
        &BTreeMap::new(),
        std::slice::from_ref(&old),
    );
    assert_eq!(up.archived, [old]);
    assert!(up.report.is_empty());
}

#[test]
fn answers_to_no_old_question_are_carried_over_as_unlisted() {
    let v1 = simple(1, &[("a", Kind::ShortText)], &[]);
    let v2 = simple(2, &[("b", Kind::ShortText)], &[("a", "b")]);
    let given = entries(&[("a", text("a")), ("adhoc_1", text("ad hoc"))]);
    let up = upgrade(&[&v1], &[&v2], &[], &given, &[]);
    assert_eq!(
        up.entries,
        entries(&[("b", text("a")), ("adhoc_1", text("ad hoc"))])
    );
    assert_eq!(up.report.unlisted, ["adhoc_1"]);
}

#[test]
fn a_downgrade_maps_by_id_only_and_warns() {
    let v1 = simple(1, &[("a", Kind::ShortText)], &[]);
    let v2 = simple(2, &[("b", Kind::ShortText)], &[("a", "b")]);
    let up = upgrade(&[&v2], &[&v1], &[], &entries(&[("b", text("x"))]), &[]);
    assert!(matches!(
        up.report.warnings[0],
        UpgradeWarning::Downgrade { from: 2, to: 1, .. }
    ));
    assert!(up.entries.is_empty());
    assert_eq!(up.archived[0].entry, text("x"));
}

#[test]
fn applying_a_plan_to_answers_that_changed_since_the_preview_loses_nothing() {
    let v1 = simple(1, &[("a", Kind::ShortText), ("b", Kind::ShortText)], &[]);
    let v2 = simple(2, &[("c", Kind::ShortText)], &[("a", "c")]);
    let p = plan(&[&v1], &[&v2], &[], &BTreeMap::new(), &[]);
    let later = entries(&[
        ("a", text("a")),
        ("b", text("b")),
        ("typed_since", text("t")),
    ]);
    let up = apply(&p, later, Vec::new());
    assert_eq!(
        up.entries,
        entries(&[("c", text("a")), ("typed_since", text("t"))])
    );
    assert_eq!(up.archived[0].entry, text("b"));
}

#[test]
fn the_plan_and_archived_answers_round_trip_through_json() {
    let v1 = simple(1, &[("a", Kind::ShortText), ("b", Kind::Number)], &[]);
    let v2 = simple(2, &[("c", Kind::LongText)], &[("a", "c")]);
    let given = entries(&[
        ("a", text("x")),
        (
            "b",
            Entry::new(Answer::Later {
                due: "2026-12-01".into(),
            }),
        ),
    ]);
    let p = plan(&[&v1], &[&v2], &[], &given, &[]);
    let json = serde_json::to_string(&p).expect("serialises");
    let back: deepbrief_core::UpgradePlan = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, p);
    let up = apply(&p, given, Vec::new());
    let json = serde_json::to_string(&up.archived).expect("serialises");
    let back: Vec<ArchivedAnswer> = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, up.archived);
}

mod fixture {
    //! The realistic pair: the bundled core v1, and a v2 that renames `deal_cycle_days`, removes
    //! `audience_information`, adds `crm_access`, turns `regions_served` from a list into long text
    //! and `crm_name` from short into long text, and drops the `awareness` goal metric.

    use super::*;
    use deepbrief_core::{Origin, SourceFile, load_files};

    fn pair() -> (Checklist, Checklist) {
        let dir = crate::fixtures().join("upgrade/core");
        let files = ["v1.yaml", "v2.yaml"]
            .iter()
            .map(|f| {
                let path = dir.join(f);
                SourceFile {
                    content: Ok(std::fs::read(&path).expect("fixture")),
                    path,
                    origin: Origin::Given,
                }
            })
            .collect();
        let library = load_files(files);
        assert!(library.problems.is_empty(), "{:#?}", library.problems);
        let get = |v| {
            library
                .get("core", Some(v))
                .expect("both versions load")
                .checklist
                .clone()
        };
        (get(1), get(2))
    }

    fn answered(v: AnswerValue) -> Entry {
        Entry::new(Answer::Answered(v))
    }

    fn brief() -> BTreeMap<String, Entry> {
        entries(&[
            (
                "company_name",
                text("Koleso-Service LLC, brand ShinaMarket"),
            ),
            ("deal_cycle_days", answered(AnswerValue::Number(21.0))),
            (
                "audience_information",
                text("Tyre sizes, prices, fitting slots"),
            ),
            (
                "regions_served",
                answered(AnswerValue::Items(vec![
                    "Moscow".into(),
                    "Moscow region".into(),
                ])),
            ),
            ("crm_name", text("amoCRM, Ivan")),
            (
                "goal_metric",
                answered(AnswerValue::Choice("awareness".into())),
            ),
        ])
    }

    /// The report as a person reads it in the preview.
    fn render(r: &UpgradeReport) -> String {
        let mut out = Vec::new();
        for c in &r.checklists {
            out.push(format!(
                "checklist {} {:?} → {:?}",
                c.checklist, c.from, c.to
            ));
            for n in &c.notes {
                for t in &n.changes {
                    out.push(format!("  v{}: {}", n.version, t.get("en")));
                }
            }
        }
        for w in &r.warnings {
            out.push(format!("warning {w:?}"));
        }
        for a in &r.added {
            out.push(format!(
                "added {} in {}/{}: {}",
                a.question_id,
                a.checklist,
                a.section,
                a.prompt.get("en")
            ));
        }
        for q in &r.removed {
            out.push(format!(
                "removed {} ({} v{}), has entry: {}: {}",
                q.question_id,
                q.checklist,
                q.version,
                q.has_entry,
                q.prompt.get("en")
            ));
        }
        for q in &r.renamed {
            out.push(format!(
                "renamed {} → {}, has entry: {}",
                q.from, q.to, q.has_entry
            ));
        }
        for q in &r.kind_changed {
            out.push(format!(
                "kind of {}: {} → {}, has entry: {}",
                q.question_id,
                q.from.name(),
                q.to.name(),
                q.has_entry
            ));
        }
        for q in &r.choices_removed {
            out.push(format!(
                "choices gone from {}: {:?}",
                q.question_id, q.choices
            ));
        }
        for q in &r.moved {
            out.push(format!(
                "moved {}: {:?} → {:?}",
                q.question_id, q.from, q.to
            ));
        }
        for q in &r.rechecks {
            out.push(format!("to confirm {}: {:?}", q.question_id, q.reasons));
        }
        for q in &r.restored {
            out.push(format!("restored {} from {}", q.question_id, q.from));
        }
        for q in &r.conflicts {
            out.push(format!("conflict {q:?}"));
        }
        out.push(format!("archived {:?}", r.archived));
        out.push(format!("unlisted {:?}", r.unlisted));
        out.join("\n")
    }

    #[test]
    fn the_fixture_pair_loads() {
        let (v1, v2) = pair();
        assert_eq!((v1.version, v2.version), (1, 2));
    }

    #[test]
    fn the_core_v2_fixture_plan_reports_every_change() {
        let (v1, v2) = pair();
        let given = brief();
        let p = plan(&[&v1], &[&v2], &[&v1, &v2], &given, &[]);
        let r = &p.report;
        assert_eq!(r.added.len(), 1);
        assert_eq!(r.added[0].question_id, "crm_access");
        assert_eq!(r.removed.len(), 1);
        assert_eq!(r.removed[0].question_id, "audience_information");
        assert_eq!(r.renamed.len(), 1);
        assert_eq!(r.renamed[0].to, "sales_cycle_days");
        assert_eq!(r.kind_changed.len(), 2);
        assert!(r.warnings.is_empty());
        insta::assert_snapshot!(render(r));

        let up = apply(&p, given.clone(), Vec::new());
        assert_eq!(up.report, p.report);
        assert_eq!(up.entries["sales_cycle_days"], given["deal_cycle_days"]);
        assert!(up.entries["regions_served"].to_confirm);
        assert!(!up.entries["crm_name"].to_confirm);
        assert!(up.entries["goal_metric"].to_confirm);
        assert_eq!(up.archived.len(), 1);
        assert_eq!(up.archived[0].question_id, "audience_information");
        assert_eq!(
            up.archived[0].prompt.get("en"),
            "What information does the buyer look for before buying?"
        );
    }
}

mod properties {
    //! Random version chains of one checklist: questions added (new or re-used ids), removed,
    //! renamed (to new ids or merged into existing ones), changed in kind, losing choices or moving
    //! section, over 2–5 versions; random answers to the first version and random archived answers.

    use super::*;
    use proptest::prelude::*;

    const POOL: usize = 10;
    const KINDS: [Kind; 7] = [
        Kind::ShortText,
        Kind::LongText,
        Kind::Number,
        Kind::YesNo,
        Kind::SingleChoice,
        Kind::MultiChoice,
        Kind::Table,
    ];

    fn pool(i: u8) -> String {
        format!("q{}", usize::from(i) % POOL)
    }

    /// Builds versions 1..=n from the raw operations of each step after the first.
    fn chain(first: &[(u8, u8)], steps: &[Vec<(u8, u8, u8)>]) -> Vec<Checklist> {
        // (id, kind, choices, section)
        let mut qs: Vec<(String, Kind, Vec<String>, usize)> = Vec::new();
        for (id, k) in first {
            let id = pool(*id);
            if !qs.iter().any(|q| q.0 == id) {
                let kind = KINDS[usize::from(*k) % KINDS.len()];
                qs.push((id, kind, vec!["a".into(), "b".into(), "c".into()], 0));
            }
        }
        if qs.is_empty() {
            qs.push(("q0".into(), Kind::ShortText, Vec::new(), 0));
        }
        let mut versions = vec![make("core", 1, &qs, BTreeMap::new())];
        for (n, ops) in steps.iter().enumerate() {
            let mut renamed: BTreeMap<String, String> = BTreeMap::new();
            for &(op, a, b) in ops {
                let len = qs.len();
                let i = usize::from(a) % len.max(1);
                match op % 6 {
                    0 => {
                        let id = pool(b);
                        if !qs.iter().any(|q| q.0 == id) {
                            let kind = KINDS[usize::from(a) % KINDS.len()];
                            qs.push((id, kind, vec!["a".into(), "b".into(), "c".into()], 0));
                        }
                    }
                    1 if len > 1 => {
                        qs.remove(i);
                    }
                    2 if len > 0 => {
                        let new = pool(b);
                        let old = qs[i].0.clone();
                        if new != old {
                            if qs.iter().any(|q| q.0 == new) {
                                qs.remove(i); // merged into an existing question
                            } else {
                                qs[i].0 = new.clone();
                            }
                            renamed.insert(old, new);
                        }
                    }
                    3 if len > 0 => qs[i].1 = KINDS[usize::from(b) % KINDS.len()],
                    4 if len > 0 => {
                        let choices = &mut qs[i].2;
                        if choices.len() > 2 {
                            choices.remove(usize::from(b) % choices.len());
                        }
                    }
                    5 if len > 0 => qs[i].3 = usize::from(b) % 2,
                    _ => {}
                }
            }
            // Keep only renames a loader would accept: old gone from this version, new in it.
            renamed.retain(|old, new| {
                old != new && qs.iter().any(|q| &q.0 == new) && !qs.iter().any(|q| &q.0 == old)
            });
            let version = u32::try_from(n + 2).expect("few versions");
            versions.push(make("core", version, &qs, renamed));
        }
        versions
    }

    fn make(
        id: &str,
        version: u32,
        qs: &[(String, Kind, Vec<String>, usize)],
        renamed: BTreeMap<String, String>,
    ) -> Checklist {
        let mut sections: Vec<(&str, Vec<Question>)> = vec![("s0", Vec::new()), ("s1", Vec::new())];
        for (id, kind, choices, section) in qs {
            let mut q = question(id, *kind);
            if kind.has_choices() {
                q.choices = build::choices(&choices.iter().map(String::as_str).collect::<Vec<_>>());
            }
            sections[*section].1.push(q);
        }
        sections.retain(|(_, qs)| !qs.is_empty());
        let mut c = checklist(id, version, sections, &[]);
        c.renamed = renamed;
        c
    }

    type Draft = Vec<(String, Kind, Vec<String>, usize)>;

    /// Builds versions 1..=n of a core and of an add-on `seo` side by side; besides the operations of
    /// [`chain`], a question may move from one to the other, keeping its id. Ids stay unique across
    /// both, as the loader requires. Unless `reuse`, an id once used never names a new question.
    fn pair(
        first: &[(u8, u8)],
        steps: &[Vec<(u8, u8, u8)>],
        reuse: bool,
    ) -> (Vec<Checklist>, Vec<Checklist>) {
        let names = |side: usize, i: u8| match side {
            0 => format!("q{}", usize::from(i) % POOL),
            _ => format!("s{}", usize::from(i) % 6),
        };
        let fresh = || vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
        let mut sides: [Draft; 2] = [Vec::new(), Vec::new()];
        for (n, (id, k)) in first.iter().enumerate() {
            let side = n % 2;
            let id = names(side, *id);
            if !sides.iter().flatten().any(|q| q.0 == id) {
                sides[side].push((id, KINDS[usize::from(*k) % KINDS.len()], fresh(), 0));
            }
        }
        for (side, draft) in sides.iter_mut().enumerate() {
            if draft.is_empty() {
                draft.push((names(side, 0), Kind::ShortText, Vec::new(), 0));
            }
        }
        let mut used: std::collections::BTreeSet<String> =
            sides.iter().flatten().map(|q| q.0.clone()).collect();
        let ids = ["core", "seo"];
        let mut out: [Vec<Checklist>; 2] = [Vec::new(), Vec::new()];
        for side in 0..2 {
            out[side].push(make(ids[side], 1, &sides[side], BTreeMap::new()));
        }
        for (n, ops) in steps.iter().enumerate() {
            let mut renamed: [BTreeMap<String, String>; 2] = [BTreeMap::new(), BTreeMap::new()];
            for &(op, a, b) in ops {
                let side = usize::from(op >> 4) % 2;
                let other = 1 - side;
                let len = sides[side].len();
                let i = usize::from(a) % len.max(1);
                match op % 8 {
                    0 => {
                        let id = names(side, b);
                        if !sides.iter().flatten().any(|q| q.0 == id)
                            && (reuse || used.insert(id.clone()))
                        {
                            sides[side].push((id, KINDS[usize::from(a) % KINDS.len()], fresh(), 0));
                        }
                    }
                    1 if len > 1 => {
                        sides[side].remove(i);
                    }
                    2 if len > 0 => {
                        let new = names(side, b);
                        let old = sides[side][i].0.clone();
                        let merge = sides[side].iter().any(|q| q.0 == new);
                        if new != old
                            && !sides[other].iter().any(|q| q.0 == new)
                            && (merge || reuse || used.insert(new.clone()))
                        {
                            if merge {
                                sides[side].remove(i);
                            } else {
                                sides[side][i].0 = new.clone();
                            }
                            renamed[side].insert(old, new);
                        }
                    }
                    3 if len > 0 => sides[side][i].1 = KINDS[usize::from(b) % KINDS.len()],
                    4 if len > 0 => {
                        let choices = &mut sides[side][i].2;
                        if choices.len() > 2 {
                            choices.remove(usize::from(b) % choices.len());
                        }
                    }
                    5 if len > 0 => sides[side][i].3 = usize::from(b) % 2,
                    6 | 7 if len > 1 => {
                        let q = sides[side].remove(i);
                        sides[other].push(q);
                    }
                    _ => {}
                }
            }
            let version = u32::try_from(n + 2).expect("few versions");
            for side in 0..2 {
                let draft = &sides[side];
                let mut map = std::mem::take(&mut renamed[side]);
                map.retain(|old, new| {
                    old != new
                        && draft.iter().any(|q| &q.0 == new)
                        && !draft.iter().any(|q| &q.0 == old)
                });
                out[side].push(make(ids[side], version, draft, map));
            }
        }
        let [core, seo] = out;
        (core, seo)
    }

    fn any_entry() -> impl Strategy<Value = Entry> {
        let value = prop_oneof![
            "[a-z ]{0,12}".prop_map(AnswerValue::Text),
            (-1000i32..1000).prop_map(|n| AnswerValue::Number(f64::from(n))),
            any::<bool>().prop_map(AnswerValue::Bool),
            "[abcd]".prop_map(AnswerValue::Choice),
            prop::collection::vec("[abcd]", 0..3).prop_map(AnswerValue::Choices),
            prop::collection::vec("[a-z]{1,5}", 0..3).prop_map(AnswerValue::Items),
        ];
        let answer = prop_oneof![
            4 => value.prop_map(Answer::Answered),
            1 => Just(Answer::Unknown),
            1 => "2026-0[1-9]-1[0-9]".prop_map(|due| Answer::Later { due }),
            1 => "[a-z ]{1,10}".prop_map(|reason| Answer::NotApplicable { reason }),
        ];
        (
            answer,
            prop::collection::vec("[a-z]{1,6}", 0..2),
            any::<bool>(),
        )
            .prop_map(|(answer, notes, to_confirm)| Entry {
                answer,
                evidence: notes
                    .into_iter()
                    .map(|text| Evidence {
                        kind: EvidenceKind::Note,
                        text,
                        verified: false,
                    })
                    .collect(),
                to_confirm,
            })
    }

    #[derive(Debug, Clone)]
    struct Case {
        versions: Vec<Checklist>,
        entries: BTreeMap<String, Entry>,
        archived: Vec<ArchivedAnswer>,
    }

    /// A chain of `versions` versions (2–5 in the tests) with answers to the first one.
    fn case(versions: std::ops::Range<usize>) -> impl Strategy<Value = Case> {
        let first = prop::collection::vec((any::<u8>(), any::<u8>()), 1..8);
        let steps = prop::collection::vec(
            prop::collection::vec((any::<u8>(), any::<u8>(), any::<u8>()), 0..7),
            versions.start - 1..versions.end - 1,
        );
        (first, steps).prop_flat_map(|(first, steps)| {
            let versions = chain(&first, &steps);
            let ids: Vec<String> = versions[0].questions().map(|(_, q)| q.id.clone()).collect();
            let entries =
                prop::collection::vec((0..ids.len(), any_entry()), 0..8).prop_map(move |picked| {
                    picked
                        .into_iter()
                        .map(|(i, e)| (ids[i].clone(), e))
                        .collect::<BTreeMap<_, _>>()
                });
            let archived =
                prop::collection::vec((any::<u8>(), any_entry()), 0..3).prop_map(|items| {
                    items
                        .into_iter()
                        .map(|(i, entry)| ArchivedAnswer {
                            question_id: pool(i),
                            checklist: "core".into(),
                            version: 1,
                            prompt: Text::Plain("earlier".into()),
                            kind: KINDS[usize::from(i) % KINDS.len()],
                            reason: ArchiveReason::Removed,
                            entry,
                        })
                        .collect::<Vec<_>>()
                });
            (Just(versions), entries, archived).prop_map(|(versions, entries, archived)| Case {
                versions,
                entries,
                archived,
            })
        })
    }

    #[derive(Debug, Clone)]
    struct PairCase {
        core: Vec<Checklist>,
        seo: Vec<Checklist>,
        entries: BTreeMap<String, Entry>,
    }

    /// Core and add-on chains of `versions` versions each, with answers to both first versions.
    fn pair_case(versions: std::ops::Range<usize>, reuse: bool) -> impl Strategy<Value = PairCase> {
        let first = prop::collection::vec((any::<u8>(), any::<u8>()), 2..10);
        let steps = prop::collection::vec(
            prop::collection::vec((any::<u8>(), any::<u8>(), any::<u8>()), 0..9),
            versions.start - 1..versions.end - 1,
        );
        (first, steps).prop_flat_map(move |(first, steps)| {
            let (core, seo) = pair(&first, &steps, reuse);
            let ids: Vec<String> = core[0]
                .questions()
                .chain(seo[0].questions())
                .map(|(_, q)| q.id.clone())
                .collect();
            let entries =
                prop::collection::vec((0..ids.len(), any_entry()), 0..10).prop_map(move |picked| {
                    picked
                        .into_iter()
                        .map(|(i, e)| (ids[i].clone(), e))
                        .collect::<BTreeMap<_, _>>()
                });
            (Just(core), Just(seo), entries).prop_map(|(core, seo, entries)| PairCase {
                core,
                seo,
                entries,
            })
        })
    }

    /// An entry's answer and evidence: what must never change. The to-confirm mark may be set.
    fn content(e: &Entry) -> String {
        format!("{:?} {:?}", e.answer, e.evidence)
    }

    fn all_contents(entries: &BTreeMap<String, Entry>, archived: &[ArchivedAnswer]) -> Vec<String> {
        let mut all: Vec<String> = entries
            .values()
            .chain(archived.iter().map(|a| &a.entry))
            .map(content)
            .collect();
        all.sort();
        all
    }

    fn refs(versions: &[Checklist]) -> Vec<&Checklist> {
        versions.iter().collect()
    }

    proptest! {
        // 512 cases by default; `PROPTEST_CASES=30000` for a longer hunt.
        #![proptest_config(ProptestConfig {
            cases: ProptestConfig::default().cases.max(512),
            ..ProptestConfig::default()
        })]

        #[test]
        fn no_answer_is_ever_lost(case in case(2..6)) {
            let history = refs(&case.versions);
            let (first, last) = (history[0], history[history.len() - 1]);
            let p = plan(&[first], &[last], &history, &case.entries, &case.archived);
            let up = apply(&p, case.entries.clone(), case.archived.clone());
            prop_assert_eq!(&p.report, &up.report);
            // Nothing lost, nothing duplicated: the same answers, live or archived.
            prop_assert_eq!(
                all_contents(&case.entries, &case.archived),
                all_contents(&up.entries, &up.archived)
            );
            // Each answer is under its mapped id, or archived under its own.
            for (id, e) in &case.entries {
                let route = p.routes.iter().find(|r| &r.from.question_id == id).expect("a route");
                let live = route
                    .to
                    .as_ref()
                    .and_then(|t| up.entries.get(&t.question_id))
                    .is_some_and(|kept| content(kept) == content(e));
                let archived = up
                    .archived
                    .iter()
                    .any(|a| &a.question_id == id && content(&a.entry) == content(e));
                prop_assert!(live || archived, "{} lost", id);
            }
            // Every live answer belongs to a question of the new version.
            for id in up.entries.keys() {
                prop_assert!(last.question(id).is_some(), "{} is not a question of the new version", id);
            }
            // A mark to confirm is only ever added, never taken away.
            let inputs: Vec<&Entry> = case.entries.values().chain(case.archived.iter().map(|a| &a.entry)).collect();
            for e in up.entries.values().chain(up.archived.iter().map(|a| &a.entry)) {
                prop_assert!(
                    e.to_confirm || inputs.iter().any(|b| content(b) == content(e) && !b.to_confirm),
                    "a mark to confirm was cleared"
                );
            }
        }

        #[test]
        fn upgrading_to_the_same_version_changes_nothing(case in case(2..6)) {
            let history = refs(&case.versions);
            let (first, last) = (history[0], history[history.len() - 1]);
            // A brief fresh on the first version.
            let same = upgrade(&[first], &[first], &history, &case.entries, &[]);
            prop_assert_eq!(&same.entries, &case.entries);
            prop_assert!(same.archived.is_empty());
            prop_assert!(same.report.is_empty(), "{:#?}", same.report);
            // And a brief just upgraded: upgrading it again to where it is changes nothing.
            let up = upgrade(&[first], &[last], &history, &case.entries, &case.archived);
            let again = upgrade(&[last], &[last], &history, &up.entries, &up.archived);
            prop_assert_eq!(&again.entries, &up.entries);
            prop_assert_eq!(&again.archived, &up.archived);
            prop_assert!(again.report.is_empty(), "{:#?}", again.report);
        }

        #[test]
        fn upgrading_step_by_step_places_the_same_answers_as_one_jump(case in case(3..6), middle in any::<prop::sample::Index>()) {
            let history = refs(&case.versions);
            let (first, last) = (history[0], history[history.len() - 1]);
            let mid = history[1 + middle.index(history.len() - 2)];
            let jump = upgrade(&[first], &[last], &history, &case.entries, &case.archived);
            let one = upgrade(&[first], &[mid], &history, &case.entries, &case.archived);
            let two = upgrade(&[mid], &[last], &history, &one.entries, &one.archived);
            let live = |u: &Upgraded| -> BTreeMap<String, String> {
                u.entries.iter().map(|(k, e)| (k.clone(), content(e))).collect()
            };
            prop_assert_eq!(live(&jump), live(&two));
            prop_assert_eq!(
                all_contents(&BTreeMap::new(), &jump.archived),
                all_contents(&BTreeMap::new(), &two.archived)
            );
        }
        #[test]
        fn no_answer_is_ever_lost_with_add_ons(
            case in pair_case(2..6, true),
            seo_at in any::<prop::sample::Index>(),
            seo_joins in any::<bool>(),
            seo_leaves in any::<bool>(),
        ) {
            let history: Vec<&Checklist> = case.core.iter().chain(&case.seo).collect();
            let core_last = &case.core[case.core.len() - 1];
            let seo_first = &case.seo[0];
            let seo_to = &case.seo[seo_at.index(case.seo.len())];
            // The add-on may join the brief, or leave it, with this upgrade.
            let mut from: Vec<&Checklist> = vec![&case.core[0]];
            if !seo_joins {
                from.push(seo_first);
            }
            let mut to: Vec<&Checklist> = vec![core_last];
            if !seo_leaves {
                to.push(seo_to);
            }
            let up = upgrade(&from, &to, &history, &case.entries, &[]);
            prop_assert_eq!(
                all_contents(&case.entries, &[]),
                all_contents(&up.entries, &up.archived)
            );
            for id in up.entries.keys() {
                prop_assert!(
                    to.iter().any(|c| c.question(id).is_some()) || up.report.unlisted.contains(id),
                    "{} is not a question of the new versions", id
                );
            }
        }

        /// Across checklists this holds while ids are never re-used for new questions, as the format
        /// asks: an answer displaced across a move can otherwise be restored into the re-used id
        /// step by step, while the jump keeps it archived (nothing is lost either way).
        #[test]
        fn add_ons_step_by_step_place_the_same_answers_as_one_jump(
            case in pair_case(3..6, false),
            middle in any::<prop::sample::Index>(),
        ) {
            let history: Vec<&Checklist> = case.core.iter().chain(&case.seo).collect();
            let n = case.core.len();
            let m = 1 + middle.index(n - 2);
            let at = |v: usize| vec![&case.core[v], &case.seo[v]];
            let jump = upgrade(&at(0), &at(n - 1), &history, &case.entries, &[]);
            let one = upgrade(&at(0), &at(m), &history, &case.entries, &[]);
            let two = upgrade(&at(m), &at(n - 1), &history, &one.entries, &one.archived);
            let live = |u: &Upgraded| -> BTreeMap<String, String> {
                u.entries.iter().map(|(k, e)| (k.clone(), content(e))).collect()
            };
            prop_assert_eq!(live(&jump), live(&two));
        }
    }
}
