//! Client links over HTTP: the AM makes, reads and revokes a link; the client reads the page,
//! saves answers, attaches files and submits. Every endpoint against a wrong, expired or revoked
//! token, another brief's question, oversized, malformed and hostile input.

use deepbrief_core::Kind;
use serde_json::{Value, json};

use crate::support::{Client, Desk, World, agent, answer};

/// A brief pushed by anna with a follow-up planned, and a link made to its open questions.
struct Linked {
    world: World,
    anna: Client,
    brief: String,
    followup: String,
    questions: Vec<(String, Kind)>,
    link: String,
    token: String,
}

fn create_body(brief: &str, followup: &str, questions: &[(String, Kind)], attach: bool) -> Value {
    json!({
        "brief_id": brief,
        "followup_id": followup,
        "language": "ru",
        "agency": "Агентство «Север»",
        "contact": "Ирина Петрова",
        "expires_on": "2099-01-01",
        "groups": [{
            "heading": "Цели",
            "topic": "Расскажите о целях",
            "why": "Без этого мы не поставим задачу",
            "questions": questions.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>(),
            "attach": attach,
        }],
    })
}

/// Today + `days` as the server's date (`YYYY-MM-DD`), from PostgreSQL's clock.
fn days_ahead(world: &World, days: i64) -> String {
    world.db.sql_text(&format!(
        "SELECT ((now() AT TIME ZONE 'UTC')::date + {days})::text"
    ))
}

fn linked() -> Linked {
    let world = World::new();
    let mut anna = world.login("anna");
    let mut desk = Desk::new();
    let brief = desk.brief("Ромашка");
    let (followup, questions) = desk.followup(&brief);
    let bundle = desk.bundle(&brief);
    anna.push_ok(&[(&brief, &bundle)]);
    assert!(questions.len() >= 3, "the follow-up asks several questions");
    let mut body = create_body(&brief, &followup, &questions, true);
    body["expires_on"] = json!(days_ahead(&world, 30));
    let (status, created) = anna.post("/v1/links", &body);
    assert_eq!(status, 201, "{created}");
    let token = created["token"].as_str().unwrap().to_owned();
    assert_eq!(token.len(), 48, "192 bits in hex");
    Linked {
        link: created["id"].as_str().unwrap().to_owned(),
        world,
        anna,
        brief,
        followup,
        questions,
        token,
    }
}

/// A change that spoils a link request in one field.
type Spoil = dyn Fn(&mut Value);

fn call(
    l: &Linked,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&[u8]>,
) -> (u16, Value) {
    let url = l.world.server.url(path);
    let mut request = ureq::http::Request::builder().method(method).uri(&url);
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let request = request.body(body.unwrap_or_default().to_vec()).unwrap();
    answer(agent().run(request).expect("request"))
}

/// Sends only the head of a `method` request with a `content-length` of `length` bytes and
/// returns the status the server answers with before reading any of the body.
fn announced_length_status(l: &Linked, method: &str, path: &str, csrf: &str, length: usize) -> u16 {
    use std::io::{Read, Write};
    let base = l.world.server.url("");
    let host = base.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = std::net::TcpStream::connect(host).expect("connect");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .expect("timeout");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nhost: {host}\r\ncontent-type: application/json\r\n\
         x-deepbrief-csrf: {csrf}\r\ncontent-length: {length}\r\nconnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).expect("write");
    let mut reply = [0u8; 64];
    let read = stream.read(&mut reply).expect("read");
    let line = String::from_utf8_lossy(&reply[..read]);
    line.split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status line: {line:?}"))
}

fn open(l: &Linked, token: &str) -> (u16, Value) {
    call(l, "GET", &format!("/v1/client/{token}"), &[], None)
}

fn csrf(l: &Linked) -> String {
    let (status, body) = open(l, &l.token);
    assert_eq!(status, 200, "{body}");
    body["csrf"].as_str().unwrap().to_owned()
}

