//! Gap analysis: what stands between a brief and "ready for kickoff".
//!
//! Pure functions over the brief's checklists (a core and its add-ons), its answers and "today" (passed
//! in; the core never reads the clock). [`analyze`] returns a [`GapReport`]:
//!
//! - **completeness** per section and overall: required questions only; answered (with a value that
//!   fits the question) or not applicable counts as done; empty, "doesn't know", "will send later" and
//!   values that do not fit do not. The total counts questions that are shown *or may still be shown*
//!   (their condition waits on an unsettled answer), so that adding an answer never lowers completeness —
//!   see [`reach`] for why and how;
//! - **gaps**, in checklist order, each with a stable key, a message code ([`GapCode`]), the question
//!   ids, the section, a severity, the checklist's own texts (prompt and hint, process title and why,
//!   rule message) and the follow-up agenda. Hidden questions never produce a gap;
//! - **pending** answers: "will send later" whose date has not passed (not a gap);
//! - **process** statuses: documented, described in the interview, described by the account manager's
//!   note, not described, not asked;
//! - the **verdict**: ready for kickoff when no gap of severity medium or high is open and no required
//!   answer is pending (the rule is spelled out on [`Verdict`]).
//!
//! Ad-hoc questions an account manager adds to one brief are not part of this analysis: they have no
//! `required` flag, no section and no condition in any checklist, and the store keeps them apart. The
//! store may list them beside the report.
//!
//! [`follow_up_items`] turns a report's gaps into follow-up items with the same stable keys, and
//! [`is_open`] tells whether a later report still has an item's gap. [`analyze_all`] runs the analysis
//! over many briefs for the lead's board.

mod board;
pub(crate) mod check;
pub mod date;
mod followup;
mod key;
pub mod message;
mod reach;
pub mod vague;
pub mod words;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::answer::{Answer, AnswerValue, Entry};
use crate::model::{Checklist, GoalPart, Kind, Process, Question, Rule, Section, Severity};
use crate::text::Text;
use crate::visibility::Visibility;

pub use board::{BoardRow, Brief, HeatColumn, Heatmap, analyze_all, heatmap, heatmap_of};
pub use check::{LINK_SCHEMES, ValueProblem, link_scheme, scheme_allowed};
pub use date::{BadDate, IsoDate};
pub use followup::{FollowUpItem, follow_up_items, is_open, subject_of};
pub use key::GapKey;

use reach::{Reach, Tri};

/// Identifies the gap analysis of this build (crate version and a hash of the crate's source): a
/// caller that keeps reports between runs keeps them only under the same fingerprint.
pub const ANALYSIS_FINGERPRINT: &str = env!("DEEPBRIEF_ANALYSIS_FINGERPRINT");

/// A brief's answers: question id → what was recorded.
pub type Entries = BTreeMap<String, Entry>;

/// Everything gap analysis finds in one brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GapReport {
    /// The day the analysis was made for: "will send later" dates are compared with it.
    pub today: IsoDate,
    /// Completeness of the whole brief.
    pub completeness: Completeness,
    /// Completeness of each section that is or may still be shown, in checklist order.
    pub sections: Vec<SectionProgress>,
    /// Every open gap, in checklist order.
    pub gaps: Vec<Gap>,
    /// Answers the client will send later and whose date has not passed: not gaps yet.
    pub pending: Vec<Pending>,
    /// The status of every declared process.
    pub processes: Vec<ProcessReport>,
    /// Whether the brief is ready for kickoff, and why not.
    pub verdict: Verdict,
    /// The last day for which this report stays the same: the earliest date still to come that an
    /// answer was compared with ("will send later" dates and goal deadlines). `None`: no such date,
    /// the report holds on every later day. Lets a caller keep a report across days.
    #[serde(skip)]
    #[ts(skip)]
    pub stable_through: Option<IsoDate>,
}

