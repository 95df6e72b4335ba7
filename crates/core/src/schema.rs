//! The JSON Schema of checklist files, generated from the model so editors validate as authors type.

use crate::model::Checklist;

/// The schema as pretty-printed JSON (what `deepbrief checklist schema` prints and
/// `checklists/checklist.schema.json` holds).
pub fn checklist_schema_json() -> String {
    let schema = schemars::schema_for!(Checklist);
    let mut json = serde_json::to_string_pretty(&schema).unwrap_or_default();
    json.push('\n');
    json
}