fn put_answer(l: &Linked, token: &str, csrf: &str, question: &str, answer: &Value) -> (u16, Value) {
    let body = serde_json::to_vec(&json!({ "answer": answer })).unwrap();
    call(
        l,
        "PUT",
        &format!("/v1/client/{token}/answers/{question}"),
        &[
            ("content-type", "application/json"),
            ("x-deepbrief-csrf", csrf),
        ],
        Some(&body),
    )
}

fn question_of(l: &Linked, kinds: &[Kind]) -> String {
    l.questions
        .iter()
        .find(|(_, k)| kinds.contains(k))
        .map(|(id, _)| id.clone())
        .expect("a question of that kind in the follow-up")
}

fn text(value: &str) -> Value {
    json!({"state": "answered", "value": {"type": "text", "value": value}})
}

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

#[test]
fn the_page_shows_the_questions_asked_and_nothing_else_of_the_brief() {
    let l = linked();
    let (status, body) = open(&l, &l.token);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["agency"], "Агентство «Север»");
    assert_eq!(body["language"], "ru");
    let items: Vec<&str> = body["groups"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    let asked: Vec<&str> = l.questions.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(items, asked);
    let all = body.to_string();
    for secret in [
        "Ромашка",
        "Анна",
        "hint",
        "Сайт и SEO",
        &l.brief,
        &l.followup,
    ] {
        assert!(!all.contains(secret), "the page leaks {secret:?}: {all}");
    }
    // The shell is the same for any token and carries the CSP; its assets are served.
    let shell = agent()
        .get(l.world.server.url(&format!("/c/{}", l.token)))
        .call()
        .unwrap();
    let csp = shell.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(shell.headers()["referrer-policy"], "no-referrer");
    for asset in ["client.js", "client.css"] {
        let (status, _) = call(&l, "GET", &format!("/c/assets/{asset}"), &[], None);
        assert_eq!(status, 200, "{asset}");
    }
}

/// `GET path` over a bare connection with `accept-encoding: {encoding}` (empty: none): the status,
/// the head in lower case and the body as it came, undecoded.
fn raw_get(l: &Linked, path: &str, encoding: &str) -> (u16, String, Vec<u8>) {
    use std::io::{Read, Write};
    let base = l.world.server.url("");
    let host = base.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = std::net::TcpStream::connect(host).expect("connect");
    let accept = if encoding.is_empty() {
        String::new()
    } else {
        format!("accept-encoding: {encoding}\r\n")
    };
    let head = format!("GET {path} HTTP/1.1\r\nhost: {host}\r\n{accept}connection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).expect("write");
    let mut reply = Vec::new();
    stream.read_to_end(&mut reply).expect("read");
    let split = reply
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a head");
    let head = String::from_utf8_lossy(&reply[..split]).to_lowercase();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let mut body = reply[split + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    (status, head, body)
}

/// The body of a chunked response, joined.
fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = raw
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("a chunk size");
        let size = usize::from_str_radix(std::str::from_utf8(&raw[..line_end]).unwrap().trim(), 16)
            .expect("a hex chunk size");
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&raw[line_end + 2..line_end + 2 + size]);
        raw = &raw[line_end + 2 + size + 2..];
    }
}

#[test]
fn the_page_its_assets_and_its_data_go_gzipped_to_a_browser_that_takes_it() {
    use std::io::Read;
    let l = linked();
    for path in [
        format!("/c/{}", l.token),
        "/c/assets/client.js".to_owned(),
        "/c/assets/client.css".to_owned(),
        format!("/v1/client/{}", l.token),
    ] {
        let (status, plain_head, plain) = raw_get(&l, &path, "");
        assert_eq!(status, 200, "{path}");
        assert!(
            !plain_head.contains("content-encoding"),
            "{path}: {plain_head}"
        );
        let (status, head, packed) = raw_get(&l, &path, "gzip, deflate, br");
        assert_eq!(status, 200, "{path}");
        assert!(head.contains("content-encoding: gzip"), "{path}: {head}");
        assert!(head.contains("vary: accept-encoding"), "{path}: {head}");
        let mut unpacked = Vec::new();
        flate2::read::GzDecoder::new(packed.as_slice())
            .read_to_end(&mut unpacked)
            .expect("gzip");
        if path.starts_with("/v1/") {
            // The data: the same page (the CSRF value is the link's, so equal too).
            let a: Value = serde_json::from_slice(&plain).unwrap();
            let b: Value = serde_json::from_slice(&unpacked).unwrap();
            assert_eq!(a, b, "{path}");
        } else {
            assert_eq!(unpacked, plain, "{path}");
        }
        if path.ends_with(".js") {
            assert!(
                packed.len() * 2 < plain.len(),
                "{path}: {} → {} bytes",
                plain.len(),
                packed.len()
            );
        }
        // Still the page's own headers.
        if !path.starts_with("/v1/") {
            assert!(head.contains("content-security-policy"), "{path}: {head}");
        }
    }
}

