//! The checklist model: what a checklist YAML file holds once it is read.
//!
//! These types are the single source of the file format: the loader fills them, the JSON Schema for
//! editors is generated from them, and the UI's TypeScript types are generated from them.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::condition::Condition;
use crate::text::Text;

/// One version of one checklist: a universal core or a service add-on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Deepbrief checklist")]
#[ts(export)]
pub struct Checklist {
    /// Stable id: lowercase letters, digits, `-` and `_` (`core`, `seo`).
    pub id: String,
    /// Integer version, from 1. A published version never changes; add `v2.yaml` instead.
    pub version: u32,
    /// Title shown in the app.
    pub title: Text,
    /// What this checklist is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<Text>,
    /// Language codes, the first is the default: `[ru, en]`.
    pub languages: Vec<String>,
    /// Service ids this add-on serves (`[seo]`); empty for the universal core.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<String>>")]
    pub applies_to: Vec<String>,
    /// The checklist whose questions this add-on may refer to in conditions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub extends: Option<String>,
    /// Checklist ids this add-on replaces for new briefs (`[ppc]`): their services are no longer
    /// offered for a new brief; briefs already on them keep them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<String>>")]
    pub replaces: Vec<String>,
    /// What changed since the previous version.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<Text>>")]
    pub changes: Vec<Text>,
    /// Old question id → new question id, for upgrading briefs to this version.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[ts(optional, as = "Option<BTreeMap<String, String>>")]
    pub renamed: BTreeMap<String, String>,
    /// `required`: every required question, every process and every rule must carry `client_prompt`
    /// and `client_why` (the wording that reaches the client). Absent: `optional`.
    #[serde(default, skip_serializing_if = "ClientWording::is_optional")]
    #[ts(optional, as = "Option<ClientWording>")]
    pub client_wording: ClientWording,
    /// The sections, in interview order.
    pub sections: Vec<Section>,
    /// Client processes the agency must understand.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<Process>>")]
    pub processes: Vec<Process>,
    /// Conditions on the answers that raise a flag.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<Rule>>")]
    pub rules: Vec<Rule>,
}

/// Whether a checklist must word every required question, process and rule for the client.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ClientWording {
    /// `client_prompt` and `client_why` may be left out; the letter falls back to the prompt.
    #[default]
    Optional,
    /// Every required question, every process and every rule has `client_prompt` and `client_why`.
    Required,
}

impl ClientWording {
    /// Whether it is the default, `optional`.
    pub fn is_optional(&self) -> bool {
        *self == ClientWording::Optional
    }
}

/// A group of questions asked together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Section {
    /// Stable id, unique in the checklist.
    pub id: String,
    /// Title shown in the section list.
    pub title: Text,
    /// What the section is about, shown above its questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub intro: Option<Text>,
    /// The whole section is hidden unless this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub when: Option<Condition>,
    /// The questions, in interview order.
    pub questions: Vec<Question>,
}

/// One question of a checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Question {
    /// Stable id, unique across the checklist and the checklist it extends.
    pub id: String,
    /// The question as the account manager asks it.
    pub prompt: Text,
    /// Why the agency asks and what a good answer looks like. For the account manager only: never
    /// shown to the client.
    pub hint: Text,
    /// The question as written to the client (letters, the client page), addressing them as «вы».
    /// Without it the client reads `prompt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub client_prompt: Option<Text>,
    /// Why the agency needs the answer, in the client's terms (letters, the client page). Without it
    /// the client is told no reason; the `hint` is never shown instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub client_why: Option<Text>,
    /// What kind of answer the question takes.
    pub kind: Kind,
    /// A brief is not ready for kickoff while a visible required question has no answer.
    #[serde(default, skip_serializing_if = "is_false")]
    #[ts(optional, as = "Option<bool>")]
    pub required: bool,
    /// The question is shown only when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub when: Option<Condition>,
    /// Example text shown in an empty field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub placeholder: Option<Text>,
    /// `number`: the unit of the value (`orders per month`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unit: Option<Text>,
    /// `money`: ISO 4217 currency code (`RUB`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub currency: Option<String>,
    /// Smallest value (numbers), fewest picks (`multi_choice`), items (`list`) or rows (`table`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub min: Option<f64>,
    /// Largest value (numbers), most picks (`multi_choice`), items (`list`) or rows (`table`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub max: Option<f64>,
    /// `number`: only whole numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub integer: Option<bool>,
    /// `short_text`, `long_text`: longest answer in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub max_length: Option<u32>,
    /// `single_choice`, `multi_choice`: the choices.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<Choice>>")]
    pub choices: Vec<Choice>,
    /// `table`: the columns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<Column>>")]
    pub columns: Vec<Column>,
    /// `scale`: words for both ends of the scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub labels: Option<ScaleLabels>,
    /// `list`: what one item is (`competitor`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub item: Option<Text>,
    /// Which part of the marketing goal this question records. Gap analysis checks that a goal has
    /// all four parts; at most one question of a checklist records each part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub goal: Option<GoalPart>,
    /// The question asks for specifics (`short_text`, `long_text`, `list`): vague answers such as
    /// "everyone", "ASAP" or "все" are flagged as weak.
    #[serde(default, skip_serializing_if = "is_false")]
    #[ts(optional, as = "Option<bool>")]
    pub specific: bool,
}

