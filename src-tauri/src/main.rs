//! Deepbrief desktop app entry point; everything lives in the library's `run()`.

// Prevents an additional console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    deepbrief_desktop_lib::run();
}