#[test]
fn an_answer_saves_checked_by_the_kind_rules_and_comes_back_after_reload() {
    let l = linked();
    let csrf = csrf(&l);
    let long = question_of(&l, &[Kind::LongText, Kind::ShortText]);
    let (status, body) = put_answer(
        &l,
        &l.token,
        &csrf,
        &long,
        &text("Рост заявок на 30 % к лету"),
    );
    assert_eq!(status, 200, "{body}");
    let (_, page) = open(&l, &l.token);
    let item = page["groups"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == long.as_str())
        .unwrap()
        .clone();
    assert_eq!(item["answer"], text("Рост заявок на 30 % к лету"));
    assert_eq!(page["changed"], true);
    // A value of the wrong kind for the question is refused, naming the answer.
    let (status, body) = put_answer(
        &l,
        &l.token,
        &csrf,
        &long,
        &json!({"state": "answered", "value": {"type": "number", "value": 3}}),
    );
    assert_eq!(status, 400, "{body}");
    assert!(
        body["message"].as_str().unwrap().starts_with("answer:"),
        "{body}"
    );
    // «не знаю» and «пришлю позже до…» are answers too; «не относится» is not the client's.
    let (status, _) = put_answer(&l, &l.token, &csrf, &long, &json!({"state": "unknown"}));
    assert_eq!(status, 200);
    let (status, _) = put_answer(
        &l,
        &l.token,
        &csrf,
        &long,
        &json!({"state": "later", "value": {"due": "2099-02-01"}}),
    );
    assert_eq!(status, 200);
    let (status, _) = put_answer(
        &l,
        &l.token,
        &csrf,
        &long,
        &json!({"state": "not_applicable", "value": {"reason": "x"}}),
    );
    assert_eq!(status, 400);
    // null clears it.
    let (status, _) = put_answer(&l, &l.token, &csrf, &long, &Value::Null);
    assert_eq!(status, 200);
    let (_, page) = open(&l, &l.token);
    assert!(page.to_string().find("2099-02-01").is_none());
}

#[test]
fn malformed_oversized_and_hostile_input_is_refused_or_kept_inert() {
    let l = linked();
    let csrf = csrf(&l);
    let long = question_of(&l, &[Kind::LongText]);
    let url = format!("/v1/client/{}/answers/{long}", l.token);
    let headers = [
        ("content-type", "application/json"),
        ("x-deepbrief-csrf", csrf.as_str()),
    ];
    for body in [
        &b"{not json"[..],
        b"[]",
        b"{\"answer\": {\"state\": \"shouting\"}}",
    ] {
        let (status, answer) = call(&l, "PUT", &url, &headers, Some(body));
        assert_eq!(status, 400, "{answer}");
    }
    // Larger than any answer the client may write: refused before it is read.
    // The body is announced and never sent: the server answers from the length alone
    // (a client that sends it anyway meets a closed connection mid-write).
    assert_eq!(
        announced_length_status(&l, "PUT", &url, &csrf, 300_000),
        413
    );
    // Within the body limit but beyond what the question takes (its `max_length`, and at most
    // 5,000 characters for any one-line answer): refused by the desktop's rule, named.
    let line = question_of(&l, &[Kind::ShortText]);
    let (status, body) = put_answer(&l, &l.token, &csrf, &line, &text(&"а".repeat(6_000)));
    assert_eq!(status, 400, "{body}");
    assert!(
        body["message"].as_str().unwrap().contains("longer than"),
        "{body}"
    );
    // Hostile text is stored as text and comes back as the same JSON string, never markup.
    let hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    let (status, _) = put_answer(&l, &l.token, &csrf, &long, &text(hostile));
    assert_eq!(status, 200);
    let (_, page) = open(&l, &l.token);
    assert!(
        page.to_string()
            .contains(&serde_json::to_string(hostile).unwrap())
    );
    // An answer to a question this link does not ask (another brief's, or the brief's own
    // unasked one) is 404, and nothing is stored.
    let (status, _) = put_answer(&l, &l.token, &csrf, "not_asked_here", &text("x"));
    assert_eq!(status, 404);
    l.world.db.sql_expect_count(
        "SELECT count(*) FROM client_answer WHERE question_id = 'not_asked_here'",
        0,
    );
}

