//! The letter to the client: snapshots in both languages and both formats, built from a real gap
//! report of the tyre-shop story; Markdown escaping; broken templates name their file and line.

use deepbrief_core::gaps::Entries;
use deepbrief_core::{Answer, AnswerValue, Entry, IsoDate, Lang, analyze, follow_up_items};
use deepbrief_export::{ExportError, Format, ItemKind, LetterInput, Templates, letter_items};

fn set(e: &mut Entries, id: &str, answer: Answer) {
    e.insert(id.to_owned(), Entry::new(answer));
}

/// The tyre shop going regional: a few answers, one of each kind of problem.
fn input(lang: &str) -> LetterInput {
    let core = crate::bundled_core();
    let mut e = Entries::new();
    set(
        &mut e,
        "regional_expansion",
        Answer::Answered(AnswerValue::Bool(true)),
    );
    set(
        &mut e,
        "regional_target_regions",
        Answer::Answered(AnswerValue::Items(vec!["все регионы".into()])),
    );
    set(&mut e, "delivery_terms", Answer::Unknown);
    set(
        &mut e,
        "fulfilment_steps",
        Answer::Later {
            due: "2026-11-20".into(),
        },
    );
    let mut prefilled = Entry::new(Answer::Answered(AnswerValue::Text(
        "ООО «Колесо», бренд ШинаМаркет".into(),
    )));
    prefilled.to_confirm = true;
    e.insert("company_name".into(), prefilled);
    let today = IsoDate::parse("2026-11-23").expect("date");
    let report = analyze(&[&core], &e, today);
    let wanted = [
        "confirm:company_name",
        "vague:regional_target_regions",
        "answer:delivery_terms",
        "answer:fulfilment_steps",
        "process:core:fulfilment",
        "rule:core:regions_without_offer",
    ];
    let items: Vec<_> = follow_up_items(&report)
        .into_iter()
        .filter(|i| wanted.contains(&i.key.to_string().as_str()))
        .collect();
    assert_eq!(
        items.len(),
        wanted.len(),
        "{:?}",
        items.iter().map(|i| &i.key).collect::<Vec<_>>()
    );
    LetterInput {
        language: Lang::parse(lang).expect("ru or en"),
        client: "Колесо".into(),
        contact_name: if lang == "ru" { "Ирина" } else { "Irina" }.into(),
        am_name: if lang == "ru" {
            "Анна Ковалёва"
        } else {
            "Anna Kovaleva"
        }
        .into(),
        agency: "Digital Sails".into(),
        am_contact: Some("+7 900 000-00-00".into()),
        items: letter_items(&items, &[&core], &e, Lang::parse(lang).expect("ru or en")),
        date: Some("2026-11-23".into()),
        reply_by: Some("2026-11-27".into()),
        start: None,
        link: None,
        project: "SEO по регионам".into(),
        briefing: Some(crate::meeting()),
    }
}

