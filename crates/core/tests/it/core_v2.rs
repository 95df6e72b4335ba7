//! The bundled core v2: the tyre shop judged on what was said, every rule fired by one realistic
//! brief and cleared by another, a complete brief ready for kickoff, and the v1 → v2 upgrade that
//! keeps every answer.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use deepbrief_core::gaps::{Entries, ProcessStatus};
use deepbrief_core::{
    Answer, AnswerValue, Checklist, Entry, Evidence, EvidenceKind, GapReport, IsoDate, Kind,
    Question, RecheckReason, Severity, Sources, analyze, apply, plan,
};
use deepbrief_folders::load_library;

use crate::answers::{choice, choices, items, number, rows, text, yes};

fn today() -> IsoDate {
    IsoDate::parse("2026-11-23").expect("date")
}

fn bundled(version: u32) -> Checklist {
    load_library(&Sources {
        bundled: crate::bundled(),
        agency: None,
        team: None,
    })
    .get("core", Some(version))
    .unwrap_or_else(|| panic!("core v{version} is bundled"))
    .checklist
    .clone()
}

static V1: LazyLock<Checklist> = LazyLock::new(|| bundled(1));
static V2: LazyLock<Checklist> = LazyLock::new(|| bundled(2));

// --- answers -----------------------------------------------------------------------------------

fn set(entries: &mut Entries, id: &str, answer: Answer) {
    entries.insert(id.to_owned(), Entry::new(answer));
}

/// A value that fits the question and says something specific; tables and lists meet their `min`.
fn fitting(q: &Question) -> AnswerValue {
    let at_least = |n: usize| q.min.map_or(n, |m| (m as usize).max(n));
    match q.kind {
        Kind::ShortText | Kind::LongText => AnswerValue::Text(
            "Склад в Туле, доставка по ЦФО за 2 дня, отвечает Ирина Петрова".into(),
        ),
        Kind::Link => AnswerValue::Text("https://example.ru/docs/process".into()),
        Kind::Date => AnswerValue::Text("2027-06-01".into()),
        Kind::Scale => AnswerValue::Number(q.max.unwrap_or(5.0)),
        Kind::Percent => AnswerValue::Number(30.0),
        Kind::Number | Kind::Money | Kind::Duration => {
            AnswerValue::Number(q.min.unwrap_or(0.0) + 2.0)
        }
        Kind::YesNo => AnswerValue::Bool(true),
        Kind::SingleChoice => AnswerValue::Choice(q.choices[0].id.clone()),
        Kind::MultiChoice => AnswerValue::Choices(vec![q.choices[0].id.clone()]),
        Kind::List => AnswerValue::Items(
            ["Тула", "Калуга", "Орёл", "Рязань"][..at_least(2).min(4)]
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        ),
        Kind::Table => AnswerValue::Rows(
            (0..at_least(1))
                .map(|i| {
                    q.columns
                        .iter()
                        .map(|c| {
                            let cell = match c.kind {
                                Kind::SingleChoice => c.choices[i % c.choices.len()].id.clone(),
                                Kind::YesNo => "true".to_owned(),
                                Kind::Date => "2026-12-10".to_owned(),
                                Kind::Number | Kind::Money | Kind::Percent => "10".to_owned(),
                                Kind::Link => "https://example.ru".to_owned(),
                                _ => format!("Ирина Петрова {i}"),
                            };
                            (c.id.clone(), cell)
                        })
                        .collect()
                })
                .collect(),
        ),
        Kind::Contact => AnswerValue::Contact(BTreeMap::from([
            ("name".to_owned(), "Ирина Петрова".to_owned()),
            ("role".to_owned(), "коммерческий директор".to_owned()),
            ("phone".to_owned(), "+7 495 123-45-67".to_owned()),
        ])),
    }
}

