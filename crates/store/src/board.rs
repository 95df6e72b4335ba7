//! The lead's review board: every brief with its gap summary, open comments, follow-ups and age,
//! and the heatmap of briefs × checklist sections. One call gives the UI (and `deepbrief board`)
//! everything it shows; sorting, filtering and grouping happen where the rows are shown.

use std::collections::HashMap;

use deepbrief_core::gaps::{BoardRow, Heatmap, IsoDate, SectionProgress, heatmap_of};
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

impl Store {
    /// Every brief matching the filter (own and imported), with what the lead's board shows.
    ///
    /// The gap summaries come from `Store::summaries`: analysed on every core the first time, then
    /// kept until a brief's answers, pins or the day change.
    pub fn board(&self, filter: &BriefFilter, today: IsoDate) -> Result<Board, StoreError> {
        let items = self.list_briefs(filter)?;
        let summaries = self.summaries(&items, today)?;
        let open_comments = self.count_by_brief(
            "SELECT brief_id, count(*) FROM comment WHERE resolved_at IS NULL GROUP BY brief_id",
        )?;
        let revisions =
            self.count_by_brief("SELECT brief_id, count(*) FROM revision GROUP BY brief_id")?;
        let followups = self.all_followup_dates()?;
        let today_text = today.to_string();

        let sections: Vec<&[SectionProgress]> =
            summaries.iter().map(|s| s.sections.as_slice()).collect();
        let heatmap = heatmap_of(&sections);
        let rows = items
            .into_iter()
            .zip(&summaries)
            .map(|(mut item, s)| {
                item.damaged = item.damaged.or_else(|| s.damaged.clone());
                let id = item.meta.id.as_str();
                let mut due = 0;
                let mut overdue = 0;
                let mut next: Option<String> = None;
                for (day, items) in followups.get(id).map(Vec::as_slice).unwrap_or_default() {
                    if *day >= today_text {
                        due += 1;
                        if next.as_ref().is_none_or(|n| day < n) {
                            next = Some(day.clone());
                        }
                    } else if items.iter().any(|k| s.open.contains(k)) {
                        overdue += 1;
                    }
                }
                BoardBrief {
                    summary: s.row.clone(),
                    medium: s.medium,
                    open_comments: open_comments.get(id).copied().unwrap_or(0),
                    followups_due: due,
                    followups_overdue: overdue,
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
