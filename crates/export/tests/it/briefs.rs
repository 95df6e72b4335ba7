//! Three realistic briefs on core v1 given client-facing wording (`client_prompt`, `client_why`, as
//! the v2 checklists have for every question, process and rule): a B2C online shop going regional, a
//! B2B manufacturer and a services company. Each is what an account manager has after a first
//! meeting: most of the brief answered, a dozen points open. Shared by the letter and PDF tests.

use std::collections::BTreeMap;
use std::sync::Arc;

use deepbrief_core::gaps::Entries;
use deepbrief_core::{Answer, AnswerValue, Checklist, Entry, IsoDate, Text};
use deepbrief_export::Lang;

use crate::fixture;

/// Which brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Business {
    /// An online tyre shop in Moscow going into the regions.
    Shop,
    /// A manufacturer of industrial pumps selling to plants.
    Manufacturer,
    /// A cleaning company serving offices.
    Services,
}

pub const ALL: [Business; 3] = [Business::Shop, Business::Manufacturer, Business::Services];

impl Business {
    pub fn name(self) -> &'static str {
        match self {
            Business::Shop => "shop",
            Business::Manufacturer => "manufacturer",
            Business::Services => "services",
        }
    }
}

/// The day the letter is written.
pub fn today() -> IsoDate {
    IsoDate::parse("2026-11-23").expect("date")
}

fn t(ru: &str, en: &str) -> Text {
    Text::Localized(Arc::new(BTreeMap::from([
        ("ru".to_owned(), ru.to_owned()),
        ("en".to_owned(), en.to_owned()),
    ])))
}