/// A Moscow tyre-and-wheel shop with advertising, a CRM, separate consent, no regional plans:
/// every question answered well.
fn good_brief() -> Entries {
    let mut e = Entries::new();
    for (_, q) in V2.questions() {
        set(&mut e, &q.id, Answer::Answered(fitting(q)));
    }
    set(
        &mut e,
        "company_name",
        text("ООО «Колесо-Сервис», бренд ШинаМаркет"),
    );
    set(
        &mut e,
        "goal_statement",
        text(
            "Поднять число заявок с сайта с 80 до 150 в месяц к 1 июня, чтобы загрузить новый склад",
        ),
    );
    set(&mut e, "goal_metric", choice("leads"));
    set(&mut e, "goal_baseline", number(80.0));
    set(&mut e, "goal_target", number(150.0));
    set(
        &mut e,
        "goal_rationale",
        text("Новый склад отгружает 300 заказов в месяц, а продаём мы 180"),
    );
    set(&mut e, "marketing_budget", number(120_000.0));
    set(&mut e, "gross_margin", number(25.0));
    set(&mut e, "affordable_cost_per_order", number(1_800.0));
    set(&mut e, "deal_cycle_days", number(2.0));
    set(&mut e, "order_systems", choices(&["crm"]));
    set(&mut e, "crm_completeness", number(5.0));
    set(&mut e, "lead_source_tracking", choice("manual_record"));
    set(&mut e, "acquisition_cost_known", yes(true));
    set(&mut e, "distribution_model", choices(&["direct"]));
    set(&mut e, "product_unique", yes(true));
    set(
        &mut e,
        "competitors",
        items(&["Колёса Даром", "shina.ru", "шинный центр «Протектор»"]),
    );
    set(&mut e, "warranty_level", choice("extended"));
    set(
        &mut e,
        "warranty_terms",
        text("Своя гарантия два года, обмен за три дня без экспертизы, пересылку оплачиваем мы"),
    );
    set(&mut e, "loyalty_programme", yes(true));
    set(
        &mut e,
        "regions_served",
        items(&["Москва", "Московская область"]),
    );
    set(&mut e, "regional_expansion", yes(false));
    // Advertising law: the chain is decided, nothing regulated, consent separate.
    set(&mut e, "runs_advertising", yes(true));
    set(&mut e, "ad_contract_party", choice("client"));
    set(&mut e, "ad_ord_reporter", choice("agency"));
    set(&mut e, "ad_erid_owner", choice("platform"));
    set(&mut e, "ad_levy_in_budget", choice("included"));
    set(&mut e, "regulated_categories", choices(&["none"]));
    set(&mut e, "superlative_claims", yes(false));
    set(&mut e, "competitor_trademarks", choice("never"));
    set(
        &mut e,
        "personal_data_collection",
        choices(&["site_forms", "calls"]),
    );
    set(&mut e, "personal_data_consent", choice("separate"));
    set(&mut e, "rkn_notice", yes(true));
    set(&mut e, "personal_data_abroad", yes(false));
    set(
        &mut e,
        "access_table",
        rows(&[
            &[
                ("system", "analytics"),
                ("owner", "client_company"),
                ("grants", "маркетолог Анна"),
                ("by_date", "2026-12-10"),
            ],
            &[
                ("system", "ad_accounts"),
                ("owner", "client_company"),
                ("grants", "маркетолог Анна"),
                ("by_date", "2026-12-10"),
            ],
            &[
                ("system", "crm"),
                ("owner", "client_company"),
                ("grants", "администратор Иван"),
                ("by_date", "2026-12-12"),
            ],
        ]),
    );
    set(&mut e, "accounts_ownership", choice("all_company"));
    set(&mut e, "kpi_agency_scope", choice("leads"));
    set(
        &mut e,
        "kpi_client_side",
        text("Перезваниваем в течение 15 минут, держим в наличии 90 % позиций из рекламы"),
    );
    set(
        &mut e,
        "report_recipients",
        items(&[
            "маркетолог Анна Смирнова, еженедельно",
            "директор Олег Иванов, ежемесячный отчёт",
        ]),
    );
    set(
        &mut e,
        "sales_lead_channels",
        choices(&["search", "referrals"]),
    );
    set(&mut e, "previous_contractors", yes(true));
    set(
        &mut e,
        "previous_end_reason",
        text("Заявки подорожали вдвое, а отчёты приходили раз в квартал без объяснений"),
    );
    set(
        &mut e,
        "approval_process",
        text(
            "Тексты смотрит маркетолог Анна, утверждает директор; бюджет больше 100 000 ₽ — собственник",
        ),
    );
    set(&mut e, "approval_days", number(3.0));
    e
}

