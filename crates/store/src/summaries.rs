//! Gap summaries of many briefs at once — what the lead's board and the briefs list show — kept in
//! memory and in the database (`gap_summary`, migration 004), and recomputed only for the briefs that
//! changed.
//!
//! A brief's summary depends on the analysis code, its pinned checklist versions (immutable by
//! content hash), its answers and the day (a "will send later" date or a goal deadline passes).
//! Every write to a brief's answers moves its `answer_changes` counter (a trigger, migration 003),
//! whoever writes — this app, the CLI on the same file, a bundle import — so a summary is still right
//! while the counter and the pins are those it was computed for, the build's analysis fingerprint is
//! the same, and the day is within the days it holds for ([`GapReport::stable_through`]). On 1,000
//! briefs a full analysis is most of the board's time; after one edit, one brief is analysed again;
//! after a restart, the summaries are read back instead of analysed.
//!
//! [`GapReport::stable_through`]: deepbrief_core::GapReport::stable_through

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use deepbrief_core::gaps::{
    ANALYSIS_FINGERPRINT, BoardRow, Brief, Completeness, IsoDate, SectionProgress, analyze_all,
};
use deepbrief_core::{Checklist, Entry, Severity, Text};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::Store;
use crate::error::StoreError;
use crate::types::{BriefListItem, PinnedChecklist};

/// Raise when [`Summary`] or [`summarize`] change what a kept summary means; with the core's
/// [`ANALYSIS_FINGERPRINT`] it tells summaries kept by another build, which are analysed again.
const SUMMARY_FORMAT: u32 = 2;

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
    /// Why the brief cannot be analysed (its stored checklists or answers do not load): the brief
    /// is shown as damaged with this, and the other briefs are not affected. Never kept.
    pub damaged: Option<String>,
}

impl Summary {
    /// The summary of a brief that cannot be read: nothing done, nothing ready.
    fn damaged(why: String) -> Summary {
        Summary {
            row: BoardRow {
                completeness: deepbrief_core::gaps::Completeness::new(0, 0),
                gaps: 0,
                high: 0,
                pending: 0,
                processes_not_described: 0,
                ready: false,
            },
            medium: 0,
            sections: Vec::new(),
            open: HashSet::new(),
            damaged: Some(why),
        }
    }
}

/// A summary as the file keeps it: sections by id and counts; their titles are kept once per
/// checklist version in `gap_summary_title` (they were three quarters of every row).
#[derive(Serialize, Deserialize)]
struct KeptSummary {
    row: BoardRow,
    medium: u32,
    /// Checklist id, section id, counts.
    sections: Vec<(String, String, Completeness)>,
    open: HashSet<String>,
}

/// Section titles by (checklist content hash, section id): the checklist's title and the section's.
type Titles = HashMap<(String, String), (Text, Text)>;

/// What a kept summary was computed from.
#[derive(Debug, PartialEq)]
struct Stamp {
    answer_changes: i64,
    pins: Vec<PinnedChecklist>,
}

/// The days a summary holds for: from the day it was computed through the earliest date still to
/// come that the analysis compared an answer with (`None`: every later day).
#[derive(Debug, Clone, Copy)]
struct Days {
    from: IsoDate,
    through: Option<IsoDate>,
}

impl Days {
    fn hold(self, day: IsoDate) -> bool {
        self.from <= day && self.through.is_none_or(|through| day <= through)
    }
}

/// A summary kept in memory with what it was computed from.
#[derive(Debug)]
struct Kept {
    stamp: Stamp,
    days: Days,
    summary: Arc<Summary>,
}

/// Summaries by brief id.
#[derive(Debug, Default)]
pub(crate) struct SummaryCache {
    briefs: HashMap<String, Kept>,
}