/// (id, ru prompt, en prompt, ru why, en why) — how the v2 checklists word questions to the client.
const QUESTIONS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "company_name",
        "Как называется ваша компания и под каким брендом вы продаёте?",
        "What is your company called, and under which brand do you sell?",
        "Название нужно для договора, бренд — для рекламы и поиска.",
        "We need the legal name for the contract and the brand for ads and search.",
    ),
    (
        "goal_statement",
        "Чего вы хотите добиться с помощью нашей работы — в одной-двух фразах, с цифрой?",
        "What do you want our work to achieve — in a sentence or two, with a figure?",
        "От цели зависит, какие инструменты мы выберем и по каким цифрам будем отчитываться.",
        "The goal decides which tools we choose and which figures we report on.",
    ),
    (
        "goal_metric",
        "По какому показателю вы будете судить об успехе проекта — заявки, продажи, выручка?",
        "Which figure will tell you the project worked — leads, sales, revenue?",
        "От показателя зависят инструменты и то, что мы будем считать в отчётах.",
        "The metric decides the tools we pick and what our reports count.",
    ),
    (
        "goal_target",
        "Какое значение этого показателя вы хотите получить?",
        "What value of that figure do you want to reach?",
        "",
        "",
    ),
    (
        "goal_deadline",
        "К какой дате нужен этот результат?",
        "By what date do you need that result?",
        "",
        "",
    ),
    (
        "goal_rationale",
        "Почему именно эта цифра — из чего она складывается?",
        "Why that number — what is it built from?",
        "",
        "",
    ),
    (
        "regional_advantage",
        "Почему покупателю из региона выгоднее заказать у вас, чем у местного магазина?",
        "Why would a buyer in another region order from you rather than from a local shop?",
        "Без этого реклама в регионах приведёт посетителей, но не покупателей.",
        "Without it, ads in the regions bring visitors but not buyers.",
    ),
    (
        "regional_target_regions",
        "В какие регионы вы хотите выйти — перечислите области или города?",
        "Which regions do you want to enter — name the provinces or cities?",
        "Для каждого региона мы проверим спрос и цены конкурентов.",
        "For each region we will check demand and competitors' prices.",
    ),
    (
        "delivery_terms",
        "Как и за сколько дней вы доставляете заказ в регионы и кто платит за доставку?",
        "How do you deliver to the regions, how long does it take and who pays for it?",
        "Сроки и цена доставки — первое, что сравнивает покупатель издалека.",
        "Delivery time and cost are the first things a distant buyer compares.",
    ),
    (
        "warranty",
        "Даёте ли вы гарантию на товар?",
        "Do you give a warranty on what you sell?",
        "",
        "",
    ),
    (
        "fulfilment_steps",
        "Опишите по шагам, как проходит заказ: кто принимает, собирает, доставляет и закрывает его.",
        "Walk us through an order step by step: who takes it, packs it, delivers it and closes it.",
        "Из этого мы берём обещания для сайта и рекламы, которые вы точно сможете выполнить.",
        "That is where we find promises for the site and the ads that you can actually keep.",
    ),
    (
        "sales_request_handling",
        "Что происходит с заявкой после того, как она пришла: кто отвечает, за сколько, где её записывают?",
        "What happens to a request once it arrives: who answers, how fast, where is it recorded?",
        "Реклама приносит заявки; продаёт их ваш отдел продаж — нам нужно видеть весь путь.",
        "Ads bring requests; your sales team turns them into sales — we need to see the whole path.",
    ),
    (
        "deal_cycle_days",
        "Сколько дней обычно проходит от первого обращения до оплаты?",
        "How many days usually pass from the first enquiry to payment?",
        "От длины сделки зависит, когда станут видны результаты рекламы.",
        "The length of a deal decides when the ads' results become visible.",
    ),
    (
        "crm_name",
        "Как называется ваша CRM или где вы ведёте заказы?",
        "What is your CRM called, or where do you keep your orders?",
        "",
        "",
    ),
    (
        "regulation",
        "Есть ли ограничения для рекламы вашей услуги — лицензии, требования закона, запреты площадок?",
        "Are there limits on advertising your service — licences, legal requirements, platform bans?",
        "Объявления с нарушениями площадки отклоняют, а за рекламу без маркировки штрафуют.",
        "Platforms reject non-compliant ads, and unlabelled advertising is fined.",
    ),
    (
        "client_responsible",
        "Кто с вашей стороны отвечает за проект и принимает по нему решения?",
        "Who on your side is responsible for the project and makes the decisions?",
        "Один человек, который видит картину целиком, экономит недели согласований.",
        "One person who sees the whole picture saves weeks of approvals.",
    ),
    (
        "weaknesses",
        "В чём вы уступаете конкурентам — цена, сроки, ассортимент?",
        "Where do you fall behind competitors — price, lead times, range?",
        "Слабые места лучше знать заранее: реклама не должна обещать того, чего нет.",
        "We would rather know the weak points up front: ads must not promise what is not there.",
    ),
    (
        "approval_process",
        "Кто у вас согласует тексты и макеты и кто утверждает окончательно?",
        "Who reviews copy and layouts on your side, and who gives the final approval?",
        "",
        "",
    ),
    (
        "audience_fears",
        "Чего опасаются ваши покупатели перед покупкой?",
        "What worries your buyers before they buy?",
        "",
        "",
    ),
    (
        "lead_source_tracking",
        "Как вы узнаёте, откуда пришёл каждый покупатель?",
        "How do you find out where each buyer came from?",
        "Без этого ни вы, ни мы не увидим, какая реклама окупается.",
        "Without it neither of us can see which advertising pays off.",
    ),
];

/// (process id, ru, en, ru why, en why).
const PROCESSES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "sales",
        "Расскажите, как у вас продают: откуда приходят покупатели, кто и как обрабатывает заявку, где её записывают.",
        "Tell us how you sell: where buyers come from, who handles a request and how, where it is recorded.",
        "Так мы поймём, какие показатели продаж вы смотрите и как связать с ними рекламу.",
        "That shows us which sales figures you watch and how to tie the advertising to them.",
    ),
    (
        "fulfilment",
        "Пришлите описание выполнения заказа — от первого сотрудника, который его принял, до закрытой сделки; подойдёт схема или таблица.",
        "Send us a description of how an order is fulfilled — from the first employee who takes it to the closed deal; a diagram or a spreadsheet will do.",
        "Из него мы берём сильные стороны для посадочных страниц.",
        "It is where we find strengths for the landing pages.",
    ),
];