/// The good shop, now planning regions it can really serve.
fn serving_regions() -> Entries {
    let mut e = good_brief();
    set(&mut e, "regional_expansion", yes(true));
    set(
        &mut e,
        "regional_target_regions",
        items(&["Тула", "Калуга"]),
    );
    set(
        &mut e,
        "regional_offer",
        choices(&["lower_price", "free_delivery", "local_service"]),
    );
    set(&mut e, "regional_price_level", choice("below"));
    set(&mut e, "regional_delivery_payer", choice("threshold"));
    set(&mut e, "regional_delivery_days", number(2.0));
    set(
        &mut e,
        "regional_waiting_offset",
        text("Резервируем шины и отправляем в день оплаты, шиномонтаж у партнёра в Туле бесплатно"),
    );
    set(
        &mut e,
        "regional_advantage",
        text("Склад в Туле, партнёрские шиномонтажи в Калуге, уже отправляем 40 заказов в месяц"),
    );
    e
}

/// The tyre shop from the article, answered honestly in its owner's words.
fn tyre_shop() -> Entries {
    let mut e = good_brief();
    set(&mut e, "product_unique", yes(false));
    set(
        &mut e,
        "advantages_company",
        text(
            "Моя компания очень маленькая, поэтому никаких особенностей у моего интернет-магазина нет",
        ),
    );
    set(&mut e, "price_position", choice("market"));
    set(
        &mut e,
        "delivery_terms",
        text("Транспортными компаниями, доставку оплачивает покупатель, 3–7 дней"),
    );
    set(&mut e, "warranty_level", choice("legal_only"));
    e.remove("warranty_terms");
    set(&mut e, "loyalty_programme", yes(false));
    set(&mut e, "regional_expansion", yes(true));
    set(
        &mut e,
        "regional_target_regions",
        items(&["Тула", "Калуга", "Воронеж"]),
    );
    set(&mut e, "regional_offer", choices(&["nothing"]));
    set(&mut e, "regional_price_level", choice("same"));
    set(&mut e, "regional_delivery_payer", choice("buyer"));
    set(&mut e, "regional_delivery_days", number(5.0));
    set(
        &mut e,
        "regional_waiting_offset",
        text("Особенностей нет, как у всех"),
    );
    set(
        &mut e,
        "regional_advantage",
        text("Особенностей нет, цены такие же, как у местных магазинов"),
    );
    e
}

fn report(entries: &Entries) -> GapReport {
    analyze(&[&V2], entries, today())
}

fn keys(report: &GapReport) -> Vec<String> {
    report.gaps.iter().map(|g| g.key.to_string()).collect()
}

fn rule_keys(report: &GapReport) -> Vec<String> {
    keys(report)
        .into_iter()
        .filter(|k| k.starts_with("rule:"))
        .collect()
}

fn fired(entries: &Entries, rule: &str) -> bool {
    let key = format!("rule:core:{rule}");
    report(entries).gaps.iter().any(|g| g.key == key)
}

// --- the checklist itself ----------------------------------------------------------------------

#[test]
fn core_v2_loads_with_client_wording_everywhere() {
    let v2 = &*V2;
    assert_eq!((v2.id.as_str(), v2.version), ("core", 2));
    assert!(!v2.changes.is_empty());
    assert_eq!(
        v2.renamed.get("warranty").map(String::as_str),
        Some("warranty_level")
    );
    for (_, q) in v2.questions() {
        assert!(q.client_prompt.is_some(), "{}: client_prompt", q.id);
        assert!(q.client_why.is_some(), "{}: client_why", q.id);
    }
    for p in &v2.processes {
        assert!(
            p.client_prompt.is_some() && p.client_why.is_some(),
            "{}",
            p.id
        );
    }
    for r in &v2.rules {
        assert!(
            r.client_prompt.is_some() && r.client_why.is_some(),
            "{}",
            r.id
        );
        assert!(r.agenda.len() >= 2, "{}: an agenda", r.id);
        // A rule states the risk and the action, not a story.
        let (ru, en) = (r.message.get("ru"), r.message.get("en"));
        assert!(
            ru.contains("Риск:") && ru.contains("Действие:"),
            "{}: {ru}",
            r.id
        );
        assert!(
            en.contains("Risk:") && en.contains("Action:"),
            "{}: {en}",
            r.id
        );
        assert!(
            !ru.contains("шин"),
            "{}: the tyre-shop story in a message",
            r.id
        );
    }
}

