//! Upgrading a brief from the checklist versions it is pinned to (a core and its add-ons) to newer
//! ones, without ever losing an answer.
//!
//! Two steps, both pure:
//!
//! 1. [`plan`] compares the old and the new versions and decides, once per question of the old
//!    checklists, where its answer goes (a [`Route`]), and which archived answers can come back (a
//!    [`Restore`]). It also runs the plan on the brief's answers, so its [`UpgradeReport`] is exactly
//!    what [`apply`] will do: the preview the app shows before anything changes.
//! 2. [`apply`] moves the answers. Every answer ends up either among the brief's answers (under its
//!    new question id) or in the archive, with its answer and evidence unchanged; nothing is dropped.
//!
//! Decisions (see also `docs/checklist-format.md`, "How a brief is upgraded"):
//!
//! - **Renames compose.** Each version's `renamed` maps ids of the version before it to its own ids.
//!   A question is followed through every version between the old and the new one that the caller
//!   passes in `history` (the store passes every version it has stored), so `a → b` in v2 and
//!   `b → c` in v3 take an answer to `a` from v1 straight to `c`. A version missing from `history`
//!   is reported as a warning: its renames cannot be followed, and an answer whose question it
//!   renamed is archived, not lost. A question that moved to another checklist (from the core to an
//!   add-on) is found there by the id it had when it left, and followed through that checklist's
//!   renames (and on, if it moves again). A downgrade maps answers by id only.
//! - **Values are never converted.** An answer whose question changed kind stays with the question
//!   and is marked to confirm ([`Entry::to_confirm`]) unless it plainly still fits: a text answer
//!   (short text, long text, link or date) to a question that now takes short or long text, within
//!   its `max_length`. States (unknown, later, not applicable) fit every kind. An answered choice or
//!   table column that no longer exists also marks the answer to confirm.
//! - **Two answers, one question.** When several answers map to the same question (two questions
//!   renamed into one, or a rename onto a question that kept its id), the answer that has been at
//!   that id the longest wins: one that kept its id beats one renamed into it, an earlier rename beats
//!   a later one; a live answer beats an archived one and a recently archived one an older one; then
//!   the lower old id wins. The others are archived as displaced (or stay archived). This order is
//!   what upgrading one version at a time would do, so v1 → v2 → v3 places the same answers as
//!   v1 → v3 (checked by property tests; across checklists, as long as no id is re-used for a new
//!   question after its question moved away).
//! - **Archived answers come back** when an upgrade of their checklist brings their question back
//!   (the id re-appears, or a rename leads to a question of the new version) and no live answer holds
//!   it. A restored answer whose question changed kind is marked to confirm as above.
//! - Answers to questions of none of the old checklists (ad-hoc questions, say) are carried over
//!   unchanged and listed as `unlisted`.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

use crate::answer::{Answer, AnswerValue, Entry};
use crate::model::{Checklist, Kind, Question, Section};

pub use report::*;

mod report;

/// Where a question stands among a set of checklists.
type Located<'a> = (&'a Checklist, &'a Section, &'a Question);

/// Every question of `checklists` by id; the first wins if an id repeats.
fn index<'a>(checklists: &[&'a Checklist]) -> BTreeMap<&'a str, Located<'a>> {
    let mut out = BTreeMap::new();
    for c in checklists {
        for (s, q) in c.questions() {
            out.entry(q.id.as_str()).or_insert((*c, s, q));
        }
    }
    out
}

/// The known versions of each checklist id, by version; the first of a duplicate wins.
struct Versions<'a> {
    by_id: BTreeMap<&'a str, BTreeMap<u32, &'a Checklist>>,
}