#[test]
fn letter_items_say_what_to_do_most_important_first() {
    let items = input("ru").items;
    let kinds: Vec<ItemKind> = items.iter().map(|i| i.kind).collect();
    for kind in [ItemKind::Confirm, ItemKind::Discuss, ItemKind::Clarify] {
        assert!(kinds.contains(&kind), "{kind:?} missing: {kinds:?}");
    }
    let severities: Vec<_> = items.iter().map(|i| i.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(severities, sorted);
    // The late fulfilment steps are part of the fulfilment process's item, not an item of their own.
    assert!(!kinds.contains(&ItemKind::Send), "{items:#?}");
}

#[test]
fn russian_letter_as_text() {
    let letter = Templates::embedded()
        .render(&input("ru"), Format::Text)
        .expect("renders");
    insta::assert_snapshot!(letter);
}

#[test]
fn russian_letter_as_markdown() {
    let letter = Templates::embedded()
        .render(&input("ru"), Format::Markdown)
        .expect("renders");
    insta::assert_snapshot!(letter);
}

#[test]
fn english_letter_as_text() {
    let letter = Templates::embedded()
        .render(&input("en"), Format::Text)
        .expect("renders");
    insta::assert_snapshot!(letter);
}

#[test]
fn english_letter_as_markdown() {
    let letter = Templates::embedded()
        .render(&input("en"), Format::Markdown)
        .expect("renders");
    insta::assert_snapshot!(letter);
}

#[test]
fn a_letter_without_a_briefing_asks_for_answers_by_mail() {
    let mut i = input("en");
    i.briefing = None;
    i.am_contact = None;
    let letter = Templates::embedded()
        .render(&i, Format::Text)
        .expect("renders");
    assert!(letter.contains("by e-mail or go through them with us on the phone"));
    assert!(!letter.contains("when:"));
}

#[test]
fn a_letter_with_a_client_link_says_where_to_answer_and_until_when() {
    for (lang, format, wanted) in [
        (
            "ru",
            Format::Text,
            "Ответить можно здесь, без регистрации: https://brief.agency.example/c/Ab_c-9 (ссылка действует до 15\u{a0}января 2027).",
        ),
        (
            "ru",
            Format::Markdown,
            "Ответить можно здесь, без регистрации: <https://brief.agency.example/c/Ab_c-9> (ссылка действует до 15\u{a0}января 2027).",
        ),
        (
            "en",
            Format::Text,
            "You can answer here, no sign-up needed: https://brief.agency.example/c/Ab_c-9 (the link works until 15\u{a0}January 2027).",
        ),
        (
            "en",
            Format::Markdown,
            "You can answer here, no sign-up needed: <https://brief.agency.example/c/Ab_c-9> (the link works until 15\u{a0}January 2027).",
        ),
    ] {
        let mut i = input(lang);
        let without = Templates::embedded().render(&i, format).expect("renders");
        assert!(!without.contains("/c/"), "no link, no line: {without}");
        i.link = Some(deepbrief_export::ClientLinkText {
            url: "https://brief.agency.example/c/Ab_c-9".into(),
            expires_on: "2027-01-15".into(),
        });
        let letter = Templates::embedded().render(&i, format).expect("renders");
        assert!(letter.contains(wanted), "{lang} {format:?}:\n{letter}");
        // The line stands in its own paragraph before the items.
        assert!(letter.contains(&format!("\n\n{wanted}\n\n")), "{letter}");
    }
}

#[test]
fn every_letter_item_names_the_questions_it_asks() {
    let core = crate::bundled_core();
    let items = input("ru").items;
    for item in &items {
        assert!(!item.question_ids.is_empty(), "{item:#?}");
        for id in &item.question_ids {
            assert!(
                core.questions().any(|(_, q)| q.id == *id),
                "{id} is not a question of the checklist"
            );
        }
    }
}

#[test]
fn a_meeting_too_soon_for_a_date_before_it_is_the_deadline_itself() {
    for (lang, needed, by) in [
        (
            "ru",
            "Ответы нужны к этой встрече",
            "Пришлите, пожалуйста, ответы до",
        ),
        (
            "en",
            "We need the answers by this meeting",
            "Please send your answers by",
        ),
    ] {
        let mut i = input(lang);
        i.reply_by = None;
        for format in [Format::Text, Format::Markdown] {
            let letter = Templates::embedded().render(&i, format).expect("renders");
            assert!(letter.contains(needed), "{letter}");
            assert!(
                !letter.contains(by),
                "no reply-by date after the meeting: {letter}"
            );
        }
        // With a date before the meeting, the date asks, and the meeting does not repeat it.
        let letter = Templates::embedded()
            .render(&input(lang), Format::Text)
            .expect("renders");
        assert!(letter.contains(by) && !letter.contains(needed), "{letter}");
    }
}

#[test]
fn markdown_syntax_in_user_text_prints_literally_but_not_in_text() {
    let mut i = input("en");
    i.client = "*Koleso* [shop](http://evil.example) <b>".into();
    i.project = String::new();
    i.items.truncate(1);
    i.items[0].topic = "- 1. # Heading_like `code`\nsecond line".into();
    let md = Templates::embedded()
        .render(&i, Format::Markdown)
        .expect("renders");
    assert!(
        md.contains(r"\*Koleso\* \[shop\](http://evil.example) \<b\>"),
        "{md}"
    );
    assert!(
        md.contains(r"**\- 1. \# Heading\_like \`code\` second line**"),
        "{md}"
    );
    let text = Templates::embedded()
        .render(&i, Format::Text)
        .expect("renders");
    assert!(
        text.contains("*Koleso* [shop](http://evil.example) <b>"),
        "{text}"
    );
}

#[test]
fn an_unknown_language_cannot_be_asked_for() {
    // The letter's language is the one language type: German is refused where it is read.
    assert_eq!(Lang::parse("de"), None);
    let err = serde_json::from_str::<Lang>("\"de\"").expect_err("no German");
    assert!(err.to_string().contains("unknown variant `de`"), "{err}");
}

#[test]
fn a_template_folder_overrides_and_a_broken_template_names_file_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("en.txt.tera"),
        "Hello {{ contact_name }}!\n",
    )
    .expect("write");
    let templates = Templates::with_folder(dir.path()).expect("loads");
    assert_eq!(
        templates
            .render(&input("en"), Format::Text)
            .expect("renders"),
        "Hello Irina!\n"
    );
    // Russian still comes from the embedded templates.
    assert!(
        templates
            .render(&input("ru"), Format::Text)
            .expect("renders")
            .contains("Здравствуйте")
    );

    // A syntax error on line 3.
    std::fs::write(
        dir.path().join("en.txt.tera"),
        "Hello {{ contact_name }}!\n\n{% if items %}unclosed\n",
    )
    .expect("write");
    let templates = Templates::with_folder(dir.path()).expect("loads");
    let err = templates.check().expect_err("broken");
    let ExportError::Template { file, line, .. } = &err else {
        panic!("{err}");
    };
    assert!(file.ends_with("en.txt.tera"), "{file}");
    assert!(line.is_some(), "{err}");
    assert!(err.to_string().contains("en.txt.tera:"), "{err}");

    // A rendering error on line 2: an unknown variable.
    std::fs::write(
        dir.path().join("en.txt.tera"),
        "Hello {{ contact_name }}!\nYour {{ project.name }} is late\n",
    )
    .expect("write");
    let templates = Templates::with_folder(dir.path()).expect("loads");
    let err = templates
        .render(&input("en"), Format::Text)
        .expect_err("unknown variable");
    let ExportError::Template { file, line, .. } = &err else {
        panic!("{err}");
    };
    assert!(file.ends_with("en.txt.tera"), "{file}");
    assert_eq!(*line, Some(2), "{err}");
}