#[test]
fn client_facing_text_follows_the_glossary() {
    // «флаг» never reaches a user; prompts speak to the client as «вы»; the phrasing a native
    // editor marked in v1 is gone.
    let banned = [
        "флаг",
        "запишите так и есть",
        "то, что обязывает закон",
        "стоит продаж",
        "Кто один будет",
        "подключить цели",
        "наценка или маржа",
        "Бюджет рядом с целью показывает",
        "добрифинг",
    ];
    let yaml = std::fs::read_to_string(crate::bundled().join("core/v2.yaml")).expect("read v2");
    for phrase in banned {
        assert!(!yaml.contains(phrase), "core v2 still says «{phrase}»");
    }
    // «вы» in any case, or a polite imperative («Опишите», «Назовите»).
    let addresses_you = |w: &str| {
        w == "вы"
            || w.starts_with("вам")
            || w == "вас"
            || w.starts_with("ваш")
            || w.ends_with("ите")
    };
    for (_, q) in V2.questions() {
        for (what, t) in [
            ("prompt", Some(&q.prompt)),
            ("client_prompt", q.client_prompt.as_ref()),
        ] {
            let ru = t.expect("text").get("ru").to_lowercase();
            let addresses = ru.split(|c: char| !c.is_alphabetic()).any(addresses_you);
            assert!(
                addresses,
                "{}.{what} does not address the client as «вы»: {ru}",
                q.id
            );
        }
    }
}

// --- the tyre shop -----------------------------------------------------------------------------

fn assert_region_signal(entries: &Entries, variant: &str) {
    let r = report(entries);
    let gap = r
        .gaps
        .iter()
        .find(|g| g.key == "rule:core:regions_without_offer")
        .unwrap_or_else(|| panic!("{variant}: no region signal; {:?}", keys(&r)));
    assert_eq!(gap.severity, Severity::High, "{variant}");
    let agenda: Vec<String> = gap
        .agenda
        .iter()
        .map(|t| t.get("ru").to_lowercase())
        .collect();
    for (topic, stem) in [
        ("advantage", "выгоднее"),
        ("delivery", "доставк"),
        ("warranty", "брак"),
        ("waiting", "ожидани"),
    ] {
        assert!(
            agenda.iter().any(|a| a.contains(stem)),
            "{variant}: no agenda item on {topic}: {agenda:?}"
        );
    }
    assert!(!r.verdict.ready, "{variant}");
    // One signal for one story: the narrower regional rules stay quiet.
    for narrower in [
        "regions_delivery_on_buyer",
        "regions_no_aftersales",
        "regions_wait_not_offset",
    ] {
        assert!(
            !rule_keys(&r)
                .iter()
                .any(|x| *x == format!("rule:core:{narrower}")),
            "{variant}: {narrower} repeats the region signal"
        );
    }
}

#[test]
fn the_tyre_shop_in_its_owner_s_words_raises_the_high_region_signal() {
    assert_region_signal(&tyre_shop(), "the article's quotes");
}

#[test]
fn the_tyre_shop_with_the_manufacturer_s_warranty_still_raises_it() {
    // «Yes, we give a warranty» — the manufacturer's, replacement only for a proven factory defect.
    let mut e = tyre_shop();
    set(&mut e, "warranty_level", choice("manufacturer"));
    set(
        &mut e,
        "warranty_terms",
        text(
            "Меняем шины только при заводском браке, если это докажет экспертиза за счёт покупателя",
        ),
    );
    assert_region_signal(&e, "warranty yes");
}

#[test]
fn the_tyre_shop_with_prices_at_market_and_a_loyalty_card_still_raises_it() {
    let mut e = tyre_shop();
    set(&mut e, "price_position", choice("market"));
    set(&mut e, "regional_price_level", choice("above"));
    set(&mut e, "loyalty_programme", yes(true));
    assert_region_signal(&e, "prices at market, loyalty card");
}

#[test]
fn the_tyre_shop_whose_offer_the_client_does_not_know_raises_it() {
    let mut e = tyre_shop();
    set(&mut e, "regional_offer", Answer::Unknown);
    set(&mut e, "regional_price_level", Answer::Unknown);
    assert_region_signal(&e, "offer unknown");
}

#[test]
fn a_shop_that_can_serve_regional_buyers_gets_no_region_signal_and_is_ready() {
    let r = report(&serving_regions());
    assert!(
        rule_keys(&r)
            .iter()
            .all(|k| !k.starts_with("rule:core:regions")),
        "{:?}",
        rule_keys(&r)
    );
    assert!(r.gaps.is_empty(), "{:?}", keys(&r));
    assert!(r.verdict.ready);
}