impl<'a> Versions<'a> {
    fn new(sets: &[&[&'a Checklist]]) -> Self {
        let mut by_id: BTreeMap<&'a str, BTreeMap<u32, &'a Checklist>> = BTreeMap::new();
        for set in sets {
            for c in *set {
                by_id
                    .entry(c.id.as_str())
                    .or_default()
                    .entry(c.version)
                    .or_insert(*c);
            }
        }
        Versions { by_id }
    }

    /// Version `version` of checklist `id`, if known.
    fn get(&self, id: &str, version: u32) -> Option<&'a Checklist> {
        self.by_id.get(id)?.get(&version).copied()
    }

    /// The known versions of `id` after `after`, up to and including `upto`, oldest first.
    fn between(&self, id: &str, after: u32, upto: u32) -> Vec<&'a Checklist> {
        match self.by_id.get(id) {
            Some(versions) if after < upto => {
                versions.range(after + 1..=upto).map(|(_, c)| *c).collect()
            }
            _ => Vec::new(),
        }
    }
}

/// Where a question went along one checklist's versions.
struct Followed {
    /// Its id in the last version.
    id: String,
    /// The renames, oldest first.
    steps: Vec<RenameStep>,
    /// When it was last missing from a version after being in the one before (removed, or moved to
    /// another checklist): its id then, and how many of `steps` came before.
    left: Option<(String, usize)>,
    /// Whether the question was in any of the versions, or the one before.
    seen: bool,
}

/// Follows `id` through the `renamed` of each version in `chain` (oldest first); `present` says
/// whether the version before the chain has the question.
fn follow(id: &str, chain: &[&Checklist], mut present: bool) -> Followed {
    let mut current = id.to_owned();
    let mut steps = Vec::new();
    let mut left = None;
    let mut seen = present;
    for c in chain {
        if let Some(next) = c.renamed.get(&current)
            && next != &current
        {
            steps.push(RenameStep {
                checklist: c.id.clone(),
                version: c.version,
                from: std::mem::replace(&mut current, next.clone()),
                to: next.clone(),
            });
        }
        let here = c.question(&current).is_some();
        if present && !here {
            left = Some((current.clone(), steps.len()));
        }
        present = here;
        seen |= here;
    }
    Followed {
        id: current,
        steps,
        left,
        seen,
    }
}

/// Finds where a question of the old versions is in the new ones.
struct Resolver<'r, 'a> {
    versions: &'r Versions<'a>,
    old_version: &'r BTreeMap<&'a str, u32>,
    new_version: &'r BTreeMap<&'a str, u32>,
    new_questions: &'r BTreeMap<&'a str, Located<'a>>,
    to: &'r [&'a Checklist],
}

impl Resolver<'_, '_> {
    /// How many times a question is followed from one checklist into another.
    const MAX_MOVES: usize = 4;

    /// The versions of checklist `id` after `after`, up to its new version.
    fn chain(&self, id: &str, after: u32) -> Vec<&Checklist> {
        match self.new_version.get(id) {
            Some(&upto) => self.versions.between(id, after, upto),
            None => Vec::new(),
        }
    }

    /// Follows question `id` of checklist `owner` from version `after` (which has it if
    /// `present`) to its id in the new versions, with the renames on the way. It goes through the
    /// owner's renames; when it left the owner on the way (or is not found), it may have moved to
    /// another checklist, so it is followed, from the id it had when it left, through the renames
    /// each other new checklist made since the brief's version of it (all of them if it is new), and
    /// on from there. Another checklist that has it wins over the owner bringing the id back later:
    /// that is where upgrading one version at a time would have taken it. When it is found nowhere,
    /// the id is not a question of the new versions.
    fn resolve(
        &self,
        id: &str,
        owner: &str,
        after: u32,
        present: bool,
        moves: usize,
    ) -> (String, Vec<RenameStep>) {
        let own = follow(id, &self.chain(owner, after), present);
        if !own.seen {
            // Never a question of this checklist: nothing to follow here.
            return (own.id, own.steps);
        }
        let found = self.new_questions.contains_key(own.id.as_str());
        let search = match own.left {
            Some(left) => Some(left),
            None if !found => Some((own.id.clone(), own.steps.len())),
            None => None,
        };
        if let Some((left_as, before)) = search
            && moves < Self::MAX_MOVES
        {
            for other in self.to.iter().filter(|c| c.id != owner) {
                let since = self
                    .old_version
                    .get(other.id.as_str())
                    .copied()
                    .unwrap_or(0);
                let there = self
                    .versions
                    .get(&other.id, since)
                    .is_some_and(|c| c.question(&left_as).is_some());
                let (moved, more) = self.resolve(&left_as, &other.id, since, there, moves + 1);
                if self.new_questions.contains_key(moved.as_str()) {
                    let mut steps = own.steps;
                    steps.truncate(before);
                    steps.extend(more);
                    return (moved, steps);
                }
            }
        }
        (own.id, own.steps)
    }
}