/// Done and total required questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Completeness {
    /// Required questions answered (with a fitting value) or marked not applicable.
    pub done: u32,
    /// Required questions that are shown or may still be shown.
    pub total: u32,
    /// `done / total` in whole percent, rounded down (100 only when everything is done; 100 when
    /// nothing is required).
    pub percent: u8,
}

impl Completeness {
    /// Completeness from the two counts.
    pub fn new(done: u32, total: u32) -> Completeness {
        let percent = if total == 0 {
            100
        } else {
            (u64::from(done.min(total)) * 100 / u64::from(total)) as u8
        };
        Completeness {
            done,
            total,
            percent,
        }
    }

    /// `done / total` as a fraction in 0…1 (1 when nothing is required).
    pub fn ratio(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            f64::from(self.done) / f64::from(self.total)
        }
    }
}

/// Completeness of one section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SectionProgress {
    /// The checklist the section belongs to.
    pub checklist: String,
    /// That checklist's title.
    pub checklist_title: Text,
    /// The section id.
    pub section: String,
    /// The section title.
    pub title: Text,
    /// Done and total required questions of the section.
    pub completeness: Completeness,
}

/// What kind of gap it is: the message code the UI and the letter translate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum GapCode {
    /// A shown required question has no answer.
    MissingAnswer,
    /// The recorded value does not fit the question ([`Gap::problem`] says how).
    InvalidAnswer,
    /// The client does not know.
    Unknown,
    /// "Will send later", and the date ([`Gap::due`]) has passed.
    Overdue,
    /// Carried over from an earlier brief and not yet confirmed by the client.
    ToConfirm,
    /// The answer is vague where the question asks for specifics ([`Gap::terms`]).
    VagueAnswer,
    /// The goal lacks a metric, a target value, a future deadline or a rationale
    /// ([`Gap::goal_parts`]).
    GoalIncomplete,
    /// A declared process is neither documented nor described in the interview.
    ProcessNotDescribed,
    /// A checklist rule raised its flag.
    RuleFlag,
}

impl GapCode {
    /// The code's snake_case name, as serialized.
    pub fn name(self) -> &'static str {
        match self {
            GapCode::MissingAnswer => "missing_answer",
            GapCode::InvalidAnswer => "invalid_answer",
            GapCode::Unknown => "unknown",
            GapCode::Overdue => "overdue",
            GapCode::ToConfirm => "to_confirm",
            GapCode::VagueAnswer => "vague_answer",
            GapCode::GoalIncomplete => "goal_incomplete",
            GapCode::ProcessNotDescribed => "process_not_described",
            GapCode::RuleFlag => "rule_flag",
        }
    }
}

/// One gap of a brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Gap {
    /// Stable key, the same in every analysis of the brief while the gap stays open:
    /// `answer:<question>` (missing, invalid, unknown or overdue: one gap per question whatever its
    /// state), `confirm:<question>`, `vague:<question>`, `goal:<checklist>`,
    /// `process:<checklist>:<process>`, `rule:<checklist>:<rule>` — typed ([`GapKey`]), written as
    /// that text on the wire.
    #[ts(type = "string")]
    pub key: GapKey,
    /// What kind of gap.
    pub code: GapCode,
    /// How serious: medium and high block kickoff.
    pub severity: Severity,
    /// The checklist that declares the question, process or rule.
    pub checklist: String,
    /// The section where it shows (for processes and rules: the section of their first question).
    #[ts(optional)]
    pub section: Option<String>,
    /// The questions involved, in checklist order: the question itself; the missing parts of a goal;
    /// the shown evidence questions of a process that are not answered; the questions a rule looks at.
    pub questions: Vec<String>,
    /// What is missing, in the checklist's words: the question's prompt, the goal section's title, the
    /// process's title, or the rule's message.
    pub subject: Text,
    /// Why it matters: the question's hint, the goal section's intro, the process's why.
    #[ts(optional)]
    pub why: Option<Text>,
    /// What to ask at the follow-up briefing: the process's or the rule's agenda; for a question, its
    /// prompt; for the goal, the prompts of its missing parts.
    pub agenda: Vec<Text>,
    /// `overdue`: the promised date as recorded.
    #[ts(optional)]
    pub due: Option<String>,
    /// `invalid_answer`: how the value does not fit.
    #[ts(optional)]
    pub problem: Option<ValueProblem>,
    /// `vague_answer`: the vague terms found.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<String>>")]
    pub terms: Vec<String>,
    /// `goal_incomplete`: the parts that are missing (a deadline in the past counts as missing).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<GoalPart>>")]
    pub goal_parts: Vec<GoalPart>,
    /// Position in checklist order (checklist, then question), for sorting across briefs' views.
    pub order: u32,
}

