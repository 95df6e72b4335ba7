//! A client link end to end, between a real desktop database and the real server: the AM's desktop
//! makes the link through the application layer (`deepbrief_app::team::links`, what the app and the
//! CLI run — it syncs the brief first), the client answers on the link's API over plain HTTP (saves,
//! a file, «Отправить»), the desktop's sync fetches the answers into review (once, however often it
//! syncs), the AM accepts (the history names the client's contact, the file is downloaded and kept
//! as evidence) and rejects with a comment — and the gaps close. The letter carries the link until
//! it is revoked; a revoked link's page is gone.

use std::path::Path;
use std::sync::Arc;

use deepbrief_app::team::links::{self, NewLink};
use deepbrief_app::team::{self, TeamError};
use deepbrief_app::{DataFolder, Person};
use deepbrief_core::gaps::{GapCode, IsoDate};
use deepbrief_core::review::Role;
use deepbrief_core::{AnswerValue, EvidenceKind, Library};
use deepbrief_store::{ClientAnswerStatus, ClientLinkState, Contact, NewBrief, NewFollowUp, Store};
use serde_json::{Value, json};

use crate::support::{PASSWORD, World};

fn library() -> Arc<Library> {
    static LIBRARY: std::sync::OnceLock<Arc<Library>> = std::sync::OnceLock::new();
    LIBRARY
        .get_or_init(|| {
            let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists");
            Arc::new(deepbrief_core::library::load_files(
                deepbrief_folders::collect_files(
                    &bundled,
                    deepbrief_core::library::Origin::Bundled,
                    true,
                ),
            ))
        })
        .clone()
}

/// The AM's desktop: its own data folder and database, signed in.
struct Desktop {
    _dir: tempfile::TempDir,
    folder: DataFolder,
    store: Store,
    library: Arc<Library>,
}

impl Desktop {
    fn signed_in(url: &str, user: &str) -> Desktop {
        let dir = tempfile::tempdir().unwrap();
        let folder = DataFolder::at(dir.path().to_path_buf(), None);
        let store = Store::open(&folder.database).unwrap();
        team::account::sign_in(&folder, &store, url, user, PASSWORD, "laptop").unwrap();
        Desktop {
            _dir: dir,
            folder,
            store,
            library: library(),
        }
    }

    fn sync(&mut self) -> Result<team::SyncReport, TeamError> {
        let (_, client) = team::account::client(&self.folder)?;
        team::sync(
            &mut self.store,
            &client,
            &self.library,
            &self.folder.team_checklists(),
        )
    }

    /// A new brief with a follow-up planned over every open gap: (brief, follow-up).
    fn brief_with_followup(&mut self) -> (String, String) {
        let brief = self
            .store
            .create_brief(
                &NewBrief {
                    client: "Колесо".into(),
                    project: "Сайт и SEO".into(),
                    services: vec!["seo".into()],
                    account_manager: "anna".into(),
                    contacts: vec![Contact {
                        name: "Ирина Петрова".into(),
                        role: "директор".into(),
                        phone: String::new(),
                        email: "irina@koleso.example".into(),
                        responsible: true,
                    }],
                    language: "ru".into(),
                    prefill_from: None,
                    industry: String::new(),
                },
                &self.library,
                "anna",
            )
            .unwrap()
            .id;
        let items = self
            .store
            .gap_report(&brief, today())
            .unwrap()
            .gaps
            .iter()
            .map(|g| g.key.to_string())
            .collect();
        let followup = self
            .store
            .plan_followup(
                &brief,
                &NewFollowUp {
                    title: "Уточняющая встреча".into(),
                    start: "2099-12-10T11:00".into(),
                    duration_minutes: 60,
                    timezone: Some("Europe/Moscow".into()),
                    location: None,
                    attendees: Vec::new(),
                    items,
                },
                "anna",
            )
            .unwrap()
            .id;
        (brief, followup)
    }

    /// Whether the brief still has a gap about `question`.
    fn open_gap(&self, brief: &str, question: &str, code: GapCode) -> bool {
        self.store
            .gap_report(brief, today())
            .unwrap()
            .gaps
            .iter()
            .any(|g| g.code == code && g.key.question() == Some(question))
    }
}

fn today() -> IsoDate {
    deepbrief_app::clock::today()
}

fn anna() -> Person {
    Person {
        name: "anna".into(),
        role: Role::Am,
    }
}