fn target((c, s, q): Located<'_>) -> Target {
    Target {
        question_id: q.id.clone(),
        checklist: c.id.clone(),
        version: c.version,
        section: s.id.clone(),
        kind: q.kind,
        choices: q.choices.iter().map(|ch| ch.id.clone()).collect(),
        columns: q.columns.iter().map(|col| col.id.clone()).collect(),
        max_length: q.max_length,
    }
}

fn pins(checklists: &[&Checklist]) -> Vec<Pin> {
    checklists
        .iter()
        .map(|c| Pin {
            checklist: c.id.clone(),
            version: c.version,
        })
        .collect()
}

/// Plans the upgrade of a brief from the checklist versions `from` to the versions `to`.
///
/// `history` holds whatever other versions of these checklists are known (the store passes every
/// version it has stored; duplicates of `from` and `to` are fine): renames are followed through
/// each of them. `entries` are the brief's answers by question id and `archived` its archived
/// answers; the plan's report says what [`apply`] does to them.
pub fn plan(
    from: &[&Checklist],
    to: &[&Checklist],
    history: &[&Checklist],
    entries: &BTreeMap<String, Entry>,
    archived: &[ArchivedAnswer],
) -> UpgradePlan {
    let versions = Versions::new(&[to, from, history]);
    let old_version: BTreeMap<&str, u32> =
        from.iter().map(|c| (c.id.as_str(), c.version)).collect();
    let new_version: BTreeMap<&str, u32> = to.iter().map(|c| (c.id.as_str(), c.version)).collect();
    let new_questions = index(to);
    let resolver = Resolver {
        versions: &versions,
        old_version: &old_version,
        new_version: &new_version,
        new_questions: &new_questions,
        to,
    };
    let resolve = |id: &str, owner: &str, after: u32| resolver.resolve(id, owner, after, true, 0);

    let mut routes = Vec::new();
    let mut seen = BTreeSet::new();
    for c in from {
        for (s, q) in c.questions() {
            if !seen.insert(q.id.as_str()) {
                continue;
            }
            let (id, renames) = resolve(&q.id, &c.id, c.version);
            routes.push(Route {
                from: Source {
                    question_id: q.id.clone(),
                    checklist: c.id.clone(),
                    version: c.version,
                    section: s.id.clone(),
                    prompt: q.prompt.clone(),
                    kind: q.kind,
                    choices: q.choices.iter().map(|ch| ch.id.clone()).collect(),
                },
                to: new_questions.get(id.as_str()).copied().map(target),
                renames,
            });
        }
    }

    // An archived answer is reconsidered only when its checklist's version changes.
    let restores = archived
        .iter()
        .filter(|a| {
            new_version.contains_key(a.checklist.as_str())
                && old_version.get(a.checklist.as_str()) != new_version.get(a.checklist.as_str())
        })
        .filter_map(|a| {
            let (id, renames) = resolve(&a.question_id, &a.checklist, a.version);
            new_questions.get(id.as_str()).map(|&found| Restore {
                question_id: a.question_id.clone(),
                checklist: a.checklist.clone(),
                version: a.version,
                to: target(found),
                renames,
            })
        })
        .collect();

    let mut report = UpgradeReport::default();
    let ids: BTreeSet<&str> = old_version
        .keys()
        .chain(new_version.keys())
        .copied()
        .collect();
    for id in ids {
        let (before, after) = (old_version.get(id).copied(), new_version.get(id).copied());
        if before == after {
            continue;
        }
        let mut notes = Vec::new();
        if let (Some(b), Some(a)) = (before, after) {
            if a < b {
                report.warnings.push(UpgradeWarning::Downgrade {
                    checklist: id.to_owned(),
                    from: b,
                    to: a,
                });
            }
            let known = versions.between(id, b, a);
            let missing: Vec<u32> = (b.saturating_add(1)..a)
                .filter(|v| !known.iter().any(|c| c.version == *v))
                .collect();
            if !missing.is_empty() {
                report.warnings.push(UpgradeWarning::MissingVersions {
                    checklist: id.to_owned(),
                    versions: missing,
                });
            }
            notes = known
                .iter()
                .map(|c| VersionNotes {
                    version: c.version,
                    changes: c.changes.clone(),
                })
                .collect();
        }
        report.checklists.push(ChecklistChange {
            checklist: id.to_owned(),
            from: before,
            to: after,
            notes,
        });
    }
    let reached: BTreeSet<&str> = routes
        .iter()
        .filter_map(|r| r.to.as_ref().map(|t| t.question_id.as_str()))
        .collect();
    for c in to {
        for (s, q) in c.questions() {
            if !reached.contains(q.id.as_str()) {
                report.added.push(AddedQuestion {
                    question_id: q.id.clone(),
                    checklist: c.id.clone(),
                    section: s.id.clone(),
                    prompt: q.prompt.clone(),
                    required: q.required,
                });
            }
        }
    }

    let mut plan = UpgradePlan {
        from: pins(from),
        to: pins(to),
        routes,
        restores,
        report,
    };
    plan.report = run(&plan, entries.clone(), archived.to_vec()).report;
    plan
}