/// An answer the client will send later, not yet due.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Pending {
    /// The question.
    pub question: String,
    /// Its section.
    pub section: String,
    /// Whether the question is required.
    pub required: bool,
    /// The promised date.
    pub due: IsoDate,
}

/// How well a declared process is known, from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProcessStatus {
    /// The client has a written description: a shown `documents` question is answered, or a link or
    /// file is attached to an answer of one of the process's questions.
    Documented,
    /// Every shown evidence question is answered (a value that says something, or "not
    /// applicable"). Details never count.
    Described,
    /// The account manager marked it described at the meeting, with a note
    /// ([`ProcessReport::note`], kept in the slot [`process_note_key`]).
    DescribedByNote,
    /// Neither: always a gap, with the process's follow-up agenda.
    NotDescribed,
    /// None of its evidence questions is shown for this brief: nothing to ask.
    NotAsked,
}

/// The status of one process.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProcessReport {
    /// The checklist that declares it.
    pub checklist: String,
    /// The process id.
    pub process: String,
    /// The process title.
    pub title: Text,
    /// Its status.
    pub status: ProcessStatus,
    /// Shown evidence questions that are answered.
    pub answered: u32,
    /// Shown evidence questions.
    pub shown: u32,
    /// Shown evidence questions that are not answered, in checklist order.
    pub missing: Vec<String>,
    /// The documents (links, file names) recorded as evidence or as answers to `documents` questions.
    pub documents: Vec<String>,
    /// The account manager's note "described at the meeting", when there is one (whatever the status).
    #[ts(optional)]
    pub note: Option<String>,
}

/// Ready for kickoff, or the reasons why not.
///
/// The rule: a brief is **ready** when no open gap has severity medium or high, and no required
/// answer is pending. Severities follow [`Severity`]'s meaning (medium: must be resolved before
/// kickoff; high: blocks kickoff):
///
/// | gap | severity |
/// | --- | --- |
/// | missing required answer; required answer unknown, invalid or overdue | high |
/// | process not described | high |
/// | goal without metric, target or future deadline | high; only the rationale missing: medium |
/// | answer to confirm (prefilled from an earlier brief) | medium |
/// | rule flag | the rule's severity |
/// | required answer that says nothing («не знаю», «как у всех», «—») | high |
/// | optional answer unknown, invalid or overdue; vague answer | low |
///
/// Low gaps never block: they become follow-up items all the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Verdict {
    /// Ready for kickoff.
    pub ready: bool,
    /// Why not, grouped, in a fixed order; empty when ready.
    pub reasons: Vec<Reason>,
}

/// One reason a brief is not ready.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Reason {
    /// What kind of reason.
    pub code: ReasonCode,
    /// The gap keys behind it (for `pending_required`: the question ids).
    pub keys: Vec<String>,
}

/// The kinds of reasons a brief is not ready, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReasonCode {
    /// Required questions without a usable answer (missing, unknown, invalid, overdue).
    RequiredAnswers,
    /// Required answers the client will send later.
    PendingRequired,
    /// The goal is not measurable or not argued.
    GoalIncomplete,
    /// Processes not described.
    ProcessesNotDescribed,
    /// Rule flags of medium or high severity.
    Flags,
    /// Prefilled answers not yet confirmed.
    Unconfirmed,
    /// Other gaps of medium or high severity.
    Other,
}

