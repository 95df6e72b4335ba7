//! The bundled add-ons on the latest core: every rule of every add-on version written for issue 15
//! has a realistic brief that fires it and one that clears it (the add-on's good brief), the SEO
//! regional rule judges the tyre shop on core v2's regional answers, the services a new brief is
//! offered leave out the replaced `ppc`, and a v1 add-on brief upgrades to v2 without losing an
//! answer.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

use deepbrief_core::{
    Answer, AnswerValue, Checklist, Entry, Kind, Library, Question, Severity, Sources, Visibility,
    apply, plan,
};
use deepbrief_folders::load_library;

use crate::answers::{choice, choices, contact, items, number, text, yes};

static LIBRARY: LazyLock<Library> = LazyLock::new(|| {
    load_library(&Sources {
        bundled: crate::bundled(),
        agency: None,
        team: None,
    })
});

fn latest(id: &str) -> &'static Checklist {
    &LIBRARY
        .get(id, None)
        .unwrap_or_else(|| panic!("bundled `{id}` loads: {:#?}", LIBRARY.problems))
        .checklist
}

fn version(id: &str, v: u32) -> &'static Checklist {
    &LIBRARY
        .get(id, Some(v))
        .unwrap_or_else(|| panic!("bundled `{id}` v{v} loads: {:#?}", LIBRARY.problems))
        .checklist
}

type Brief = HashMap<String, Answer>;

