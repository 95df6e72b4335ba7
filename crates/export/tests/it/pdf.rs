//! The kickoff PDF, read back with poppler.

use std::collections::BTreeMap;

use deepbrief_core::{Answer, AnswerValue, Checklist, Entry};
use deepbrief_export::pdf::{PdfError, PdfRenderer, Template};
use deepbrief_export::{KickoffDocument, Lang, render_pdf};

use crate::{fixture, poppler};

/// Left and right page margins of the built-in template (22 mm), in points.
const MARGIN: f64 = 22.0 / 25.4 * 72.0;

fn builtin(doc: &KickoffDocument) -> Vec<u8> {
    render_pdf(doc, &Template::builtin()).unwrap_or_else(|e| panic!("{e}"))
}

/// Where the rendered fixture goes for a look (`target/kickoff-fixture-ru.pdf`).
fn keep(name: &str, pdf: &[u8]) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../target");
    let _ = std::fs::create_dir_all(dir);
    let _ = std::fs::write(format!("{dir}/{name}"), pdf);
}

#[test]
fn fixture_text_matches_snapshot_in_russian() {
    let pdf = builtin(&fixture::document(Lang::Ru));
    keep("kickoff-fixture-ru.pdf", &pdf);
    insta::assert_snapshot!("pdf_text_ru", poppler::text(&pdf));
}

#[test]
fn fixture_text_matches_snapshot_in_english() {
    let pdf = builtin(&fixture::document(Lang::En));
    keep("kickoff-fixture-en.pdf", &pdf);
    insta::assert_snapshot!("pdf_text_en", poppler::text(&pdf));
}

#[test]
fn same_input_gives_same_bytes_cold_and_warm() {
    let doc = fixture::document(Lang::Ru);
    let first = builtin(&doc);
    let second = builtin(&doc);
    assert!(first == second, "two fresh renders differ");
    // A renderer that has already rendered another document (warm caches) gives the same bytes.
    let renderer = PdfRenderer::new(Template::builtin());
    renderer
        .render(&fixture::document(Lang::En))
        .expect("render en");
    let warm = renderer.render(&doc).expect("render ru");
    assert!(first == warm, "a warm render differs from a cold one");
}

#[test]
fn metadata_has_title_author_and_the_brief_date() {
    let pdf = builtin(&fixture::document(Lang::En));
    let info = poppler::info(&pdf);
    assert!(
        info.contains(
            "Title:           Kickoff passport — ShinaMarket — SEO for Moscow and the region"
        ),
        "{info}"
    );
    assert!(info.contains("Author:          Maria Orlova"), "{info}");
    assert!(info.contains("Creator:         Deepbrief"), "{info}");
    assert!(info.contains("CreationDate:    Fri Nov 20 "), "{info}");
    assert!(info.contains(" 2026"), "{info}");
}

#[test]
fn every_page_has_a_number_and_the_running_header() {
    let pages = poppler::pages(&builtin(&fixture::document(Lang::Ru)));
    let total = pages.len();
    assert!(total >= 8, "only {total} pages");
    for (i, page) in pages.iter().enumerate().skip(1) {
        assert!(
            page.contains(&format!("Стр. {} из {total}", i + 1)),
            "page {}: {page}",
            i + 1
        );
        assert!(
            page.contains("ШинаМаркет · SEO для Москвы и области"),
            "page {}",
            i + 1
        );
    }
}

/// Hostile answers: markup of Typst and Markdown, a huge answer, an unbroken word, emoji, RTL.
const TYPST_SYNTAX: &str =
    r#"#set page(width: 1cm) *bold* _it_ $x^2$ = <label> @ref \ ] [ `raw` // not a comment #"#;
const MARKDOWN_SYNTAX: &str = "# Heading\n**bold** [link](http://x.example) <b>html</b> | pipe |";
const EMOJI: &str = "Клиенты любят 🚗 и 👍🏽 отзывы ⭐";
const RTL: &str = "שלום עולם مرحبا";