/// A reason code's snake_case name, as serialized.
pub fn reason_name(code: ReasonCode) -> &'static str {
    match code {
        ReasonCode::RequiredAnswers => "required_answers",
        ReasonCode::PendingRequired => "pending_required",
        ReasonCode::GoalIncomplete => "goal_incomplete",
        ReasonCode::ProcessesNotDescribed => "processes_not_described",
        ReasonCode::Flags => "flags",
        ReasonCode::Unconfirmed => "unconfirmed",
        ReasonCode::Other => "other",
    }
}

/// Where a question sits in the brief.
#[derive(Clone, Copy)]
pub(crate) struct Place<'a> {
    pub(crate) order: u32,
    pub(crate) section: &'a Section,
    pub(crate) question: &'a Question,
}

/// Every question of a set of checklists, by id.
pub(crate) struct Index<'a> {
    pub(crate) questions: rustc_hash::FxHashMap<&'a str, Place<'a>>,
}

impl<'a> Index<'a> {
    fn new(checklists: &[&'a Checklist]) -> Self {
        let mut questions = rustc_hash::FxHashMap::default();
        let mut order = 0u32;
        for checklist in checklists {
            for (section, question) in checklist.questions() {
                questions.entry(question.id.as_str()).or_insert(Place {
                    order,
                    section,
                    question,
                });
                order += 1;
            }
        }
        Index { questions }
    }

    fn order(&self, question: &str) -> Option<u32> {
        self.questions.get(question).map(|p| p.order)
    }

    fn section(&self, question: &str) -> Option<String> {
        self.questions.get(question).map(|p| p.section.id.clone())
    }
}

/// What one question's entry amounts to.
enum State<'a> {
    Empty,
    Unknown,
    Later(&'a str),
    NotApplicable,
    Fits(&'a AnswerValue),
    /// A text or list answer that fits but says nothing («особенностей нет», «не знаю», «—»), with the
    /// empty phrases found: not done, like no answer (see [`vague::says_nothing`]).
    SaysNothing(Vec<&'static str>),
    Invalid(ValueProblem),
}

impl State<'_> {
    fn is_done(&self) -> bool {
        matches!(self, State::Fits(_) | State::NotApplicable)
    }
}

fn state<'a>(q: &Question, entry: Option<&'a Entry>) -> State<'a> {
    match entry.map(|e| &e.answer) {
        None => State::Empty,
        Some(Answer::Unknown) => State::Unknown,
        Some(Answer::Later { due }) => State::Later(due),
        Some(Answer::NotApplicable { .. }) => State::NotApplicable,
        Some(Answer::Answered(v)) if check::is_blank(v) => State::Empty,
        Some(Answer::Answered(v)) => match check::problem(q, v) {
            None if judged_for_substance(q.kind) => match vague::value_says_nothing(v) {
                Some(terms) => State::SaysNothing(terms),
                None => State::Fits(v),
            },
            None => State::Fits(v),
            Some(p) => State::Invalid(p),
        },
    }
}

/// Kinds whose answers are read for whether they say anything: free text and lists.
fn judged_for_substance(kind: Kind) -> bool {
    matches!(kind, Kind::ShortText | Kind::LongText | Kind::List)
}

/// The reserved answer slot that holds the account manager's note "described at the meeting" for a
/// process: `process:<checklist>:<process>`. No question id can take this form (ids have no `:`), so
/// the note travels with the answers — history, bundles, sync, upgrades — without a table of its own.
/// The slot holds a text answer; clearing the note clears the slot.
pub fn process_note_key(checklist: &str, process: &str) -> String {
    GapKey::Process {
        checklist: checklist.to_owned(),
        process: process.to_owned(),
    }
    .to_string()
}

/// The note in a brief's answers that marks the process described, if any (blank notes are none).
pub fn process_note<'e>(entries: &'e Entries, checklist: &str, process: &str) -> Option<&'e str> {
    match entries
        .get(&process_note_key(checklist, process))
        .map(|e| &e.answer)
    {
        Some(Answer::Answered(AnswerValue::Text(note))) if !note.trim().is_empty() => {
            Some(note.as_str())
        }
        _ => None,
    }
}