/// Carries out a plan on a brief's answers and archive, returning both in full.
///
/// Pass the answers and archive the plan was made from; the result is then exactly the plan's
/// report. Given others (the brief changed since the preview), nothing is lost either: an answer
/// the plan has no route for is carried over unchanged and listed as `unlisted`.
pub fn apply(
    plan: &UpgradePlan,
    entries: BTreeMap<String, Entry>,
    archived: Vec<ArchivedAnswer>,
) -> Upgraded {
    run(plan, entries, archived)
}

/// One answer that wants a question of the new versions.
struct Candidate<'p> {
    /// Who has been at the target the longest sorts first; see [`priority`].
    priority: Priority,
    /// The answer's old id.
    name: String,
    what: Claim<'p>,
}

enum Claim<'p> {
    /// A live answer routed here.
    Routed(&'p Route, Entry),
    /// An archived answer (with its index in the archive) that may be restored here.
    Restore(usize, &'p ArchivedAnswer, &'p Restore),
}

/// The order in which answers claim a question, first wins: the renames that brought each one
/// there, latest first, as (version, id before) — an answer that kept its id has none and sorts
/// first, an earlier rename before a later one; then live answers before archived ones, the most
/// recently archived first (the archive is in the order answers were archived); then by old id.
type Priority = (Vec<(u32, String)>, Option<Reverse<usize>>, String);

fn priority(renames: &[RenameStep], archived_at: Option<usize>, name: &str) -> Priority {
    (
        renames
            .iter()
            .rev()
            .map(|r| (r.version, r.from.clone()))
            .collect(),
        archived_at.map(Reverse),
        name.to_owned(),
    )
}

