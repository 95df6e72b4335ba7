//! The loader never panics, whatever bytes or YAML it is handed.

use deepbrief_core::check_bytes;
use proptest::prelude::*;

/// Generates YAML-ish text from checklist vocabulary, so the generator reaches deep into the
/// loader rather than failing at the first byte.
fn yamlish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("id: core\n".to_owned()),
        Just("version: 1\n".to_owned()),
        Just("languages: [ru, en]\n".to_owned()),
        Just("title: {ru: а, en: b}\n".to_owned()),
        Just("sections:\n".to_owned()),
        Just("  - id: s\n".to_owned()),
        Just("    questions:\n".to_owned()),
        Just("      - id: q\n".to_owned()),
        Just("        kind: yes_no\n".to_owned()),
        Just("        when: {answered: q}\n".to_owned()),
        Just(
            "        when: {all: [{not: {empty: q}}, {gt: {question: q, value: 1}}]}\n".to_owned()
        ),
        Just("        choices: [{id: a, label: x}]\n".to_owned()),
        Just(
            "rules: [{id: r, severity: high, when: {any: []}, message: m, agenda: []}]\n"
                .to_owned()
        ),
        Just("&a [*a]\n".to_owned()),
        Just("- *x\n".to_owned()),
        Just("  \t: ]\n".to_owned()),
        Just("? [a, b]\n: c\n".to_owned()),
        "[a-z_]{1,8}: [^\n]{0,12}\n",
        "[ -~]{0,20}\n",
    ];
    prop::collection::vec(token, 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = check_bytes("fuzz.yaml", &bytes);
    }

    #[test]
    fn arbitrary_yaml_never_panics(text in yamlish()) {
        let _ = check_bytes("fuzz.yaml", text.as_bytes());
    }

    #[test]
    fn a_valid_checklist_with_a_byte_changed_never_panics(index in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = std::fs::read(crate::fixtures().join("valid/demo.yaml")).expect("fixture");
        let i = index.index(bytes.len());
        bytes[i] = byte;
        let _ = check_bytes("mutated.yaml", &bytes);
    }
}

#[test]
fn deep_nesting_is_refused_not_recursed() {
    let mut text = String::from("id: demo\nversion: 1\nsections:\n  - id: s\n    when: ");
    for _ in 0..10_000 {
        text.push_str("{not: ");
    }
    text.push_str("{answered: q}");
    for _ in 0..10_000 {
        text.push('}');
    }
    text.push('\n');
    let result = check_bytes("deep.yaml", text.as_bytes());
    let diagnostics = result.expect_err("too deep");
    assert!(
        diagnostics[0].message.contains("depth") || diagnostics[0].message.contains("nest"),
        "{diagnostics:?}"
    );
}
