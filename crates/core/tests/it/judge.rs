//! Judging what the client said: the `vague` operator (Russian and English, hidden questions, lists),
//! a required answer that says nothing as a gap, and process statuses — evidence, details, documents,
//! the account manager's note, and the v1 reading of a process with evidence only.

use std::collections::HashMap;
use std::sync::LazyLock;

use deepbrief_core::gaps::{Entries, GapCode, ProcessStatus, ReasonCode, process_note_key};
use deepbrief_core::{
    Answer, AnswerValue, Checklist, Condition, Entry, GapReport, IsoDate, Severity, Visibility,
    analyze,
};

static JUDGE: LazyLock<Checklist> = LazyLock::new(|| crate::valid("judge.yaml"));

fn today() -> IsoDate {
    IsoDate::parse("2026-12-02").expect("date")
}
fn text(s: &str) -> Answer {
    Answer::Answered(AnswerValue::Text(s.to_owned()))
}
fn items(xs: &[&str]) -> Answer {
    Answer::Answered(AnswerValue::Items(
        xs.iter().map(|x| (*x).to_owned()).collect(),
    ))
}
fn yes(b: bool) -> Answer {
    Answer::Answered(AnswerValue::Bool(b))
}
fn number(n: f64) -> Answer {
    Answer::Answered(AnswerValue::Number(n))
}
fn vague(q: &str) -> Condition {
    Condition::Vague(q.to_owned())
}

/// Whether `vague: question` holds for these answers.
fn holds(answers: &[(&str, Answer)], question: &str) -> bool {
    let map: HashMap<String, Answer> = answers
        .iter()
        .map(|(q, a)| ((*q).to_owned(), a.clone()))
        .collect();
    let shown = Visibility::new(&[&JUDGE], &map);
    vague(question).holds(&shown)
}

#[test]
fn vague_holds_for_russian_answers_that_say_nothing() {
    for said in [
        "Особенностей нет, цены такие же, как у местных магазинов",
        "как у всех",
        "Всё хорошо",
        "не знаю",
        "—",
        "Нет",
        "Ничем не отличаемся",
    ] {
        assert!(
            holds(
                &[("expansion", yes(true)), ("advantage", text(said))],
                "advantage"
            ),
            "{said:?}"
        );
    }
    for said in [
        "Бесплатная доставка по России за 2–3 дня",
        "Нет, но гарантия 2 года и обмен в любом пункте выдачи",
        "Цены на 10% ниже, чем у местных магазинов, доставка за наш счёт",
    ] {
        assert!(
            !holds(
                &[("expansion", yes(true)), ("advantage", text(said))],
                "advantage"
            ),
            "{said:?}"
        );
    }
}

#[test]
fn vague_holds_for_english_answers_that_say_nothing() {
    for said in [
        "Nothing special",
        "Same as everyone else",
        "n/a",
        "Don't know",
        "all good",
    ] {
        assert!(
            holds(
                &[("expansion", yes(true)), ("advantage", text(said))],
                "advantage"
            ),
            "{said:?}"
        );
    }
    assert!(!holds(
        &[
            ("expansion", yes(true)),
            (
                "advantage",
                text("Free delivery within two days, two-year warranty")
            )
        ],
        "advantage"
    ));
}

#[test]
fn vague_is_false_for_hidden_empty_unknown_and_not_applicable_questions() {
    // Hidden: expansion is not planned, so the advantage question is not asked.
    assert!(!holds(
        &[("expansion", yes(false)), ("advantage", text("не знаю"))],
        "advantage"
    ));
    assert!(!holds(&[("expansion", yes(true))], "advantage"));
    assert!(!holds(
        &[("expansion", yes(true)), ("advantage", Answer::Unknown)],
        "advantage"
    ));
    assert!(!holds(
        &[
            ("expansion", yes(true)),
            (
                "advantage",
                Answer::NotApplicable {
                    reason: "only Moscow".into()
                }
            )
        ],
        "advantage"
    ));
    // `answered` keeps its meaning: an answer that says nothing is still answered.
    let map: HashMap<String, Answer> = [
        ("expansion".to_owned(), yes(true)),
        ("advantage".to_owned(), text("как у всех")),
    ]
    .into();
    let shown = Visibility::new(&[&JUDGE], &map);
    assert!(Condition::Answered("advantage".into()).holds(&shown));
    assert!(!Condition::Not(Box::new(vague("advantage"))).holds(&shown));
}

#[test]
fn vague_on_a_list_needs_every_item_to_say_nothing() {
    assert!(holds(
        &[("competitors", items(&["не знаю", "—", "как у всех"]))],
        "competitors"
    ));
    assert!(holds(
        &[("competitors", items(&["n/a", "nothing special"]))],
        "competitors"
    ));
    assert!(!holds(
        &[(
            "competitors",
            items(&["не знаю", "Шинный центр «Колесо», Тула"])
        )],
        "competitors"
    ));
}

