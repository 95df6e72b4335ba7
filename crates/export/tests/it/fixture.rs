//! A fixture brief on the bundled core and SEO checklists: a tyre shop in Moscow, answered in
//! Russian or English. Shared by the tests and the benchmark.

#![allow(dead_code, reason = "the benchmark uses only part of the fixture")]

use std::collections::BTreeMap;

use deepbrief_core::gaps::{GapCode, GapKey};
use deepbrief_core::{
    Answer, AnswerValue, Checklist, Entry, Evidence, EvidenceKind, Kind, LoadedChecklist, Origin,
    Severity, SourceFile, Text, load_files,
};
use deepbrief_export::kickoff::input::{
    ArchivedAnswer, BriefMeta, BriefStatus, BriefSummary, ContactPerson, FollowUp, Gap,
    KickoffInput, PinnedChecklist, ProcessState, ProcessStatus, ReviewComment, SectionProgress,
};
use deepbrief_export::{KickoffDocument, Lang};

/// The bundled core and SEO checklists, loaded as the app loads them (with content hashes).
pub fn checklists() -> Vec<LoadedChecklist> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../checklists");
    let files = ["core/v1.yaml", "seo/v1.yaml"]
        .iter()
        .map(|f| SourceFile {
            path: format!("{root}/{f}").into(),
            origin: Origin::Bundled,
            content: std::fs::read(format!("{root}/{f}")).map_err(|e| e.to_string()),
        })
        .collect();
    let library = load_files(files);
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    let mut list = library.checklists;
    list.sort_by_key(|c| c.checklist.id != "core");
    list
}

fn text(s: &str) -> Answer {
    Answer::Answered(AnswerValue::Text(s.to_owned()))
}

fn pick<'a>(lang: Lang, ru: &'a str, en: &'a str) -> &'a str {
    if lang == Lang::Ru { ru } else { en }
}

/// A plausible answer for any question, by kind; key questions get hand-written answers.
fn answer_for(lang: Lang, q: &deepbrief_core::Question) -> Answer {
    if let Some(a) = written(lang, &q.id) {
        return a;
    }
    let p = |ru, en| pick(lang, ru, en);
    match q.kind {
        Kind::ShortText => text(p("Записано со слов клиента", "As stated by the client")),
        Kind::LongText => text(p(
            "Клиент подробно описал это на встрече: основные шаги, ответственных и сроки. Детали \
             и примеры — в заметках аккаунт-менеджера и в приложенных документах.",
            "The client described this in detail at the meeting: the main steps, who is \
             responsible and the timing. Details and examples are in the account manager's notes \
             and the attached documents.",
        )),
        Kind::Number => Answer::Answered(AnswerValue::Number(q.min.unwrap_or(0.0).max(120.0))),
        Kind::Money => Answer::Answered(AnswerValue::Number(150_000.0)),
        Kind::Percent => Answer::Answered(AnswerValue::Number(35.0)),
        Kind::Duration => Answer::Answered(AnswerValue::Number(14.0)),
        Kind::Date => text("2026-09-01"),
        Kind::YesNo => Answer::Answered(AnswerValue::Bool(true)),
        Kind::SingleChoice => Answer::Answered(AnswerValue::Choice(q.choices[0].id.clone())),
        Kind::MultiChoice => Answer::Answered(AnswerValue::Choices(
            q.choices.iter().take(2).map(|c| c.id.clone()).collect(),
        )),
        Kind::Scale => Answer::Answered(AnswerValue::Number(q.max.unwrap_or(5.0) - 1.0)),
        Kind::List => Answer::Answered(AnswerValue::Items(
            [
                p("Яндекс Карты", "Yandex Maps"),
                p("Дром", "Drom"),
                p(
                    "Сообщества автовладельцев ВКонтакте",
                    "Car owners' groups on VK",
                ),
            ]
            .map(str::to_owned)
            .to_vec(),
        )),
        Kind::Table => Answer::Answered(AnswerValue::Rows(
            (0..4)
                .map(|i| {
                    q.columns
                        .iter()
                        .map(|c| {
                            let cell = match c.kind {
                                Kind::Number | Kind::Money | Kind::Percent => {
                                    format!("{}", 1200 * (i + 1))
                                }
                                Kind::Date => "2026-10-15".to_owned(),
                                Kind::YesNo => (i % 2 == 0).to_string(),
                                Kind::SingleChoice => c.choices[i % c.choices.len()].id.clone(),
                                Kind::Link => format!("https://shina-{i}.example.ru"),
                                _ => format!("{} {}", p("Значение", "Value"), i + 1),
                            };
                            (c.id.clone(), cell)
                        })
                        .collect()
                })
                .collect(),
        )),
        Kind::Contact => Answer::Answered(AnswerValue::Contact(BTreeMap::from([
            ("name".into(), p("Ольга Смирнова", "Olga Smirnova").into()),
            (
                "role".into(),
                p("Коммерческий директор", "Commercial director").into(),
            ),
            ("phone".into(), "+7 495 123-45-67".into()),
            ("email".into(), "olga@shinamarket.example".into()),
        ]))),
        Kind::Link => text("https://shinamarket.example/docs/processes.pdf"),
    }
}

