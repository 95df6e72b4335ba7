//! Creating, listing, editing, archiving and re-briefing.

use deepbrief_core::gaps::IsoDate;
use deepbrief_core::{Answer, Kind};
use deepbrief_store::{BriefFilter, BriefStatus, Contact, Store, StoreError};

use crate::{library, new_brief, question_of, text, tyre_brief};

#[test]
fn services_pick_the_core_and_matching_add_ons() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store);
    let pins: Vec<String> = store
        .pins(&brief.id)
        .unwrap()
        .into_iter()
        .map(|p| p.checklist)
        .collect();
    assert_eq!(pins, ["core", "seo"]);
    let both = store
        .create_brief(&new_brief("Колесо", &["seo", "ppc"]), &library(), "Анна")
        .unwrap();
    let pins: Vec<String> = store
        .pins(&both.id)
        .unwrap()
        .into_iter()
        .map(|p| p.checklist)
        .collect();
    assert_eq!(pins, ["core", "ppc", "seo"]);
    let opened = store.opened(&brief.id).unwrap();
    assert_eq!(opened.checklists.len(), 2);
    assert_eq!(opened.data.meta.status, BriefStatus::Draft);
}

#[test]
fn a_brief_needs_a_client_a_project_and_one_responsible_contact() {
    let mut store = Store::open_in_memory().unwrap();
    let mut blank = new_brief("  ", &[]);
    let err = store.create_brief(&blank, &library(), "Анна").unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Invalid {
                field: "client",
                ..
            }
        ),
        "{err}"
    );
    blank.client = "Колесо".into();
    blank.contacts.push(Contact {
        name: "Олег".into(),
        role: String::new(),
        phone: String::new(),
        email: String::new(),
        responsible: true,
    });
    let err = store.create_brief(&blank, &library(), "Анна").unwrap_err();
    assert!(err.to_string().contains("exactly one"), "{err}");
    assert!(
        store
            .list_briefs(&BriefFilter::default())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn list_filters_and_archive_and_restore() {
    let mut store = Store::open_in_memory().unwrap();
    let a = tyre_brief(&mut store);
    let b = store
        .create_brief(&new_brief("Шиномонтаж", &[]), &library(), "Анна")
        .unwrap();
    let all = store.list_briefs(&BriefFilter::default()).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].meta.id, b.id, "newest change first");
    let only = store
        .list_briefs(&BriefFilter {
            client: Some("Колесо".into()),
            ..BriefFilter::default()
        })
        .unwrap();
    assert_eq!(only.len(), 1);
    store.set_archived(&a.id, true, "Анна").unwrap();
    assert_eq!(store.list_briefs(&BriefFilter::default()).unwrap().len(), 1);
    let archived = store
        .list_briefs(&BriefFilter {
            archived: true,
            ..BriefFilter::default()
        })
        .unwrap();
    assert_eq!(archived[0].meta.id, a.id);
    store.set_archived(&a.id, false, "Анна").unwrap();
    assert_eq!(store.list_briefs(&BriefFilter::default()).unwrap().len(), 2);
    let rows = store
        .rows(
            &BriefFilter::default(),
            IsoDate::parse("2026-11-23").unwrap(),
        )
        .unwrap();
    assert!(rows.iter().all(|r| !r.board.ready && r.board.gaps > 0));
}

#[test]
fn one_line_fields_refuse_line_breaks_nul_and_endless_text() {
    let mut store = Store::open_in_memory().unwrap();
    for (field, bad) in [
        ("client", "Колесо\r\nBcc: all"),
        ("client", "Колесо\0"),
        ("project", &"я".repeat(1_001)),
        ("account_manager", "Анна\nИванова"),
        ("industry", "шины\0"),
    ] {
        let mut new = new_brief("Колесо", &[]);
        match field {
            "client" => new.client = bad.to_owned(),
            "project" => new.project = bad.to_owned(),
            "account_manager" => new.account_manager = bad.to_owned(),
            _ => new.industry = bad.to_owned(),
        }
        let err = store.create_brief(&new, &library(), "Анна").unwrap_err();
        assert!(
            matches!(err, StoreError::Invalid { field: f, .. } if f == field),
            "{field}: {err}"
        );
    }
    assert!(
        store
            .list_briefs(&BriefFilter::default())
            .unwrap()
            .is_empty()
    );

    let brief = tyre_brief(&mut store);
    let err = store
        .update_brief(
            &brief.id,
            "Колесо\nи партнёры",
            "Сайт",
            &brief.contacts,
            "Анна",
        )
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Invalid {
                field: "client",
                ..
            }
        ),
        "{err}"
    );
    let mut contacts = brief.contacts.clone();
    contacts.push(Contact {
        name: "Олег".into(),
        role: String::new(),
        phone: "+7\n900".into(),
        email: String::new(),
        responsible: false,
    });
    if !contacts.iter().any(|c| c.responsible) {
        contacts[0].responsible = true;
    }
    let err = store
        .update_brief(&brief.id, "Колесо", "Сайт", &contacts, "Анна")
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Invalid {
                field: "contacts.phone",
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(store.brief_meta(&brief.id).unwrap().client, brief.client);
}

#[test]
fn rename_is_recorded_in_the_history() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = tyre_brief(&mut store);
    let meta = store
        .update_brief(&brief.id, "Колесо+", "Сайт", &brief.contacts, "Анна")
        .unwrap();
    assert_eq!(meta.client, "Колесо+");
    let fields: Vec<String> = store
        .history(&brief.id, None)
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == "brief")
        .filter_map(|e| e.subject)
        .collect();
    assert_eq!(fields, ["client", "project"]);
}