fn hostile_entries(checklists: &[&Checklist]) -> BTreeMap<String, Entry> {
    let mut entries = fixture::complete_entries(Lang::Ru, checklists);
    let text = |s: String| Entry::new(Answer::Answered(AnswerValue::Text(s)));
    entries.insert("company_name".into(), text(TYPST_SYNTAX.into()));
    entries.insert("audience_who".into(), text(MARKDOWN_SYNTAX.into()));
    entries.insert("company_offer".into(), text(long_answer()));
    entries.insert("goal_statement".into(), text(unbroken_word()));
    entries.insert("audience_expectations".into(), text(EMOJI.into()));
    entries.insert("audience_information".into(), text(RTL.into()));
    let rows = (1..=200)
        .map(|i| {
            BTreeMap::from([
                ("name".to_owned(), format!("Сотрудник {i}")),
                ("position".to_owned(), format!("Должность #{i} *{i}*")),
                ("area".to_owned(), "sales".to_owned()),
                ("decides".to_owned(), "false".to_owned()),
                ("approves".to_owned(), "true".to_owned()),
                ("contact".to_owned(), format!("user{i}@example.ru")),
            ])
        })
        .collect();
    entries.insert(
        "client_team_members".into(),
        Entry::new(Answer::Answered(AnswerValue::Rows(rows))),
    );
    entries
}

const SENTENCE: &str = "Очень длинный ответ клиента о его бизнесе. ";

fn long_answer() -> String {
    SENTENCE.repeat(250).chars().take(10_000).collect()
}

fn unbroken_word() -> String {
    "Непрерывноеслово".repeat(20).chars().take(300).collect()
}

fn hostile_pdf() -> Vec<u8> {
    let loaded = fixture::checklists();
    let refs: Vec<&Checklist> = loaded.iter().map(|l| &l.checklist).collect();
    let doc = fixture::document_with(Lang::Ru, &hostile_entries(&refs));
    let pdf = builtin(&doc);
    keep("kickoff-hostile.pdf", &pdf);
    pdf
}

#[test]
fn hostile_text_renders_literally() {
    let pdf = hostile_pdf();
    // Content-stream order, without page one (it quotes the start of long answers), running
    // headers, footers and the draft mark (a paragraph that spans pages continues across them).
    let raw = poppler::raw(&pdf);
    let text: String = raw
        .split('\u{c}')
        .skip(1)
        .flat_map(str::lines)
        .filter(|l| {
            !l.starts_with("Подготовлено в Deepbrief")
                && !l.starts_with("ШинаМаркет ·")
                && !l.starts_with("ЧЕРНОВИК / DRAFT")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let squeezed = poppler::squeezed(&text);
    for expected in [TYPST_SYNTAX, MARKDOWN_SYNTAX, EMOJI, &unbroken_word()] {
        let needle = poppler::squeezed(expected);
        assert!(squeezed.contains(&needle), "missing literally: {expected}");
    }
    // 10,000 characters: every sentence is there.
    assert_eq!(long_answer().chars().count(), 10_000);
    let sentence = poppler::squeezed(SENTENCE);
    assert_eq!(
        squeezed.matches(&sentence).count(),
        long_answer().matches(SENTENCE).count(),
        "sentences of the long answer"
    );
    // RTL words come out (poppler may reorder them; check each word).
    for word in RTL.split(' ') {
        assert!(text.contains(word), "RTL word {word} missing");
    }
    // The 200-row table: every row, and the header repeated on every page it spans.
    for i in [1, 57, 200] {
        assert!(text.contains(&format!("Сотрудник {i}")), "row {i}");
        let literal = poppler::squeezed(&format!("Должность #{i} *{i}*"));
        assert!(squeezed.contains(&literal), "row {i} literal");
    }
    let pages = poppler::pages(&pdf);
    // Page one names the client's team in a line; the table itself follows.
    let table_pages = pages
        .iter()
        .skip(1)
        .filter(|p| p.contains("Сотрудник "))
        .collect::<Vec<_>>();
    assert!(
        table_pages.len() >= 4,
        "table spans {} pages",
        table_pages.len()
    );
    for page in table_pages {
        assert!(
            poppler::squeezed(page).contains("Зонаответственности"),
            "header not repeated:\n{page}"
        );
    }
}

#[test]
fn hostile_text_stays_inside_the_margins() {
    let boxes = poppler::boxes(&hostile_pdf());
    assert!(boxes.len() > 1000);
    for b in &boxes {
        assert!(
            b.x_min >= MARGIN - 1.0 && b.x_max <= b.page_width - MARGIN + 1.0,
            "page {}: word {:?} at {:.1}–{:.1} leaves the text area {:.1}–{:.1}",
            b.page,
            b.word,
            b.x_min,
            b.x_max,
            MARGIN,
            b.page_width - MARGIN
        );
    }
}

#[test]
fn every_font_is_embedded_and_ours() {
    let fonts = poppler::fonts(&hostile_pdf());
    assert!(!fonts.is_empty());
    for (name, embedded) in &fonts {
        assert!(embedded, "{name} not embedded");
        // Subset prefix `ABCDEF+`, then one of the fonts compiled in; `[none]` is the emoji (Type 3).
        let family = name.split_once('+').map_or(name.as_str(), |(_, f)| f);
        assert!(
            ["PTSans-", "PTMono-", "DejaVuSans", "[none]"]
                .iter()
                .any(|f| family.starts_with(f)),
            "unexpected font {name}"
        );
    }
}

#[test]
fn hostile_meta_prints_literally_on_cover_header_and_metadata() {
    let mut meta_doc = fixture::document(Lang::En);
    meta_doc.meta.client = "#emph[Client] $1 <x> \\ ]".into();
    meta_doc.meta.project = "*Project* = @p".into();
    meta_doc.contacts[0].name = "#pagebreak() Olga".into();
    let pdf = builtin(&meta_doc);
    let pages = poppler::pages(&pdf);
    assert!(
        pages[0].contains("#emph[Client] $1 <x> \\ ]"),
        "{}",
        pages[0]
    );
    assert!(pages[0].contains("*Project* = @p"));
    assert!(
        pages[1].contains("#emph[Client] $1 <x> \\ ] · *Project* = @p"),
        "{}",
        pages[1]
    );
    assert!(pages.join("\n").contains("#pagebreak() Olga"));
    assert!(
        poppler::info(&pdf)
            .contains("Kickoff passport — #emph[Client] $1 <x> \\ ] — *Project* = @p")
    );
}

fn template_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write template file");
    }
    dir
}