#[test]
fn embedded_templates_all_parse() {
    Templates::embedded()
        .check()
        .expect("embedded templates parse");
}

// ---------------------------------------------------------------------------------------------
// Three realistic briefs: the letter a client receives.

use crate::briefs::{self, Business};
use deepbrief_core::Checklist;

fn brief_letter(business: Business, lang: Lang, core: &Checklist) -> LetterInput {
    let entries = briefs::entries(business, lang, core);
    let report = analyze(&[core], &entries, briefs::today());
    let items = follow_up_items(&report);
    let code = lang.code();
    let ru = lang == Lang::Ru;
    let p = |r: &str, e: &str| if ru { r.to_owned() } else { e.to_owned() };
    let (client, project, contact, briefing) = match business {
        Business::Shop => (
            p("Колесо", "Koleso"),
            p("SEO по регионам", "SEO in the regions"),
            p("Ирина", "Irina"),
            Some(crate::meeting()),
        ),
        Business::Manufacturer => (
            p("НасосПром", "NasosProm"),
            p("Контекстная реклама для заводов", "Search ads for plants"),
            p("Сергей Викторович", "Sergey"),
            Some(deepbrief_export::Meeting {
                start: "2026-12-03T15:30".into(),
                duration_minutes: 90,
                timezone: Some("Asia/Yekaterinburg".into()),
                utc_offset_minutes: 300,
                attendees: Vec::new(),
                location: None,
            }),
        ),
        Business::Services => (
            p("Чистый офис", "Clean Office"),
            String::new(),
            p("Марина", "Marina"),
            None,
        ),
    };
    let reply_by = deepbrief_export::letter::reply_by(briefs::today(), briefing.as_ref());
    LetterInput {
        language: Lang::parse(code).expect("ru or en"),
        client,
        project,
        contact_name: contact,
        am_name: p("Анна Ковалёва", "Anna Kovaleva"),
        agency: "Digital Sails".into(),
        am_contact: Some("anna@digitalsails.example, +7 900 000-00-00".into()),
        items: letter_items(
            &items,
            &[core],
            &entries,
            Lang::parse(code).expect("ru or en"),
        ),
        briefing,
        date: Some(briefs::today().to_string()),
        reply_by: reply_by.map(|d| d.to_string()),
        start: (business == Business::Manufacturer).then(|| "2026-12-14".to_owned()),
        link: None,
    }
}

#[test]
fn letters_of_three_briefs() {
    let core = briefs::client_core();
    for business in briefs::ALL {
        for lang in [Lang::Ru, Lang::En] {
            let input = brief_letter(business, lang, &core);
            let letter = Templates::embedded()
                .render(&input, Format::Text)
                .expect("renders");
            insta::assert_snapshot!(format!("{}_{}", business.name(), lang.code()), letter);
        }
    }
}

#[test]
fn a_letter_in_markdown_has_headings_and_the_appendix() {
    let core = briefs::client_core();
    let input = brief_letter(Business::Shop, Lang::Ru, &core);
    let md = Templates::embedded()
        .render(&input, Format::Markdown)
        .expect("renders");
    insta::assert_snapshot!(md);
}

