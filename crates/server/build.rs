//! Embeds the repository's bundled checklists (`checklists/<id>/v<N>.yaml`), which every desktop
//! ships: a published add-on is validated against them and the team's published checklists.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("../../checklists");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    yaml_files(&root, &mut files);
    let mut code = String::from(
        "/// The bundled checklists: (path under `checklists/`, text).\npub const BUNDLED: &[(&str, &str)] = &[\n",
    );
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let rel = file
            .strip_prefix(&root)
            .unwrap_or(file)
            .display()
            .to_string();
        let abs = fs::canonicalize(file).unwrap_or_else(|_| file.clone());
        let _ = writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            abs.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_default()).join("bundled_checklists.rs");
    if let Err(e) = fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
    }
}
