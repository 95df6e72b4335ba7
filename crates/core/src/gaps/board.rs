//! The lead's board: gap analysis over many briefs, and one summary row per brief.
//!
//! Briefs that share the same checklists (the usual case) share one question index: it is built once
//! per distinct set of checklists, not once per brief.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::gaps::{
    Completeness, Entries, GapReport, Index, IsoDate, ProcessStatus, SectionProgress,
    analyze_indexed,
};
use crate::model::{Checklist, Severity};

/// One brief as the board sees it: its checklists and its answers.
#[derive(Debug, Clone, Copy)]
pub struct Brief<'a> {
    /// The core and add-ons the brief is pinned to.
    pub checklists: &'a [&'a Checklist],
    /// Its answers.
    pub entries: &'a Entries,
}

/// Analyzes every brief, in order.
pub fn analyze_all(briefs: &[Brief<'_>], today: IsoDate) -> Vec<GapReport> {
    let mut indexes: Vec<(Vec<*const Checklist>, Index<'_>)> = Vec::new();
    let mut out = Vec::with_capacity(briefs.len());
    for brief in briefs {
        let key: Vec<*const Checklist> = brief.checklists.iter().map(|c| *c as *const _).collect();
        let at = match indexes.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                indexes.push((key, Index::new(brief.checklists)));
                indexes.len() - 1
            }
        };
        let index = &indexes[at].1;
        out.push(analyze_indexed(
            brief.checklists,
            index,
            brief.entries,
            today,
        ));
    }
    out
}

/// What the board shows for one brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BoardRow {
    /// Completeness of the whole brief.
    pub completeness: Completeness,
    /// Open gaps.
    pub gaps: u32,
    /// Open gaps of high severity.
    pub high: u32,
    /// Answers the client will send later, not yet due.
    pub pending: u32,
    /// Processes neither documented nor described.
    pub processes_not_described: u32,
    /// Ready for kickoff.
    pub ready: bool,
}

impl From<&GapReport> for BoardRow {
    fn from(report: &GapReport) -> BoardRow {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        BoardRow {
            completeness: report.completeness,
            gaps: count(report.gaps.len()),
            high: count(
                report
                    .gaps
                    .iter()
                    .filter(|g| g.severity == Severity::High)
                    .count(),
            ),
            pending: count(report.pending.len()),
            processes_not_described: count(
                report
                    .processes
                    .iter()
                    .filter(|p| p.status == ProcessStatus::NotDescribed)
                    .count(),
            ),
            ready: report.verdict.ready,
        }
    }
}

/// One column of the heatmap: a checklist section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HeatColumn {
    /// The checklist.
    pub checklist: String,
    /// The checklist's title.
    pub checklist_title: crate::text::Text,
    /// The section id.
    pub section: String,
    /// The section title.
    pub title: crate::text::Text,
}

/// The lead's heatmap: briefs (rows, in the order given) × checklist sections (columns), each cell
/// the section's completeness in that brief, or nothing when the brief does not have the section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Heatmap {
    /// Sections, grouped by checklist in the order they first appear.
    pub columns: Vec<HeatColumn>,
    /// One row per report; `cells[i]` belongs to `columns[i]`.
    pub rows: Vec<Vec<Option<Completeness>>>,
}

/// The heatmap of the given reports (one per brief).
pub fn heatmap(reports: &[GapReport]) -> Heatmap {
    let sections: Vec<&[SectionProgress]> = reports.iter().map(|r| r.sections.as_slice()).collect();
    heatmap_of(&sections)
}

/// The heatmap of briefs given by their section progress (one slice per brief, in row order).
pub fn heatmap_of(briefs: &[&[SectionProgress]]) -> Heatmap {
    let mut columns: Vec<HeatColumn> = Vec::new();
    for sections in briefs {
        for s in *sections {
            if columns
                .iter()
                .any(|c| c.checklist == s.checklist && c.section == s.section)
            {
                continue;
            }
            let column = HeatColumn {
                checklist: s.checklist.clone(),
                checklist_title: s.checklist_title.clone(),
                section: s.section.clone(),
                title: s.title.clone(),
            };
            match columns.iter().rposition(|c| c.checklist == s.checklist) {
                Some(last) => columns.insert(last + 1, column),
                None => columns.push(column),
            }
        }
    }
    let rows = briefs
        .iter()
        .map(|sections| {
            columns
                .iter()
                .map(|c| {
                    sections
                        .iter()
                        .find(|s| s.checklist == c.checklist && s.section == c.section)
                        .map(|s| s.completeness)
                })
                .collect()
        })
        .collect();
    Heatmap { columns, rows }
}