/// A change to a brief: set an answer, or clear it (`None`).
type Change = (&'static str, Option<Answer>);

fn with(base: &Brief, changes: &[Change]) -> Brief {
    let mut brief = base.clone();
    for (id, answer) in changes {
        match answer {
            Some(a) => brief.insert((*id).to_owned(), a.clone()),
            None => brief.remove(*id),
        };
    }
    brief
}

fn brief(answers: Vec<(&str, Answer)>) -> Brief {
    answers
        .into_iter()
        .map(|(id, a)| (id.to_owned(), a))
        .collect()
}

/// The rules of `addon` that hold for the brief, read with the latest core.
fn raised(addon: &Checklist, brief: &Brief) -> Vec<String> {
    let core = latest("core");
    let vis = Visibility::new(&[core, addon], brief);
    addon
        .rules
        .iter()
        .filter(|r| r.when.holds(&vis))
        .map(|r| r.id.clone())
        .collect()
}

/// The good brief raises none of the add-on's rules; every case raises its rule; every rule of the
/// add-on has at least one case.
fn check_rules(addon_id: &str, good: &Brief, cases: &[(&str, Vec<Change>)]) {
    let addon = latest(addon_id);
    assert!(
        raised(addon, good).is_empty(),
        "{addon_id}: the good brief raises {:?}",
        raised(addon, good)
    );
    for (rule, changes) in cases {
        assert!(
            addon.rules.iter().any(|r| r.id == *rule),
            "{addon_id}: no rule `{rule}`"
        );
        let fired = raised(addon, &with(good, changes));
        assert!(
            fired.iter().any(|r| r == rule),
            "{addon_id}: `{rule}` should fire for {changes:?}; raised {fired:?}"
        );
    }
    let covered: BTreeSet<&str> = cases.iter().map(|(r, _)| *r).collect();
    for rule in &addon.rules {
        assert!(
            covered.contains(rule.id.as_str()),
            "{addon_id}: rule `{}` has no brief that fires it",
            rule.id
        );
    }
}

/// What the add-ons read from the core: a Moscow company that tracks leads end to end, keeps deals in
/// a CRM and approves materials within two days.
fn core_basics() -> Vec<(&'static str, Answer)> {
    vec![
        ("goal_metric", choice("leads")),
        (
            "sales_lead_channels",
            choices(&["search", "social", "referrals"]),
        ),
        (
            "lead_tracking_tools",
            choices(&["web_analytics", "call_tracking", "utm"]),
        ),
        ("lead_source_tracking", choice("analytics")),
        ("order_systems", choices(&["crm", "accounting"])),
        (
            "approval_process",
            text(
                "Тексты и креативы согласует маркетолог Ольга за два рабочих дня, бюджет — директор",
            ),
        ),
        ("gross_margin", number(32.0)),
        ("affordable_cost_per_order", number(3000.0)),
        ("regional_expansion", yes(false)),
        ("regions_served", items(&["Москва", "Московская область"])),
    ]
}

// -------------------------------------------------------------------------------------------------

#[test]
fn search_ads_rules_fire_and_clear() {
    let mut answers = core_basics();
    answers.extend([
        ("sa_monthly_budget", number(150_000.0)),
        ("sa_budget_basis", choice("spend_only")),
        ("sa_target_cpa", number(1500.0)),
        ("sa_cpa_basis", choice("qualified_lead")),
        (
            "sa_topup",
            text("Счёт агентства оплачивает бухгалтерия за два дня, пополняем раз в две недели"),
        ),
        (
            "sa_platforms",
            choices(&["yandex_search", "yandex_business"]),
        ),
        ("sa_accounts_exist", yes(true)),
        ("sa_conversion_tracking", choice("verified")),
        ("sa_calls_share", number(55.0)),
        ("sa_call_tracking", yes(true)),
        ("sa_geo", items(&["Москва", "Московская область"])),
        ("sa_schedule", text("пн–сб 9:00–21:00")),
        (
            "sa_negative_keywords",
            items(&["б/у", "бесплатно", "вакансии"]),
        ),
        ("sa_launch_date", text("2027-03-01")),
        ("sa_moderation_agreed", yes(true)),
    ]);
    let good = brief(answers);
    check_rules(
        "search-ads",
        &good,
        &[
            (
                "sa_no_conversions",
                vec![("sa_conversion_tracking", Some(choice("none")))],
            ),
            (
                "sa_no_conversions",
                vec![("sa_conversion_tracking", Some(Answer::Unknown))],
            ),
            (
                "sa_calls_untracked",
                vec![
                    ("sa_call_tracking", Some(yes(false))),
                    (
                        "lead_tracking_tools",
                        Some(choices(&["web_analytics", "utm"])),
                    ),
                ],
            ),
            (
                "sa_moderation_not_agreed",
                vec![("sa_moderation_agreed", Some(yes(false)))],
            ),
            (
                "sa_no_cost_ceiling",
                vec![
                    ("sa_target_cpa", Some(Answer::Unknown)),
                    ("affordable_cost_per_order", Some(Answer::Unknown)),
                    ("gross_margin", None),
                ],
            ),
        ],
    );
    // A call-heavy business whose call tracking is already listed in the core brief is fine.
    let addon = latest("search-ads");
    let manual = with(&good, &[("sa_call_tracking", Some(yes(false)))]);
    assert!(!raised(addon, &manual).contains(&"sa_calls_untracked".to_owned()));
    // An online shop whose leads are mostly orders in the cart needs no call tracking.
    let few_calls = with(
        &good,
        &[
            ("sa_calls_share", Some(number(15.0))),
            ("sa_call_tracking", Some(yes(false))),
            (
                "lead_tracking_tools",
                Some(choices(&["web_analytics", "utm"])),
            ),
        ],
    );
    assert!(!raised(addon, &few_calls).contains(&"sa_calls_untracked".to_owned()));
}

#[test]
fn social_ads_rules_fire_and_clear() {
    let mut answers = core_basics();
    answers.extend([
        ("soc_monthly_budget", number(80_000.0)),
        ("soc_platforms", choices(&["vk_ads", "telegram_posts"])),
        ("soc_objective", choice("lead_forms")),
        (
            "soc_lead_handling",
            text("Менеджер Ольга перезванивает в течение 15 минут в рабочее время, заявки из VK приходят в amoCRM"),
        ),
        (
            "soc_audiences",
            text("Владельцы загородных домов 35–55, Московская область, интерес — ремонт и стройка"),
        ),
        ("soc_customer_base", yes(true)),
        ("soc_creatives_owner", choice("shared")),
        ("soc_accounts_exist", yes(false)),
        ("soc_pixel", choice("verified")),
        ("soc_launch_date", text("2027-04-01")),
        ("soc_moderation_agreed", yes(true)),
    ]);
    let good = brief(answers);
    check_rules(
        "social-ads",
        &good,
        &[
            (
                "soc_leads_without_callback",
                vec![("soc_lead_handling", Some(text("не знаю")))],
            ),
            (
                "soc_leads_without_callback",
                vec![("soc_lead_handling", Some(Answer::Unknown))],
            ),
            (
                "soc_site_untracked",
                vec![
                    ("soc_objective", Some(choice("site_orders"))),
                    ("soc_pixel", Some(choice("none"))),
                ],
            ),
            (
                "soc_moderation_not_agreed",
                vec![("soc_moderation_agreed", Some(yes(false)))],
            ),
            (
                "soc_creatives_without_material",
                vec![("approval_process", Some(text("как у всех")))],
            ),
            (
                "soc_creatives_without_material",
                vec![("approval_process", None)],
            ),
        ],
    );
    // The agency making creatives itself needs no client material.
    let addon = latest("social-ads");
    let own = with(
        &good,
        &[
            ("soc_creatives_owner", Some(choice("agency"))),
            ("approval_process", None),
        ],
    );
    assert!(!raised(addon, &own).contains(&"soc_creatives_without_material".to_owned()));
}

#[test]
fn analytics_rules_fire_and_clear() {
    let mut answers = core_basics();
    answers.extend([
        ("goal_metric", choice("orders")),
        ("an_web_analytics", choices(&["yandex_metrica", "vk_pixel"])),
        ("an_goals", choice("verified")),
        (
            "an_conversion_actions",
            items(&[
                "заявка на расчёт",
                "звонок дольше 30 секунд",
                "оплаченный заказ",
            ]),
        ),
        ("an_calls_share", number(45.0)),
        ("an_call_tracking", choice("dynamic")),
        (
            "an_call_tracking_service",
            text("Calltouch, договор на компанию"),
        ),
        ("an_end_to_end", choice("working")),
        ("an_end_to_end_tool", text("Roistat и amoCRM")),
        ("an_offline_conversions", yes(true)),
        ("an_crm_admin", contact("Павел, IT", "+7 900 000-00-00")),
        ("an_source_of_truth", choice("crm")),
        ("an_data_owner", choice("client")),
    ]);
    let good = brief(answers);
    check_rules(
        "analytics",
        &good,
        &[
            ("an_no_goals", vec![("an_goals", Some(choice("none")))]),
            (
                "an_no_goals",
                vec![("an_web_analytics", Some(choices(&["none"])))],
            ),
            (
                "an_goals_unverified",
                vec![("an_goals", Some(choice("unverified")))],
            ),
            (
                "an_calls_untracked",
                vec![("an_call_tracking", Some(choice("manual")))],
            ),
            (
                "an_sales_goal_untraceable",
                vec![("an_end_to_end", Some(choice("none")))],
            ),
            (
                "an_no_source_of_truth",
                vec![("an_source_of_truth", Some(choice("undecided")))],
            ),
            (
                "an_data_not_clients",
                vec![("an_data_owner", Some(choice("agency")))],
            ),
            (
                "an_foreign_analytics_only",
                vec![("an_web_analytics", Some(choices(&["google_analytics"])))],
            ),
        ],
    );
    let addon = latest("analytics");
    // Few calls: manual source recording is acceptable.
    let few_calls = with(
        &good,
        &[
            ("an_calls_share", Some(number(10.0))),
            ("an_call_tracking", Some(choice("manual"))),
        ],
    );
    assert!(!raised(addon, &few_calls).contains(&"an_calls_untracked".to_owned()));
    // A traffic goal does not need sales linked to ads.
    let traffic = with(
        &good,
        &[
            ("goal_metric", Some(choice("traffic"))),
            ("an_end_to_end", Some(choice("none"))),
        ],
    );
    assert!(!raised(addon, &traffic).contains(&"an_sales_goal_untraceable".to_owned()));
}

#[test]
fn marketplaces_rules_fire_and_clear() {
    let mut answers = core_basics();
    answers.extend([
        ("mp_platforms", choices(&["wildberries", "ozon"])),
        ("mp_scheme", choice("fbo")),
        ("mp_monthly_revenue", number(1_200_000.0)),
        ("mp_fees_share", number(31.0)),
        ("mp_margin_after_fees", number(24.0)),
        ("mp_unit_economics", choice("per_product")),
        ("mp_ad_budget", number(100_000.0)),
        ("mp_max_ad_share", number(10.0)),
        (
            "mp_top_products",
            items(&["Летние шины R16", "Летние шины R17"]),
        ),
        ("mp_stock_control", choice("automated")),
        ("mp_stockouts", yes(true)),
        ("mp_supply_days", number(8.0)),
        ("mp_cards_state", choice("complete")),
        ("mp_content_owner", choice("shared")),
        ("mp_rating", number(4.8)),
        (
            "mp_reviews_owner",
            text("Менеджер Анна: вопросы — в течение дня, негативные отзывы — с решением проблемы"),
        ),
        ("mp_documents_ready", yes(true)),
        ("mp_cabinet_access", choice("full")),
    ]);
    let good = brief(answers);
    check_rules(
        "marketplaces",
        &good,
        &[
            (
                "mp_margin_too_thin",
                vec![("mp_margin_after_fees", Some(number(7.0)))],
            ),
            (
                "mp_margin_too_thin",
                vec![("mp_margin_after_fees", Some(Answer::Unknown))],
            ),
            (
                "mp_ads_without_economics",
                vec![("mp_unit_economics", Some(choice("average")))],
            ),
            (
                "mp_stockouts_unmanaged",
                vec![("mp_stock_control", Some(choice("manual")))],
            ),
            (
                "mp_weak_cards",
                vec![("mp_cards_state", Some(choice("basic")))],
            ),
            ("mp_low_rating", vec![("mp_rating", Some(number(4.2)))]),
            (
                "mp_reviews_unanswered",
                vec![("mp_reviews_owner", Some(text("всё хорошо")))],
            ),
            (
                "mp_documents_missing",
                vec![("mp_documents_ready", Some(yes(false)))],
            ),
            (
                "mp_no_cabinet_access",
                vec![("mp_cabinet_access", Some(choice("none_yet")))],
            ),
        ],
    );
    // No ad budget yet: missing unit economics is no ad risk.
    let addon = latest("marketplaces");
    let no_ads = with(
        &good,
        &[
            ("mp_ad_budget", Some(number(0.0))),
            ("mp_unit_economics", Some(choice("none"))),
        ],
    );
    assert!(!raised(addon, &no_ads).contains(&"mp_ads_without_economics".to_owned()));
}

/// A shop that can serve regional buyers, promoted in two regions.
fn good_seo() -> Brief {
    let mut answers = core_basics();
    answers.extend([
        ("regional_expansion", yes(true)),
        ("regional_target_regions", items(&["Тула", "Калуга"])),
        ("regional_offer", choices(&["lower_price", "fast_delivery", "local_service"])),
        ("regional_price_level", choice("below")),
        ("regional_delivery_payer", choice("threshold")),
        ("regional_delivery_days", number(2.0)),
        (
            "regional_waiting_offset",
            text("Резервируем товар и отправляем в день оплаты, шиномонтаж у партнёра в Туле бесплатно"),
        ),
        ("warranty_level", choice("extended")),
        ("seo_site_url", text("https://koleso.ru")),
        ("seo_cms", text("1С-Битрикс, штатный программист")),
        ("seo_change_days", number(5.0)),
        (
            "seo_history",
            text("Два года SEO-студия, трафик вырос с 3 до 8 тысяч, ссылки не покупали"),
        ),
        ("seo_traffic_drops", yes(false)),
        ("seo_search_visits", number(8000.0)),
        ("seo_analytics_access", choices(&["yandex_metrica", "yandex_webmaster"])),
        ("seo_priority_categories", items(&["Летние шины R16–R18", "Шиномонтаж"])),
        ("seo_content_owner", choice("shared")),
        ("seo_multiregional", yes(true)),
        ("seo_regions", items(&["Москва", "Тула", "Калуга"])),
        ("seo_regional_pages", choice("folders")),
        ("seo_regional_prices", yes(false)),
        (
            "seo_regional_delivery",
            text("Тула — СДЭК, 2 дня, 400 ₽, бесплатно от 4 шин; Калуга — пункт выдачи партнёра, 3 дня"),
        ),
        ("seo_regional_presence", yes(true)),
    ]);
    brief(answers)
}

#[test]
fn seo_rules_fire_and_clear() {
    let good = good_seo();
    check_rules(
        "seo",
        &good,
        &[
            (
                "seo_regions_without_offer",
                vec![
                    ("regional_offer", Some(choices(&["nothing"]))),
                    ("regional_delivery_payer", Some(choice("buyer"))),
                    ("regional_price_level", Some(choice("same"))),
                    ("warranty_level", Some(choice("manufacturer"))),
                ],
            ),
            (
                "seo_regions_without_offer",
                vec![("seo_regional_delivery", Some(text("как у всех")))],
            ),
            (
                "seo_regions_not_in_core",
                vec![("regional_expansion", Some(yes(false)))],
            ),
            (
                "seo_no_analytics",
                vec![(
                    "seo_analytics_access",
                    Some(choices(&["yandex_webmaster", "cms_admin"])),
                )],
            ),
            (
                "seo_slow_changes",
                vec![("seo_change_days", Some(number(21.0)))],
            ),
            (
                "seo_drop_unexplained",
                vec![
                    ("seo_traffic_drops", Some(yes(true))),
                    ("seo_history", Some(text("не знаю"))),
                ],
            ),
        ],
    );
}

#[test]
fn the_tyre_shop_going_regional_through_seo_raises_a_high_signal_in_every_honest_variant() {
    let seo = latest("seo");
    let rule = seo
        .rules
        .iter()
        .find(|r| r.id == "seo_regions_without_offer")
        .expect("rule");
    assert_eq!(rule.severity, Severity::High);
    assert!(
        rule.agenda.len() >= 4,
        "advantage, delivery, returns, waiting"
    );
    let good = good_seo();
    let tyre_shop: Vec<Change> = vec![
        ("regional_offer", Some(choices(&["nothing"]))),
        ("regional_delivery_payer", Some(choice("buyer"))),
        ("regional_price_level", Some(choice("same"))),
        ("regional_delivery_days", Some(number(5.0))),
        ("regional_waiting_offset", Some(text("Особенностей нет"))),
        ("warranty_level", Some(choice("manufacturer"))),
        (
            "seo_regional_delivery",
            Some(text(
                "Транспортными компаниями, доставку оплачивает покупатель",
            )),
        ),
    ];
    let fires = |changes: &[Change]| raised(seo, &with(&good, changes)).contains(&rule.id);
    // The article's quotes.
    assert!(fires(&tyre_shop));
    // Warranty only by law, or the manufacturer's: still nothing offsets the distance.
    let mut legal = tyre_shop.clone();
    legal.push(("warranty_level", Some(choice("legal_only"))));
    assert!(fires(&legal));
    // Prices at market, but the SEO regional page promises specific delivery terms: still flagged,
    // because the buyer gets nothing a local shop does not give.
    let mut specific_page = tyre_shop.clone();
    specific_page.push((
        "seo_regional_delivery",
        Some(text("Тула — Деловые Линии, 5 дней, 900 ₽ за комплект")),
    ));
    assert!(fires(&specific_page));
    // The scope changed in SEO only: the core says no expansion, its regional questions are hidden.
    assert!(fires(&[("regional_expansion", Some(yes(false)))]));
    // One real gain clears it when the regional page is specific.
    let mut cheaper = tyre_shop.clone();
    cheaper.push(("regional_price_level", Some(choice("below"))));
    cheaper.push((
        "seo_regional_delivery",
        Some(text("Тула — СДЭК, 2 дня, 400 ₽, бесплатно от 4 шин")),
    ));
    assert!(!fires(&cheaper));
    // And the shop that can serve regional buyers is clean.
    assert!(!fires(&[]));
    // Single-region SEO never raises it.
    assert!(!fires(&[
        ("seo_multiregional", Some(yes(false))),
        ("regional_offer", Some(choices(&["nothing"]))),
    ]));
}

#[test]
fn smm_rules_fire_and_clear() {
    let mut answers = core_basics();
    answers.extend([
        ("smm_roles", choices(&["sales", "support"])),
        ("smm_networks", choices(&["vk", "telegram"])),
        ("smm_ads_budget", number(20_000.0)),
        (
            "smm_tone",
            text("На «вы», без сленга, не шутим про аварии, не упоминаем конкурентов"),
        ),
        (
            "smm_content_sources",
            text("Раз в неделю фото с монтажа, мастер отвечает на вопросы в комментариях"),
        ),
        ("smm_posts_per_week", number(3.0)),
        ("smm_approval_days", number(2.0)),
        (
            "smm_comments_handling",
            text("Вопросы о наличии — SMM-специалист в течение часа, претензии — руководитель сервиса в тот же день"),
        ),
        ("smm_reply_time", choice("within_hour")),
        ("smm_community_contact", contact("Марина, руководитель сервиса", "+7 900 000-00-01")),
        ("smm_review_sites", items(&["Яндекс Карты", "2ГИС"])),
        ("smm_past_negative", yes(true)),
        (
            "smm_negative_details",
            text("В 2023 году жалобы на сроки гарантийного ремонта, сократили срок до 5 дней"),
        ),
    ]);
    let good = brief(answers);
    check_rules(
        "smm",
        &good,
        &[
            (
                "smm_no_comment_owner",
                vec![("smm_comments_handling", Some(text("не знаю")))],
            ),
            (
                "smm_no_comment_owner",
                vec![("smm_comments_handling", Some(Answer::Unknown))],
            ),
            (
                "smm_slow_replies",
                vec![("smm_reply_time", Some(choice("next_day")))],
            ),
            (
                "smm_slow_approval",
                vec![("smm_approval_days", Some(number(5.0)))],
            ),
            (
                "smm_no_material",
                vec![("smm_content_sources", Some(text("как у всех")))],
            ),
            (
                "smm_sales_untracked",
                vec![("lead_source_tracking", Some(choice("not_tracked")))],
            ),
            (
                "smm_conflict_unexplained",
                vec![("smm_negative_details", Some(text("—")))],
            ),
        ],
    );
    // Awareness only: a next-day reply is no sales risk.
    let smm = latest("smm");
    let awareness = with(
        &good,
        &[
            ("smm_roles", Some(choices(&["awareness"]))),
            ("smm_reply_time", Some(choice("next_day"))),
        ],
    );
    assert!(!raised(smm, &awareness).contains(&"smm_slow_replies".to_owned()));
}

#[test]
fn web_rules_fire_and_clear() {
    let mut answers = core_basics();
    answers.extend([
        ("web_site_type", choice("shop")),
        ("web_site_tasks", choices(&["online_sales", "showcase"])),
        ("web_current_site", text("https://koleso.ru")),
        ("web_redirects", choice("redirects")),
        (
            "web_pages",
            items(&["Каталог", "Доставка и оплата", "Гарантия", "Контакты"]),
        ),
        (
            "web_integrations",
            choices(&["crm", "payments", "delivery"]),
        ),
        (
            "web_crm_details",
            text("Воронка «Сайт», поля: имя, телефон, товар, UTM-метки; amoCRM настраивает Иван"),
        ),
        ("web_domain_owner", choice("client")),
        (
            "web_hosting",
            text("Хостинг у Timeweb на компанию, доступ у IT-специалиста, копии ежедневно"),
        ),
        ("web_content_readiness", choice("partial")),
        (
            "web_content_owner",
            contact("Ирина, маркетолог", "+7 900 000-00-02"),
        ),
        ("web_deadline", text("2027-04-01")),
        ("web_deadline_firm", choice("firm")),
        ("web_deadline_reason", text("Начало сезона")),
        ("web_support", choice("agency")),
    ]);
    let good = brief(answers);
    check_rules(
        "web",
        &good,
        &[
            (
                "web_domain_not_owned",
                vec![("web_domain_owner", Some(choice("contractor")))],
            ),
            (
                "web_domain_not_owned",
                vec![("web_domain_owner", Some(Answer::Unknown))],
            ),
            (
                "web_relaunch_without_redirects",
                vec![("web_redirects", Some(choice("not_planned")))],
            ),
            (
                "web_crm_not_connected",
                vec![("web_integrations", Some(choices(&["payments"])))],
            ),
            (
                "web_crm_unspecified",
                vec![("web_crm_details", Some(text("не знаю")))],
            ),
            ("web_content_unowned", vec![("web_content_owner", None)]),
            (
                "web_firm_date_without_content",
                vec![("web_content_readiness", Some(choice("none")))],
            ),
        ],
    );
    // A new site without an old one needs no redirects.
    let web = latest("web");
    let fresh = with(
        &good,
        &[("web_current_site", None), ("web_redirects", None)],
    );
    assert!(!raised(web, &fresh).contains(&"web_relaunch_without_redirects".to_owned()));
}

// -------------------------------------------------------------------------------------------------

#[test]
fn new_briefs_are_offered_search_and_social_ads_instead_of_ppc() {
    let offered = LIBRARY.offered_services();
    for s in [
        "seo",
        "smm",
        "web",
        "search-ads",
        "social-ads",
        "analytics",
        "marketplaces",
    ] {
        assert!(offered.iter().any(|o| o == s), "`{s}` offered: {offered:?}");
    }
    assert!(
        !offered.iter().any(|o| o == "ppc"),
        "ppc is replaced: {offered:?}"
    );
    assert_eq!(LIBRARY.report().services, offered);
    // An old brief (or a re-brief of one) that names ppc still gets ppc v1.
    let ids: Vec<(&str, u32)> = LIBRARY
        .for_services(&["ppc".to_owned()])
        .iter()
        .map(|c| (c.checklist.id.as_str(), c.checklist.version))
        .collect();
    assert!(ids.contains(&("ppc", 1)), "{ids:?}");
    for id in ["search-ads", "social-ads"] {
        assert_eq!(latest(id).replaces, vec!["ppc".to_owned()]);
    }
}

#[test]
fn replaces_names_another_valid_checklist() {
    let file = |replaces: &str| {
        format!(
            "id: ads\nversion: 1\ntitle: Ads\nlanguages: [en]\nreplaces: {replaces}\nsections:\n  - id: s\n    title: S\n    questions:\n      - id: q\n        kind: yes_no\n        prompt: Q?\n        hint: Why.\n"
        )
    };
    let ok = deepbrief_core::check_bytes("ads/v1.yaml", file("[ppc, old-ads]").as_bytes());
    assert_eq!(
        ok.map(|c| c.replaces),
        Ok(vec!["ppc".to_owned(), "old-ads".to_owned()])
    );
    for (bad, says) in [
        ("[ads]", "cannot replace itself"),
        ("[Ppc]", "not a valid id"),
    ] {
        let err =
            deepbrief_core::check_bytes("ads/v1.yaml", file(bad).as_bytes()).expect_err("refused");
        assert!(
            err.iter().any(|d| d.message.contains(says)),
            "{bad}: {err:#?}"
        );
    }
}

#[test]
fn every_question_process_and_rule_of_the_new_versions_speaks_to_the_client() {
    for (id, v) in [
        ("seo", 2),
        ("smm", 2),
        ("web", 2),
        ("search-ads", 1),
        ("social-ads", 1),
        ("analytics", 1),
        ("marketplaces", 1),
    ] {
        let c = version(id, v);
        for (_, q) in c.questions() {
            assert!(
                q.client_prompt.is_some() && q.client_why.is_some(),
                "{id} v{v}: question `{}` lacks client wording",
                q.id
            );
        }
        for p in &c.processes {
            assert!(
                p.client_prompt.is_some() && p.client_why.is_some(),
                "{id}: `{}`",
                p.id
            );
        }
        for r in &c.rules {
            assert!(
                r.client_prompt.is_some() && r.client_why.is_some(),
                "{id}: `{}`",
                r.id
            );
            assert!(r.agenda.len() >= 2, "{id}: `{}` needs an agenda", r.id);
        }
    }
}

// -------------------------------------------------------------------------------------------------

/// A value that fits the question: the second choice, so a later-added first choice cannot mask a
/// lost one; texts within any length limit.
fn fitting(q: &Question) -> AnswerValue {
    let pick = |n: usize| q.choices[n.min(q.choices.len() - 1)].id.clone();
    match q.kind {
        Kind::ShortText | Kind::LongText => AnswerValue::Text(format!("Ответ на {}", q.id)),
        Kind::Link => AnswerValue::Text("https://example.ru/".into()),
        Kind::Date => AnswerValue::Text("2027-06-01".into()),
        Kind::Scale => AnswerValue::Number(3.0),
        Kind::Percent => AnswerValue::Number(30.0),
        Kind::Number | Kind::Money | Kind::Duration => {
            AnswerValue::Number(q.min.unwrap_or(0.0) + 2.0)
        }
        Kind::YesNo => AnswerValue::Bool(true),
        Kind::SingleChoice => AnswerValue::Choice(pick(1)),
        Kind::MultiChoice => AnswerValue::Choices(vec![pick(0), pick(1)]),
        Kind::List => AnswerValue::Items(vec!["Тула".into(), "Калуга".into(), "Орёл".into()]),
        Kind::Table => AnswerValue::Rows(vec![
            q.columns
                .iter()
                .map(|c| (c.id.clone(), "1".to_owned()))
                .collect(),
        ]),
        Kind::Contact => AnswerValue::Contact(BTreeMap::from([
            ("name".to_owned(), "Ирина Петрова".to_owned()),
            ("phone".to_owned(), "+7 900 000-00-00".to_owned()),
        ])),
    }
}

#[test]
fn a_v1_add_on_brief_upgrades_to_v2_without_losing_an_answer() {
    let from: Vec<&Checklist> = vec![
        version("core", 1),
        version("seo", 1),
        version("smm", 1),
        version("web", 1),
    ];
    let to: Vec<&Checklist> = vec![latest("core"), latest("seo"), latest("smm"), latest("web")];
    let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
    // Every add-on question answered, with every answer state represented.
    let states = [
        Answer::Unknown,
        Answer::Later {
            due: "2026-12-05".into(),
        },
        Answer::NotApplicable {
            reason: "Нет старого сайта".into(),
        },
    ];
    let mut n = 0;
    for c in &from[1..] {
        for (_, q) in c.questions() {
            let answer = if n % 7 < states.len() {
                states[n % 7].clone()
            } else {
                Answer::Answered(fitting(q))
            };
            entries.insert(q.id.clone(), Entry::new(answer));
            n += 1;
        }
    }
    let p = plan(&from, &to, &from, &entries, &[]);
    let done = apply(&p, entries.clone(), Vec::new());
    for (id, before) in &entries {
        match done.entries.get(id) {
            Some(after) => {
                assert_eq!(after.answer, before.answer, "`{id}` keeps its answer");
                assert!(!after.to_confirm, "`{id}` still fits its question");
            }
            None => {
                let archived = done
                    .archived
                    .iter()
                    .find(|a| &a.question_id == id)
                    .unwrap_or_else(|| panic!("`{id}` is neither kept nor archived"));
                assert_eq!(&archived.entry, before);
                assert_eq!(
                    id, "web_personal_data",
                    "only the question that moved to core v2's legal section is archived"
                );
            }
        }
    }
    assert!(
        done.report.renamed.iter().all(|r| r.checklist == "core"),
        "add-on v2s keep their ids: {:?}",
        done.report.renamed
    );
    let added: BTreeSet<&str> = done
        .report
        .added
        .iter()
        .map(|a| a.question_id.as_str())
        .collect();
    for q in [
        "seo_traffic_drops",
        "smm_reply_time",
        "smm_negative_details",
        "web_redirects",
        "web_deadline_firm",
    ] {
        assert!(added.contains(q), "`{q}` is new in v2: {added:?}");
    }
}

#[test]
fn an_add_on_process_is_described_by_its_evidence_and_never_held_back_by_details() {
    use deepbrief_core::gaps::{Entries, ProcessStatus};
    use deepbrief_core::{IsoDate, analyze};

    let core = latest("core");
    let smm = latest("smm");
    let status = |answers: &[(&str, Answer)]| {
        let entries: Entries = answers
            .iter()
            .map(|(id, a)| ((*id).to_owned(), Entry::new(a.clone())))
            .collect();
        let today = IsoDate::parse("2026-12-02").expect("date");
        analyze(&[core, smm], &entries, today)
            .processes
            .into_iter()
            .find(|p| p.process == "smm_messages")
            .expect("smm_messages is reported")
            .status
    };
    let handling = (
        "smm_comments_handling",
        text("Вопросы о наличии — SMM-специалист в течение часа, претензии — руководитель сервиса"),
    );
    let requests = (
        "sales_request_handling",
        text("Заявки из соцсетей менеджер Ольга заносит в amoCRM с источником «ВКонтакте»"),
    );
    // The client does not know the reply time yet: the process is still described.
    assert_eq!(
        status(&[
            handling.clone(),
            requests.clone(),
            ("smm_reply_time", Answer::Unknown)
        ]),
        ProcessStatus::Described
    );
    // A reply arrangement that says nothing does not describe it.
    assert_eq!(
        status(&[("smm_comments_handling", text("не знаю")), requests]),
        ProcessStatus::NotDescribed
    );
}