fn written(lang: Lang, id: &str) -> Option<Answer> {
    let p = |ru, en| pick(lang, ru, en);
    Some(match id {
        "company_name" => text(p(
            "ООО «Колесо-Сервис», бренд ШинаМаркет",
            "Koleso-Service LLC, brand ShinaMarket",
        )),
        "company_offer" => text(p(
            "Шины и диски для легковых машин, шиномонтаж и сезонное хранение.\n70 % выручки — \
             летние шины среднего ценового сегмента.",
            "Tyres and wheels for passenger cars, tyre fitting and seasonal storage.\n70% of \
             revenue is mid-priced summer tyres.",
        )),
        "goal_statement" => text(p(
            "Поднять число заявок с сайта с 80 до 150 в месяц к 1 сентября, чтобы загрузить новый \
             склад в Подольске.",
            "Grow website requests from 80 to 150 a month by 1 September to keep the new \
             warehouse in Podolsk busy.",
        )),
        "goal_baseline" => Answer::Answered(AnswerValue::Number(80.0)),
        "goal_target" => Answer::Answered(AnswerValue::Number(150.0)),
        "goal_deadline" => text("2026-09-01"),
        "goal_rationale" => text(p(
            "Новый склад рассчитан на 300 заказов в месяц, сейчас продаём 180.",
            "The new warehouse is sized for 300 orders a month; we sell 180 now.",
        )),
        "marketing_budget" => Answer::Answered(AnswerValue::Number(250_000.0)),
        "audience_type" => Answer::Answered(AnswerValue::Choice("b2c".into())),
        "regional_expansion" => Answer::Answered(AnswerValue::Bool(false)),
        "product_unique" => Answer::Answered(AnswerValue::Bool(false)),
        "crm_name" => text("amoCRM"),
        "competitors" => Answer::Answered(AnswerValue::Items(
            ["Колёса Даром", "Шинсервис", "Exist.ru"]
                .map(str::to_owned)
                .to_vec(),
        )),
        "client_team_members" => Answer::Answered(AnswerValue::Rows(vec![
            row(&[
                ("name", p("Ольга Смирнова", "Olga Smirnova")),
                (
                    "position",
                    p("Коммерческий директор", "Commercial director"),
                ),
                ("area", "management"),
                ("decides", "true"),
                ("approves", "true"),
                ("contact", "olga@shinamarket.example"),
            ]),
            row(&[
                ("name", p("Игорь Белов", "Igor Belov")),
                ("position", p("Руководитель отдела продаж", "Head of sales")),
                ("area", "sales"),
                ("decides", "false"),
                ("approves", "true"),
                ("contact", "+7 495 123-45-68"),
            ]),
            row(&[
                ("name", p("Анна Ким", "Anna Kim")),
                ("position", p("Маркетолог", "Marketing manager")),
                ("area", "marketing"),
                ("decides", "false"),
                ("approves", "false"),
                ("contact", "anna@shinamarket.example"),
            ]),
        ])),
        _ => return None,
    })
}

