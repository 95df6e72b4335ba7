//! What Deepbrief reads from and writes to folders, apart from the database: the checklist folders
//! (the bundled one and the agency's, hostile input walked with care), the settings file and the
//! user's data directory. The domain core touches no disk; the application layer and the tests read
//! folders through this crate.

pub mod checklists;
pub mod settings;

pub use checklists::{collect_files, load_library, read_file};
pub use settings::{
    agency_checklists_dir, check_checklists_dir, data_dir, default_agency_checklists_dir,
    load_settings, save_settings, settings_path,
};