#[test]
fn writes_need_the_pages_csrf_value_and_no_other_sites_origin() {
    let l = linked();
    let csrf = csrf(&l);
    let q = question_of(&l, &[Kind::LongText, Kind::ShortText]);
    let (status, _) = put_answer(&l, &l.token, "", &q, &text("x"));
    assert_eq!(status, 403);
    let (status, _) = put_answer(&l, &l.token, "0000", &q, &text("x"));
    assert_eq!(status, 403);
    let body = serde_json::to_vec(&json!({"answer": text("x")})).unwrap();
    let (status, _) = call(
        &l,
        "PUT",
        &format!("/v1/client/{}/answers/{q}", l.token),
        &[
            ("content-type", "application/json"),
            ("x-deepbrief-csrf", &csrf),
            ("origin", "https://evil.example"),
        ],
        Some(&body),
    );
    assert_eq!(status, 403);
    let (status, _) = call(
        &l,
        "POST",
        &format!("/v1/client/{}/submit", l.token),
        &[("x-deepbrief-csrf", "wrong")],
        None,
    );
    assert_eq!(status, 403);
}

#[test]
fn a_wrong_expired_or_revoked_token_opens_nothing() {
    let l = linked();
    let csrf = csrf(&l);
    let q = question_of(&l, &[Kind::LongText, Kind::ShortText]);
    // Wrong: unknown, and malformed.
    for token in [
        "0".repeat(48),
        "../../etc/passwd".to_owned(),
        "short".to_owned(),
    ] {
        let (status, body) = open(&l, &token.replace('/', "%2F"));
        assert_eq!(status, 404, "{token}: {body}");
        assert_eq!(body["code"], "not_found");
    }
    // Expired: the day after the last day.
    l.world.db.sql(&format!(
        "UPDATE client_link SET expires_on = (now() AT TIME ZONE 'UTC')::date - 1 WHERE id = '{}'",
        l.link
    ));
    let (status, body) = open(&l, &l.token);
    assert_eq!(
        (status, body["code"].as_str()),
        (410, Some("expired")),
        "{body}"
    );
    let (status, _) = put_answer(&l, &l.token, &csrf, &q, &text("x"));
    assert_eq!(status, 410);
    l.world.db.sql(&format!(
        "UPDATE client_link SET expires_on = (now() AT TIME ZONE 'UTC')::date WHERE id = '{}'",
        l.link
    ));
    let (status, _) = open(&l, &l.token);
    assert_eq!(status, 200, "the last day still works");
    // Revoked by the AM: every client endpoint says so.
    let (status, _) = l
        .anna
        .post(&format!("/v1/links/{}/revoke", l.link), &json!({}));
    assert_eq!(status, 204);
    let (status, body) = open(&l, &l.token);
    assert_eq!((status, body["code"].as_str()), (410, Some("revoked")));
    let (status, _) = put_answer(&l, &l.token, &csrf, &q, &text("x"));
    assert_eq!(status, 410);
    let (status, _) = call(
        &l,
        "POST",
        &format!("/v1/client/{}/files/{q}", l.token),
        &[("x-deepbrief-csrf", &csrf), ("x-file-name", "a.pdf")],
        Some(PDF),
    );
    assert_eq!(status, 410);
    let (status, _) = call(
        &l,
        "POST",
        &format!("/v1/client/{}/submit", l.token),
        &[("x-deepbrief-csrf", &csrf)],
        None,
    );
    assert_eq!(status, 410);
    let (_, status_body) = l.anna.get(&format!("/v1/links/{}", l.link));
    assert!(status_body["revoked_at"].is_string(), "{status_body}");
}

