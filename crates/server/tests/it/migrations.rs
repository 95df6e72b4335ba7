//! Migrations twice, concurrently; two servers on one database.

use std::process::Command;

use crate::support::{BIN, Db, Desk, Server, World, pushed_brief, stderr, stdout};

#[test]
fn migrating_twice_is_a_no_op() {
    let db = Db::new();
    let out = db.ok(&["migrate"], None);
    assert!(out.contains("schema is current"), "{out}");
}

#[test]
fn two_concurrent_migrations_both_succeed() {
    let db = Db::empty();
    let children: Vec<_> = (0..2)
        .map(|_| {
            Command::new(BIN)
                .args(["migrate", "--database-url", &db.url])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut applied = 0;
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        if stdout(&out).contains("applied migrations") {
            applied += 1;
        }
    }
    assert_eq!(applied, 1, "one applied them, the other found them done");
    db.add_team("A");
}

#[test]
fn two_servers_on_one_database_serve_as_one() {
    let world = World::new();
    let second = Server::start(&world.db);
    let mut anna = world.login("anna");
    let mut boris = second.login("boris", "boris's laptop");
    let mut desk = Desk::new();
    let (a, _) = pushed_brief(&mut anna, &mut desk, "Колесо");
    let (b, _) = pushed_brief(&mut boris, &mut desk, "Шина");

    let lena = world.login("lena");
    for lead in [lena.clone(), lena.via(&second)] {
        let mut ids: Vec<String> = lead.board().briefs.into_iter().map(|l| l.id).collect();
        ids.sort();
        let mut want = vec![a.clone(), b.clone()];
        want.sort();
        assert_eq!(ids, want);
        assert_eq!(lead.pull_all().records.len(), 2);
    }
    // A stream continues through the other process.
    let mut anna2 = anna.via(&second);
    desk.answer(&a, "через второй сервер");
    let done = anna2.push_ok(&[(&a, &desk.bundle(&a))]);
    assert_eq!(done.acked_through, 2);
}
