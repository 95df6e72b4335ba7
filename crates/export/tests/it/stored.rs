//! A stored brief's records turned into the kickoff document, the letter and the calendar event.

use deepbrief_app::documents::{
    Signature, calendar_event, kickoff_document, letter_input, meeting,
};
use deepbrief_core::gaps::{IsoDate, analyze, follow_up_items};
use deepbrief_core::{Answer, Checklist, Entry};
use deepbrief_export::{Format, Lang, Template, Templates, render_pdf, to_ics};
use deepbrief_store::{
    BriefData, BriefMeta, BriefStatus, Contact, FollowUpBriefing, OpenedBrief, PinnedChecklist,
};

use crate::fixture;

fn opened(lang: Lang) -> OpenedBrief {
    let loaded = fixture::checklists();
    let checklists: Vec<Checklist> = loaded.iter().map(|l| l.checklist.clone()).collect();
    let refs: Vec<&Checklist> = checklists.iter().collect();
    let mut entries = fixture::entries(lang, &refs);
    let first_required = checklists[0]
        .sections
        .iter()
        .flat_map(|s| s.questions.iter())
        .find(|q| q.required && q.when.is_none())
        .expect("a required question")
        .id
        .clone();
    entries.insert(first_required, Entry::new(Answer::Unknown));
    OpenedBrief {
        data: BriefData {
            meta: BriefMeta {
                id: "b1".into(),
                client: "Колесо <img src=x onerror=alert(1)>".into(),
                project: "Сайт".into(),
                services: vec!["seo".into()],
                account_manager: "Анна Ковалёва".into(),
                contacts: vec![
                    Contact {
                        name: "Олег Смирнов".into(),
                        role: "логистика".into(),
                        phone: String::new(),
                        email: String::new(),
                        responsible: false,
                    },
                    Contact {
                        name: "Ирина Петрова".into(),
                        role: "директор".into(),
                        phone: "+7 900 000-00-00".into(),
                        email: "irina@koleso.example".into(),
                        responsible: true,
                    },
                ],
                language: lang.code().into(),
                status: BriefStatus::Draft,
                archived: false,
                prefilled_from: None,
                created_at: "2026-11-20T10:00:00.000Z".into(),
                updated_at: "2026-11-22T12:30:00.000Z".into(),
                revision: 1,
                industry: String::new(),
            },
            pins: loaded
                .iter()
                .map(|l| PinnedChecklist {
                    checklist: l.checklist.id.clone(),
                    version: l.checklist.version,
                    hash: l.hash.clone(),
                })
                .collect(),
            entries,
            archived: Vec::new(),
            adhoc: Vec::new(),
        },
        checklists,
    }
}

fn briefing(keys: Vec<String>) -> FollowUpBriefing {
    FollowUpBriefing {
        id: "f1".into(),
        brief_id: "b1".into(),
        title: "Добрифинг".into(),
        start: "2026-11-30T11:00".into(),
        duration_minutes: 60,
        timezone: Some("Europe/Moscow".into()),
        location: Some("Zoom".into()),
        attendees: vec![Contact {
            name: "Ирина Петрова".into(),
            role: "директор".into(),
            phone: String::new(),
            email: "irina@koleso.example".into(),
            responsible: true,
        }],
        items: keys,
    }
}

#[test]
fn a_stored_brief_prints_with_its_gaps_and_hashes() {
    let brief = opened(Lang::Ru);
    let refs: Vec<&Checklist> = brief.checklists.iter().collect();
    let report = analyze(
        &refs,
        &brief.data.entries,
        IsoDate::parse("2026-11-23").unwrap(),
    );
    let items = follow_up_items(&report);
    assert!(!items.is_empty());
    let plan = briefing(vec![items[0].key.to_string()]);
    let doc = kickoff_document(&brief, &report, &[plan], &items, &[], None, Lang::Ru);
    let json = serde_json::to_string(&doc).unwrap();
    assert!(
        json.contains(&brief.data.pins[0].hash),
        "the technical appendix lists content hashes"
    );
    assert!(json.contains("2026-11-30") || json.contains("30"), "{json}");
    let pdf = render_pdf(&doc, &Template::builtin()).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    // The same records give the same bytes.
    let again = kickoff_document(
        &brief,
        &report,
        &[briefing(vec![items[0].key.to_string()])],
        &items,
        &[],
        None,
        Lang::Ru,
    );
    assert_eq!(render_pdf(&again, &Template::builtin()).unwrap(), pdf);
}