fn set(e: &mut Entries, id: &str, answer: Answer) {
    e.insert(id.to_owned(), Entry::new(answer));
}

/// Every required question answered with substance; expansion planned with a real offer.
fn good() -> Entries {
    let mut e = Entries::new();
    set(&mut e, "expansion", yes(true));
    set(
        &mut e,
        "advantage",
        text("Бесплатная доставка по России за 2–3 дня и гарантия 2 года"),
    );
    set(
        &mut e,
        "competitors",
        items(&["Колесо", "Шинсервис", "Автодом"]),
    );
    set(
        &mut e,
        "lead_handling",
        text("Заявки с сайта и звонки попадают в amoCRM, менеджер перезванивает за 15 минут"),
    );
    set(&mut e, "deal_days", number(3.0));
    set(
        &mut e,
        "fulfilment_steps",
        text("Склад собирает заказ, СДЭК забирает в тот же день"),
    );
    e
}

fn report(e: &Entries) -> GapReport {
    analyze(&[&JUDGE], e, today())
}

fn keys(r: &GapReport) -> Vec<String> {
    r.gaps.iter().map(|g| g.key.to_string()).collect()
}

fn status(r: &GapReport, process: &str) -> ProcessStatus {
    r.processes
        .iter()
        .find(|p| p.process == process)
        .map(|p| p.status)
        .expect("process reported")
}

#[test]
fn a_good_brief_is_ready_and_its_processes_described() {
    let r = report(&good());
    assert_eq!(keys(&r), Vec::<&str>::new());
    assert!(r.verdict.ready);
    assert_eq!(status(&r, "sales"), ProcessStatus::Described);
    assert_eq!(status(&r, "fulfilment"), ProcessStatus::Described);
    assert_eq!(r.completeness.done, r.completeness.total);
}

#[test]
fn the_rule_fires_on_an_answer_that_says_nothing_and_on_no_answer() {
    let mut e = good();
    set(
        &mut e,
        "advantage",
        text("Особенностей нет, цены такие же, как у местных магазинов"),
    );
    let r = report(&e);
    let flag = r
        .gaps
        .iter()
        .find(|g| g.key == "rule:judge:regions_without_offer")
        .expect("the regional flag");
    assert_eq!(flag.severity, Severity::High);
    assert_eq!(flag.questions, ["expansion", "advantage"]);

    e.remove("advantage");
    assert!(
        keys(&report(&e))
            .iter()
            .any(|x| x == "rule:judge:regions_without_offer")
    );

    set(&mut e, "expansion", yes(false));
    assert!(
        !keys(&report(&e))
            .iter()
            .any(|x| x == "rule:judge:regions_without_offer")
    );
}

#[test]
fn a_required_answer_that_says_nothing_is_a_high_gap_and_not_done() {
    let good_report = report(&good());
    let mut e = good();
    set(&mut e, "advantage", text("как у всех"));
    let r = report(&e);
    let gap = r
        .gaps
        .iter()
        .find(|g| g.key == "vague:advantage")
        .expect("a vague-answer gap");
    assert_eq!(gap.code, GapCode::VagueAnswer);
    assert_eq!(gap.severity, Severity::High);
    assert_eq!(gap.terms, ["как у всех"]);
    assert!(!r.verdict.ready);
    assert!(
        r.verdict
            .reasons
            .iter()
            .any(|x| x.code == ReasonCode::RequiredAnswers
                && x.keys.contains(&"vague:advantage".to_owned()))
    );
    // Not done: completeness drops by exactly that question.
    assert_eq!(r.completeness.total, good_report.completeness.total);
    assert_eq!(r.completeness.done + 1, good_report.completeness.done);
    // One gap for the question, not a second "missing" one.
    assert!(!keys(&r).iter().any(|x| x == "answer:advantage"));

    // An optional question that is not `specific` is left alone.
    let mut e = good();
    set(&mut e, "slogan", text("не знаю"));
    assert_eq!(keys(&report(&e)), Vec::<&str>::new());
}

#[test]
fn details_never_keep_a_process_undescribed_but_unknown_is_their_own_gap() {
    let mut e = good();
    set(&mut e, "conversion", Answer::Unknown);
    set(&mut e, "sales_problems", Answer::Unknown);
    let r = report(&e);
    assert_eq!(status(&r, "sales"), ProcessStatus::Described);
    assert!(!keys(&r).iter().any(|x| x == "process:judge:sales"));
    let unknown: Vec<_> = r
        .gaps
        .iter()
        .filter(|g| g.code == GapCode::Unknown)
        .map(|g| (g.key.to_string(), g.severity))
        .collect();
    assert_eq!(
        unknown,
        [
            ("answer:conversion".to_owned(), Severity::Low),
            ("answer:sales_problems".to_owned(), Severity::Low)
        ]
    );
    assert!(r.verdict.ready, "low gaps never block");
}