#[test]
fn a_complete_good_brief_is_ready_for_kickoff() {
    let r = report(&good_brief());
    assert!(r.gaps.is_empty(), "{:?}", keys(&r));
    assert!(r.verdict.ready);
    assert_eq!(r.completeness.percent, 100);
    assert!(
        r.processes.iter().all(|p| matches!(
            p.status,
            ProcessStatus::Described | ProcessStatus::Documented
        )),
        "{:?}",
        r.processes
    );
}

#[test]
fn an_empty_brief_is_not_ready_and_raises_no_rule() {
    let r = report(&Entries::new());
    assert!(!r.verdict.ready);
    // Rules judge what was said: with nothing said, the missing answers are gaps of their own and
    // no rule repeats them.
    assert_eq!(rule_keys(&r), Vec::<&str>::new());
}

// --- every rule: one brief that fires it, one that clears it -----------------------------------

/// One rule, the brief it starts from, the change that fires it and the follow-up answer that
/// clears it.
struct Case {
    rule: &'static str,
    base: fn() -> Entries,
    fire: fn(&mut Entries),
    clear: fn(&mut Entries),
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            rule: "regions_without_offer",
            base: serving_regions,
            fire: |e| {
                set(e, "regional_offer", choices(&["nothing"]));
                set(e, "regional_price_level", choice("same"));
                set(e, "regional_delivery_payer", choice("buyer"));
                set(e, "warranty_level", choice("legal_only"));
            },
            clear: |e| {
                set(
                    e,
                    "regional_offer",
                    choices(&["lower_price", "extended_warranty"]),
                );
                set(e, "regional_price_level", choice("below"));
            },
        },
        Case {
            rule: "regions_delivery_on_buyer",
            base: serving_regions,
            fire: |e| {
                set(e, "regional_offer", choices(&["range"]));
                set(e, "regional_delivery_payer", choice("buyer"));
                set(e, "regional_price_level", choice("same"));
            },
            clear: |e| set(e, "regional_delivery_payer", choice("threshold")),
        },
        Case {
            rule: "regions_no_aftersales",
            base: serving_regions,
            fire: |e| {
                set(e, "warranty_level", choice("legal_only"));
                e.remove("warranty_terms");
                set(e, "loyalty_programme", yes(false));
            },
            clear: |e| {
                set(e, "warranty_level", choice("extended"));
                set(
                    e,
                    "warranty_terms",
                    text("Обмен за три дня без экспертизы, пересылку оплачиваем мы"),
                );
            },
        },
        Case {
            rule: "regions_wait_not_offset",
            base: serving_regions,
            fire: |e| {
                set(e, "regional_delivery_days", number(6.0));
                set(e, "regional_waiting_offset", text("Не знаю"));
            },
            clear: |e| {
                set(
                    e,
                    "regional_waiting_offset",
                    text("Резервируем товар и отправляем в день оплаты, скидка 5 % за ожидание"),
                )
            },
        },
        Case {
            rule: "no_company_advantage",
            base: good_brief,
            fire: |e| {
                set(e, "product_unique", yes(false));
                set(e, "advantages_company", text("Как у всех"));
            },
            clear: |e| {
                set(
                    e,
                    "advantages_company",
                    text("Бесплатный шиномонтаж при покупке комплекта, сезонное хранение"),
                )
            },
        },
        Case {
            rule: "low_margin",
            base: good_brief,
            fire: |e| set(e, "gross_margin", number(7.0)),
            clear: |e| set(e, "gross_margin", number(22.0)),
        },
        Case {
            rule: "acquisition_cost_unknown",
            base: good_brief,
            fire: |e| {
                set(e, "acquisition_cost_known", yes(false));
                e.remove("acquisition_cost_new");
                e.remove("acquisition_cost_returning");
            },
            clear: |e| {
                set(e, "acquisition_cost_known", yes(true));
                set(e, "acquisition_cost_new", number(2_500.0));
                set(e, "acquisition_cost_returning", number(400.0));
            },
        },
        Case {
            rule: "unit_economics_unknown",
            base: good_brief,
            fire: |e| {
                set(e, "acquisition_cost_known", yes(false));
                e.remove("acquisition_cost_new");
                e.remove("acquisition_cost_returning");
                set(e, "gross_margin", Answer::Unknown);
                set(e, "affordable_cost_per_order", Answer::Unknown);
            },
            clear: |e| set(e, "affordable_cost_per_order", number(1_500.0)),
        },
        Case {
            rule: "leads_not_tracked",
            base: good_brief,
            fire: |e| {
                set(e, "lead_source_tracking", choice("asked_not_recorded"));
                e.remove("lead_tracking_tools");
            },
            clear: |e| {
                set(e, "lead_source_tracking", choice("manual_record"));
                set(e, "lead_tracking_tools", choices(&["crm_reports"]));
            },
        },
        Case {
            rule: "long_cycle_without_crm",
            base: good_brief,
            fire: |e| {
                set(e, "deal_cycle_days", number(45.0));
                set(e, "order_systems", choices(&["spreadsheets", "email"]));
                e.remove("crm_name");
                e.remove("crm_completeness");
            },
            clear: |e| {
                set(e, "order_systems", choices(&["crm", "email"]));
                set(
                    e,
                    "crm_name",
                    text("amoCRM, настраивает администратор Иван"),
                );
                set(e, "crm_completeness", number(5.0));
            },
        },
        Case {
            rule: "crm_incomplete",
            base: good_brief,
            fire: |e| set(e, "crm_completeness", number(2.0)),
            clear: |e| set(e, "crm_completeness", number(4.0)),
        },
        Case {
            rule: "accounts_not_owned",
            base: good_brief,
            fire: |e| set(e, "accounts_ownership", choice("mostly_elsewhere")),
            clear: |e| set(e, "accounts_ownership", choice("all_company")),
        },
        Case {
            rule: "kpi_sales_without_analytics",
            base: good_brief,
            fire: |e| set(e, "kpi_agency_scope", choice("sales")),
            clear: |e| {
                set(e, "lead_source_tracking", choice("analytics"));
                set(e, "lead_tracking_tools", choices(&["end_to_end"]));
            },
        },
        Case {
            rule: "ad_labelling_unassigned",
            base: good_brief,
            fire: |e| set(e, "ad_ord_reporter", choice("undecided")),
            clear: |e| set(e, "ad_ord_reporter", choice("agency")),
        },
        Case {
            rule: "ad_levy_not_budgeted",
            base: good_brief,
            fire: |e| set(e, "ad_levy_in_budget", choice("not_considered")),
            clear: |e| set(e, "ad_levy_in_budget", choice("on_top")),
        },
        Case {
            rule: "regulated_without_documents",
            base: good_brief,
            fire: |e| {
                set(e, "regulated_categories", choices(&["medicine"]));
                set(e, "regulated_documents", text("не знаю"));
            },
            clear: |e| {
                set(
                    e,
                    "regulated_documents",
                    text(
                        "Лицензия на медицинскую деятельность № Л041-01137-77/00368423, бессрочная",
                    ),
                )
            },
        },
        Case {
            rule: "claims_without_proof",
            base: good_brief,
            fire: |e| {
                set(e, "superlative_claims", yes(true));
                e.remove("superlative_proof");
            },
            clear: |e| {
                set(
                    e,
                    "superlative_proof",
                    text("Исследование «Автостат», март 2026: доля продаж в Тульской области 18 %"),
                )
            },
        },
        Case {
            rule: "competitor_trademarks_in_ads",
            base: good_brief,
            fire: |e| set(e, "competitor_trademarks", choice("in_copy")),
            clear: |e| set(e, "competitor_trademarks", choice("never")),
        },
        Case {
            rule: "personal_data_no_consent",
            base: good_brief,
            fire: |e| set(e, "personal_data_consent", choice("policy_only")),
            clear: |e| set(e, "personal_data_consent", choice("separate")),
        },
        Case {
            rule: "personal_data_no_rkn_notice",
            base: good_brief,
            fire: |e| set(e, "rkn_notice", Answer::Unknown),
            clear: |e| set(e, "rkn_notice", yes(true)),
        },
        Case {
            rule: "personal_data_sent_abroad",
            base: good_brief,
            fire: |e| set(e, "personal_data_abroad", yes(true)),
            clear: |e| set(e, "personal_data_abroad", yes(false)),
        },
        Case {
            rule: "previous_end_unclear",
            base: good_brief,
            fire: |e| set(e, "previous_end_reason", text("Не знаю")),
            clear: |e| {
                set(
                    e,
                    "previous_end_reason",
                    text(
                        "Стоимость заявки выросла с 900 до 2 100 ₽, отчёты приходили раз в квартал",
                    ),
                )
            },
        },
        Case {
            rule: "approval_slow_or_unclear",
            base: good_brief,
            fire: |e| set(e, "approval_days", number(10.0)),
            clear: |e| set(e, "approval_days", number(3.0)),
        },
    ]
}