/// What a client must never read, whatever the brief: the account manager's hints, ISO dates,
/// the rules' messages, and the same need twice.
fn assert_client_ready(letter: &str, input: &LetterInput, core: &Checklist, lang: &str) {
    for q in core.sections.iter().flat_map(|s| s.questions.iter()) {
        let hint = q.hint.get(lang).trim();
        let head: String = hint.chars().take(40).collect();
        assert!(
            head.chars().count() < 20 || !letter.contains(&head),
            "the hint of {} reached the client:\n{letter}",
            q.id
        );
    }
    for r in &core.rules {
        let head: String = r.message.get(lang).chars().take(40).collect();
        assert!(!letter.contains(&head), "rule message {}:\n{letter}", r.id);
    }
    assert!(!letter.contains("2026-"), "an ISO date:\n{letter}");
    let mut topics: Vec<(&str, &str)> = input
        .items
        .iter()
        .map(|i| (i.heading.as_str(), i.topic.as_str()))
        .collect();
    let n = topics.len();
    topics.sort();
    topics.dedup();
    assert_eq!(topics.len(), n, "a need appears twice:\n{letter}");
    assert!(letter.contains(input.am_name.as_str()));
}

#[test]
fn every_letter_is_fit_to_send_with_client_wording_and_on_plain_v1() {
    let worded = briefs::client_core();
    let plain = crate::bundled_core();
    for core in [&worded, &plain] {
        for business in briefs::ALL {
            for lang in [Lang::Ru, Lang::En] {
                let input = brief_letter(business, lang, core);
                assert!(
                    input.items.len() >= 5,
                    "{business:?}: {}",
                    input.items.len()
                );
                for format in [Format::Text, Format::Markdown] {
                    let letter = Templates::embedded()
                        .render(&input, format)
                        .expect("renders");
                    assert_client_ready(&letter, &input, core, lang.code());
                }
            }
        }
    }
}

#[test]
fn the_most_important_come_first_and_a_rule_absorbs_its_question() {
    let core = briefs::client_core();
    let input = brief_letter(Business::Shop, Lang::Ru, &core);
    let severities: Vec<_> = input.items.iter().map(|i| i.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(severities, sorted);
    // The rule about regional buyers is asked; the required question it looks at is not asked again.
    let rule = input
        .items
        .iter()
        .find(|i| i.topic.starts_with("Расскажите, чем вы будете привлекать"))
        .expect("the rule is asked");
    assert_eq!(rule.severity, deepbrief_core::Severity::High);
    assert!(
        !input
            .items
            .iter()
            .any(|i| i.topic.starts_with("Почему покупателю из региона"))
    );
    // The fulfilment process absorbs its late evidence question.
    assert!(
        !input
            .items
            .iter()
            .any(|i| i.topic.starts_with("Опишите по шагам"))
    );
}

#[test]
fn meeting_lengths_and_dates_are_said_in_words() {
    use deepbrief_export::letter::length;
    assert_eq!(length(60, Lang::Ru), "около часа");
    assert_eq!(length(90, Lang::Ru), "около полутора часов");
    assert_eq!(length(45, Lang::Ru), "около 45 минут");
    assert_eq!(length(21, Lang::Ru), "около 21 минуты");
    assert_eq!(length(30, Lang::En), "about half an hour");
    let core = briefs::client_core();
    let ru = Templates::embedded()
        .render(
            &brief_letter(Business::Manufacturer, Lang::Ru, &core),
            Format::Text,
        )
        .expect("renders");
    assert!(ru.contains("до среды, 2\u{a0}декабря"), "{ru}");
    assert!(ru.contains("займёт около полутора часов"), "{ru}");
    assert!(ru.contains("запланирован на 14\u{a0}декабря"), "{ru}");
    let en = Templates::embedded()
        .render(
            &brief_letter(Business::Manufacturer, Lang::En, &core),
            Format::Text,
        )
        .expect("renders");
    assert!(en.contains("by Wednesday, 2\u{a0}December"), "{en}");
}

#[test]
fn reply_by_is_a_working_day_before_the_meeting_or_three_working_days_on() {
    use deepbrief_export::letter::reply_by;
    let friday = deepbrief_core::IsoDate::parse("2026-11-27").unwrap();
    // No meeting: Friday + 3 working days = Wednesday.
    assert_eq!(reply_by(friday, None).unwrap().to_string(), "2026-12-02");
    // A Monday meeting: the Friday before; when that is today, no date (never one after the
    // meeting): the answers are needed by the meeting itself.
    let m = crate::meeting();
    let monday = deepbrief_core::IsoDate::parse("2026-11-23").unwrap();
    assert_eq!(
        reply_by(monday, Some(&m)).unwrap().to_string(),
        "2026-11-27"
    );
    assert_eq!(reply_by(friday, Some(&m)), None);
}