/// The client's browser: the page's API with the token in the path and the page's CSRF value.
struct Browser {
    base: String,
    token: String,
    csrf: String,
}

impl Browser {
    fn call(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> (u16, Value) {
        let mut request = ureq::http::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base));
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        let request = request.body(body.to_vec()).unwrap();
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut response = agent.run(request).expect("request");
        let status = response.status().as_u16();
        let text = response.body_mut().read_to_string().unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    fn open(base: &str, url: &str) -> (Browser, Value) {
        let token = url.rsplit('/').next().unwrap().to_owned();
        let mut browser = Browser {
            base: base.to_owned(),
            token,
            csrf: String::new(),
        };
        let (status, page) = browser.page();
        assert_eq!(status, 200, "{page}");
        browser.csrf = page["csrf"].as_str().unwrap().to_owned();
        (browser, page)
    }

    fn page(&self) -> (u16, Value) {
        self.call("GET", &format!("/v1/client/{}", self.token), &[], &[])
    }

    fn put(&self, question: &str, answer: Value) {
        let body = serde_json::to_vec(&json!({ "answer": answer })).unwrap();
        let (status, body) = self.call(
            "PUT",
            &format!("/v1/client/{}/answers/{question}", self.token),
            &[
                ("content-type", "application/json"),
                ("x-deepbrief-csrf", &self.csrf),
            ],
            &body,
        );
        assert_eq!(status, 200, "PUT {question}: {body}");
    }

    fn attach(&self, question: &str, name: &str, bytes: &[u8]) -> Value {
        let (status, body) = self.call(
            "POST",
            &format!("/v1/client/{}/files/{question}", self.token),
            &[
                ("content-type", "application/pdf"),
                ("x-file-name", name),
                ("x-deepbrief-csrf", &self.csrf),
            ],
            bytes,
        );
        assert_eq!(status, 201, "upload: {body}");
        body
    }

    fn submit(&self) -> Value {
        let (status, body) = self.call(
            "POST",
            &format!("/v1/client/{}/submit", self.token),
            &[("x-deepbrief-csrf", &self.csrf)],
            &[],
        );
        assert_eq!(status, 200, "submit: {body}");
        body
    }
}

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

fn text(value: &str) -> Value {
    json!({"state": "answered", "value": {"type": "text", "value": value}})
}