/// (rule id, ru, en, ru why, en why).
const RULES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "regions_without_offer",
        "Расскажите, чем вы будете привлекать покупателей из регионов: выгода по сравнению с местными магазинами, доставка, гарантия.",
        "Tell us what will attract buyers in the regions: the advantage over local shops, delivery, the warranty.",
        "Без этого реклама в регионах приведёт посетителей, но не покупателей.",
        "Without it, ads in the regions bring visitors but not buyers.",
    ),
    (
        "regions_no_aftersales",
        "Что вы можете предложить покупателю из региона на случай брака или возврата?",
        "What can you offer a buyer in another region in case of a fault or a return?",
        "Покупатель издалека рискует больше и ждёт дольше — ему нужна причина заказать.",
        "A distant buyer risks more and waits longer — they need a reason to order.",
    ),
    (
        "leads_not_tracked",
        "Давайте договоримся, как вы будете записывать источник каждой заявки — хотя бы в таблице.",
        "Let us agree how you will record the source of each request — even in a spreadsheet.",
        "Без этого ни вы, ни мы не увидим, какая реклама окупается.",
        "Without it neither of us can see which advertising pays off.",
    ),
    (
        "long_cycle_without_crm",
        "Где хранится история переговоров, пока сделка не закрыта?",
        "Where is the history of a deal kept until it is closed?",
        "Сделка у вас длится недели; без общего списка заявок часть из них теряется, а рекламу не связать с оплатой.",
        "Your deals take weeks; without a shared list some requests get lost and ads cannot be tied to payments.",
    ),
    (
        "no_responsible_person",
        "Кто с вашей стороны будет собирать требования и принимать решения по проекту?",
        "Who on your side will gather requirements and make decisions on the project?",
        "Один человек, который видит картину целиком, экономит недели согласований.",
        "One person who sees the whole picture saves weeks of approvals.",
    ),
    (
        "no_company_advantage",
        "Почему покупатели выбирают вас, а не конкурентов, — что вы делаете быстрее, удобнее или надёжнее?",
        "Why do buyers choose you over competitors — what do you do faster, better or more reliably?",
        "Если товар такой же, как у других, рекламе нужно обещать что-то кроме цены.",
        "When the product is the same as elsewhere, ads need to promise something besides price.",
    ),
    (
        "acquisition_cost_unknown",
        "Какую долю маржи с заказа вы готовы тратить на привлечение покупателя?",
        "What share of an order's margin are you ready to spend on winning a buyer?",
        "Из этого мы рассчитаем допустимую цену заявки.",
        "From it we will work out an acceptable cost per lead.",
    ),
];

fn why(ru: &str, en: &str) -> Option<Text> {
    (!ru.is_empty()).then(|| t(ru, en))
}

/// Core v1 with client wording on the questions, processes and rules above.
pub fn client_core() -> Checklist {
    let mut core = crate::bundled_core();
    for s in &mut core.sections {
        for q in &mut s.questions {
            if let Some((_, ru, en, wru, wen)) = QUESTIONS.iter().find(|(id, ..)| *id == q.id) {
                q.client_prompt = Some(t(ru, en));
                q.client_why = why(wru, wen);
            }
        }
    }
    for p in &mut core.processes {
        if let Some((_, ru, en, wru, wen)) = PROCESSES.iter().find(|(id, ..)| *id == p.id) {
            p.client_prompt = Some(t(ru, en));
            p.client_why = why(wru, wen);
        }
    }
    for r in &mut core.rules {
        if let Some((_, ru, en, wru, wen)) = RULES.iter().find(|(id, ..)| *id == r.id) {
            r.client_prompt = Some(t(ru, en));
            r.client_why = why(wru, wen);
        }
    }
    core
}