#[test]
fn a_custom_template_folder_is_used_with_its_own_files() {
    let dir = template_dir(&[
        (
            "kickoff.typ",
            "#import \"theme.typ\": accent\n#let doc = json(\"/brief.json\")\n\
             #text(fill: accent)[Agency template for #doc.meta.client]\n",
        ),
        ("theme.typ", "#let accent = rgb(\"#aa0000\")\n"),
    ]);
    let template = Template::from_dir(dir.path()).expect("template");
    let pdf = render_pdf(&fixture::document(Lang::En), &template).expect("render");
    let text = poppler::text(&pdf);
    assert!(text.contains("Agency template for ShinaMarket"), "{text}");
}

#[test]
fn a_broken_template_names_file_line_and_column() {
    let dir = template_dir(&[(
        "kickoff.typ",
        "#let doc = json(\"/brief.json\")\n\n#text(fill: nope)[#doc.meta.client]\n",
    )]);
    let template = Template::from_dir(dir.path()).expect("template");
    let err = render_pdf(&fixture::document(Lang::En), &template).expect_err("must fail");
    let PdfError::Template(diagnostics) = &err else {
        panic!("unexpected error {err}");
    };
    let d = &diagnostics[0];
    assert!(d.file.ends_with("kickoff.typ"), "{d}");
    assert_eq!((d.line, d.column), (3, 13), "{d}");
    assert!(d.message.contains("unknown variable: nope"), "{d}");
    let message = err.to_string();
    assert!(
        message.contains("kickoff.typ:3:13: unknown variable: nope"),
        "{message}"
    );
}

#[test]
fn an_error_in_an_included_file_names_that_file() {
    let dir = template_dir(&[
        ("kickoff.typ", "#import \"parts.typ\": cover\n#cover\n"),
        ("parts.typ", "#let cover = [\n  #(1 + \"a\")\n]\n"),
    ]);
    let template = Template::from_dir(dir.path()).expect("template");
    let err = render_pdf(&fixture::document(Lang::En), &template).expect_err("must fail");
    let PdfError::Template(diagnostics) = &err else {
        panic!("unexpected error {err}");
    };
    assert!(diagnostics[0].file.ends_with("parts.typ"), "{err}");
    assert_eq!(diagnostics[0].line, 2, "{err}");
}