#[test]
fn every_core_v2_rule_is_fired_by_one_brief_and_cleared_by_another() {
    let cases = cases();
    let covered: Vec<&str> = cases.iter().map(|c| c.rule).collect();
    for rule in &V2.rules {
        assert!(
            covered.contains(&rule.id.as_str()),
            "no case for rule `{}`",
            rule.id
        );
    }
    for case in cases {
        let mut e = (case.base)();
        assert!(
            !fired(&e, case.rule),
            "{}: fires on its base brief",
            case.rule
        );
        (case.fire)(&mut e);
        assert!(fired(&e, case.rule), "{}: does not fire", case.rule);
        (case.clear)(&mut e);
        assert!(!fired(&e, case.rule), "{}: not cleared", case.rule);
    }
}

#[test]
fn rules_on_text_treat_a_vague_answer_like_no_answer() {
    // The company advantage said in words that say nothing, as clients say them.
    for vague in [
        "Особенностей нет",
        "как у всех",
        "всё хорошо",
        "не знаю",
        "—",
    ] {
        let mut e = good_brief();
        set(&mut e, "product_unique", yes(false));
        set(&mut e, "advantages_company", text(vague));
        assert!(fired(&e, "no_company_advantage"), "«{vague}»");
    }
    let mut e = good_brief();
    set(&mut e, "product_unique", yes(false));
    set(
        &mut e,
        "advantages_company",
        text("Монтаж в день покупки и сезонное хранение шин бесплатно"),
    );
    assert!(!fired(&e, "no_company_advantage"));
}

