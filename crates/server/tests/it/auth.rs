//! Tokens, sign-in, rate limit, invites and registration.

use deepbrief_wire as wire;
use serde_json::{Value, json};

use crate::support::{PASSWORD, World};

/// Every authenticated endpoint, with a body that would otherwise be acceptable.
fn endpoints() -> Vec<(&'static str, String, Value)> {
    vec![
        ("GET", wire::ME.to_owned(), Value::Null),
        ("POST", wire::LOGOUT.to_owned(), json!({})),
        (
            "POST",
            wire::PUSH.to_owned(),
            json!({"stream": "s1", "records": []}),
        ),
        (
            "POST",
            wire::PULL.to_owned(),
            json!({"stream": "s1", "cursors": {}}),
        ),
        ("GET", wire::BOARD.to_owned(), Value::Null),
        ("GET", format!("{}/some-brief", wire::BRIEFS), Value::Null),
        (
            "POST",
            format!("{}/some-brief{}", wire::BRIEFS, wire::SHARE_SUFFIX),
            json!({"user": "boris"}),
        ),
        (
            "POST",
            wire::CHECKLISTS.to_owned(),
            json!({"checklist": "x", "version": 1, "content": "id: x"}),
        ),
        ("POST", wire::INVITES.to_owned(), json!({"role": "am"})),
    ]
}

fn assert_refused(world: &World, token: Option<&str>, what: &str) {
    for (method, path, body) in endpoints() {
        let (status, answer) = if method == "GET" {
            world.server.get(&path, token)
        } else {
            world.server.post(&path, token, &body)
        };
        assert_eq!(status, 401, "{what}: {method} {path}: {answer}");
        assert_eq!(answer["code"], "unauthorized", "{method} {path}");
        assert!(
            answer["message"].as_str().unwrap().contains("sign in"),
            "{method} {path}: {answer}"
        );
    }
}

#[test]
fn every_endpoint_refuses_a_missing_unknown_or_revoked_token() {
    let world = World::new();
    assert_refused(&world, None, "no token");
    assert_refused(
        &world,
        Some("dbt_0000000000000000000000000000000000000000000000000000000000000000"),
        "unknown token",
    );
    assert_refused(&world, Some("not-a-token"), "malformed token");

    // Signed out with /v1/logout.
    let anna = world.login("anna");
    assert_eq!(anna.get(wire::ME).0, 200);
    let (status, _) = anna.post(wire::LOGOUT, &json!({}));
    assert_eq!(status, 204);
    assert_refused(&world, Some(&anna.token), "signed out");

    // Revoked on the command line: that device only.
    let laptop = world.server.login("boris", "laptop");
    let phone = world.server.login("boris", "phone");
    let out = world.db.ok(
        &["user", "revoke", "--name", "boris", "--device", "laptop"],
        None,
    );
    assert!(out.contains("revoked 1"), "{out}");
    assert_refused(&world, Some(&laptop.token), "revoked device");
    assert_eq!(phone.get(wire::ME).0, 200);

    // A disabled user's tokens stop working.
    world
        .db
        .sql("UPDATE app_user SET disabled_at = now() WHERE name = 'boris'");
    assert_refused(&world, Some(&phone.token), "disabled user");
}

#[test]
fn login_answers_me_and_the_same_refusal_for_unknown_user_and_wrong_password() {
    let world = World::new();
    let (status, body) = world.server.post(
        wire::LOGIN,
        None,
        &json!({"user": "lena", "password": PASSWORD, "device": "desk"}),
    );
    assert_eq!(status, 200, "{body}");
    let login: wire::LoginResponse = serde_json::from_value(body).unwrap();
    assert!(login.token.starts_with("dbt_") && login.token.len() == 4 + 64);
    assert_eq!(
        login.me,
        wire::Me {
            user: "lena".into(),
            role: wire::Role::Lead,
            team: "A".into(),
            device: "desk".into()
        }
    );
    let (status, me) = crate::support::get(&world.server.url(wire::ME), Some(&login.token));
    assert_eq!(status, 200);
    assert_eq!(me["user"], "lena");

    let wrong = world.server.post(
        wire::LOGIN,
        None,
        &json!({"user": "lena", "password": "not the password", "device": "d"}),
    );
    let unknown = world.server.post(
        wire::LOGIN,
        None,
        &json!({"user": "nobody", "password": PASSWORD, "device": "d"}),
    );
    assert_eq!(wrong.0, 401);
    assert_eq!(wrong, unknown);
}