#[test]
fn a_template_cannot_read_outside_its_folder() {
    let dir = template_dir(&[("kickoff.typ", "#read(\"../../../../../../etc/passwd\")\n")]);
    let template = Template::from_dir(dir.path()).expect("template");
    let err = render_pdf(&fixture::document(Lang::En), &template).expect_err("must fail");
    assert!(matches!(err, PdfError::Template(_)), "{err}");
}

#[test]
fn a_folder_without_kickoff_typ_is_refused() {
    let dir = template_dir(&[]);
    let err = Template::from_dir(dir.path()).expect_err("must fail");
    assert!(matches!(err, PdfError::NoMainFile { .. }), "{err}");
    assert!(err.to_string().contains("has no kickoff.typ"));
}

#[test]
fn a_template_folder_starts_from_the_builtin_one_and_renders_the_same() {
    let dir = template_dir(&[]);
    let path = Template::init_dir(&dir.path().join("agency")).expect("init");
    assert!(
        Template::init_dir(&dir.path().join("agency")).is_err(),
        "never overwrites"
    );
    let template = Template::from_dir(path.parent().expect("folder")).expect("template");
    let doc = fixture::document(Lang::Ru);
    assert!(render_pdf(&doc, &template).expect("render") == builtin(&doc));
}

#[test]
fn the_builtin_template_stays_available() {
    assert!(Template::builtin_source().contains("json(\"/brief.json\")"));
    assert!(Template::builtin().dir().is_none());
}

#[test]
fn a_renderer_can_live_in_app_state() {
    fn shared<T: Send + Sync>() {}
    shared::<PdfRenderer>();
    shared::<Template>();
}

// ---------------------------------------------------------------------------------------------
// The kickoff passport of three realistic briefs.

mod passport {
    use deepbrief_app::documents::kickoff_document;
    use deepbrief_core::{Checklist, analyze, follow_up_items};
    use deepbrief_export::{KickoffDocument, Lang, Template, render_pdf};
    use deepbrief_store::{
        BriefData, BriefMeta, BriefStatus, Contact, OpenedBrief, PinnedChecklist, RevisionInfo,
    };

    use crate::briefs::{self, Business};
    use crate::poppler;

    fn opened(business: Business, lang: Lang, status: BriefStatus) -> OpenedBrief {
        let core = briefs::client_core();
        let entries = briefs::entries(business, lang, &core);
        let ru = lang == Lang::Ru;
        let p = |r: &str, e: &str| if ru { r.to_owned() } else { e.to_owned() };
        let (client, project, services) = match business {
            Business::Shop => (
                p("Колесо", "Koleso"),
                p("SEO по регионам", "SEO in the regions"),
                "SEO",
            ),
            Business::Manufacturer => (
                p("НасосПром", "NasosProm"),
                p("Контекстная реклама для заводов", "Search ads for plants"),
                "PPC",
            ),
            Business::Services => (
                p("Чистый офис", "Clean Office"),
                p("Сайт и SEO", "Website and SEO"),
                "Web, SEO",
            ),
        };
        OpenedBrief {
            data: BriefData {
                meta: BriefMeta {
                    id: format!("b-{}", business.name()),
                    client,
                    project,
                    services: vec![services.into()],
                    account_manager: p("Анна Ковалёва", "Anna Kovaleva"),
                    contacts: vec![Contact {
                        name: p("Ирина Петрова", "Irina Petrova"),
                        role: p("директор", "director"),
                        phone: "+7 900 000-00-00".into(),
                        email: "irina@client.example".into(),
                        responsible: true,
                    }],
                    language: lang.code().into(),
                    status,
                    archived: false,
                    prefilled_from: None,
                    created_at: "2026-11-20T10:00:00.000Z".into(),
                    updated_at: "2026-11-22T12:30:00.000Z".into(),
                    revision: 1,
                    industry: String::new(),
                },
                pins: vec![PinnedChecklist {
                    checklist: core.id.clone(),
                    version: core.version,
                    hash: "9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8".into(),
                }],
                entries,
                archived: Vec::new(),
                adhoc: Vec::new(),
            },
            checklists: vec![core],
        }
    }