fn run(
    plan: &UpgradePlan,
    entries: BTreeMap<String, Entry>,
    archived: Vec<ArchivedAnswer>,
) -> Upgraded {
    let mut report = UpgradeReport {
        checklists: plan.report.checklists.clone(),
        warnings: plan.report.warnings.clone(),
        added: plan.report.added.clone(),
        ..UpgradeReport::default()
    };
    let mut routes: BTreeMap<&str, &Route> = BTreeMap::new();
    for r in &plan.routes {
        routes.entry(r.from.question_id.as_str()).or_insert(r);
    }
    describe(&plan.routes, &entries, &mut report);

    // Answers the plan has no route for stay where they are, ahead of every claim.
    let mut out: BTreeMap<String, Entry> = BTreeMap::new();
    let mut claims: BTreeMap<String, Vec<Candidate<'_>>> = BTreeMap::new();
    let mut fresh: Vec<ArchivedAnswer> = Vec::new();
    for (id, entry) in entries {
        let Some(route) = routes.get(id.as_str()) else {
            report.unlisted.push(id.clone());
            out.insert(id, entry);
            continue;
        };
        match &route.to {
            None => {
                report.archived.push(id.clone());
                fresh.push(archive(&route.from, ArchiveReason::Removed, entry));
            }
            Some(t) => claims
                .entry(t.question_id.clone())
                .or_default()
                .push(Candidate {
                    priority: priority(&route.renames, None, &id),
                    name: id,
                    what: Claim::Routed(route, entry),
                }),
        }
    }
    for (i, a) in archived.iter().enumerate() {
        let restore = plan.restores.iter().find(|r| {
            r.question_id == a.question_id && r.checklist == a.checklist && r.version == a.version
        });
        if let Some(r) = restore {
            claims
                .entry(r.to.question_id.clone())
                .or_default()
                .push(Candidate {
                    priority: priority(&r.renames, Some(i), &a.question_id),
                    name: a.question_id.clone(),
                    what: Claim::Restore(i, a, r),
                });
        }
    }

    let mut restored = BTreeSet::new();
    for (question_id, mut candidates) in claims {
        candidates.sort_by(|a, b| a.priority.cmp(&b.priority));
        let mut candidates = candidates.into_iter();
        let kept = if out.contains_key(&question_id) {
            question_id.clone()
        } else {
            let Some(winner) = candidates.next() else {
                continue;
            };
            let entry = match winner.what {
                Claim::Routed(route, entry) => match &route.to {
                    Some(t)
                        if (&route.from.checklist, route.from.version)
                            != (&t.checklist, t.version) =>
                    {
                        recheck(&mut report, route.from.kind, t, entry)
                    }
                    _ => entry,
                },
                Claim::Restore(i, a, r) => {
                    restored.insert(i);
                    report.restored.push(Restored {
                        question_id: question_id.clone(),
                        from: a.question_id.clone(),
                        checklist: a.checklist.clone(),
                        version: a.version,
                    });
                    recheck(&mut report, a.kind, &r.to, a.entry.clone())
                }
            };
            out.insert(question_id.clone(), entry);
            winner.name
        };
        for loser in candidates {
            report.conflicts.push(Conflict {
                question_id: question_id.clone(),
                kept: kept.clone(),
                set_aside: loser.name.clone(),
                already_archived: matches!(loser.what, Claim::Restore(..)),
            });
            if let Claim::Routed(route, entry) = loser.what {
                report.archived.push(loser.name);
                let reason = ArchiveReason::Displaced {
                    question_id: question_id.clone(),
                    kept: kept.clone(),
                };
                fresh.push(archive(&route.from, reason, entry));
            }
        }
    }

    let mut all: Vec<ArchivedAnswer> = archived
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !restored.contains(i))
        .map(|(_, a)| a)
        .collect();
    all.extend(fresh);
    Upgraded {
        entries: out,
        archived: all,
        report,
    }
}