// --- the v1 → v2 upgrade -----------------------------------------------------------------------

/// A v1 brief with an entry for every v1 question: every answer kind, and every state.
fn v1_brief() -> BTreeMap<String, Entry> {
    let mut e = BTreeMap::new();
    for (_, q) in V1.questions() {
        e.insert(q.id.clone(), Entry::new(Answer::Answered(fitting(q))));
    }
    e.insert("warranty".into(), Entry::new(yes(true)));
    e.insert("goal_baseline".into(), Entry::new(Answer::Unknown));
    e.insert(
        "returning_share".into(),
        Entry::new(Answer::Later {
            due: "2026-12-05".into(),
        }),
    );
    e.insert(
        "delivery_terms".into(),
        Entry::new(Answer::NotApplicable {
            reason: "Услуга на месте, доставки нет".into(),
        }),
    );
    let mut docs = Entry::new(text("https://example.ru/reglament"));
    docs.evidence.push(Evidence {
        kind: EvidenceKind::Link,
        text: "https://example.ru/reglament".into(),
        verified: true,
    });
    docs.to_confirm = true;
    e.insert("process_docs".into(), docs);
    e
}

#[test]
fn a_v1_brief_with_every_answer_kind_upgrades_to_v2_and_loses_nothing() {
    let given = v1_brief();
    // Every kind of value and every state is in the brief.
    let mut kinds: Vec<&'static str> = given
        .values()
        .map(|entry| match &entry.answer {
            Answer::Answered(AnswerValue::Text(_)) => "text",
            Answer::Answered(AnswerValue::Number(_)) => "number",
            Answer::Answered(AnswerValue::Bool(_)) => "bool",
            Answer::Answered(AnswerValue::Choice(_)) => "choice",
            Answer::Answered(AnswerValue::Choices(_)) => "choices",
            Answer::Answered(AnswerValue::Items(_)) => "items",
            Answer::Answered(AnswerValue::Rows(_)) => "rows",
            Answer::Answered(AnswerValue::Contact(_)) => "contact",
            Answer::Unknown => "unknown",
            Answer::Later { .. } => "later",
            Answer::NotApplicable { .. } => "not_applicable",
        })
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    assert_eq!(kinds.len(), 11, "{kinds:?}");

    let p = plan(&[&V1], &[&V2], &[], &given, &[]);
    let up = apply(&p, given.clone(), Vec::new());
    assert_eq!(p.report, up.report, "the preview is what apply does");

    // Every v1 answer is in the v2 brief, unchanged, under its id or its new id.
    for (id, entry) in &given {
        let new_id = V2.renamed.get(id).unwrap_or(id);
        let kept = up.entries.get(new_id).expect("the answer is kept");
        assert_eq!(
            (&kept.answer, &kept.evidence),
            (&entry.answer, &entry.evidence),
            "{id} → {new_id}"
        );
        // Only an answer whose question changed meaning is marked to confirm with the client.
        let marked = kept.to_confirm && !entry.to_confirm;
        assert_eq!(marked, new_id == "warranty_level", "{id}: to_confirm");
    }
    assert_eq!(up.entries.len(), given.len());
    assert!(up.archived.is_empty(), "{:?}", up.archived);
    assert!(up.report.removed.is_empty(), "{:?}", up.report.removed);

    // The warranty is now a level: the old yes/no moves over and is marked to re-check.
    let renamed: Vec<(&str, &str)> = up
        .report
        .renamed
        .iter()
        .map(|r| (r.from.as_str(), r.to.as_str()))
        .collect();
    assert_eq!(renamed, [("warranty", "warranty_level")]);
    let recheck = up
        .report
        .rechecks
        .iter()
        .find(|r| r.question_id == "warranty_level")
        .expect("warranty_level to re-check");
    assert!(recheck.reasons.contains(&RecheckReason::KindChanged {
        from: Kind::YesNo,
        to: Kind::SingleChoice,
    }));

    // The new questions are listed with their sections; the moved ones with where they went.
    let added: Vec<&str> = up
        .report
        .added
        .iter()
        .map(|a| a.question_id.as_str())
        .collect();
    for id in [
        "regional_offer",
        "runs_advertising",
        "access_table",
        "gross_margin",
    ] {
        assert!(added.contains(&id), "{id}: {added:?}");
    }
    let moved: Vec<(&str, &str)> = up
        .report
        .moved
        .iter()
        .map(|m| (m.question_id.as_str(), m.to.section.as_str()))
        .collect();
    assert!(
        moved.contains(&("delivery_terms", "purchase_terms")),
        "{moved:?}"
    );
    assert!(moved.contains(&("regulation", "legal")), "{moved:?}");
    let notes = &up.report.checklists[0];
    assert_eq!((notes.from, notes.to), (Some(1), Some(2)));
    assert_eq!(notes.notes[0].changes, V2.changes);
}