#[test]
fn guessing_tokens_is_slowed_per_address() {
    let l = linked();
    let mut statuses = Vec::new();
    for i in 0..15 {
        statuses.push(open(&l, &format!("{i:048x}")).0);
    }
    assert!(statuses[..10].iter().all(|s| *s == 404), "{statuses:?}");
    assert!(statuses[10..].iter().all(|s| *s == 429), "{statuses:?}");
}

#[test]
fn files_are_sniffed_limited_and_only_where_a_document_is_asked() {
    let l = linked();
    let csrf = csrf(&l);
    let q = question_of(&l, &[Kind::LongText, Kind::ShortText]);
    let url = format!("/v1/client/{}/files/{q}", l.token);
    let upload = |name: &str, bytes: &[u8]| {
        call(
            &l,
            "POST",
            &url,
            &[
                ("x-deepbrief-csrf", &csrf),
                ("x-file-name", name),
                ("content-type", "application/pdf"),
            ],
            Some(bytes),
        )
    };
    let (status, file) = upload("%D0%9F%D1%80%D0%B0%D0%B9%D1%81.pdf", PDF);
    assert_eq!(status, 201, "{file}");
    assert_eq!(file["name"], "Прайс.pdf");
    assert_eq!(file["content_type"], "application/pdf");
    // The browser's content type is not believed: an executable called .pdf is refused.
    let (status, body) = upload(
        "report.pdf",
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00",
    );
    assert_eq!(
        (status, body["code"].as_str()),
        (415, Some("unsupported_type")),
        "{body}"
    );
    // A path in the name is cut to its last part.
    let (status, file2) = upload("..%2F..%2Fetc%2Fpasswd.txt", b"plain words");
    assert_eq!(status, 201);
    assert_eq!(file2["name"], "passwd.txt");
    // Too large.
    let too_big = deepbrief_wire::client::MAX_FILE_BYTES + 10;
    assert_eq!(
        announced_length_status(&l, "POST", &url, &csrf, too_big),
        413
    );
    // Removed files are gone from the page; the AM fetches a kept one's bytes.
    let (status, _) = call(
        &l,
        "DELETE",
        &format!(
            "/v1/client/{}/files/{}",
            l.token,
            file2["id"].as_str().unwrap()
        ),
        &[("x-deepbrief-csrf", &csrf)],
        None,
    );
    assert_eq!(status, 204);
    let (_, page) = open(&l, &l.token);
    let files = page["groups"][0]["files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    let got = agent()
        .get(l.world.server.url(&format!(
            "/v1/links/{}/files/{}",
            l.link,
            file["id"].as_str().unwrap()
        )))
        .header("Authorization", &format!("Bearer {}", l.anna.token))
        .call()
        .unwrap()
        .body_mut()
        .read_to_vec()
        .unwrap();
    assert_eq!(got, PDF);
    // A group that asks for no document takes no file.
    let mut body = create_body(&l.brief, &l.followup, &l.questions, false);
    body["expires_on"] = json!(days_ahead(&l.world, 3));
    let (_, created) = l.anna.post("/v1/links", &body);
    let token = created["token"].as_str().unwrap();
    let (_, other) = open(&l, token);
    let (status, body) = call(
        &l,
        "POST",
        &format!("/v1/client/{token}/files/{q}"),
        &[
            ("x-deepbrief-csrf", other["csrf"].as_str().unwrap()),
            ("x-file-name", "a.pdf"),
        ],
        Some(PDF),
    );
    assert_eq!(status, 400, "{body}");
}

#[test]
fn a_submission_snapshots_the_answers_and_the_am_reads_it_the_client_never_sees_the_audit() {
    let l = linked();
    let csrf = csrf(&l);
    let submit = |l: &Linked| {
        call(
            l,
            "POST",
            &format!("/v1/client/{}/submit", l.token),
            &[("x-deepbrief-csrf", &csrf)],
            None,
        )
    };
    let (status, body) = submit(&l);
    assert_eq!(status, 400, "nothing answered yet: {body}");
    let q = question_of(&l, &[Kind::LongText, Kind::ShortText]);
    put_answer(&l, &l.token, &csrf, &q, &text("Интернет-магазин шин"));
    let (status, body) = submit(&l);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["answered"], 1);
    let (_, page_after) = open(&l, &l.token);
    assert_eq!(page_after["changed"], false);
    assert!(page_after["submitted_at"].is_string());
    put_answer(
        &l,
        &l.token,
        &csrf,
        &q,
        &text("Интернет-магазин шин и дисков"),
    );
    let (_, page_changed) = open(&l, &l.token);
    assert_eq!(page_changed["changed"], true);
    submit(&l);
    let (status, link) = l.anna.get(&format!("/v1/links/{}", l.link));
    assert_eq!(status, 200, "{link}");
    let subs = link["submissions"].as_array().unwrap();
    assert_eq!(subs.len(), 2);
    assert_eq!(
        subs[1]["answers"][0]["answer"],
        text("Интернет-магазин шин и дисков")
    );
    assert_eq!(link["contact"], "Ирина Петрова");
    assert!(link["opened_at"].is_string());
    // Every client action is in the audit log, with the address.
    l.world.db.sql_expect_count(
        &format!(
            "SELECT count(*) FROM client_audit WHERE link_id = '{}' AND action IN ('answer', 'submit')
             AND address = '127.0.0.1'",
            l.link
        ),
        4,
    );
}

