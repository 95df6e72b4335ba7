//! The board, one brief, sharing: who sees what within a team.

use deepbrief_wire as wire;
use serde_json::json;

use crate::support::{Client, Desk, World, pushed_brief};

fn brief_path(id: &str) -> String {
    format!("{}/{id}", wire::BRIEFS)
}

fn share_path(id: &str) -> String {
    format!("{}/{id}{}", wire::BRIEFS, wire::SHARE_SUFFIX)
}

fn board_ids(client: &Client) -> Vec<String> {
    client.board().briefs.into_iter().map(|b| b.id).collect()
}

#[test]
fn an_am_reads_another_ams_brief_only_after_a_share() {
    let world = World::new();
    let mut anna = world.login("anna");
    let boris = world.login("boris");
    let mut desk = Desk::new();
    let (a, bundle) = pushed_brief(&mut anna, &mut desk, "Колесо");

    assert_eq!(board_ids(&anna), vec![a.clone()]);
    assert!(board_ids(&boris).is_empty());
    let (status, body) = boris.get(&brief_path(&a));
    assert_eq!(status, 404, "{body}");
    assert_eq!(body["code"], "not_found");
    let page = boris.pull_all();
    assert!(page.records.is_empty());
    assert_eq!(
        page.cursors.get(&anna.stream),
        Some(&1),
        "passed over, cursor moved"
    );

    // Boris may not share it either (he cannot see it).
    let (status, _) = boris.post(&share_path(&a), &json!({"user": "boris"}));
    assert_eq!(status, 404);

    let (status, body) = anna.post(&share_path(&a), &json!({"user": "boris"}));
    assert_eq!(status, 204, "{body}");
    let (status, _) = anna.post(&share_path(&a), &json!({"user": "boris"}));
    assert_eq!(status, 204, "sharing twice is fine");

    assert_eq!(board_ids(&boris), vec![a.clone()]);
    let (status, body) = boris.get(&brief_path(&a));
    assert_eq!(status, 200, "{body}");
    let got: wire::PulledRecord = serde_json::from_value(body).unwrap();
    assert_eq!(
        (got.brief_id.as_str(), got.seq, got.bundle.as_str()),
        (a.as_str(), 1, bundle.as_str())
    );
    let page = boris.pull_all();
    assert_eq!(page.records.len(), 1);

    // A shared AM is not the owner: they may not share further.
    let (status, _) = boris.post(&share_path(&a), &json!({"user": "lena"}));
    assert_eq!(status, 403);
    // Nobody shares with a user of another team.
    let (status, _) = anna.post(&share_path(&a), &json!({"user": "bella"}));
    assert_eq!(status, 404);
}

#[test]
fn a_lead_sees_every_brief_of_the_team_newest_first() {
    let world = World::new();
    let mut anna = world.login("anna");
    let mut boris = world.login("boris");
    let lena = world.login("lena");
    let adam = world.login("adam");
    let mut desk = Desk::new();
    let (a, _) = pushed_brief(&mut anna, &mut desk, "Колесо");
    let (b, _) = pushed_brief(&mut boris, &mut desk, "Шина");

    let board = lena.board();
    let lines: Vec<(&str, &str)> = board
        .briefs
        .iter()
        .map(|l| (l.id.as_str(), l.owner.as_str()))
        .collect();
    assert_eq!(lines, vec![(b.as_str(), "boris"), (a.as_str(), "anna")]);
    let first = &board.briefs[1];
    assert_eq!(first.client, "Колесо");
    assert_eq!(first.project, "Сайт и SEO");
    assert_eq!(first.account_manager, "Анна Ковалёва");
    assert_eq!(first.status, "draft");
    assert!(
        first.updated_at.ends_with('Z') && first.updated_at.len() == 24,
        "{}",
        first.updated_at
    );
    assert_eq!(adam.board().briefs.len(), 2);

    // A new record moves a brief to the top.
    desk.answer(&a, "новое");
    anna.push_ok(&[(&a, &desk.bundle(&a))]);
    assert_eq!(board_ids(&lena), vec![a.clone(), b.clone()]);

    // A lead reads, writes and shares any of them.
    assert_eq!(lena.get(&brief_path(&b)).0, 200);
    let mut lena_w = lena.clone();
    desk.answer(&b, "правка руководителя");
    lena_w.push_ok(&[(&b, &desk.bundle(&b))]);
    let (status, _) = lena.post(&share_path(&b), &json!({"user": "anna"}));
    assert_eq!(status, 204);
    assert_eq!(board_ids(&anna).len(), 2);
    assert_eq!(lena.get(&brief_path("no-such-brief")).0, 404);
}