#[test]
fn a_link_made_on_the_desktop_is_answered_by_the_client_synced_accepted_and_its_gaps_close() {
    let world = World::new();
    let base = world.server.base.clone();
    let mut desk = Desktop::signed_in(&base, "anna");
    let (brief, followup) = desk.brief_with_followup();

    // The desktop makes the link: the brief goes to the server first (it was never synced).
    let link = links::create(
        &desk.folder,
        &mut desk.store,
        &desk.library,
        &anna(),
        &NewLink {
            followup_id: followup.clone(),
            expires_on: None,
            agency: Some("Агентство «Север»".into()),
        },
        today(),
    )
    .unwrap();
    assert!(link.url.starts_with(&format!("{base}/c/")), "{}", link.url);
    assert_eq!(link.state, ClientLinkState::Live);
    assert_eq!(link.contact, "Ирина Петрова");
    assert_eq!(
        link.expires_on,
        today().add_days(180).unwrap().to_string(),
        "by default until the meeting, which is years away: the most a link works, 180 days"
    );
    assert_eq!(
        desk.store.sync_waiting().unwrap().briefs,
        0,
        "the brief was pushed"
    );
    // The letter now gives it.
    let letter = deepbrief_app::documents::stored_letter(
        &desk.store,
        &brief,
        Some(&followup),
        &Default::default(),
        today(),
    )
    .unwrap();
    assert_eq!(
        letter.link.as_ref().map(|l| l.url.as_str()),
        Some(link.url.as_str())
    );

    // The client opens the page: the agency, in Russian, the follow-up's questions.
    let (browser, page) = Browser::open(&base, &link.url);
    assert_eq!(page["agency"], "Агентство «Север»");
    assert_eq!(page["language"], "ru");
    let items: Vec<(String, String, bool)> = page["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| {
            let attach = g["attach"].as_bool().unwrap();
            g["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |i| {
                    (
                        i["id"].as_str().unwrap().to_owned(),
                        i["kind"].as_str().unwrap().to_owned(),
                        attach,
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let of_kind = |kind: &str| {
        items
            .iter()
            .find(|(_, k, _)| k == kind)
            .map(|(id, _, _)| id.clone())
            .unwrap_or_else(|| panic!("no {kind} question on the page: {items:?}"))
    };
    let words = of_kind("long_text");
    let yes_no = of_kind("yes_no");
    let refused = items
        .iter()
        .find(|(id, k, _)| k == "short_text" && *id != words)
        .map(|(id, _, _)| id.clone())
        .expect("a short-text question");
    let unknown = items
        .iter()
        .find(|(id, k, _)| k == "long_text" && *id != words)
        .map(|(id, _, _)| id.clone())
        .expect("a second long-text question");
    // A question under a group that takes files (a process to describe): in words if it can be.
    let taken = [&words, &yes_no, &refused, &unknown];
    let attachable: Vec<&(String, String, bool)> = items
        .iter()
        .filter(|(id, _, attach)| *attach && !taken.contains(&id))
        .collect();
    let with_file = attachable
        .iter()
        .find(|(_, k, _)| k == "long_text" || k == "short_text")
        .or(attachable.first())
        .map(|(id, kind, _)| (id.clone(), kind.clone()));
    assert!(with_file.is_some(), "a group takes files: {items:?}");
    browser.put(&words, text("Шины и диски, 12 магазинов"));
    browser.put(
        &yes_no,
        json!({"state": "answered", "value": {"type": "bool", "value": true}}),
    );
    browser.put(&refused, text("Колесо"));
    browser.put(&unknown, json!({"state": "unknown"}));
    if let Some((q, kind)) = &with_file {
        if kind == "long_text" || kind == "short_text" {
            browser.put(q, text("Регламент приложен"));
        }
        browser.attach(
            q,
            "%D1%80%D0%B5%D0%B3%D0%BB%D0%B0%D0%BC%D0%B5%D0%BD%D1%82.pdf",
            PDF,
        );
    }
    // Left and came back: the answers are there.
    let (_, again) = browser.page();
    assert!(again.to_string().contains("Шины и диски, 12 магазинов"));
    let submitted = browser.submit();
    let in_words = with_file
        .as_ref()
        .is_some_and(|(_, k)| k == "long_text" || k == "short_text");
    assert_eq!(
        submitted["answered"],
        4 + u32::from(in_words),
        "{submitted}"
    );

    // The desktop's sync fetches them into review, once.
    let report = desk.sync().unwrap();
    let expected = 4 + u32::from(with_file.is_some());
    assert_eq!(report.client_answers, expected, "{report:?}");
    assert!(report.refused.is_empty(), "{report:?}");
    let report = desk.sync().unwrap();
    assert_eq!(report.client_answers, 0, "fetched again: nothing new");
    let waiting = links::answers(&desk.store, &brief, "ru").unwrap();
    assert_eq!(waiting.len() as u32, expected);
    assert!(
        waiting
            .iter()
            .all(|a| a.status == ClientAnswerStatus::Waiting)
    );
    assert_eq!(
        desk.store.list_briefs(&Default::default()).unwrap()[0].client_waiting,
        expected
    );
    // Nothing is in the brief until the AM says so.
    assert!(desk.open_gap(&brief, &words, GapCode::MissingAnswer));
    let id = |q: &str| format!("{}/{q}", waiting[0].id.split('/').next().unwrap());

    // Accepted as sent: the answers go in under the contact's name and their gaps close.
    for q in [&words, &yes_no, &unknown] {
        deepbrief_app::edits::accept_client_answer(
            &desk.folder,
            &mut desk.store,
            &anna(),
            &id(q),
            None,
        )
        .unwrap();
        let history = desk.store.history(&brief, Some(q)).unwrap();
        assert_eq!(history.last().unwrap().who, "Ирина Петрова (клиент)", "{q}");
    }
    assert!(!desk.open_gap(&brief, &words, GapCode::MissingAnswer));
    assert!(!desk.open_gap(&brief, &yes_no, GapCode::MissingAnswer));
    // «не знаю» is the client's answer too: the question moves from missing to unknown.
    assert!(!desk.open_gap(&brief, &unknown, GapCode::MissingAnswer));
    assert!(desk.open_gap(&brief, &unknown, GapCode::Unknown));
    let entries = desk.store.entries(&brief).unwrap();
    assert_eq!(
        entries[&yes_no].answer.value(),
        Some(&AnswerValue::Bool(true))
    );

    // Rejected with a comment: nothing written, the comment is on the question.
    let refused_comment = deepbrief_app::edits::reject_client_answer(
        &mut desk.store,
        &anna(),
        &id(&refused),
        "Нужно юридическое название",
    )
    .unwrap();
    assert_eq!(
        refused_comment.target.question.as_deref(),
        Some(refused.as_str())
    );
    assert!(!entries.contains_key(&refused));

    // A file: downloaded into the data folder and kept as evidence named by the file.
    if let Some((q, _)) = &with_file {
        let answer = links::answers(&desk.store, &brief, "ru")
            .unwrap()
            .into_iter()
            .find(|a| a.question_id == *q)
            .unwrap();
        assert_eq!(answer.files.len(), 1);
        assert_eq!(answer.files[0].name, "регламент.pdf");
        // Only the file came (a question the client could not put in words): the AM says so.
        let edited = answer
            .answer
            .is_none()
            .then(|| deepbrief_core::Entry::new(deepbrief_core::Answer::Unknown));
        deepbrief_app::edits::accept_client_answer(
            &desk.folder,
            &mut desk.store,
            &anna(),
            &answer.id,
            edited,
        )
        .unwrap();
        let path = links::attachment_path(&desk.folder, &brief, &answer.files[0]);
        assert_eq!(std::fs::read(&path).unwrap(), PDF);
        let entry = &desk.store.entries(&brief).unwrap()[q];
        assert!(
            entry
                .evidence
                .iter()
                .any(|e| e.kind == EvidenceKind::File && e.text == "регламент.pdf"),
            "{entry:?}"
        );
    }
    assert_eq!(
        desk.store.list_briefs(&Default::default()).unwrap()[0].client_waiting,
        0
    );
    // What was accepted travels to the team like any answer.
    let report = desk.sync().unwrap();
    assert!(report.pushed >= 1, "{report:?}");

    // Revoked: the page is gone at once, the letter no longer gives the link.
    let revoked = links::revoke(&desk.folder, &desk.store, &link.id, today()).unwrap();
    assert_eq!(revoked.state, ClientLinkState::Revoked);
    let (status, body) = browser.page();
    assert_eq!(status, 410, "{body}");
    assert_eq!(body["code"], "revoked");
    let letter = deepbrief_app::documents::stored_letter(
        &desk.store,
        &brief,
        Some(&followup),
        &Default::default(),
        today(),
    )
    .unwrap();
    assert_eq!(letter.link, None);
    // A revoked link is not asked about again.
    assert_eq!(desk.sync().unwrap().client_answers, 0);
}

#[test]
fn a_resubmission_shows_only_what_changed_and_another_am_cannot_read_the_link() {
    let world = World::new();
    let base = world.server.base.clone();
    let mut desk = Desktop::signed_in(&base, "anna");
    let (brief, followup) = desk.brief_with_followup();
    let link = links::create(
        &desk.folder,
        &mut desk.store,
        &desk.library,
        &anna(),
        &NewLink {
            followup_id: followup,
            expires_on: today().add_days(3),
            agency: Some("Агентство «Север»".into()),
        },
        today(),
    )
    .unwrap();
    let (browser, page) = Browser::open(&base, &link.url);
    let questions: Vec<String> = page["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["items"].as_array().unwrap().iter())
        .filter(|i| i["kind"] == "long_text")
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .take(2)
        .collect();
    browser.put(&questions[0], text("Первый ответ"));
    browser.put(&questions[1], text("Не изменится"));
    browser.submit();
    assert_eq!(desk.sync().unwrap().client_answers, 2);
    browser.put(&questions[0], text("Исправленный ответ"));
    browser.submit();
    assert_eq!(
        desk.sync().unwrap().client_answers,
        1,
        "only the changed answer is new"
    );
    let answers = links::answers(&desk.store, &brief, "ru").unwrap();
    let waiting: Vec<&str> = answers
        .iter()
        .filter(|a| a.status == ClientAnswerStatus::Waiting)
        .map(|a| a.question_id.as_str())
        .collect();
    assert_eq!(waiting.len(), 2, "{answers:?}");
    assert!(
        answers
            .iter()
            .any(|a| a.status == ClientAnswerStatus::Superseded && a.question_id == questions[0])
    );

    // Another AM's desktop knows nothing of the link, and the server tells it nothing.
    let boris = world.login("boris");
    let (status, _) = boris.get(&format!("/v1/links/{}", link.id));
    assert!(status == 404 || status == 403, "{status}");
}