#[test]
fn another_ams_or_teams_link_is_not_theirs() {
    let l = linked();
    for user in ["boris", "bella"] {
        let other = l.world.login(user);
        let (status, _) = other.get(&format!("/v1/links/{}", l.link));
        assert_eq!(status, 404, "{user} reads the link");
        let (status, _) = other.post(&format!("/v1/links/{}/revoke", l.link), &json!({}));
        assert_eq!(status, 404, "{user} revokes the link");
        let (status, _) = other.post(
            "/v1/links",
            &create_body(&l.brief, &l.followup, &l.questions, false),
        );
        assert_eq!(status, 404, "{user} links anna's brief");
    }
    // The lead reads it.
    let lena = l.world.login("lena");
    let (status, _) = lena.get(&format!("/v1/links/{}", l.link));
    assert_eq!(status, 200);
}

#[test]
fn a_link_is_made_only_for_the_briefs_own_followup_and_questions() {
    let l = linked();
    let base = || {
        let mut b = create_body(&l.brief, &l.followup, &l.questions, false);
        b["expires_on"] = json!(days_ahead(&l.world, 10));
        b
    };
    let cases: Vec<(&str, Box<Spoil>)> = vec![
        (
            "followup_id",
            Box::new(|b| b["followup_id"] = json!("no-such-followup")),
        ),
        (
            "groups[0].questions",
            Box::new(|b| b["groups"][0]["questions"] = json!(["not_a_question"])),
        ),
        (
            "expires_on",
            Box::new(|b| b["expires_on"] = json!("2020-01-01")),
        ),
        (
            "expires_on",
            Box::new(|b| b["expires_on"] = json!("2026-02-30")),
        ),
        ("language", Box::new(|b| b["language"] = json!("de"))),
        ("agency", Box::new(|b| b["agency"] = json!(""))),
        ("groups", Box::new(|b| b["groups"] = json!([]))),
    ];
    for (field, change) in cases {
        let mut body = base();
        change(&mut body);
        let (status, answer) = l.anna.post("/v1/links", &body);
        assert_eq!(status, 400, "{field}: {answer}");
        assert!(
            answer["message"].as_str().unwrap().contains(field),
            "{field}: {answer}"
        );
    }
    let mut far = base();
    far["expires_on"] = json!(days_ahead(&l.world, 181));
    assert_eq!(l.anna.post("/v1/links", &far).0, 400);
}
