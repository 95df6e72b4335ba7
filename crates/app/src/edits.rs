//! Changes to a brief's content, by a person in a role. The store refuses changes to an approved
//! brief whoever asks; here an account manager is also kept out of a brief the lead is reviewing
//! (in review), for the CLI exactly as for the window.

use deepbrief_core::review::Role;
use deepbrief_core::{Entry, Kind};
use deepbrief_store::{AdhocQuestion, BriefMeta, Contact, Saved, Store, StoreError};

/// Who acts: the name that signs the history, and the role that decides what they may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The name, as it signs answers and comments.
    pub name: String,
    /// Account manager or lead.
    pub role: Role,
}

/// Stores an answer (or clears it: `None`), durably.
pub fn save_answer(
    store: &mut Store,
    person: &Person,
    brief_id: &str,
    question_id: &str,
    entry: Option<Entry>,
) -> Result<Saved, StoreError> {
    store.check_editable(brief_id, person.role)?;
    store.set_answer(brief_id, question_id, entry, &person.name)
}

/// Adds a question to one brief (to a section, or among the extra questions).
pub fn add_adhoc_question(
    store: &mut Store,
    person: &Person,
    brief_id: &str,
    section: Option<&str>,
    prompt: &str,
    kind: Kind,
) -> Result<AdhocQuestion, StoreError> {
    store.check_editable(brief_id, person.role)?;
    store.add_adhoc(brief_id, section, prompt, kind, &person.name)
}

/// Changes the brief's client, project and contacts.
pub fn update_brief(
    store: &mut Store,
    person: &Person,
    brief_id: &str,
    client: &str,
    project: &str,
    contacts: &[Contact],
) -> Result<BriefMeta, StoreError> {
    store.check_editable(brief_id, person.role)?;
    store.update_brief(brief_id, client, project, contacts, &person.name)
}

/// Marks a process described at the meeting with a note, or clears the mark (`None`).
pub fn set_process_note(
    store: &mut Store,
    person: &Person,
    brief_id: &str,
    process: &str,
    note: Option<&str>,
) -> Result<Saved, StoreError> {
    store.check_editable(brief_id, person.role)?;
    store.set_process_note(brief_id, process, note, &person.name)
}

/// Settles a conflict between two computers' answers to `question` by keeping the value of answer
/// event `keep`; the others stay in the history.
pub fn resolve_conflict(
    store: &mut Store,
    person: &Person,
    brief_id: &str,
    question: &str,
    keep: &str,
) -> Result<(), StoreError> {
    store.check_editable(brief_id, person.role)?;
    store.resolve_conflict(brief_id, question, keep, &person.name)
}