/// A part of a measurable, argued marketing goal.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum GoalPart {
    /// The metric that shows the goal is reached (`single_choice` or `short_text`).
    Metric,
    /// The target value of the metric (a numeric kind).
    Target,
    /// The date by which the target must be reached (`date`).
    Deadline,
    /// Why this value by this date (`short_text` or `long_text`).
    Rationale,
}

impl GoalPart {
    /// Every part, in the order a goal is stated.
    pub const ALL: [GoalPart; 4] = [
        GoalPart::Metric,
        GoalPart::Target,
        GoalPart::Deadline,
        GoalPart::Rationale,
    ];

    /// The name used in YAML.
    pub fn name(self) -> &'static str {
        match self {
            GoalPart::Metric => "metric",
            GoalPart::Target => "target",
            GoalPart::Deadline => "deadline",
            GoalPart::Rationale => "rationale",
        }
    }

    /// Whether a question of this kind can record the part.
    pub fn fits(self, kind: Kind) -> bool {
        match self {
            GoalPart::Metric => matches!(kind, Kind::SingleChoice | Kind::ShortText),
            GoalPart::Target => kind.is_numeric(),
            GoalPart::Deadline => kind == Kind::Date,
            GoalPart::Rationale => matches!(kind, Kind::ShortText | Kind::LongText),
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Kind {
    /// One line of text.
    ShortText,
    /// Paragraphs of text.
    LongText,
    /// A number with an optional unit.
    Number,
    /// An amount of money in a currency.
    Money,
    /// A percentage, 0–100.
    Percent,
    /// A number of days.
    Duration,
    /// A calendar date.
    Date,
    /// Yes or no.
    YesNo,
    /// One of the choices.
    SingleChoice,
    /// Any of the choices.
    MultiChoice,
    /// A point on a scale.
    Scale,
    /// A list of short items.
    List,
    /// Rows of typed columns.
    Table,
    /// A person: name, role, phone, e-mail.
    Contact,
    /// A web address.
    Link,
}

impl Kind {
    /// Every kind, in the order the format lists them.
    pub const ALL: [Kind; 15] = [
        Kind::ShortText,
        Kind::LongText,
        Kind::Number,
        Kind::Money,
        Kind::Percent,
        Kind::Duration,
        Kind::Date,
        Kind::YesNo,
        Kind::SingleChoice,
        Kind::MultiChoice,
        Kind::Scale,
        Kind::List,
        Kind::Table,
        Kind::Contact,
        Kind::Link,
    ];

    /// The name used in YAML.
    pub fn name(self) -> &'static str {
        match self {
            Kind::ShortText => "short_text",
            Kind::LongText => "long_text",
            Kind::Number => "number",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Duration => "duration",
            Kind::Date => "date",
            Kind::YesNo => "yes_no",
            Kind::SingleChoice => "single_choice",
            Kind::MultiChoice => "multi_choice",
            Kind::Scale => "scale",
            Kind::List => "list",
            Kind::Table => "table",
            Kind::Contact => "contact",
            Kind::Link => "link",
        }
    }

    /// The kind named `name` (as in YAML), if any.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Kinds whose answer is a number that `gt`/`lt` compare.
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            Kind::Number | Kind::Money | Kind::Percent | Kind::Duration | Kind::Scale
        )
    }

    /// Kinds whose answer is one or more choice ids.
    pub fn has_choices(self) -> bool {
        matches!(self, Kind::SingleChoice | Kind::MultiChoice)
    }
}

