//! The committed JSON Schema matches the Rust types.

use std::path::Path;

#[test]
fn committed_schema_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists/checklist.schema.json");
    let generated = deepbrief_core::schema::checklist_schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "checklists/checklist.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test -p deepbrief-core --test it schema`"
    );
}

#[test]
fn schema_rejects_unknown_fields_and_names_every_kind() {
    let schema: serde_json::Value =
        serde_json::from_str(&deepbrief_core::schema::checklist_schema_json()).expect("json");
    assert_eq!(
        schema["additionalProperties"],
        serde_json::Value::Bool(false)
    );
    let kinds = schema["$defs"]["Kind"].to_string();
    for kind in deepbrief_core::Kind::ALL {
        assert!(kinds.contains(kind.name()), "{kind:?} missing from schema");
    }
}