/// One brief to analyse: its pinned checklists and its answers as stored (question id, entry JSON).
type Work<'a> = (&'a [&'a Checklist], Vec<(String, String)>);

/// A summary analysed just now: the brief's index in the list, its answer counter, the days it
/// holds for, the summary.
type Fresh = (usize, i64, Days, Arc<Summary>);

/// A summary row of the database, as read: answer counter, pins JSON, days, summary JSON.
type Row = (i64, String, Days, String);

/// The key that tells which build's analysis made a kept summary.
fn analysis_key() -> String {
    format!("{ANALYSIS_FINGERPRINT}/{SUMMARY_FORMAT}")
}

impl Store {
    /// Analyses every brief whose summary in the file is missing or stale for `today` and keeps
    /// the new summaries in the file, in one durable transaction. Returns how many were kept. The
    /// board and the briefs list then read them back instead of analysing, in this process and the
    /// next.
    pub fn refresh_summaries(&self, today: IsoDate) -> Result<usize, StoreError> {
        let items = self.list_briefs(&crate::BriefFilter {
            archived: true,
            ..crate::BriefFilter::default()
        })?;
        let mut items = items;
        items.extend(self.list_briefs(&crate::BriefFilter::default())?);
        // What memory holds may not be in the file: start from the file.
        self.summaries.borrow_mut().briefs.clear();
        let (_, computed) = self.summaries_and_fresh(&items, today)?;
        if !computed.is_empty() {
            self.write_rows(&items, &computed)?;
        }
        Ok(computed.len())
    }

    /// The gap summary of each listed brief for `today`, in list order. Summaries still right come
    /// from memory or from the database; the others are read and analysed on every core, and kept
    /// in memory (never written: see [`Store::refresh_summaries`]).
    pub(crate) fn summaries(
        &self,
        items: &[BriefListItem],
        today: IsoDate,
    ) -> Result<Vec<Arc<Summary>>, StoreError> {
        self.summaries_and_fresh(items, today).map(|(all, _)| all)
    }

    /// [`Store::summaries`], with the summaries analysed just now (not read from the file).
    fn summaries_and_fresh(
        &self,
        items: &[BriefListItem],
        today: IsoDate,
    ) -> Result<(Vec<Arc<Summary>>, Vec<Fresh>), StoreError> {
        // One read transaction: the counters and the answers come from the same snapshot, so a
        // summary is never filed under a counter newer than the answers it was computed from.
        let snapshot = self.conn.unchecked_transaction()?;
        let changes = self.answer_changes()?;
        let mut stamps: Vec<Option<Stamp>> = items
            .iter()
            .map(|item| {
                Some(Stamp {
                    answer_changes: changes.get(&item.meta.id).copied().unwrap_or(0),
                    pins: item.pins.clone(),
                })
            })
            .collect();

        let mut cache = self.summaries.borrow_mut();
        let mut stale: Vec<usize> = (0..items.len())
            .filter(|&i| {
                cache.briefs.get(&items[i].meta.id).is_none_or(|kept| {
                    Some(&kept.stamp) != stamps[i].as_ref() || !kept.days.hold(today)
                })
            })
            .collect();

        // Kept in the database by an earlier run (or another process on the same file).
        if !stale.is_empty() {
            let ids: Vec<&str> = stale.iter().map(|&i| items[i].meta.id.as_str()).collect();
            let mut rows = self.kept_rows(&ids)?;
            let titles = if rows.is_empty() {
                Titles::new()
            } else {
                self.kept_titles()?
            };
            stale.retain(|&i| {
                let id = &items[i].meta.id;
                let Some(stamp) = stamps[i].take() else {
                    return true;
                };
                let usable = rows
                    .remove(id.as_str())
                    .and_then(|(changes, pins, days, json)| {
                        let same = changes == stamp.answer_changes
                            && days.hold(today)
                            && serde_json::to_string(&stamp.pins).is_ok_and(|p| p == pins);
                        // A row that does not read back is analysed again, like a stale one.
                        same.then(|| serde_json::from_str::<KeptSummary>(&json).ok())
                            .flatten()
                            .and_then(|kept| unkeep(kept, &stamp.pins, &titles))
                            .map(|summary| (days, summary))
                    });
                match usable {
                    Some((days, summary)) => {
                        let summary = Arc::new(summary);
                        cache.briefs.insert(
                            id.clone(),
                            Kept {
                                stamp,
                                days,
                                summary,
                            },
                        );
                        false
                    }
                    None => {
                        stamps[i] = Some(stamp);
                        true
                    }
                }
            });
        }

        let mut computed = Vec::new();
        let mut damaged: HashMap<usize, Arc<Summary>> = HashMap::new();
        if !stale.is_empty() {
            let ids: Vec<&str> = stale.iter().map(|&i| items[i].meta.id.as_str()).collect();
            let mut raw = self.raw_entries_of(&ids)?;
            // A brief whose checklists or answers do not load is shown as damaged; the others
            // are analysed as usual.
            let mut checklists = Vec::with_capacity(stale.len());
            let mut keep_stale = Vec::with_capacity(stale.len());
            let mut keep_raw = Vec::with_capacity(stale.len());
            for (&i, entries) in stale.iter().zip(raw.drain(..)) {
                let why = match self.checklists_of(&items[i].pins) {
                    Ok(cs) if !cs.is_empty() => match unreadable_entry(&entries) {
                        None => {
                            checklists.push(cs);
                            keep_stale.push(i);
                            keep_raw.push(entries);
                            continue;
                        }
                        Some(why) => why,
                    },
                    Ok(_) => "the brief is pinned to no checklist".to_owned(),
                    Err(e) => e.to_string(),
                };
                damaged.insert(i, Arc::new(Summary::damaged(why)));
            }
            let stale = keep_stale;
            let raw = keep_raw;
            let refs: Vec<Vec<&Checklist>> = checklists
                .iter()
                .map(|cs| cs.iter().map(AsRef::as_ref).collect())
                .collect();
            let work: Vec<Work<'_>> = refs.iter().map(Vec::as_slice).zip(raw).collect();
            let fresh = analyze_in_parallel(&work, today)?;
            for (&i, (summary, through)) in stale.iter().zip(fresh) {
                if let Some(stamp) = stamps[i].take() {
                    let days = Days {
                        from: today,
                        through,
                    };
                    let summary = Arc::new(summary);
                    computed.push((i, stamp.answer_changes, days, Arc::clone(&summary)));
                    cache.briefs.insert(
                        items[i].meta.id.clone(),
                        Kept {
                            stamp,
                            days,
                            summary,
                        },
                    );
                }
            }
        }
        drop(snapshot);

        let all = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                if let Some(summary) = damaged.get(&i) {
                    return Ok(Arc::clone(summary));
                }
                cache
                    .briefs
                    .get(&item.meta.id)
                    .map(|kept| Arc::clone(&kept.summary))
                    .ok_or_else(|| StoreError::Invalid {
                        field: "board",
                        message: format!("no gap summary for brief {}; try again", item.meta.id),
                    })
            })
            .collect::<Result<_, _>>()?;
        Ok((all, computed))
    }

    /// The summary rows kept in the database by this build's analysis, for the briefs given: one
    /// scan for many briefs, a lookup per brief for a few.
    fn kept_rows<'a>(&self, ids: &[&'a str]) -> Result<HashMap<&'a str, Row>, StoreError> {
        let key = analysis_key();
        let read = |r: &rusqlite::Row<'_>| -> rusqlite::Result<Option<Row>> {
            let from: String = r.get(3)?;
            let through: Option<String> = r.get(4)?;
            let Some(from) = IsoDate::parse(&from) else {
                return Ok(None);
            };
            let through = match through {
                None => None,
                Some(t) => match IsoDate::parse(&t) {
                    Some(t) => Some(t),
                    None => return Ok(None),
                },
            };
            Ok(Some((
                r.get(1)?,
                r.get(2)?,
                Days { from, through },
                r.get(5)?,
            )))
        };
        let mut out = HashMap::new();
        if ids.len() < 64 {
            let mut stmt = self.conn.prepare_cached(
                "SELECT brief_id, answer_changes, pins, from_day, through_day, summary
                 FROM gap_summary WHERE brief_id = ?1 AND analysis = ?2",
            )?;
            for id in ids {
                if let Some(Some(row)) = stmt.query_row(params![id, key], read).optional()? {
                    out.insert(*id, row);
                }
            }
            return Ok(out);
        }
        let wanted: HashMap<&str, &'a str> = ids.iter().map(|id| (*id, *id)).collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT brief_id, answer_changes, pins, from_day, through_day, summary
             FROM gap_summary WHERE analysis = ?1",
        )?;
        let mut rows = stmt.query(params![key])?;
        while let Some(r) = rows.next()? {
            let brief = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            if let Some(id) = wanted.get(brief)
                && let Some(row) = read(r)?
            {
                out.insert(*id, row);
            }
        }
        Ok(out)
    }

    /// Every kept section title.
    fn kept_titles(&self) -> Result<Titles, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT checklist_hash, section, checklist_title, title FROM gap_summary_title",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Titles::new();
        while let Some(r) = rows.next()? {
            let checklist_title: String = r.get(2)?;
            let title: String = r.get(3)?;
            // A title that does not read back leaves its sections unknown: analysed again.
            if let (Ok(checklist_title), Ok(title)) = (
                serde_json::from_str::<Text>(&checklist_title),
                serde_json::from_str::<Text>(&title),
            ) {
                out.insert((r.get(0)?, r.get(1)?), (checklist_title, title));
            }
        }
        Ok(out)
    }

    /// Keeps freshly computed summaries in the database, in one transaction (durable like every
    /// other write: one durability setting for the life of a connection).
    fn write_rows(&self, items: &[BriefListItem], computed: &[Fresh]) -> Result<(), StoreError> {
        let key = analysis_key();
        let tx = self.begin_write()?;
        {
            // The titles of every section counted, once per checklist version.
            let mut titles: HashMap<(&str, &str), &SectionProgress> = HashMap::new();
            for (i, _, _, summary) in computed {
                let pins = &items[*i].pins;
                for s in &summary.sections {
                    if let Some(pin) = pins.iter().find(|p| p.checklist == s.checklist) {
                        titles.insert((pin.hash.as_str(), s.section.as_str()), s);
                    }
                }
            }
            let mut stmt = tx.prepare_cached(
                "INSERT OR REPLACE INTO gap_summary_title
                     (checklist_hash, section, checklist_title, title)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            for ((hash, section), s) in titles {
                stmt.execute(params![
                    hash,
                    section,
                    serde_json::to_string(&s.checklist_title)?,
                    serde_json::to_string(&s.title)?,
                ])?;
            }
        }
        {
            let mut stmt = tx.prepare_cached(
                "INSERT INTO gap_summary
                     (brief_id, analysis, answer_changes, pins, from_day, through_day, summary)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (brief_id) DO UPDATE SET
                     analysis = excluded.analysis, answer_changes = excluded.answer_changes,
                     pins = excluded.pins, from_day = excluded.from_day,
                     through_day = excluded.through_day, summary = excluded.summary",
            )?;
            for (i, changes, days, summary) in computed {
                let item = &items[*i];
                stmt.execute(params![
                    item.meta.id,
                    key,
                    changes,
                    serde_json::to_string(&item.pins)?,
                    days.from.to_string(),
                    days.through.map(|d| d.to_string()),
                    serde_json::to_string(&keep(summary))?,
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
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

/// What is wrong with the first stored answer that does not read back, if any.
fn unreadable_entry(raw: &[(String, String)]) -> Option<String> {
    raw.iter().find_map(|(question, json)| {
        serde_json::from_str::<Entry>(json)
            .err()
            .map(|e| format!("the stored answer to `{question}` cannot be read: {e}"))
    })
}

/// A summary as the file keeps it.
fn keep(summary: &Summary) -> KeptSummary {
    KeptSummary {
        row: summary.row.clone(),
        medium: summary.medium,
        sections: summary
            .sections
            .iter()
            .map(|s| (s.checklist.clone(), s.section.clone(), s.completeness))
            .collect(),
        open: summary.open.clone(),
    }
}

/// A kept summary with its section titles put back (shared, not copied, between briefs); `None`
/// when a title is not kept.
fn unkeep(kept: KeptSummary, pins: &[PinnedChecklist], titles: &Titles) -> Option<Summary> {
    let mut sections = Vec::with_capacity(kept.sections.len());
    for (checklist, section, completeness) in kept.sections {
        let hash = &pins.iter().find(|p| p.checklist == checklist)?.hash;
        let (checklist_title, title) = titles.get(&(hash.clone(), section.clone()))?;
        sections.push(SectionProgress {
            checklist,
            checklist_title: checklist_title.clone(),
            section,
            title: title.clone(),
            completeness,
        });
    }
    Some(Summary {
        row: kept.row,
        medium: kept.medium,
        sections,
        open: kept.open,
        damaged: None,
    })
}

/// Parses and analyses the briefs on every core (`std::thread::scope`, one chunk per thread).
fn analyze_in_parallel(
    work: &[Work<'_>],
    today: IsoDate,
) -> Result<Vec<(Summary, Option<IsoDate>)>, StoreError> {
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

/// Parses and analyses one chunk of briefs: each summary with the last day it holds for.
fn summarize(
    chunk: &[Work<'_>],
    today: IsoDate,
) -> Result<Vec<(Summary, Option<IsoDate>)>, StoreError> {
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
            let summary = Summary {
                row: BoardRow::from(&report),
                medium: u32::try_from(medium).unwrap_or(u32::MAX),
                open: report.gaps.iter().map(|g| g.key.to_string()).collect(),
                sections: report.sections,
                damaged: None,
            };
            (summary, report.stable_through)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use super::*;
    use crate::{BriefFilter, NewBrief};
    use deepbrief_core::Sources;
    use deepbrief_folders::load_library;

    fn kept(store: &Store) -> i64 {
        store
            .conn
            .query_row("SELECT count(*) FROM gap_summary", [], |r| r.get(0))
            .unwrap()
    }

    /// The board keeps nothing; the explicit refresh keeps what is stale, durably (the connection
    /// stays `synchronous=FULL`), and a second refresh has nothing to do.
    #[test]
    fn the_board_reads_and_the_refresh_keeps_summaries_durably() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("s.db")).unwrap();
        let library = load_library(&Sources {
            bundled: std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists"),
            agency: None,
            team: None,
        });
        let brief = NewBrief {
            client: "Колесо".into(),
            project: "Сайт".into(),
            services: Vec::new(),
            account_manager: "Анна".into(),
            contacts: Vec::new(),
            language: "ru".into(),
            prefill_from: None,
            industry: String::new(),
        };
        store.create_brief(&brief, &library, "Анна").unwrap();
        let today = IsoDate::new(2026, 11, 23).unwrap();
        store.board(&BriefFilter::default(), today).unwrap();
        store.rows(&BriefFilter::default(), today).unwrap();
        assert_eq!(kept(&store), 0, "a read wrote summaries");
        assert_eq!(store.refresh_summaries(today).unwrap(), 1);
        assert_eq!(kept(&store), 1);
        assert_eq!(store.refresh_summaries(today).unwrap(), 0);
        let synchronous: i64 = store
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap();
        assert_eq!(synchronous, 2, "FULL");
    }
}