#[test]
fn a_re_brief_starts_with_the_old_answers_to_confirm() {
    let mut store = Store::open_in_memory().unwrap();
    let old = tyre_brief(&mut store);
    let q = question_of(&store, &old.id, Kind::LongText);
    store
        .set_answer(&old.id, &q, Some(text("Шины и диски")), "Анна")
        .unwrap();
    let extra = store
        .add_adhoc(&old.id, None, "Есть ли склад в Туле?", Kind::YesNo, "Анна")
        .unwrap();
    store
        .set_answer(
            &old.id,
            &extra.id,
            Some(deepbrief_core::Entry::new(Answer::Answered(
                deepbrief_core::AnswerValue::Bool(true),
            ))),
            "Анна",
        )
        .unwrap();
    let mut again = new_brief("колесо", &["seo"]);
    again.prefill_from = Some(old.id.clone());
    let new = store.create_brief(&again, &library(), "Анна").unwrap();
    let data = store.open_brief(&new.id).unwrap();
    assert_eq!(data.meta.prefilled_from.as_deref(), Some(old.id.as_str()));
    assert!(data.entries[&q].to_confirm);
    assert!(data.entries[&extra.id].to_confirm);
    assert_eq!(data.adhoc.len(), 1);

    let mut other = new_brief("Другой клиент", &[]);
    other.prefill_from = Some(old.id.clone());
    let err = store.create_brief(&other, &library(), "Анна").unwrap_err();
    assert!(err.to_string().contains("same client"), "{err}");
}

#[test]
fn briefs_like_this_one_share_the_industry_or_a_service() {
    let mut store = Store::open_in_memory().unwrap();
    let library = crate::library();
    let mut make = |client: &str, services: &[&str], industry: &str| {
        let mut new = crate::new_brief(client, services);
        new.industry = industry.into();
        store.create_brief(&new, &library, "Анна").unwrap().id
    };
    let this = make("Колесо", &["seo"], "Шины и диски");
    let same_industry = make("Шинный двор", &["ppc"], "  шины  и ДИСКИ ");
    let same_service = make("Пекарня", &["seo"], "Хлеб");
    let unrelated = make("Аптека", &["smm"], "Фармацевтика");
    let both = make("Диски24", &["seo"], "шины и диски");
    store.set_archived(&same_service, true, "Анна").unwrap();

    let similar: Vec<String> = store
        .similar_briefs(&this, 10)
        .unwrap()
        .into_iter()
        .map(|b| b.meta.id)
        .collect();
    assert_eq!(similar, [both, same_industry, same_service.clone()]);
    assert!(!similar.contains(&unrelated));
    assert_eq!(store.similar_briefs(&this, 1).unwrap().len(), 1);

    // A re-brief keeps the industry; a bundle carries it.
    let mut again = crate::new_brief("Колесо", &["seo"]);
    again.prefill_from = Some(this.clone());
    let rebrief = store.create_brief(&again, &library, "Анна").unwrap();
    assert_eq!(rebrief.industry, "Шины и диски");
    let bytes = deepbrief_store::bundle::export(&store, &this).unwrap();
    let mut other = Store::open_in_memory().unwrap();
    other
        .import_bundle(
            &bytes,
            std::path::Path::new("b.deepbrief"),
            &crate::library(),
        )
        .unwrap();
    assert_eq!(other.brief_meta(&this).unwrap().industry, "Шины и диски");
}

#[test]
fn the_responsible_contact_from_the_dialog_answers_the_core_contact_question() {
    let mut store = Store::open_in_memory().unwrap();
    let brief = crate::tyre_brief(&mut store).id;
    let data = store.open_brief(&brief).unwrap();
    let entry = &data.entries["client_responsible"];
    let deepbrief_core::Answer::Answered(deepbrief_core::AnswerValue::Contact(fields)) =
        &entry.answer
    else {
        panic!("not a contact: {entry:?}");
    };
    assert_eq!(fields["name"], "Ирина Петрова");
    assert_eq!(fields["role"], "директор");
    assert_eq!(fields["email"], "irina@koleso.example");
    let today = deepbrief_core::gaps::IsoDate::parse("2026-11-23").unwrap();
    let report = store.gap_report(&brief, today).unwrap();
    let keys: Vec<String> = report.gaps.iter().map(|g| g.key.to_string()).collect();
    assert!(
        !keys
            .iter()
            .any(|k| k.contains("no_responsible_person") || k.ends_with(":client_responsible")),
        "{keys:?}"
    );
    // Signed by the person who created the brief, like every other write.
    let history = store.history(&brief, Some("client_responsible")).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].who, "Анна");

    // Without a responsible contact nothing is answered, and the gap stays (core v1: a risk signal;
    // core v2: the required answer).
    let mut new = crate::new_brief("Без ответственного", &["seo"]);
    new.contacts.clear();
    let other = store
        .create_brief(&new, &crate::library(), "Анна")
        .unwrap()
        .id;
    assert!(
        !store
            .open_brief(&other)
            .unwrap()
            .entries
            .contains_key("client_responsible")
    );
    let report = store.gap_report(&other, today).unwrap();
    assert!(
        report
            .gaps
            .iter()
            .any(|g| g.key.to_string().contains("no_responsible_person")
                || g.key.to_string().ends_with(":client_responsible")),
        "{:?}",
        report.gaps.iter().map(|g| &g.key).collect::<Vec<_>>()
    );
}
