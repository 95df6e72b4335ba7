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
