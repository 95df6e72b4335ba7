//! Declares the app's own commands so that each one needs an explicit `allow-…` permission in
//! `capabilities/*.json` (Tauri generates the permissions from this list).

/// Every app command; each needs its `allow-…` permission in `capabilities/default.json`.
const COMMANDS: &[&str] = &[
    "list_checklists",
    "ui_ready",
    "list_briefs",
    "search_briefs",
    "create_brief",
    "open_brief",
    "hidden_questions",
    "update_brief",
    "archive_brief",
    "restore_brief",
    "save_answer",
    "add_adhoc_question",
    "question_history",
    "gap_report",
    "set_process_note",
    "follow_up_items",
    "list_followups",
    "followup_subjects",
    "plan_followup",
    "client_letter",
    "record_letter_sent",
    "letters_sent",
    "export_pdf",
    "export_bundle",
    "import_bundle",
    "take_opened_files",
    "export_followup_ics",
    "save_letter",
    "open_letter_in_mail",
    "upgrade_preview",
    "upgrade_apply",
    "app_info",
    "backup_now",
    "list_backups",
    "restore_backup",
    "review_board",
    "review_state",
    "add_comment",
    "resolve_comment",
    "review_brief",
    "open_revision",
    "similar_briefs",
    "identity",
    "save_identity",
    "set_checklists_dir",
    "open_checklist",
    "team_status",
    "team_sign_in",
    "team_sign_out",
    "sync_now",
    "brief_conflicts",
    "resolve_conflict",
    "client_links",
    "client_link_default_expiry",
    "create_client_link",
    "revoke_client_link",
    "open_client_link",
    "client_answers",
    "accept_client_answer",
    "reject_client_answer",
    "open_client_file",
];

fn main() {
    if let Err(error) = tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    ) {
        // Build scripts report through cargo: print the cause and fail the build.
        println!("cargo:warning=tauri build step failed: {error:#}");
        std::process::exit(1);
    }
}