/// The question-level part of the report: removed, renamed, kind-changed, choice-losing and moved
/// questions, each saying whether the brief has an entry for it.
fn describe(routes: &[Route], entries: &BTreeMap<String, Entry>, report: &mut UpgradeReport) {
    for r in routes {
        let has_entry = entries.contains_key(&r.from.question_id);
        let Some(t) = &r.to else {
            report.removed.push(RemovedQuestion {
                question_id: r.from.question_id.clone(),
                checklist: r.from.checklist.clone(),
                version: r.from.version,
                prompt: r.from.prompt.clone(),
                has_entry,
            });
            continue;
        };
        if !r.renames.is_empty() {
            report.renamed.push(RenamedQuestion {
                from: r.from.question_id.clone(),
                to: t.question_id.clone(),
                checklist: r.from.checklist.clone(),
                steps: r.renames.clone(),
                has_entry,
            });
        }
        if r.from.kind != t.kind {
            report.kind_changed.push(KindChange {
                question_id: t.question_id.clone(),
                from: r.from.kind,
                to: t.kind,
                has_entry,
            });
        }
        let gone: Vec<String> = r
            .from
            .choices
            .iter()
            .filter(|c| t.kind.has_choices() && !t.choices.contains(c))
            .cloned()
            .collect();
        if !gone.is_empty() {
            report.choices_removed.push(ChoicesRemoved {
                question_id: t.question_id.clone(),
                choices: gone,
            });
        }
        if (&r.from.checklist, &r.from.section) != (&t.checklist, &t.section) {
            report.moved.push(MovedQuestion {
                question_id: t.question_id.clone(),
                from: Place {
                    checklist: r.from.checklist.clone(),
                    section: r.from.section.clone(),
                },
                to: Place {
                    checklist: t.checklist.clone(),
                    section: t.section.clone(),
                },
            });
        }
    }
}

fn archive(from: &Source, reason: ArchiveReason, entry: Entry) -> ArchivedAnswer {
    ArchivedAnswer {
        question_id: from.question_id.clone(),
        checklist: from.checklist.clone(),
        version: from.version,
        prompt: from.prompt.clone(),
        kind: from.kind,
        reason,
        entry,
    }
}

/// Marks `entry` to confirm when its value may no longer fit `to`, and records why.
fn recheck(report: &mut UpgradeReport, from: Kind, to: &Target, mut entry: Entry) -> Entry {
    let reasons = match &entry.answer {
        Answer::Answered(value) => misfits(from, to, value),
        Answer::Unknown | Answer::Later { .. } | Answer::NotApplicable { .. } => Vec::new(),
    };
    if !reasons.is_empty() {
        entry.to_confirm = true;
        report.rechecks.push(Recheck {
            question_id: to.question_id.clone(),
            reasons,
        });
    }
    entry
}

/// Why a value given to a `from` question may not fit the question `to`; empty when it fits.
fn misfits(from: Kind, to: &Target, value: &AnswerValue) -> Vec<RecheckReason> {
    let mut reasons = Vec::new();
    if from != to.kind && !text_fits(from, to, value) {
        reasons.push(RecheckReason::KindChanged { from, to: to.kind });
    }
    let picked: Vec<&String> = match value {
        AnswerValue::Choice(id) => vec![id],
        AnswerValue::Choices(ids) => ids.iter().collect(),
        _ => Vec::new(),
    };
    let gone: Vec<String> = picked
        .into_iter()
        .filter(|id| to.kind.has_choices() && !to.choices.contains(id))
        .cloned()
        .collect();
    if !gone.is_empty() {
        reasons.push(RecheckReason::ChoicesGone { choices: gone });
    }
    if let (Kind::Table, AnswerValue::Rows(rows)) = (to.kind, value) {
        let columns: BTreeSet<&String> = rows
            .iter()
            .flat_map(|row| row.keys())
            .filter(|c| !to.columns.contains(c))
            .collect();
        if !columns.is_empty() {
            reasons.push(RecheckReason::ColumnsGone {
                columns: columns.into_iter().cloned().collect(),
            });
        }
    }
    reasons
}

/// Whether a kind change plainly keeps the value valid: any text answer (short or long text, link,
/// date) to a question that now takes short or long text, within its `max_length`.
fn text_fits(from: Kind, to: &Target, value: &AnswerValue) -> bool {
    let from_text = matches!(
        from,
        Kind::ShortText | Kind::LongText | Kind::Link | Kind::Date
    );
    let to_text = matches!(to.kind, Kind::ShortText | Kind::LongText);
    match value {
        AnswerValue::Text(s) if from_text && to_text => to
            .max_length
            .is_none_or(|max| s.chars().count() <= max as usize),
        _ => false,
    }
}
