//! One fixture per class of load error: the exact messages, positions and fixes.

use deepbrief_core::check_bytes;

fn render(name: &str, bytes: &[u8]) -> String {
    match check_bytes(name, bytes) {
        Ok(_) => "loads without errors".to_owned(),
        Err(diagnostics) => diagnostics
            .iter()
            .map(|d| {
                let at = match (d.line, d.column) {
                    (Some(l), Some(c)) => format!("{l}:{c}"),
                    _ => "-".to_owned(),
                };
                format!(
                    "{at} [{}] {}\n    fix: {}",
                    d.yaml_path.as_deref().unwrap_or(""),
                    d.message,
                    d.fix
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

#[test]
fn every_invalid_fixture_reports_its_errors() {
    insta::glob!("../fixtures/invalid", "*.yaml", |path| {
        let bytes = std::fs::read(path).expect("fixture");
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("fixture");
        let report = render(name, &bytes);
        assert_ne!(report, "loads without errors", "{name} must not load");
        insta::assert_snapshot!(report);
    });
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let mut big = b"id: demo\nversion: 1\nnotes: |\n".to_vec();
    while big.len() <= deepbrief_core::yaml::MAX_FILE_BYTES {
        big.extend_from_slice("  строка заметок, повторённая много раз\n".as_bytes());
    }
    let report = render("big.yaml", &big);
    assert!(
        report.contains("checklist files are limited to 1048576 bytes"),
        "{report}"
    );
}

#[test]
fn bytes_that_are_not_utf8_are_refused_with_the_offset() {
    let report = render("latin1.yaml", b"id: demo\ntitle: \xe9t\xe9\n");
    assert!(
        report.contains("2:8 [] the file is not valid UTF-8 text: the first bad byte is at line 2, column 8 (byte offset 16)"),
        "{report}"
    );
    assert!(report.contains("save the file as UTF-8"), "{report}");
}

#[test]
fn the_valid_fixture_loads_with_every_field() {
    let c = crate::valid("demo.yaml");
    assert_eq!(c.id, "demo");
    assert_eq!(c.sections.len(), 2);
    assert_eq!(c.questions().count(), 9);
    assert_eq!(c.title.get("en"), "Demo");
    assert_eq!(c.title.get("ru"), "Демо");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let bytes = std::fs::read(crate::fixtures().join("valid/demo.yaml")).expect("fixture");
    let mut with_bom = "\u{feff}".as_bytes().to_vec();
    with_bom.extend_from_slice(&bytes);
    assert!(check_bytes("bom.yaml", &with_bom).is_ok());
}