fn row(cells: &[(&str, &str)]) -> BTreeMap<String, String> {
    cells
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// Every question of the checklists answered (the benchmark's complete brief).
pub fn complete_entries(lang: Lang, checklists: &[&Checklist]) -> BTreeMap<String, Entry> {
    checklists
        .iter()
        .flat_map(|c| c.questions())
        .map(|(_, q)| (q.id.clone(), Entry::new(answer_for(lang, q))))
        .collect()
}

/// The snapshot fixture: mostly answered, with every answer state, evidence and a to-confirm.
pub fn entries(lang: Lang, checklists: &[&Checklist]) -> BTreeMap<String, Entry> {
    let p = |ru: &str, en: &str| pick(lang, ru, en).to_owned();
    let mut entries = complete_entries(lang, checklists);
    entries.insert("audience_fears".into(), Entry::new(Answer::Unknown));
    entries.insert(
        "warranty_terms".into(),
        Entry::new(Answer::Later {
            due: "2026-12-05".into(),
        }),
    );
    entries.insert(
        "distribution_marketplaces".into(),
        Entry::new(Answer::NotApplicable {
            reason: p(
                "продаёт только через свой сайт",
                "sells through its own website only",
            ),
        }),
    );
    entries.remove("returning_share");
    if let Some(e) = entries.get_mut("fulfilment_steps") {
        e.evidence = vec![
            Evidence {
                kind: EvidenceKind::Link,
                text: "https://shinamarket.example/docs/fulfilment.pdf".into(),
                verified: true,
            },
            Evidence {
                kind: EvidenceKind::Note,
                text: p(
                    "Склад показали на видеозвонке",
                    "The warehouse was shown on a video call",
                ),
                verified: false,
            },
        ];
    }
    if let Some(e) = entries.get_mut("crm_name") {
        e.to_confirm = true;
    }
    entries
}

/// Brief meta of the fixture.
pub fn meta(lang: Lang) -> BriefMeta {
    let p = |ru: &str, en: &str| pick(lang, ru, en).to_owned();
    BriefMeta {
        client: p("ШинаМаркет", "ShinaMarket"),
        project: p("SEO для Москвы и области", "SEO for Moscow and the region"),
        services: vec!["SEO".into()],
        account_manager: p("Мария Орлова", "Maria Orlova"),
        date: "2026-11-20".into(),
        status: BriefStatus::InReview,
        contacts: vec![
            ContactPerson {
                name: p("Ольга Смирнова", "Olga Smirnova"),
                role: p("Коммерческий директор", "Commercial director"),
                phone: "+7 495 123-45-67".into(),
                email: "olga@shinamarket.example".into(),
                responsible: true,
            },
            ContactPerson {
                name: p("Игорь Белов", "Igor Belov"),
                role: p("Руководитель отдела продаж", "Head of sales"),
                phone: "+7 495 123-45-68".into(),
                email: String::new(),
                responsible: false,
            },
        ],
        approval: None,
    }
}

/// Gap analysis of the fixture, as the gaps engine would report it.
pub fn summary() -> BriefSummary {
    BriefSummary {
        completeness: 86,
        sections: vec![
            SectionProgress {
                section: "company".into(),
                answered: 2,
                total: 2,
            },
            SectionProgress {
                section: "goal".into(),
                answered: 5,
                total: 5,
            },
            SectionProgress {
                section: "audience".into(),
                answered: 3,
                total: 4,
            },
        ],
        ready_for_kickoff: false,
        processes: vec![
            ProcessState {
                process: "sales".into(),
                status: ProcessStatus::Described,
            },
            ProcessState {
                process: "fulfilment".into(),
                status: ProcessStatus::Documented,
            },
        ],
        gaps: vec![
            Gap {
                severity: Severity::Low,
                code: GapCode::Unknown,
                key: GapKey::Answer {
                    question: "audience_fears".into(),
                },
                due: None,
                subject: Text::Plain(String::new()),
            },
            Gap {
                severity: Severity::High,
                code: GapCode::RuleFlag,
                key: GapKey::Rule {
                    checklist: "core".into(),
                    rule: "leads_not_tracked".into(),
                },
                due: None,
                subject: Text::Plain(String::new()),
            },
            Gap {
                severity: Severity::Medium,
                code: GapCode::Overdue,
                key: GapKey::Answer {
                    question: "warranty_terms".into(),
                },
                due: Some("2026-12-05".into()),
                subject: Text::Plain(String::new()),
            },
        ],
        follow_ups: vec![FollowUp {
            title: Text::Localized(
                BTreeMap::from([
                    ("ru".into(), "Учёт источников заявок".into()),
                    ("en".into(), "Lead source tracking".into()),
                ])
                .into(),
            ),
            date: Some("2026-12-08".into()),
            agenda: vec![
                Text::Localized(
                    BTreeMap::from([
                        (
                            "ru".into(),
                            "Кто будет записывать источник каждого обращения?".into(),
                        ),
                        (
                            "en".into(),
                            "Who will record the source of each request?".into(),
                        ),
                    ])
                    .into(),
                ),
                Text::Localized(
                    BTreeMap::from([
                        ("ru".into(), "Готовы ли вы подключить коллтрекинг?".into()),
                        ("en".into(), "Are you ready to add call tracking?".into()),
                    ])
                    .into(),
                ),
            ],
        }],
    }
}

/// An archived answer of a question removed in an upgrade.
pub fn archived(lang: Lang, core: &Checklist) -> Vec<ArchivedAnswer> {
    let mut question = core
        .question("company_name")
        .cloned()
        .expect("core has company_name");
    question.id = "company_site".into();
    question.prompt = Text::Localized(
        BTreeMap::from([
            ("ru".into(), "Адрес сайта компании".into()),
            ("en".into(), "The company's website".into()),
        ])
        .into(),
    );
    vec![ArchivedAnswer {
        checklist: "core".into(),
        version: 0,
        question,
        entry: Entry::new(text(pick(
            lang,
            "shinamarket.example (старый сайт)",
            "shinamarket.example (old site)",
        ))),
    }]
}

/// A review comment.
pub fn reviews(lang: Lang) -> Vec<ReviewComment> {
    vec![ReviewComment {
        author: pick(lang, "Елена Лебедева", "Elena Lebedeva").into(),
        date: "2026-11-21".into(),
        question: Some("goal_rationale".into()),
        text: pick(
            lang,
            "Проверьте, учтены ли сезонные пики в расчёте мощности склада.",
            "Check whether seasonal peaks are included in the warehouse capacity figure.",
        )
        .into(),
    }]
}

/// Builds a document from fixture parts with the given entries.
pub fn document_with(lang: Lang, entries: &BTreeMap<String, Entry>) -> KickoffDocument {
    let loaded = checklists();
    let pinned: Vec<PinnedChecklist<'_>> = loaded
        .iter()
        .map(|l| PinnedChecklist {
            checklist: &l.checklist,
            hash: &l.hash,
        })
        .collect();
    let meta = meta(lang);
    let summary = summary();
    let archived = archived(lang, &loaded[0].checklist);
    let reviews = reviews(lang);
    KickoffDocument::from_parts(KickoffInput {
        lang,
        meta: &meta,
        checklists: &pinned,
        entries,
        summary: &summary,
        archived: &archived,
        reviews: &reviews,
    })
}

/// The snapshot fixture document.
pub fn document(lang: Lang) -> KickoffDocument {
    let loaded = checklists();
    let refs: Vec<&Checklist> = loaded.iter().map(|l| &l.checklist).collect();
    document_with(lang, &entries(lang, &refs))
}

/// The benchmark's complete brief.
pub fn complete_document(lang: Lang) -> KickoffDocument {
    let loaded = checklists();
    let refs: Vec<&Checklist> = loaded.iter().map(|l| &l.checklist).collect();
    document_with(lang, &complete_entries(lang, &refs))
}
