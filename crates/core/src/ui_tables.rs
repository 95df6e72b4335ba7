//! The tables the UI reads generated from the core (ts-rs exports types, not values): written into
//! `ui/src/lib/bindings/` when `cargo test` runs, as ts-rs writes the bindings; `scripts/test.sh`
//! fails when the committed copies differ.

#[test]
fn export_tables_for_the_ui() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings");
    if !dir.is_dir() {
        return;
    }
    for (file, text) in [
        ("kindSpecs.ts", crate::kinds::kind_specs_ts()),
        ("gapWords.ts", crate::gaps::words::gap_words_ts()),
    ] {
        if let Err(e) = std::fs::write(dir.join(file), text) {
            panic!("cannot write {file}: {e}");
        }
    }
}
