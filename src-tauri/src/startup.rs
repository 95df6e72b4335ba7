//! Start-up timing: the UI reports when its first screen is interactive, and the shell records the
//! moment so the start-up benchmark (`scripts/bench-app.sh`) can measure cold start from outside.

use std::time::Instant;

use tauri::State;

/// When `run()` began, for the log line.
pub struct StartedAt(pub Instant);

/// The UI calls this once, when its first screen is interactive. Logs the time since `run()` and,
/// when `DEEPBRIEF_READY_FILE` names a file, writes the wall-clock time (Unix epoch, nanoseconds)
/// into it: the benchmark script compares that with the moment it spawned the process.
#[tauri::command]
pub fn ui_ready(started: State<'_, StartedAt>) {
    log::info!(
        "first screen ready {} ms after start",
        started.0.elapsed().as_millis()
    );
    if let Some(path) = std::env::var_os("DEEPBRIEF_READY_FILE") {
        #[expect(
            clippy::disallowed_methods,
            reason = "the benchmark compares wall-clock time across processes; the domain never reads it"
        )]
        let now = std::time::SystemTime::now();
        let nanos = now
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        if let Err(error) = std::fs::write(&path, nanos.to_string()) {
            log::warn!("could not write the ready file {}: {error}", path.display());
        }
    }
}
