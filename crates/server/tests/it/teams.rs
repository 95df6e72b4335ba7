//! Nothing of one team is visible to another, at any endpoint.

use deepbrief_wire as wire;
use serde_json::json;

use crate::support::{Desk, World, pushed_brief};

#[test]
fn nothing_of_team_b_is_visible_to_team_a() {
    let world = World::new();
    let mut bella = world.login("bella");
    let lena = world.login("lena");
    let mut adam = world.login("adam");
    let mut desk = Desk::new();
    let (b, _) = pushed_brief(&mut bella, &mut desk, "Чужой клиент");
    let yaml = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists/core/v2.yaml"),
    )
    .unwrap();

    for a in [&lena, &adam] {
        assert!(a.board().briefs.is_empty());
        assert_eq!(a.get(&format!("{}/{b}", wire::BRIEFS)).0, 404);
        let (status, _) = a.post(
            &format!("{}/{b}{}", wire::BRIEFS, wire::SHARE_SUFFIX),
            &json!({"user": "anna"}),
        );
        assert_eq!(status, 404);
        let page = a.pull_all();
        assert!(page.records.is_empty());
        assert!(page.cursors.is_empty(), "B's streams are not even named");
        assert!(page.checklists.is_empty());
    }
    // A's admin may not write B's brief.
    desk.answer(&b, "попытка");
    let (status, body) = adam.push(&[(&b, &desk.bundle(&b))]);
    assert_eq!(status, 403, "{body}");

    // B's lead-less team publishes nothing to A; A's publication does not reach B.
    let (status, body) = lena.post(
        wire::CHECKLISTS,
        &json!({"checklist": "core", "version": 2, "content": yaml}),
    );
    assert_eq!(status, 201, "{body}");
    assert!(bella.pull_all().checklists.is_empty());
    assert!(bella.pull_all().records.is_empty());
    // Bella cannot push into A's stream either.
    bella.stream = adam.stream.clone();
    let (status, _) = bella.push(&[]);
    assert_eq!(
        status, 200,
        "adam's stream does not exist yet: bella makes it hers"
    );
    adam.next_seq = 1;
    let mut d2 = Desk::new();
    let own = d2.brief("Свой");
    let (status, body) = adam.push(&[(&own, &d2.bundle(&own))]);
    assert_eq!(status, 409, "{body}");
}