    fn document(business: Business, lang: Lang, approved: bool) -> KickoffDocument {
        let status = if approved {
            BriefStatus::Approved
        } else {
            BriefStatus::InReview
        };
        let brief = opened(business, lang, status);
        let refs: Vec<&Checklist> = brief.checklists.iter().collect();
        let report = analyze(&refs, &brief.data.entries, briefs::today());
        let items = follow_up_items(&report);
        let approval = RevisionInfo {
            brief_id: brief.data.meta.id.clone(),
            number: 1,
            approved_at: "2026-11-24T09:15:00.000Z".into(),
            approved_by: if lang == Lang::Ru {
                "Мария Лебедева"
            } else {
                "Maria Lebedeva"
            }
            .into(),
            override_note: None,
        };
        kickoff_document(
            &brief,
            &report,
            &[],
            &items,
            &[],
            approved.then_some(&approval),
            lang,
        )
    }

    fn pages(doc: &KickoffDocument) -> Vec<String> {
        let pdf = render_pdf(doc, &Template::builtin()).expect("renders");
        let pages = poppler::pages(&pdf);
        if let Ok(dir) = std::env::var("DEEPBRIEF_KEEP_PDF") {
            let name = format!(
                "{}-{}-{}.pdf",
                doc.meta.client,
                doc.lang.code(),
                doc.passport.draft
            );
            std::fs::write(std::path::Path::new(&dir).join(name), &pdf).expect("keep");
        }
        pages
    }

    #[test]
    fn page_one_answers_what_we_launch_and_on_what_terms() {
        for business in briefs::ALL {
            for lang in [Lang::Ru, Lang::En] {
                let doc = document(business, lang, false);
                let pages = pages(&doc);
                insta::assert_snapshot!(
                    format!("passport_{}_{}", business.name(), lang.code()),
                    pages[0]
                );
                let ru = lang == Lang::Ru;
                for label in if ru {
                    [
                        "Услуги и объём работ",
                        "Цель",
                        "Бюджет",
                        "Регионы",
                        "Слабые места",
                        "Аудитория",
                        "Юридические ограничения",
                        "Доступы",
                        "Ответственный у клиента",
                        "Команда клиента",
                        "Отчётность и согласование",
                        "Запуск проекта",
                        "От агентства",
                        "Утверждение",
                    ]
                } else {
                    [
                        "Services and scope",
                        "Goal",
                        "Budget",
                        "Regions",
                        "Weak points",
                        "Audience",
                        "Legal constraints",
                        "Access",
                        "Client's responsible person",
                        "Client's team",
                        "Reporting and approvals",
                        "Kickoff",
                        "Agency",
                        "Approval",
                    ]
                } {
                    assert!(
                        pages[0].contains(label),
                        "{business:?} {lang:?}: no {label}:\n{}",
                        pages[0]
                    );
                }
                let all = pages.join("\n");
                // Questions nobody answered are not printed with «no answer» under them (required
                // ones are open points, optional ones are listed once in the appendix).
                let empty = if ru {
                    "Нет ответа"
                } else {
                    "No answer"
                };
                assert!(!all.lines().any(|l| l.trim() == empty), "{all}");
                assert!(all.contains(if ru {
                    "Вопросы без ответа"
                } else {
                    "Unanswered questions"
                }));
                // Hashes live in the technical appendix, not on page one.
                assert!(!pages[0].contains("9f2c4e7a"), "{}", pages[0]);
                assert!(all.contains("9f2c4e7a"));
                // Not approved: the draft mark on every page.
                for (i, page) in pages.iter().enumerate() {
                    assert!(
                        page.contains("ЧЕРНОВИК / DRAFT"),
                        "page {} has no draft mark",
                        i + 1
                    );
                }
                assert!(!all.contains('\u{200b}'), "a zero-width space in the text");
            }
        }
    }