#[test]
fn evidence_unknown_or_saying_nothing_leaves_a_process_not_described() {
    let mut e = good();
    set(&mut e, "deal_days", Answer::Unknown);
    let r = report(&e);
    assert_eq!(status(&r, "sales"), ProcessStatus::NotDescribed);
    let gap = r
        .gaps
        .iter()
        .find(|g| g.key == "process:judge:sales")
        .expect("process gap");
    assert_eq!(gap.questions, ["deal_days"]);

    let mut e = good();
    set(&mut e, "lead_handling", text("как обычно"));
    let r = report(&e);
    assert_eq!(status(&r, "sales"), ProcessStatus::NotDescribed);
    let p = r
        .processes
        .iter()
        .find(|p| p.process == "sales")
        .expect("sales");
    assert_eq!(p.missing, ["lead_handling"]);
    assert_eq!((p.answered, p.shown), (1, 2));
}

#[test]
fn an_answered_document_question_makes_a_process_documented() {
    let mut e = Entries::new();
    set(&mut e, "sales_docs", text("https://wiki.example.ru/sales"));
    let r = report(&e);
    assert_eq!(status(&r, "sales"), ProcessStatus::Documented);
    let p = r
        .processes
        .iter()
        .find(|p| p.process == "sales")
        .expect("sales");
    assert_eq!(p.documents, ["https://wiki.example.ru/sales"]);
    assert!(!keys(&r).iter().any(|x| x == "process:judge:sales"));
    // The evidence questions are still required questions of their own.
    assert!(keys(&r).iter().any(|x| x == "answer:lead_handling"));

    // "Doesn't know" on the document question documents nothing.
    set(&mut e, "sales_docs", Answer::Unknown);
    assert_eq!(status(&report(&e), "sales"), ProcessStatus::NotDescribed);
}

#[test]
fn a_note_marks_a_process_described_and_clearing_it_undoes_that() {
    let mut e = good();
    e.remove("lead_handling");
    e.remove("deal_days");
    assert_eq!(status(&report(&e), "sales"), ProcessStatus::NotDescribed);

    let key = process_note_key("judge", "sales");
    assert_eq!(key, "process:judge:sales");
    set(
        &mut e,
        &key,
        text("Прошли воронку на встрече: заявка → звонок → счёт, 3 дня"),
    );
    let r = report(&e);
    assert_eq!(status(&r, "sales"), ProcessStatus::DescribedByNote);
    let p = r
        .processes
        .iter()
        .find(|p| p.process == "sales")
        .expect("sales");
    assert_eq!(
        p.note.as_deref(),
        Some("Прошли воронку на встрече: заявка → звонок → счёт, 3 дня")
    );
    assert!(!keys(&r).iter().any(|x| x == "process:judge:sales"));
    // The note does not answer the questions themselves.
    assert!(keys(&r).iter().any(|x| x == "answer:lead_handling"));

    // A blank note is no note; a cleared one neither.
    set(&mut e, &key, text("   "));
    assert_eq!(status(&report(&e), "sales"), ProcessStatus::NotDescribed);
    e.remove(&key);
    let r = report(&e);
    assert_eq!(status(&r, "sales"), ProcessStatus::NotDescribed);
    assert!(keys(&r).iter().any(|x| x == "process:judge:sales"));

    // Described by its answers, a process keeps that status and shows the note beside it.
    let mut e = good();
    set(&mut e, &key, text("Рассказали на встрече"));
    let r = report(&e);
    assert_eq!(status(&r, "sales"), ProcessStatus::Described);
    let p = r
        .processes
        .iter()
        .find(|p| p.process == "sales")
        .expect("sales");
    assert_eq!(p.note.as_deref(), Some("Рассказали на встрече"));
}

#[test]
fn a_v1_style_process_reads_its_optional_evidence_as_details() {
    // `fulfilment` lists only `evidence`: the required `fulfilment_steps` must be answered, the
    // optional `fulfilment_days` only enriches it.
    let mut e = good();
    set(&mut e, "fulfilment_days", Answer::Unknown);
    let r = report(&e);
    assert_eq!(status(&r, "fulfilment"), ProcessStatus::Described);
    assert!(keys(&r).iter().any(|x| x == "answer:fulfilment_days"));

    e.remove("fulfilment_steps");
    let r = report(&e);
    assert_eq!(status(&r, "fulfilment"), ProcessStatus::NotDescribed);
    let p = r
        .processes
        .iter()
        .find(|p| p.process == "fulfilment")
        .expect("fulfilment");
    assert_eq!(p.missing, ["fulfilment_steps"]);
}