fn answer(v: AnswerValue) -> Entry {
    Entry::new(Answer::Answered(v))
}

fn text(s: &str) -> Entry {
    answer(AnswerValue::Text(s.to_owned()))
}

/// The brief's answers: everything answered, then the business's open points.
pub fn entries(business: Business, lang: Lang, core: &Checklist) -> Entries {
    let mut e = fixture::complete_entries(lang, &[core]);
    let ru = lang == Lang::Ru;
    let p = |r: &str, n: &str| if ru { r.to_owned() } else { n.to_owned() };
    let gone = |e: &mut Entries, ids: &[&str]| {
        for id in ids {
            e.remove(*id);
        }
    };
    match business {
        Business::Shop => {
            e.insert(
                "audience_type".into(),
                answer(AnswerValue::Choice("b2c".into())),
            );
            e.insert("regional_expansion".into(), answer(AnswerValue::Bool(true)));
            e.insert(
                "regional_target_regions".into(),
                answer(AnswerValue::Items(vec![p("все регионы", "all regions")])),
            );
            gone(
                &mut e,
                &[
                    "regional_advantage",
                    "goal_target",
                    "goal_deadline",
                    "audience_fears",
                    "weaknesses",
                ],
            );
            e.insert("delivery_terms".into(), Entry::new(Answer::Unknown));
            e.insert("warranty".into(), answer(AnswerValue::Bool(false)));
            e.insert("loyalty_programme".into(), answer(AnswerValue::Bool(false)));
            e.insert(
                "fulfilment_steps".into(),
                Entry::new(Answer::Later {
                    due: "2026-11-20".into(),
                }),
            );
            e.insert(
                "approval_process".into(),
                Entry::new(Answer::Later {
                    due: "2026-11-27".into(),
                }),
            );
            let mut name = text(&p(
                "ООО «Колесо», бренд ШинаМаркет",
                "Koleso LLC, brand ShinaMarket",
            ));
            name.to_confirm = true;
            e.insert("company_name".into(), name);
        }
        Business::Manufacturer => {
            e.insert(
                "audience_type".into(),
                answer(AnswerValue::Choice("b2b".into())),
            );
            e.insert(
                "regional_expansion".into(),
                answer(AnswerValue::Bool(false)),
            );
            gone(
                &mut e,
                &[
                    "sales_request_handling",
                    "sales_lead_channels",
                    "client_responsible",
                    "crm_name",
                    "goal_rationale",
                    "regulation",
                ],
            );
            e.insert("deal_cycle_days".into(), answer(AnswerValue::Number(60.0)));
            e.insert(
                "order_systems".into(),
                answer(AnswerValue::Choices(vec![
                    "spreadsheets".into(),
                    "email".into(),
                ])),
            );
            e.insert(
                "lead_source_tracking".into(),
                answer(AnswerValue::Choice("not_tracked".into())),
            );
            e.insert(
                "acquisition_cost_known".into(),
                answer(AnswerValue::Bool(false)),
            );
            e.insert("product_unique".into(), answer(AnswerValue::Bool(false)));
            gone(&mut e, &["advantages_company"]);
            e.insert(
                "goal_statement".into(),
                text(&p("Больше заявок от заводов", "More requests from plants")),
            );
        }
        Business::Services => {
            e.insert(
                "audience_type".into(),
                answer(AnswerValue::Choice("b2b".into())),
            );
            e.insert(
                "regional_expansion".into(),
                answer(AnswerValue::Bool(false)),
            );
            gone(
                &mut e,
                &[
                    "fulfilment_steps",
                    "fulfilment_days",
                    "fulfilment_problems",
                    "process_docs",
                    "goal_metric",
                    "goal_target",
                    "weaknesses",
                ],
            );
            e.insert("lead_source_tracking".into(), Entry::new(Answer::Unknown));
            e.insert(
                "regulation".into(),
                text(&p("Всё как у всех", "Same as everyone")),
            );
        }
    }
    e
}