    #[test]
    fn an_approved_revision_carries_who_approved_it_and_when_and_no_draft_mark() {
        let doc = document(Business::Shop, Lang::Ru, true);
        let pages = pages(&doc);
        assert!(
            pages[0].contains("Утверждён: Мария Лебедева, 24\u{a0}ноября 2026, редакция 1")
                || poppler::squeezed(&pages[0])
                    .contains("Утверждён:МарияЛебедева,24ноября2026,редакция1"),
            "{}",
            pages[0]
        );
        assert!(pages.iter().all(|p| !p.contains("ЧЕРНОВИК")));
    }

    #[test]
    fn a_goal_prints_as_one_sentence_with_metric_target_and_deadline() {
        let doc = document(Business::Manufacturer, Lang::Ru, false);
        let goal = doc
            .passport
            .rows
            .iter()
            .find(|r| r.key == "goal")
            .expect("goal row");
        let text = goal.value.as_deref().expect("a goal");
        assert!(text.contains("Заявки и обращения: с "), "{text}");
        assert!(text.contains(" к "), "{text}");
        // The shop left its target and deadline open: the row says what it has, no «Цель: 150».
        let shop = document(Business::Shop, Lang::Ru, false);
        let row = shop
            .passport
            .rows
            .iter()
            .find(|r| r.key == "start")
            .expect("start row");
        assert_eq!(row.text, "не указано");
    }

    #[test]
    fn only_http_and_mailto_answers_become_links() {
        let mut doc = document(Business::Shop, Lang::En, false);
        let link = doc
            .sections
            .iter_mut()
            .flat_map(|s| s.questions.iter_mut())
            .find(|q| matches!(q.answer, deepbrief_export::kickoff::AnswerView::Link { .. }))
            .expect("a link answer");
        match &link.answer {
            deepbrief_export::kickoff::AnswerView::Link { href, .. } => assert!(href.is_some()),
            _ => unreachable!(),
        }
        let json = serde_json::to_string(&doc).expect("json");
        assert!(json.contains("\"href\":\"https://"), "{json}");
    }
}

/// Five answers at the store's long-text limit (about 1,000,000 characters each) print cut, each
/// with a note of how much was left out (page one may quote one of them again); the PDF stays a
/// few pages per answer longer than without them.
#[test]
fn endless_answers_print_cut_and_the_pdf_stays_short() {
    let loaded = fixture::checklists();
    let refs: Vec<&Checklist> = loaded.iter().map(|l| &l.checklist).collect();
    let mut entries = fixture::complete_entries(Lang::Ru, &refs);
    let base = poppler::pages(&builtin(&fixture::document_with(Lang::Ru, &entries))).len();
    let huge = SENTENCE.repeat(23_000);
    let total = huge.chars().count();
    for id in [
        "company_offer",
        "audience_who",
        "goal_statement",
        "fulfilment_steps",
        "weaknesses",
    ] {
        entries.insert(
            id.into(),
            Entry::new(Answer::Answered(AnswerValue::Text(huge.clone()))),
        );
    }
    let pdf = builtin(&fixture::document_with(Lang::Ru, &entries));
    keep("kickoff-endless.pdf", &pdf);
    let pages = poppler::pages(&pdf);
    assert!(
        pages.len() <= base + 5 * 6,
        "{} pages, {base} without the endless answers",
        pages.len()
    );
    let text = poppler::squeezed(&pages.concat());
    let note = poppler::squeezed(&format!(
        "[Ответ сокращён: напечатано 20 000 из {} {:03} знаков. Полностью — в Deepbrief.]",
        total / 1000,
        total % 1000
    ));
    assert!(text.matches(&note).count() >= 5, "{note}");
}

/// A custom template that prints in a loop is stopped at the page limit, with a message.
#[test]
fn a_template_past_the_page_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("kickoff.typ"),
        "#for i in range(400) [Страница #i #pagebreak()]",
    )
    .unwrap();
    let template = Template::from_dir(dir.path()).unwrap();
    let err = render_pdf(&fixture::document(Lang::Ru), &template).unwrap_err();
    assert!(
        matches!(err, PdfError::TooManyPages { pages, limit: 300 } if pages > 300),
        "{err}"
    );
    assert!(err.to_string().contains("at most 300"), "{err}");
}