/// Analyzes one brief: its checklists (a core and its add-ons), its answers, and today's date.
pub fn analyze(checklists: &[&Checklist], entries: &Entries, today: IsoDate) -> GapReport {
    let index = Index::new(checklists);
    analyze_indexed(checklists, &index, entries, today)
}

fn analyze_indexed(
    checklists: &[&Checklist],
    index: &Index<'_>,
    entries: &Entries,
    today: IsoDate,
) -> GapReport {
    let shown = Visibility::new(checklists, entries);
    let reach = Reach::new(index, entries);
    let mut a = Analysis {
        index,
        entries,
        today,
        shown: &shown,
        gaps: Vec::new(),
        pending: Vec::new(),
        stable_through: None,
    };
    let mut sections = Vec::new();
    let (mut done, mut total) = (0u32, 0u32);
    for checklist in checklists {
        for section in &checklist.sections {
            let section_reach = section.when.as_ref().map_or(Tri::Yes, |c| reach.eval(c));
            let (mut s_done, mut s_total) = (0u32, 0u32);
            for q in &section.questions {
                let entry = entries.get(&q.id);
                let st = state(q, entry);
                if q.required {
                    let r = reach.visible(&q.id);
                    if r != Tri::No {
                        s_total += 1;
                        if r == Tri::Yes && st.is_done() {
                            s_done += 1;
                        }
                    }
                }
                if shown.is_visible(&q.id) {
                    a.question(checklist, section, q, entry, &st);
                }
            }
            done += s_done;
            total += s_total;
            if section_reach != Tri::No {
                sections.push(SectionProgress {
                    checklist: checklist.id.clone(),
                    checklist_title: checklist.title.clone(),
                    section: section.id.clone(),
                    title: section.title.clone(),
                    completeness: Completeness::new(s_done, s_total),
                });
            }
        }
        a.goal(checklist);
    }
    let mut processes = Vec::new();
    for checklist in checklists {
        for process in &checklist.processes {
            processes.push(a.process(checklist, process));
        }
        for rule in &checklist.rules {
            a.rule(checklist, rule);
        }
    }
    let Analysis {
        mut gaps,
        pending,
        stable_through,
        ..
    } = a;
    gaps.sort_by_key(|g| (g.order, g.code));
    let verdict = verdict(&gaps, &pending);
    GapReport {
        today,
        completeness: Completeness::new(done, total),
        sections,
        gaps,
        pending,
        processes,
        verdict,
        stable_through,
    }
}

struct Analysis<'a> {
    index: &'a Index<'a>,
    entries: &'a Entries,
    today: IsoDate,
    shown: &'a Visibility<'a>,
    gaps: Vec<Gap>,
    pending: Vec<Pending>,
    /// See [`GapReport::stable_through`].
    stable_through: Option<IsoDate>,
}

/// A gap about one question, with the question's own texts.
fn question_gap(
    key: GapKey,
    code: GapCode,
    severity: Severity,
    checklist: &Checklist,
    section: &Section,
    q: &Question,
    order: u32,
) -> Gap {
    Gap {
        key,
        code,
        severity,
        checklist: checklist.id.clone(),
        section: Some(section.id.clone()),
        questions: vec![q.id.clone()],
        subject: q.prompt.clone(),
        why: Some(q.hint.clone()),
        agenda: vec![q.prompt.clone()],
        due: None,
        problem: None,
        terms: Vec::new(),
        goal_parts: Vec::new(),
        order,
    }
}

