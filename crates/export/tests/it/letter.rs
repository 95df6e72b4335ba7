//! The letter to the client: snapshots in both languages and both formats, built from a real gap
//! report of the tyre-shop story; Markdown escaping; broken templates name their file and line.

use deepbrief_core::gaps::Entries;
use deepbrief_core::{Answer, AnswerValue, Entry, IsoDate, analyze, follow_up_items};
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
        .filter(|i| wanted.contains(&i.key.as_str()))
        .collect();
    assert_eq!(
        items.len(),
        wanted.len(),
        "{:?}",
        items.iter().map(|i| &i.key).collect::<Vec<_>>()
    );
    LetterInput {
        language: lang.into(),
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
        items: letter_items(&items, &[&core], lang),
        briefing: Some(crate::meeting()),
    }
}

#[test]
fn letter_items_cover_every_kind_in_checklist_order() {
    let kinds: Vec<ItemKind> = input("ru").items.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        [
            ItemKind::Confirm,
            ItemKind::Send,
            ItemKind::Discuss,
            ItemKind::Discuss,
            ItemKind::Clarify,
            ItemKind::Answer,
        ]
    );
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
fn markdown_syntax_in_user_text_prints_literally_but_not_in_text() {
    let mut i = input("en");
    i.client = "*Koleso* [shop](http://evil.example) <b>".into();
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
fn an_unknown_language_is_an_error() {
    let mut i = input("en");
    i.language = "de".into();
    let err = Templates::embedded()
        .render(&i, Format::Text)
        .expect_err("no German");
    assert!(matches!(err, ExportError::Language(l) if l == "de"));
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