#[test]
fn ten_failed_logins_for_one_name_answer_429() {
    let world = World::new();
    for _ in 0..10 {
        let (status, _) = world.server.post(
            wire::LOGIN,
            None,
            &json!({"user": "anna", "password": "wrong password", "device": "d"}),
        );
        assert_eq!(status, 401);
    }
    // Even the right password is refused now, for this name only.
    let (status, body) = world.server.post(
        wire::LOGIN,
        None,
        &json!({"user": "anna", "password": PASSWORD, "device": "d"}),
    );
    assert_eq!(status, 429, "{body}");
    assert_eq!(body["code"], "too_many_requests");
    world.login("boris");
    // Once the failures are older than 15 minutes, signing in works again.
    world
        .db
        .sql("UPDATE login_failure SET at = now() - interval '16 minutes'");
    world.login("anna");
}

#[test]
fn invite_register_then_login() {
    let world = World::new();
    let lena = world.login("lena");
    let anna = world.login("anna");
    let adam = world.login("adam");

    let (status, body) = anna.post(wire::INVITES, &json!({"role": "am"}));
    assert_eq!(status, 403, "an AM may not invite: {body}");
    let (status, _) = lena.post(wire::INVITES, &json!({"role": "lead"}));
    assert_eq!(status, 403, "only an admin invites a lead");
    let (status, body) = adam.post(wire::INVITES, &json!({"role": "lead"}));
    assert_eq!(status, 200, "{body}");

    let (status, body) = lena.post(wire::INVITES, &json!({"role": "am"}));
    assert_eq!(status, 200, "{body}");
    let code = body["invite"].as_str().unwrap().to_owned();

    let (status, body) = world.server.post(
        wire::REGISTER,
        None,
        &json!({"invite": code, "user": "vera", "password": "short", "device": "d"}),
    );
    assert_eq!(status, 400, "short password: {body}");
    assert!(body["message"].as_str().unwrap().contains("10"));

    let (status, body) = world.server.post(
        wire::REGISTER,
        None,
        &json!({"invite": code, "user": "anna", "password": PASSWORD, "device": "d"}),
    );
    assert_eq!(status, 409, "a taken name: {body}");

    let (status, body) = world.server.post(
        wire::REGISTER,
        None,
        &json!({"invite": code, "user": "vera", "password": PASSWORD, "device": "vera's laptop"}),
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["me"]["team"], "A");
    assert_eq!(body["me"]["role"], "am");
    let token = body["token"].as_str().unwrap().to_owned();
    assert_eq!(
        crate::support::get(&world.server.url(wire::ME), Some(&token)).0,
        200
    );

    // The code is used up.
    let (status, _) = world.server.post(
        wire::REGISTER,
        None,
        &json!({"invite": code, "user": "vlad", "password": PASSWORD, "device": "d"}),
    );
    assert_eq!(status, 400);

    // An expired code is refused.
    let (_, body) = lena.post(wire::INVITES, &json!({"role": "am"}));
    let old = body["invite"].as_str().unwrap().to_owned();
    world
        .db
        .sql("UPDATE invite SET expires_at = now() - interval '1 second' WHERE used_at IS NULL");
    let (status, _) = world.server.post(
        wire::REGISTER,
        None,
        &json!({"invite": old, "user": "vlad", "password": PASSWORD, "device": "d"}),
    );
    assert_eq!(status, 400);

    world.server.login("vera", "desk");
}
