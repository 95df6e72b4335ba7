//! The floor of Deepbrief's start-up and memory benchmark: an empty Tauri window from the same Tauri
//! and WebKitGTK, with the web view tuned as the app tunes it (hardware acceleration off). Its page
//! reports its first painted frame through the `ready` command, which writes the wall-clock time to
//! `DEEPBRIEF_READY_FILE` exactly as the app's `ui_ready` does. `scripts/bench-app.sh` starts both
//! the same way and prints both rows.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// Writes the wall-clock time (Unix epoch, nanoseconds) to `DEEPBRIEF_READY_FILE`.
#[tauri::command]
fn ready() {
    if let Some(path) = std::env::var_os("DEEPBRIEF_READY_FILE") {
        #[expect(
            clippy::disallowed_methods,
            reason = "the benchmark compares wall-clock time across processes"
        )]
        let now = std::time::SystemTime::now();
        let nanos = now
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let _ = std::fs::write(path, nanos.to_string());
    }
}

#[expect(
    clippy::expect_used,
    reason = "a benchmark tool with nothing to show if the window cannot start"
)]
fn main() {
    tauri::Builder::default()
        .setup(|app| {
            tune(app);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!())
        .expect("error while running the blank window");
}

/// Hardware acceleration off, as Deepbrief's `webview::tune`.
#[cfg(target_os = "linux")]
fn tune(app: &tauri::App) {
    use tauri::Manager;
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.with_webview(|webview| {
            if let Some(settings) = webview.inner().settings() {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
    }
}

#[cfg(not(target_os = "linux"))]
fn tune(_app: &tauri::App) {}