/// One choice of a `single_choice` or `multi_choice` question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Choice {
    /// Stable id, unique in the question; answers and conditions refer to it.
    pub id: String,
    /// What the account manager sees.
    pub label: Text,
    /// Picking this choice asks for free text too ("other: …").
    #[serde(default, skip_serializing_if = "is_false")]
    #[ts(optional, as = "Option<bool>")]
    pub other: bool,
}

/// One column of a `table` question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Column {
    /// Stable id, unique in the table.
    pub id: String,
    /// Column heading.
    pub title: Text,
    /// What a cell holds: `short_text`, `number`, `money`, `percent`, `date`, `yes_no`,
    /// `single_choice` or `link`.
    pub kind: Kind,
    /// `number`: the unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unit: Option<Text>,
    /// `money`: ISO 4217 currency code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub currency: Option<String>,
    /// `single_choice`: the choices.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<Choice>>")]
    pub choices: Vec<Choice>,
}

impl Column {
    /// Kinds a table cell may have.
    pub const CELL_KINDS: [Kind; 8] = [
        Kind::ShortText,
        Kind::Number,
        Kind::Money,
        Kind::Percent,
        Kind::Date,
        Kind::YesNo,
        Kind::SingleChoice,
        Kind::Link,
    ];
}

/// Words for the two ends of a `scale`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct ScaleLabels {
    /// The low end (`not at all`).
    pub min: Text,
    /// The high end (`very much`).
    pub max: Text,
}

/// A client process the agency must understand (sales, fulfilment, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Process {
    /// Stable id, unique in the checklist.
    pub id: String,
    /// Name of the process.
    pub title: Text,
    /// Why the agency needs it described.
    pub why: Text,
    /// The questions that must be answered for the process to count as described in the interview.
    pub evidence: Vec<String>,
    /// Questions that enrich the description but never keep the process «не описан»; "the client
    /// doesn't know" on one is an ordinary gap of that question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<String>>")]
    pub details: Vec<String>,
    /// Questions (usually links) whose answer is a written description of the process: one answered
    /// makes the process documented.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<String>>")]
    pub documents: Vec<String>,
    /// The follow-up briefing agenda when the process is not described.
    pub agenda: Vec<Text>,
    /// The request to the client when the process is not described, written to them («вы»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub client_prompt: Option<Text>,
    /// Why the agency needs the process described, in the client's terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub client_why: Option<Text>,
}

/// A condition on the answers that raises a flag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Rule {
    /// Stable id, unique in the checklist.
    pub id: String,
    /// How serious the flag is.
    pub severity: Severity,
    /// The flag is raised when this holds.
    pub when: Condition,
    /// What the flag says.
    pub message: Text,
    /// The follow-up briefing agenda the flag proposes.
    pub agenda: Vec<Text>,
    /// The request to the client when the flag is raised, written to them («вы»).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub client_prompt: Option<Text>,
    /// Why the agency asks, in the client's terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub client_why: Option<Text>,
}

/// How serious a rule's flag is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Severity {
    /// Worth a question at the next meeting.
    Low,
    /// Must be resolved before kickoff.
    Medium,
    /// Blocks kickoff: the project would fail as in the tyre-shop story.
    High,
}

impl Question {
    /// A question with only the parts every question has; the rest empty. Fill the rest with struct
    /// update syntax: `Question { required: true, ..Question::new(…) }`.
    pub fn new(id: impl Into<String>, prompt: Text, hint: Text, kind: Kind) -> Question {
        Question {
            id: id.into(),
            prompt,
            hint,
            client_prompt: None,
            client_why: None,
            kind,
            required: false,
            when: None,
            placeholder: None,
            unit: None,
            currency: None,
            min: None,
            max: None,
            integer: None,
            max_length: None,
            choices: Vec::new(),
            columns: Vec::new(),
            labels: None,
            item: None,
            goal: None,
            specific: false,
        }
    }
}

impl Checklist {
    /// Every question with its section, in interview order.
    pub fn questions(&self) -> impl Iterator<Item = (&Section, &Question)> {
        self.sections
            .iter()
            .flat_map(|s| s.questions.iter().map(move |q| (s, q)))
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().map(|(_, q)| q).find(|q| q.id == id)
    }
}
