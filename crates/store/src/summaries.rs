//! Gap summaries of many briefs at once — what the lead's board and the briefs list show — kept in
//! memory between calls and recomputed only for the briefs that changed.
//!
//! A brief's summary depends on its pinned checklist versions (immutable by content hash), its
//! answers and the day (a "will send later" date passes). Every write to a brief's answers moves its
//! `answer_changes` counter (a trigger, migration 003), whoever writes — this app, the CLI on the same
//! file, a bundle import — so a summary is still right while the counter, the pins and the day are
//! those it was computed for. On 1,000 briefs a full analysis is most of the board's time; after one
//! edit, one brief is analysed again.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use deepbrief_core::gaps::{BoardRow, Brief, IsoDate, SectionProgress, analyze_all};
use deepbrief_core::{Checklist, Entry, Severity};

use crate::Store;
use crate::error::StoreError;
use crate::types::{BriefListItem, PinnedChecklist};

/// What the board and the briefs list keep of one brief's gap analysis.
#[derive(Debug)]
pub(crate) struct Summary {
    /// Completeness, open gaps by severity, processes not described, ready for kickoff.
    pub row: BoardRow,
    /// Open gaps of medium severity.
    pub medium: u32,
    /// Completeness of every section (the heatmap's cells).
    pub sections: Vec<SectionProgress>,
    /// The keys of the open gaps (a follow-up briefing is overdue while one of its items is open).
    pub open: HashSet<String>,
}

/// What a cached summary was computed from.
#[derive(Debug, PartialEq)]
struct Stamp {
    answer_changes: i64,
    pins: Vec<PinnedChecklist>,
}

/// Summaries by brief id, all for one day.
#[derive(Debug, Default)]
pub(crate) struct SummaryCache {
    day: Option<IsoDate>,
    briefs: HashMap<String, (Stamp, Arc<Summary>)>,
}

/// One brief to analyse: its pinned checklists and its answers as stored (question id, entry JSON).
type Work<'a> = (&'a [&'a Checklist], Vec<(String, String)>);

impl Store {
    /// The gap summary of each listed brief for `today`, in list order. Briefs unchanged since the
    /// last call come from memory; the others are read and analysed on every core.
    pub(crate) fn summaries(
        &self,
        items: &[BriefListItem],
        today: IsoDate,
    ) -> Result<Vec<Arc<Summary>>, StoreError> {
        // One read transaction: the counters and the answers come from the same snapshot, so a
        // summary is never filed under a counter newer than the answers it was computed from.
        let snapshot = self.conn.unchecked_transaction()?;
        let changes = self.answer_changes()?;
        let stamps: Vec<Stamp> = items
            .iter()
            .map(|item| Stamp {
                answer_changes: changes.get(&item.meta.id).copied().unwrap_or(0),
                pins: item.pins.clone(),
            })
            .collect();

        let mut cache = self.summaries.borrow_mut();
        if cache.day != Some(today) {
            cache.briefs.clear();
            cache.day = Some(today);
        }
        let stale: Vec<usize> = (0..items.len())
            .filter(|&i| {
                cache
                    .briefs
                    .get(&items[i].meta.id)
                    .is_none_or(|(stamp, _)| *stamp != stamps[i])
            })
            .collect();

        if !stale.is_empty() {
            let ids: Vec<&str> = stale.iter().map(|&i| items[i].meta.id.as_str()).collect();
            let raw = self.raw_entries_of(&ids)?;
            let mut checklists = Vec::with_capacity(stale.len());
            for &i in &stale {
                checklists.push(self.checklists_of(&items[i].pins)?);
            }
            let refs: Vec<Vec<&Checklist>> = checklists
                .iter()
                .map(|cs| cs.iter().map(AsRef::as_ref).collect())
                .collect();
            let work: Vec<Work<'_>> = refs.iter().map(Vec::as_slice).zip(raw).collect();
            let fresh = analyze_in_parallel(&work, today)?;
            let mut stamps: Vec<Option<Stamp>> = stamps.into_iter().map(Some).collect();
            for (&i, summary) in stale.iter().zip(fresh) {
                if let Some(stamp) = stamps[i].take() {
                    cache
                        .briefs
                        .insert(items[i].meta.id.clone(), (stamp, Arc::new(summary)));
                }
            }
        }
        drop(snapshot);

        items
            .iter()
            .map(|item| {
                cache
                    .briefs
                    .get(&item.meta.id)
                    .map(|(_, summary)| Arc::clone(summary))
                    .ok_or_else(|| StoreError::Invalid {
                        field: "board",
                        message: format!("no gap summary for brief {}; try again", item.meta.id),
                    })
            })
            .collect()
    }

    /// Every brief's `answer_changes` counter.
    fn answer_changes(&self) -> Result<HashMap<String, i64>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, answer_changes FROM brief")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The stored answers of each brief, in the order given: one scan of the answers table for many
    /// briefs (cheaper than a lookup per brief), a lookup per brief for a few.
    fn raw_entries_of(&self, ids: &[&str]) -> Result<Vec<Vec<(String, String)>>, StoreError> {
        if ids.len() < 64 {
            return ids.iter().map(|id| self.raw_entries(id)).collect();
        }
        let mut by_brief: HashMap<&str, Vec<(String, String)>> =
            ids.iter().map(|id| (*id, Vec::new())).collect();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT brief_id, question_id, entry FROM answer")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let brief = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            if let Some(list) = by_brief.get_mut(brief) {
                list.push((r.get(1)?, r.get(2)?));
            }
        }
        Ok(ids
            .iter()
            .map(|id| by_brief.remove(id).unwrap_or_default())
            .collect())
    }
}

/// Parses and analyses the briefs on every core (`std::thread::scope`, one chunk per thread).
fn analyze_in_parallel(work: &[Work<'_>], today: IsoDate) -> Result<Vec<Summary>, StoreError> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let size = work.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = work
            .chunks(size)
            .map(|chunk| scope.spawn(move || summarize(chunk, today)))
            .collect();
        let mut out = Vec::with_capacity(work.len());
        for handle in handles {
            let part = handle.join().map_err(|_| StoreError::Invalid {
                field: "board",
                message: "the gap analysis stopped unexpectedly; try again".into(),
            })??;
            out.extend(part);
        }
        Ok(out)
    })
}

/// Parses and analyses one chunk of briefs.
fn summarize(chunk: &[Work<'_>], today: IsoDate) -> Result<Vec<Summary>, StoreError> {
    let mut entries = Vec::with_capacity(chunk.len());
    for (_, raw) in chunk {
        let mut map = BTreeMap::new();
        for (question, json) in raw {
            map.insert(question.clone(), serde_json::from_str::<Entry>(json)?);
        }
        entries.push(map);
    }
    let briefs: Vec<Brief<'_>> = chunk
        .iter()
        .zip(&entries)
        .map(|((checklists, _), entries)| Brief {
            checklists,
            entries,
        })
        .collect();
    Ok(analyze_all(&briefs, today)
        .into_iter()
        .map(|report| {
            let medium = report
                .gaps
                .iter()
                .filter(|g| g.severity == Severity::Medium)
                .count();
            Summary {
                row: BoardRow::from(&report),
                medium: u32::try_from(medium).unwrap_or(u32::MAX),
                open: report.gaps.iter().map(|g| g.key.clone()).collect(),
                sections: report.sections,
            }
        })
        .collect())
}