impl Analysis<'_> {
    /// Whether `date` is today or later; a date still to come bounds how long the report holds.
    fn not_passed(&mut self, date: IsoDate) -> bool {
        if date < self.today {
            return false;
        }
        self.stable_through = Some(self.stable_through.map_or(date, |d| d.min(date)));
        true
    }

    /// Gaps of one shown question.
    fn question(
        &mut self,
        checklist: &Checklist,
        section: &Section,
        q: &Question,
        entry: Option<&Entry>,
        st: &State<'_>,
    ) {
        let order = self.index.order(&q.id).unwrap_or(u32::MAX);
        let gap = |code, severity| {
            question_gap(
                GapKey::Answer {
                    question: q.id.clone(),
                },
                code,
                severity,
                checklist,
                section,
                q,
                order,
            )
        };
        let by_required = if q.required {
            Severity::High
        } else {
            Severity::Low
        };
        match st {
            State::Empty if q.required => self.gaps.push(gap(GapCode::MissingAnswer, by_required)),
            State::Empty | State::NotApplicable | State::Fits(_) => {}
            State::SaysNothing(terms) if q.required || q.specific => {
                let mut g = question_gap(
                    GapKey::Vague {
                        question: q.id.clone(),
                    },
                    GapCode::VagueAnswer,
                    by_required,
                    checklist,
                    section,
                    q,
                    order,
                );
                g.terms = terms.iter().map(|t| (*t).to_owned()).collect();
                self.gaps.push(g);
            }
            State::SaysNothing(_) => {}
            State::Unknown => self.gaps.push(gap(GapCode::Unknown, by_required)),
            State::Invalid(p) => {
                let mut g = gap(GapCode::InvalidAnswer, by_required);
                g.problem = Some(*p);
                self.gaps.push(g);
            }
            State::Later(due) => match IsoDate::parse(due) {
                Some(date) if self.not_passed(date) => self.pending.push(Pending {
                    question: q.id.clone(),
                    section: section.id.clone(),
                    required: q.required,
                    due: date,
                }),
                _ => {
                    let mut g = gap(GapCode::Overdue, by_required);
                    g.due = Some((*due).to_owned());
                    self.gaps.push(g);
                }
            },
        }
        if entry.is_some_and(|e| e.to_confirm) && st.is_done() {
            self.gaps.push(question_gap(
                GapKey::Confirm {
                    question: q.id.clone(),
                },
                GapCode::ToConfirm,
                Severity::Medium,
                checklist,
                section,
                q,
                order,
            ));
        }
        if q.specific
            && let State::Fits(value) = st
        {
            let terms = vague_terms(value);
            if !terms.is_empty() {
                let mut g = question_gap(
                    GapKey::Vague {
                        question: q.id.clone(),
                    },
                    GapCode::VagueAnswer,
                    Severity::Low,
                    checklist,
                    section,
                    q,
                    order,
                );
                g.terms = terms;
                self.gaps.push(g);
            }
        }
    }

    /// The goal of one checklist: every part its questions record must be answered and shown.
    fn goal(&mut self, checklist: &Checklist) {
        let parts: Vec<(&Section, &Question, GoalPart)> = checklist
            .questions()
            .filter_map(|(s, q)| q.goal.map(|p| (s, q, p)))
            .collect();
        let Some(&(first_section, first, _)) = parts.first() else {
            return;
        };
        let mut missing = Vec::new();
        for &(_, q, part) in &parts {
            if !self.shown.is_visible(&q.id) {
                continue;
            }
            let ok = match state(q, self.entries.get(&q.id)) {
                State::Fits(AnswerValue::Text(date)) if part == GoalPart::Deadline => {
                    IsoDate::parse(date).is_some_and(|d| self.not_passed(d))
                }
                State::Fits(_) => true,
                _ => false,
            };
            if !ok {
                missing.push((q, part));
            }
        }
        if missing.is_empty() {
            return;
        }
        let measurable = missing.iter().all(|(_, p)| *p == GoalPart::Rationale);
        self.gaps.push(Gap {
            key: GapKey::Goal {
                checklist: checklist.id.clone(),
            },
            code: GapCode::GoalIncomplete,
            severity: if measurable {
                Severity::Medium
            } else {
                Severity::High
            },
            checklist: checklist.id.clone(),
            section: Some(first_section.id.clone()),
            questions: missing.iter().map(|(q, _)| q.id.clone()).collect(),
            subject: first_section.title.clone(),
            why: first_section.intro.clone(),
            agenda: missing.iter().map(|(q, _)| q.prompt.clone()).collect(),
            due: None,
            problem: None,
            terms: Vec::new(),
            goal_parts: missing.iter().map(|(_, p)| *p).collect(),
            order: self.index.order(&first.id).unwrap_or(u32::MAX),
        });
    }

    /// The status of one process; a gap when it is not described.
    fn process(&mut self, checklist: &Checklist, process: &Process) -> ProcessReport {
        let by_order = |ids: &[String]| -> Vec<String> {
            let mut ids = ids.to_vec();
            ids.sort_by_key(|q| self.index.order(q).unwrap_or(u32::MAX));
            ids
        };
        // A v1-style process (neither `details` nor `documents`) lists optional questions as evidence
        // too: they only enrich it as long as a required evidence question is shown; when none is,
        // every shown evidence question counts, as it always did.
        let legacy = process.details.is_empty() && process.documents.is_empty();
        let required = |id: &str| {
            self.index
                .questions
                .get(id)
                .is_some_and(|p| p.question.required)
                && self.shown.is_visible(id)
        };
        let evidence: Vec<String> = if legacy && process.evidence.iter().any(|q| required(q)) {
            process
                .evidence
                .iter()
                .filter(|q| required(q))
                .cloned()
                .collect()
        } else {
            process.evidence.clone()
        };
        let evidence = by_order(&evidence);
        let mut documents = Vec::new();
        // Documents recorded on answers: attached links and files on any of its questions…
        let all = [
            process.evidence.as_slice(),
            &process.details,
            &process.documents,
        ]
        .concat();
        for id in by_order(&all) {
            if let Some(e) = self.entries.get(&id) {
                documents.extend(
                    e.evidence
                        .iter()
                        .filter(|ev| ev.kind.is_document() && !ev.text.trim().is_empty())
                        .map(|ev| ev.text.clone()),
                );
            }
        }
        // …and the answers of its `documents` questions.
        for id in by_order(&process.documents) {
            let Some(place) = self.index.questions.get(id.as_str()) else {
                continue;
            };
            if !self.shown.is_visible(&id) {
                continue;
            }
            if let State::Fits(value) = state(place.question, self.entries.get(&id)) {
                documents.extend(document_texts(value));
            }
        }
        let (mut answered, mut shown) = (0u32, 0u32);
        let mut missing = Vec::new();
        for id in &evidence {
            let Some(place) = self.index.questions.get(id.as_str()) else {
                continue;
            };
            if !self.shown.is_visible(id) {
                continue;
            }
            shown += 1;
            if state(place.question, self.entries.get(id)).is_done() {
                answered += 1;
            } else {
                missing.push(id.clone());
            }
        }
        let note = process_note(self.entries, &checklist.id, &process.id).map(str::to_owned);
        let status = if !documents.is_empty() {
            ProcessStatus::Documented
        } else if shown > 0 && missing.is_empty() {
            ProcessStatus::Described
        } else if note.is_some() {
            ProcessStatus::DescribedByNote
        } else if shown == 0 {
            ProcessStatus::NotAsked
        } else {
            ProcessStatus::NotDescribed
        };
        if status == ProcessStatus::NotDescribed {
            let first = missing.first().map(String::as_str).unwrap_or_default();
            self.gaps.push(Gap {
                key: GapKey::Process {
                    checklist: checklist.id.clone(),
                    process: process.id.clone(),
                },
                code: GapCode::ProcessNotDescribed,
                severity: Severity::High,
                checklist: checklist.id.clone(),
                section: self.index.section(first),
                questions: missing.clone(),
                subject: process.title.clone(),
                why: Some(process.why.clone()),
                agenda: process.agenda.clone(),
                due: None,
                problem: None,
                terms: Vec::new(),
                goal_parts: Vec::new(),
                order: self.index.order(first).unwrap_or(u32::MAX),
            });
        }
        ProcessReport {
            checklist: checklist.id.clone(),
            process: process.id.clone(),
            title: process.title.clone(),
            status,
            answered,
            shown,
            missing,
            documents,
            note,
        }
    }

    /// A rule's flag, when its condition holds.
    fn rule(&mut self, checklist: &Checklist, rule: &Rule) {
        if !rule.when.holds(self.shown) {
            return;
        }
        // A rule is about its first condition ("regions are planned, and …"): that question leads
        // (the section it shows under, where "go to" jumps), the others follow in checklist order.
        let mut questions: Vec<&str> = rule.when.questions();
        let first = questions.first().copied().unwrap_or_default();
        questions.sort_by_key(|q| (*q != first, self.index.order(q).unwrap_or(u32::MAX)));
        questions.dedup();
        self.gaps.push(Gap {
            key: GapKey::Rule {
                checklist: checklist.id.clone(),
                rule: rule.id.clone(),
            },
            code: GapCode::RuleFlag,
            severity: rule.severity,
            checklist: checklist.id.clone(),
            section: self.index.section(first),
            questions: questions.iter().map(|q| (*q).to_owned()).collect(),
            subject: rule.message.clone(),
            why: None,
            agenda: rule.agenda.clone(),
            due: None,
            problem: None,
            terms: Vec::new(),
            goal_parts: Vec::new(),
            order: self.index.order(first).unwrap_or(u32::MAX),
        });
    }
}

