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

fn to_json(node: &deepbrief_core::yaml::Node) -> serde_json::Value {
    use deepbrief_core::yaml::Value;
    match &node.value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => (*b).into(),
        Value::Int(i) => (*i).into(),
        Value::Float(f) => {
            serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into)
        }
        Value::Big(digits) => digits
            .parse::<u64>()
            .map_or(serde_json::Value::Null, Into::into),
        Value::Str(s) => s.clone().into(),
        Value::Seq(items) => items.iter().map(to_json).collect(),
        Value::Map(entries) => entries
            .iter()
            .map(|(k, v)| (k.name.clone(), to_json(v)))
            .collect::<serde_json::Map<_, _>>()
            .into(),
    }
}

fn schema_errors(path: &Path) -> Vec<String> {
    let schema: serde_json::Value =
        serde_json::from_str(&deepbrief_core::schema::checklist_schema_json()).expect("json");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let bytes = std::fs::read(path).expect("read");
    let tree = deepbrief_core::yaml::parse(&bytes).expect("yaml");
    validator
        .iter_errors(&to_json(&tree))
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn an_editor_with_the_schema_accepts_every_bundled_checklist() {
    let files =
        deepbrief_folders::collect_files(&crate::bundled(), deepbrief_core::Origin::Bundled, true);
    assert!(!files.is_empty());
    let demo = schema_errors(&crate::fixtures().join("valid/demo.yaml"));
    assert!(demo.is_empty(), "{demo:#?}");
    for file in files {
        let errors = schema_errors(&file.path);
        assert!(errors.is_empty(), "{}: {errors:#?}", file.path.display());
    }
}

#[test]
fn an_editor_with_the_schema_flags_a_typo() {
    let errors = schema_errors(&crate::fixtures().join("invalid/unknown_field.yaml"));
    assert!(errors.iter().any(|e| e.contains("requird")), "{errors:#?}");
}
