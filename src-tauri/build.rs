//! Declares the app's own commands so that each one needs an explicit `allow-…` permission in
//! `capabilities/*.json` (Tauri generates the permissions from this list).

fn main() {
    if let Err(error) =
        tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
            tauri_build::AppManifest::new().commands(&["list_checklists", "ui_ready"]),
        ))
    {
        // Build scripts report through cargo: print the cause and fail the build.
        println!("cargo:warning=tauri build step failed: {error:#}");
        std::process::exit(1);
    }
}