/// The texts of an answer to a `documents` question: a link or text, list items, or table cells.
fn document_texts(value: &AnswerValue) -> Vec<String> {
    let texts: Vec<String> = match value {
        AnswerValue::Text(t) => vec![t.clone()],
        AnswerValue::Items(items) => items.clone(),
        AnswerValue::Rows(rows) => rows.iter().flat_map(|r| r.values().cloned()).collect(),
        AnswerValue::Number(_)
        | AnswerValue::Bool(_)
        | AnswerValue::Choice(_)
        | AnswerValue::Choices(_)
        | AnswerValue::Contact(_) => Vec::new(),
    };
    texts.into_iter().filter(|t| !t.trim().is_empty()).collect()
}

/// Vague terms in a text answer or in any item of a list answer.
fn vague_terms(value: &AnswerValue) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let texts: &[String] = match value {
        AnswerValue::Text(t) => std::slice::from_ref(t),
        AnswerValue::Items(items) => items,
        _ => &[],
    };
    for text in texts {
        for term in vague::vague_terms(text) {
            if !out.iter().any(|t| t == term) {
                out.push(term.to_owned());
            }
        }
    }
    out
}

fn verdict(gaps: &[Gap], pending: &[Pending]) -> Verdict {
    let mut groups: BTreeMap<ReasonCode, Vec<String>> = BTreeMap::new();
    for gap in gaps.iter().filter(|g| g.severity >= Severity::Medium) {
        let code = match gap.code {
            GapCode::MissingAnswer
            | GapCode::InvalidAnswer
            | GapCode::Unknown
            | GapCode::Overdue => ReasonCode::RequiredAnswers,
            GapCode::GoalIncomplete => ReasonCode::GoalIncomplete,
            GapCode::ProcessNotDescribed => ReasonCode::ProcessesNotDescribed,
            GapCode::RuleFlag => ReasonCode::Flags,
            GapCode::ToConfirm => ReasonCode::Unconfirmed,
            GapCode::VagueAnswer if gap.severity == Severity::High => ReasonCode::RequiredAnswers,
            GapCode::VagueAnswer => ReasonCode::Other,
        };
        groups.entry(code).or_default().push(gap.key.to_string());
    }
    for p in pending.iter().filter(|p| p.required) {
        groups
            .entry(ReasonCode::PendingRequired)
            .or_default()
            .push(p.question.clone());
    }
    let reasons: Vec<Reason> = groups
        .into_iter()
        .map(|(code, keys)| Reason { code, keys })
        .collect();
    Verdict {
        ready: reasons.is_empty(),
        reasons,
    }
}
