//! Publishing checklist versions and receiving them in a pull.

use deepbrief_wire as wire;
use serde_json::json;

use crate::support::World;

fn bundled(path: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../checklists")
            .join(path),
    )
    .unwrap()
}

#[test]
fn a_lead_publishes_once_and_an_am_receives_it() {
    let world = World::new();
    let lena = world.login("lena");
    let anna = world.login("anna");
    let core = bundled("core/v2.yaml");
    let publish = json!({"checklist": "core", "version": 2, "content": core});

    let (status, body) = anna.post(wire::CHECKLISTS, &publish);
    assert_eq!(status, 403, "an AM may not publish: {body}");

    let (status, body) = lena.post(wire::CHECKLISTS, &publish);
    assert_eq!(status, 201, "{body}");
    let first: wire::PublishResponse = serde_json::from_value(body).unwrap();
    assert!(first.created);
    assert_eq!(first.hash.len(), 64);

    let (status, body) = lena.post(wire::CHECKLISTS, &publish);
    assert_eq!(status, 200, "the same text again: {body}");
    assert_eq!(body["created"], false);

    let changed =
        json!({"checklist": "core", "version": 2, "content": format!("{core}\n# changed\n")});
    let (status, body) = lena.post(wire::CHECKLISTS, &changed);
    assert_eq!(status, 409, "{body}");
    assert_eq!(
        body["message"],
        "version 2 of core is published and never changes; publish it as version 3"
    );

    // The next version, and an add-on checked against its base.
    let v3 = core.replacen("version: 2", "version: 3", 1);
    let (status, body) = lena.post(
        wire::CHECKLISTS,
        &json!({"checklist": "core", "version": 3, "content": v3}),
    );
    assert_eq!(status, 201, "{body}");
    let (status, body) = lena.post(
        wire::CHECKLISTS,
        &json!({"checklist": "seo", "version": 2, "content": bundled("seo/v2.yaml")}),
    );
    assert_eq!(status, 201, "{body}");

    let page = anna.pull_all();
    let got: Vec<(String, u32, String)> = page
        .checklists
        .iter()
        .map(|c| (c.checklist.clone(), c.version, c.published_by.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("core".to_owned(), 2, "lena".to_owned()),
            ("core".to_owned(), 3, "lena".to_owned()),
            ("seo".to_owned(), 2, "lena".to_owned()),
        ]
    );
    assert_eq!(page.checklists[0].content, core);
    let known: Vec<String> = page.checklists[..2]
        .iter()
        .map(|c| c.hash.clone())
        .collect();
    let (status, body) = anna.post(
        wire::PULL,
        &json!({"stream": anna.stream, "cursors": {}, "checklists_known": known}),
    );
    assert_eq!(status, 200);
    let rest: wire::PullResponse = serde_json::from_value(body).unwrap();
    assert_eq!(rest.checklists.len(), 1);
    assert_eq!(rest.checklists[0].checklist, "seo");
}

#[test]
fn a_checklist_that_is_not_what_it_claims_is_400() {
    let world = World::new();
    let adam = world.login("adam");
    let core = bundled("core/v2.yaml");
    for (checklist, version, content, expect) in [
        ("core", 3, core.clone(), "version"),
        ("web", 2, core.clone(), "core"),
        (
            "broken",
            1,
            "id: broken\nversion: 1\nsections: [".to_owned(),
            "does not load",
        ),
        (
            "core",
            9,
            core.replacen("version: 2", "version: 9", 1)
                .replacen("kind: ", "kind: no_such_", 1),
            "does not load",
        ),
    ] {
        let (status, body) = adam.post(
            wire::CHECKLISTS,
            &json!({"checklist": checklist, "version": version, "content": content}),
        );
        assert_eq!(status, 400, "{checklist} v{version}: {body}");
        let message = body["message"].as_str().unwrap();
        assert!(
            message.contains(expect),
            "{checklist} v{version}: {message}"
        );
    }
    // A changed bundled version is refused: a published version never changes.
    let (status, body) = adam.post(
        wire::CHECKLISTS,
        &json!({"checklist": "core", "version": 2, "content": format!("{core}\n# changed\n")}),
    );
    assert_eq!(status, 400, "{body}");
}
