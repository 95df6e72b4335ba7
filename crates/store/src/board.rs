//! The lead's review board: every brief with its gap summary, open comments, follow-ups and age,
//! and the heatmap of briefs × checklist sections. One call gives the UI (and `deepbrief board`)
//! everything it shows; sorting, filtering and grouping happen where the rows are shown.

use std::collections::{HashMap, HashSet};

use std::collections::BTreeMap;

use deepbrief_core::gaps::{
    BoardRow, Brief, Heatmap, IsoDate, SectionProgress, analyze_all, heatmap_of,
};
use deepbrief_core::{Checklist, Entry, Severity};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Store;
use crate::error::StoreError;
use crate::types::{BriefFilter, BriefListItem};

/// One brief on the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BoardBrief {
    /// The brief's header, pins and answer count.
    pub item: BriefListItem,
    /// Completeness, open gaps by severity, processes not described, ready for kickoff.
    pub summary: BoardRow,
    /// Open gaps of medium severity.
    pub medium: u32,
    /// Comments not resolved yet.
    pub open_comments: u32,
    /// Follow-up briefings planned for today or later.
    pub followups_due: u32,
    /// Follow-up briefings whose date has passed while some of their items are still open.
    pub followups_overdue: u32,
    /// The date of the next planned follow-up briefing, `YYYY-MM-DD`.
    #[ts(optional)]
    pub next_followup: Option<String>,
    /// Whole days from the last change to today.
    pub days_since_change: u32,
    /// Approved revisions.
    pub approved_revisions: u32,
}

/// The board: rows (most recently changed first) and the heatmap (`heatmap.rows[i]` is `rows[i]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Board {
    /// The day the board was computed for.
    pub today: String,
    /// One row per brief.
    pub rows: Vec<BoardBrief>,
    /// Briefs × sections, coloured by coverage.
    pub heatmap: Heatmap,
}

/// A follow-up briefing's date (`YYYY-MM-DD`) and the gap keys on its agenda.
type FollowUpDates = Vec<(String, Vec<String>)>;

/// Days from an RFC 3339 timestamp's date to `today`, never negative.
fn days_between(at: &str, today: IsoDate) -> u32 {
    let Some(day) = at.get(..10).and_then(IsoDate::parse) else {
        return 0;
    };
    let (Ok(from), Ok(to)) = (
        jiff::civil::Date::new(day.year() as i16, day.month() as i8, day.day() as i8),
        jiff::civil::Date::new(today.year() as i16, today.month() as i8, today.day() as i8),
    ) else {
        return 0;
    };
    let days = (to - from).get_days();
    u32::try_from(days.max(0)).unwrap_or(0)
}

/// One brief to analyse: its pinned checklists, its answers as stored (question id, entry JSON),
/// and its follow-up briefings.
type Work<'a> = (
    &'a [&'a Checklist],
    Vec<(String, String)>,
    &'a [(String, Vec<String>)],
);

/// What the board keeps of one brief's gap analysis (the full report is dropped where it was made).
struct Summary {
    row: BoardRow,
    medium: u32,
    sections: Vec<SectionProgress>,
    overdue: u32,
}