#[test]
fn the_upgraded_v1_brief_asks_for_the_new_judgments_before_kickoff() {
    let up = apply(
        &plan(&[&V1], &[&V2], &[], &v1_brief(), &[]),
        v1_brief(),
        Vec::new(),
    );
    let r = report(&up.entries);
    let k = keys(&r);
    for key in [
        "answer:warranty_level",
        "answer:runs_advertising",
        "answer:regulated_categories",
        "answer:access_table",
    ] {
        assert!(k.iter().any(|x| x == key), "{key}: {k:?}");
    }
    assert!(!r.verdict.ready);
}

// --- processes ---------------------------------------------------------------------------------

fn status(entries: &Entries, process: &str) -> ProcessStatus {
    report(entries)
        .processes
        .iter()
        .find(|p| p.process == process)
        .unwrap_or_else(|| panic!("process {process}"))
        .status
}

#[test]
fn the_process_document_link_makes_both_core_processes_documented() {
    let e = good_brief();
    assert_eq!(status(&e, "sales"), ProcessStatus::Documented);
    assert_eq!(status(&e, "fulfilment"), ProcessStatus::Documented);
}

#[test]
fn optional_details_the_client_does_not_know_never_leave_a_process_undescribed() {
    let mut e = good_brief();
    e.remove("process_docs");
    for id in [
        "sales_conversion",
        "sales_leads_per_month",
        "average_order_value",
        "fulfilment_days",
        "fulfilment_problems",
    ] {
        set(&mut e, id, Answer::Unknown);
    }
    assert_eq!(status(&e, "sales"), ProcessStatus::Described);
    assert_eq!(status(&e, "fulfilment"), ProcessStatus::Described);
    // Not knowing the fulfilment steps is another matter: the process needs a follow-up meeting.
    set(&mut e, "fulfilment_steps", Answer::Unknown);
    assert_eq!(status(&e, "fulfilment"), ProcessStatus::NotDescribed);
    assert!(
        keys(&report(&e))
            .iter()
            .any(|x| x == "process:core:fulfilment")
    );
}
