//! Changes to a brief's content, by a person in a role. The store refuses changes to an approved
//! brief whoever asks; here an account manager is also kept out of a brief the lead is reviewing
//! (in review), for the CLI exactly as for the window — answers typed, and answers a client sent
//! through a link (accepted or rejected).

use deepbrief_core::review::Role;
use deepbrief_core::{Entry, Evidence, EvidenceKind, Kind};
use deepbrief_store::{AdhocQuestion, BriefMeta, Comment, Contact, Saved, Store, StoreError};

use crate::DataFolder;
use crate::team::TeamError;
use crate::team::links;

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

/// Accepts an answer the client sent through a link (optionally `edited` by the person first): it
/// goes into the brief with the history naming the client's contact (an edit follows under the
/// person's name), its gap closes. Files the client attached are downloaded into the data folder
/// (`attachments/<brief>/…`, [`links::attachment_path`]) and added to the answer as evidence named
/// by the file's name. Refused — the answer stays waiting — when the person may not change the brief
/// now, or the answer does not fit the question (`TeamError::Store(StoreError::InvalidAnswer {
/// question, .. })`); checked before any file is downloaded.
pub fn accept_client_answer(
    folder: &DataFolder,
    store: &mut Store,
    person: &Person,
    answer_id: &str,
    edited: Option<Entry>,
) -> Result<Saved, TeamError> {
    let answer = store.client_answer(answer_id, "ru")?;
    store.check_editable(&answer.brief_id, person.role)?;
    store.check_client_answer(answer_id, edited.as_ref())?;
    let mut evidence = Vec::with_capacity(answer.files.len());
    for file in &answer.files {
        links::download(folder, store, answer_id, &file.id)?;
        let name = file.name.trim();
        evidence.push(Evidence {
            kind: EvidenceKind::File,
            text: if name.is_empty() {
                links::safe_name(&file.id)
            } else {
                name.to_owned()
            },
            // The agency has the file itself.
            verified: true,
        });
    }
    Ok(store.accept_client_answer(answer_id, edited, &evidence, &person.name)?)
}

/// Rejects an answer the client sent through a link, with the person's `comment` (required),
/// which goes on the question as a comment of the brief; the brief's answer stays as it was.
pub fn reject_client_answer(
    store: &mut Store,
    person: &Person,
    answer_id: &str,
    comment: &str,
) -> Result<Comment, StoreError> {
    let answer = store.client_answer(answer_id, "ru")?;
    store.check_editable(&answer.brief_id, person.role)?;
    store.reject_client_answer(answer_id, comment, &person.name)
}