/// Parses and analyses one chunk of briefs.
fn summarize(
    chunk: &[Work<'_>],
    today: IsoDate,
    today_text: &str,
) -> Result<Vec<Summary>, StoreError> {
    let mut entries = Vec::with_capacity(chunk.len());
    for (_, raw, _) in chunk {
        let mut map = BTreeMap::new();
        for (question, json) in raw {
            map.insert(question.clone(), serde_json::from_str::<Entry>(json)?);
        }
        entries.push(map);
    }
    let briefs: Vec<Brief<'_>> = chunk
        .iter()
        .zip(&entries)
        .map(|((checklists, _, _), entries)| Brief {
            checklists,
            entries,
        })
        .collect();
    let reports = analyze_all(&briefs, today);
    Ok(reports
        .into_iter()
        .zip(chunk)
        .map(|(report, (_, _, followups))| {
            let open: HashSet<&str> = report.gaps.iter().map(|g| g.key.as_str()).collect();
            let overdue = followups
                .iter()
                .filter(|(day, items)| {
                    day.as_str() < today_text && items.iter().any(|k| open.contains(k.as_str()))
                })
                .count();
            let medium = report
                .gaps
                .iter()
                .filter(|g| g.severity == Severity::Medium)
                .count();
            Summary {
                row: BoardRow::from(&report),
                medium: u32::try_from(medium).unwrap_or(u32::MAX),
                overdue: u32::try_from(overdue).unwrap_or(u32::MAX),
                sections: report.sections,
            }
        })
        .collect())
}

impl Store {
    /// Every brief matching the filter (own and imported), with what the lead's board shows.
    ///
    /// Answers are read here and parsed and analysed on every core (`std::thread::scope`, one chunk
    /// of briefs per thread): on 1,000 briefs the analysis is most of the time.
    pub fn board(&self, filter: &BriefFilter, today: IsoDate) -> Result<Board, StoreError> {
        let items = self.list_briefs(filter)?;
        let mut checklists = Vec::with_capacity(items.len());
        for item in &items {
            checklists.push(self.checklists_of(&item.pins)?);
        }
        let raw = self.raw_entries_of(&items)?;
        let refs: Vec<Vec<&Checklist>> = checklists
            .iter()
            .map(|cs| cs.iter().map(AsRef::as_ref).collect())
            .collect();
        let open_comments = self.count_by_brief(
            "SELECT brief_id, count(*) FROM comment WHERE resolved_at IS NULL GROUP BY brief_id",
        )?;
        let revisions =
            self.count_by_brief("SELECT brief_id, count(*) FROM revision GROUP BY brief_id")?;
        let followups = self.all_followup_dates()?;
        let today_text = today.to_string();
        let none: Vec<(String, Vec<String>)> = Vec::new();
        let work: Vec<Work<'_>> = refs
            .iter()
            .zip(raw)
            .zip(&items)
            .map(|((cs, raw), item)| {
                (
                    cs.as_slice(),
                    raw,
                    followups.get(&item.meta.id).unwrap_or(&none).as_slice(),
                )
            })
            .collect();
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let size = work.len().div_ceil(threads).max(1);
        let summaries: Vec<Summary> = std::thread::scope(|scope| {
            let handles: Vec<_> = work
                .chunks(size)
                .map(|chunk| {
                    let today_text = today_text.as_str();
                    scope.spawn(move || summarize(chunk, today, today_text))
                })
                .collect();
            let mut out = Vec::with_capacity(work.len());
            for handle in handles {
                let part = handle.join().map_err(|_| StoreError::Invalid {
                    field: "board",
                    message: "the gap analysis stopped unexpectedly; try again".into(),
                })??;
                out.extend(part);
            }
            Ok::<_, StoreError>(out)
        })?;

        let sections: Vec<&[SectionProgress]> =
            summaries.iter().map(|s| s.sections.as_slice()).collect();
        let heatmap = heatmap_of(&sections);
        let rows = items
            .into_iter()
            .zip(&summaries)
            .map(|(item, s)| {
                let id = item.meta.id.as_str();
                let mut due = 0;
                let mut next: Option<String> = None;
                for (day, _) in followups.get(id).map(Vec::as_slice).unwrap_or_default() {
                    if *day >= today_text {
                        due += 1;
                        if next.as_ref().is_none_or(|n| day < n) {
                            next = Some(day.clone());
                        }
                    }
                }
                BoardBrief {
                    summary: s.row.clone(),
                    medium: s.medium,
                    open_comments: open_comments.get(id).copied().unwrap_or(0),
                    followups_due: due,
                    followups_overdue: s.overdue,
                    next_followup: next,
                    days_since_change: days_between(&item.meta.updated_at, today),
                    approved_revisions: revisions.get(id).copied().unwrap_or(0),
                    item,
                }
            })
            .collect();
        Ok(Board {
            today: today_text,
            rows,
            heatmap,
        })
    }

    /// The stored answers of each listed brief, in list order: one scan of the answers table for a
    /// long list (cheaper than a lookup per brief), a lookup per brief for a short one.
    fn raw_entries_of(
        &self,
        items: &[BriefListItem],
    ) -> Result<Vec<Vec<(String, String)>>, StoreError> {
        if items.len() < 64 {
            return items.iter().map(|i| self.raw_entries(&i.meta.id)).collect();
        }
        let mut by_brief: HashMap<&str, Vec<(String, String)>> = items
            .iter()
            .map(|i| (i.meta.id.as_str(), Vec::new()))
            .collect();
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
        Ok(items
            .iter()
            .map(|i| by_brief.remove(i.meta.id.as_str()).unwrap_or_default())
            .collect())
    }

    fn count_by_brief(&self, sql: &str) -> Result<HashMap<String, u32>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every follow-up briefing's date with its gap keys, by brief.
    fn all_followup_dates(&self) -> Result<HashMap<String, FollowUpDates>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.brief_id, f.id, substr(f.start, 1, 10), i.gap_key
             FROM followup f LEFT JOIN followup_item i ON i.followup_id = f.id
             ORDER BY f.brief_id, f.id, i.position",
        )?;
        let mut out: HashMap<String, FollowUpDates> = HashMap::new();
        let mut last: Option<String> = None;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let brief: String = r.get(0)?;
            let followup: String = r.get(1)?;
            let day: String = r.get(2)?;
            let key: Option<String> = r.get(3)?;
            let list = out.entry(brief).or_default();
            if last.as_deref() != Some(followup.as_str()) {
                list.push((day, Vec::new()));
                last = Some(followup);
            }
            if let (Some(key), Some(current)) = (key, list.last_mut()) {
                current.1.push(key);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use super::*;

    #[test]
    fn days_between_dates() {
        let today = IsoDate::parse("2026-11-23").unwrap();
        assert_eq!(days_between("2026-11-23T10:00:00.000Z", today), 0);
        assert_eq!(days_between("2026-11-01T10:00:00.000Z", today), 22);
        assert_eq!(days_between("2025-11-23T10:00:00.000Z", today), 365);
        assert_eq!(
            days_between("2026-12-01T10:00:00.000Z", today),
            0,
            "never negative"
        );
        assert_eq!(days_between("garbage", today), 0);
    }
}
