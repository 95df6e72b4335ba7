//! Web view tuning on Linux: WebKitGTK's accelerated compositing costs ~90 MB and ~150 ms of start-up
//! (measured under Xvfb: 327 → 238 MB PSS, 750 → 600 ms to the first screen, see
//! docs/PERFORMANCE.md), and Deepbrief's screens — forms, tables, text — have nothing to composite.

use tauri::{App, Manager};

/// Turns hardware acceleration (compositing mode) off for the main window's web view.
#[cfg(target_os = "linux")]
pub fn tune(app: &App) {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let result = window.with_webview(|webview| {
        if let Some(settings) = webview.inner().settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    });
    if let Err(e) = result {
        log::warn!("cannot tune the web view: {e}");
    }
}

/// Nothing to tune elsewhere.
#[cfg(not(target_os = "linux"))]
pub fn tune(_app: &App) {}