#[test]
fn the_letter_goes_to_the_responsible_contact_and_lists_the_briefings_items() {
    let brief = opened(Lang::Ru);
    let refs: Vec<&Checklist> = brief.checklists.iter().collect();
    let report = analyze(
        &refs,
        &brief.data.entries,
        IsoDate::parse("2026-11-23").unwrap(),
    );
    let items = follow_up_items(&report);
    let plan = briefing(vec![items[0].key.to_string()]);
    let today = IsoDate::parse("2026-11-23").unwrap();
    let signature = Signature {
        agency: "Агентство",
        contact: " +7 900 000-00-00, anna@agency.example ",
    };
    let input = letter_input(&brief, &items, Some(&plan), &signature, today);
    assert_eq!(input.contact_name, "Ирина Петрова");
    assert_eq!(input.agency, "Агентство");
    assert_eq!(
        input.am_contact.as_deref(),
        Some("+7 900 000-00-00, anna@agency.example")
    );
    assert_eq!(input.items.len(), 1);
    // The answers are asked for by the working day before the briefing (Monday 30 November).
    assert_eq!(input.reply_by.as_deref(), Some("2026-11-27"));
    let all = letter_input(&brief, &items, None, &Signature::default(), today);
    assert_eq!(all.am_contact, None, "no contact line without a contact");
    // One need once: never more items than gaps, and at least one.
    assert!(!all.items.is_empty() && all.items.len() <= items.len());
    assert_eq!(all.reply_by.as_deref(), Some("2026-11-26"));
    let text = Templates::embedded().render(&input, Format::Text).unwrap();
    assert!(text.contains("Ирина"), "{text}");
}

#[test]
fn the_calendar_event_books_the_briefing_in_its_time_zone() {
    let brief = opened(Lang::Ru);
    let refs: Vec<&Checklist> = brief.checklists.iter().collect();
    let report = analyze(
        &refs,
        &brief.data.entries,
        IsoDate::parse("2026-11-23").unwrap(),
    );
    let items = follow_up_items(&report);
    let keys: Vec<String> = items.iter().rev().map(|i| i.key.to_string()).collect();
    let plan = briefing(keys);
    assert_eq!(meeting(&plan).utc_offset_minutes, 180);
    let event = calendar_event(&brief, &plan, &items, "2026-11-23T09:00:00");
    // Agenda in checklist order whatever order the items were picked in.
    let first_agenda = items[0].agenda[0].get("ru").to_owned();
    assert_eq!(event.agenda.first(), Some(&first_agenda));
    let ics = to_ics(&event).unwrap();
    assert!(ics.contains("TZID=Europe/Moscow"), "{ics}");
}

#[test]
fn an_approved_brief_prints_one_approved_state_with_the_approver_and_the_note() {
    use deepbrief_app::documents::stored_kickoff;
    use deepbrief_store::{NewBrief, ReviewRequest, Store};

    let library = deepbrief_folders::load_library(&deepbrief_core::Sources {
        bundled: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists"),
        agency: None,
        team: None,
    });
    let mut store = Store::open_in_memory().unwrap();
    let new = NewBrief {
        client: "Колесо".into(),
        project: "Сайт".into(),
        services: vec!["seo".into()],
        account_manager: "Анна".into(),
        contacts: Vec::new(),
        language: "ru".into(),
        prefill_from: None,
        industry: String::new(),
    };
    let brief = store.create_brief(&new, &library, "Анна").unwrap().id;
    let today = IsoDate::parse("2026-11-23").unwrap();
    // Before approval: the verdict is the gap analysis's, not ready.
    let draft = stored_kickoff(&store, &brief, None, None, today).unwrap();
    assert!(!draft.summary.ready);
    assert_eq!(draft.summary.verdict, "Не готов к запуску");

    store
        .review(&brief, &ReviewRequest::Submit, "Анна", today)
        .unwrap();
    store
        .review(
            &brief,
            &ReviewRequest::Approve {
                override_note: Some("Клиент подписывает договор сегодня".into()),
            },
            "Вера Лидова",
            today,
        )
        .unwrap();
    for revision in [None, Some(1)] {
        let doc = stored_kickoff(&store, &brief, revision, None, today).unwrap();
        let s = &doc.summary;
        assert!(s.ready, "approved prints green");
        assert_eq!(s.verdict, "Утверждён к запуску · редакция 1");
        assert!(
            s.reasons[0].starts_with("Утвердил(а): Вера Лидова, "),
            "{:?}",
            s.reasons
        );
        assert_eq!(
            s.reasons[1],
            "Утверждён с оговоркой: Клиент подписывает договор сегодня"
        );
        assert!(
            !s.reasons.iter().any(|r| r.contains("Не готов")),
            "{:?}",
            s.reasons
        );
        assert_eq!(doc.meta.status.code, "approved");
        // Page one's approval row carries the reservation too.
        let row = doc
            .passport
            .rows
            .iter()
            .find(|r| r.key == "approval")
            .expect("an approval row");
        assert!(
            row.text.starts_with("Утверждён: Вера Лидова, ")
                && row
                    .text
                    .ends_with("редакция 1; с оговоркой: Клиент подписывает договор сегодня"),
            "{}",
            row.text
        );
    }
    // A new revision is a draft again: its print says what the analysis says.
    store
        .review(&brief, &ReviewRequest::Reopen, "Анна", today)
        .unwrap();
    let reopened = stored_kickoff(&store, &brief, None, None, today).unwrap();
    assert_eq!(reopened.summary.verdict, "Не готов к запуску");
    let frozen = stored_kickoff(&store, &brief, Some(1), None, today).unwrap();
    assert_eq!(frozen.summary.verdict, "Утверждён к запуску · редакция 1");
}
