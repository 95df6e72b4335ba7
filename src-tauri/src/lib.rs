//! Deepbrief's desktop shell.
//!
//! This crate owns the window, the IPC surface and nothing else: every `#[tauri::command]` extracts
//! state, calls one function of a domain crate and maps its error to [`IpcError`]. The domain lives in
//! `deepbrief-core`, `deepbrief-store` and `deepbrief-export`, wired together by `deepbrief-app` (the
//! layer the CLI shares); none of them depends on Tauri.
//!
//! - [`state`] holds the open store, the data folder and the checklist sources (resolved by
//!   `deepbrief-app`, as the CLI resolves them).
//! - [`checklists`] holds the checklist commands.
//! - [`error`] is the one `{code, message}` error that crosses IPC.
//! - [`logging`] sends the log to a file in the data directory.
//! - [`startup`] records when the first screen is ready.
//! - [`team`] holds the team-server commands; [`sync`] the background sync with the server.
//! - [`links`] holds the client-link commands: links from follow-ups, the client's answers.

pub mod answers;
pub mod briefs;
pub mod checklists;
pub mod error;
pub mod files;
pub mod gaps;
pub mod info;
pub mod links;
pub mod logging;
pub mod opened;
pub mod review;
pub mod settings;
pub mod startup;
pub mod state;
pub mod sync;
pub mod team;
pub mod upgrades;
pub mod webview;

use std::sync::Arc;

use deepbrief_app::DataFolder;
use deepbrief_app::folder::{DB_FLAG, flag_value};
use deepbrief_app::sources::{
    CHECKLISTS_FLAG, agency_override, beside_binary, bundled_dir, sources,
};
use tauri::{Emitter, Manager};

pub use error::{ErrorCode, IpcError};

/// Builds and runs the app until its last window closes.
#[expect(
    clippy::expect_used,
    reason = "nothing can be shown to the user if the app itself cannot start; Tauri's templates end `run()` the same way"
)]
pub fn run() {
    let started = startup::StartedAt(std::time::Instant::now());
    tauri::Builder::default()
        // Registered first, as the plugin asks: a second launch hands its arguments to this one
        // and exits; we bring the existing window to the front.
        .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            // A brief file double-clicked while the app runs: queue it and tell the window.
            if app
                .state::<opened::Pending>()
                .add(args, std::path::Path::new(&cwd))
                > 0
            {
                let _ = app.emit(opened::EVENT, ());
            }
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(logging::plugin())
        // Native file dialogs and "open in the system viewer", used from Rust only: the capability
        // grants the web view none of their commands.
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(started)
        .manage(opened::Pending::default())
        .setup(|app| {
            log::info!("Deepbrief {} starting", env!("CARGO_PKG_VERSION"));
            webview::tune(app);
            let env = |name: &str| std::env::var_os(name);
            let folder = DataFolder::resolve(flag_value(std::env::args(), DB_FLAG), env)
                .unwrap_or_else(|e| {
                    log::error!("{e}; keeping the data in the working folder");
                    DataFolder::at(std::path::PathBuf::from("."), None)
                });
            let agency_override =
                agency_override(flag_value(std::env::args(), CHECKLISTS_FLAG), env);
            // Installed: the app's resources, then beside the binary (a debug build uses the
            // repository's folder).
            let installed: Vec<_> = app
                .path()
                .resource_dir()
                .ok()
                .map(|dir| dir.join("checklists"))
                .into_iter()
                .chain(beside_binary())
                .collect();
            let settings = folder.settings_or_defaults(|e| {
                log::error!("{e}; using the defaults until Settings saves new ones")
            });
            let sources = Arc::new(sources(
                bundled_dir(&installed, env),
                agency_override.clone(),
                &settings,
                folder.team_checklists(),
            ));
            if let Ok(cwd) = std::env::current_dir() {
                app.state::<opened::Pending>().add(std::env::args(), &cwd);
            }
            let state = state::AppState::open(folder, settings, sources, agency_override);
            app.manage(sync::Sync::start(app.handle().clone(), Arc::clone(&state)));
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            checklists::list_checklists,
            checklists::open_checklist,
            startup::ui_ready,
            briefs::list_briefs,
            briefs::search_briefs,
            briefs::create_brief,
            briefs::open_brief,
            briefs::hidden_questions,
            briefs::update_brief,
            briefs::archive_brief,
            briefs::restore_brief,
            answers::save_answer,
            answers::add_adhoc_question,
            answers::question_history,
            gaps::gap_report,
            gaps::set_process_note,
            gaps::follow_up_items,
            gaps::list_followups,
            gaps::followup_subjects,
            gaps::plan_followup,
            gaps::client_letter,
            gaps::record_letter_sent,
            gaps::letters_sent,
            files::export_pdf,
            files::export_bundle,
            files::import_bundle,
            opened::take_opened_files,
            files::export_followup_ics,
            files::save_letter,
            files::open_letter_in_mail,
            upgrades::upgrade_preview,
            upgrades::upgrade_apply,
            settings::app_info,
            settings::backup_now,
            settings::list_backups,
            settings::restore_backup,
            settings::identity,
            settings::save_identity,
            settings::set_checklists_dir,
            review::review_board,
            review::review_state,
            review::add_comment,
            review::resolve_comment,
            review::review_brief,
            review::open_revision,
            review::similar_briefs,
            team::team_status,
            team::team_sign_in,
            team::team_sign_out,
            team::sync_now,
            team::brief_conflicts,
            team::resolve_conflict,
            links::client_links,
            links::client_link_default_expiry,
            links::create_client_link,
            links::revoke_client_link,
            links::open_client_link,
            links::client_answers,
            links::accept_client_answer,
            links::reject_client_answer,
            links::open_client_file,
        ])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
