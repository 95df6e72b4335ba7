//! A stored brief, opened and analysed.

use deepbrief_core::Checklist;
use deepbrief_core::gaps::{GapReport, IsoDate, analyze};
use deepbrief_store::{OpenedBrief, Store, StoreError};

/// The brief with everything it needs (its pinned checklists, answers, meta) and its gap report for
/// `today`.
pub fn analyzed(
    store: &Store,
    brief_id: &str,
    today: IsoDate,
) -> Result<(OpenedBrief, GapReport), StoreError> {
    let opened = store.opened(brief_id)?;
    let report = analysis(&opened, today);
    Ok((opened, report))
}

/// The gap report of an opened brief (or of one of its revisions) for `today`.
pub fn analysis(opened: &OpenedBrief, today: IsoDate) -> GapReport {
    let refs: Vec<&Checklist> = opened.checklists.iter().collect();
    analyze(&refs, &opened.data.entries, today)
}

/// What each item of the brief's planned follow-up briefings is about, by its stored key, in the
/// words its gap had (`core::gaps::subject_of` over the brief's pinned checklists): a closed item
/// is named too, not only the open ones the report still has. A key no checklist names any more is
/// left out (the caller shows the key).
pub fn followup_subjects(
    store: &Store,
    brief_id: &str,
) -> Result<std::collections::BTreeMap<String, deepbrief_core::Text>, StoreError> {
    let opened = store.opened(brief_id)?;
    let refs: Vec<&Checklist> = opened.checklists.iter().collect();
    let mut subjects = std::collections::BTreeMap::new();
    for followup in store.followups(brief_id)? {
        for key in followup.items {
            if subjects.contains_key(&key) {
                continue;
            }
            let subject = deepbrief_core::gaps::GapKey::parse(&key)
                .and_then(|k| deepbrief_core::gaps::subject_of(&k, &refs));
            if let Some(subject) = subject {
                subjects.insert(key, subject);
            }
        }
    }
    Ok(subjects)
}
