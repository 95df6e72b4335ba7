//! Conditions: structured YAML that decides whether a question or section is shown and whether a rule
//! raises its flag.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::answer::AnswerValue;
use crate::gaps::vague::value_says_nothing;

/// A condition over the answers of a brief. Written in YAML as a map with exactly one operator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Condition {
    /// Every condition holds (an empty list holds).
    All(Vec<Condition>),
    /// At least one condition holds.
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
    /// The question is visible and has a value.
    Answered(String),
    /// The client does not know / has no description.
    Unknown(String),
    /// The question is marked as not applicable.
    NotApplicable(String),
    /// The question is hidden, or has neither a value nor a state.
    Empty(String),
    /// The question is visible and its text answer (or every item of its list answer) says nothing:
    /// «особенностей нет», «как у всех», «не знаю», «—», "n/a" (see [`crate::gaps::vague`]). Only for
    /// `short_text`, `long_text` and `list` questions.
    Vague(String),
    /// The answer equals the value (a choice id for choices, `true`/`false` for yes/no).
    Equals(Compare),
    /// The answer is one of the values.
    In(CompareAny),
    /// A multi-choice answer includes the choice.
    Includes(Compare),
    /// A numeric answer is greater than the value.
    Gt(CompareNumber),
    /// A numeric answer is less than the value.
    Lt(CompareNumber),
}

/// `{question, value}` for `equals` and `includes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct Compare {
    /// The question id.
    pub question: String,
    /// The value to compare with.
    pub value: Scalar,
}

/// `{question, values}` for `in`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct CompareAny {
    /// The question id.
    pub question: String,
    /// The values; the answer must equal one of them.
    pub values: Vec<Scalar>,
}

/// `{question, value}` for `gt` and `lt`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
#[ts(export)]
pub struct CompareNumber {
    /// The question id.
    pub question: String,
    /// The number to compare with.
    pub value: f64,
}

/// A literal in a condition: text (or a choice id), a number, or yes/no.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema, TS)]
#[serde(untagged)]
#[ts(export)]
pub enum Scalar {
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// Text or a choice id.
    Text(String),
}

impl Scalar {
    /// A short name of the literal's type for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Scalar::Bool(_) => "true/false",
            Scalar::Number(_) => "a number",
            Scalar::Text(_) => "text",
        }
    }
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Bool(b) => write!(f, "{b}"),
            Scalar::Number(n) => write!(f, "{n}"),
            Scalar::Text(s) => write!(f, "{s}"),
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl Visitor<'_> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text, a number, or true/false")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar::Number(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(v.to_owned()))
            }
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// What a condition can know about one question of a brief.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fact<'a> {
    /// Hidden by a condition, or not part of the brief: counts as empty.
    Hidden,
    /// Visible, nothing recorded.
    Empty,
    /// "The client does not know."
    Unknown,
    /// Not applicable to this client.
    NotApplicable,
    /// A value.
    Answered(&'a AnswerValue),
}

/// Where conditions look up answers; implemented by [`crate::visibility::Visibility`].
pub trait Facts {
    /// What is known about the question with this id.
    fn fact(&self, question: &str) -> Fact<'_>;
}

impl Condition {
    /// Evaluates the condition. A hidden question counts as empty.
    pub fn holds(&self, facts: &dyn Facts) -> bool {
        match self {
            Condition::All(cs) => cs.iter().all(|c| c.holds(facts)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds(facts)),
            Condition::Not(c) => !c.holds(facts),
            Condition::Answered(q) => matches!(facts.fact(q), Fact::Answered(_)),
            Condition::Unknown(q) => matches!(facts.fact(q), Fact::Unknown),
            Condition::NotApplicable(q) => matches!(facts.fact(q), Fact::NotApplicable),
            Condition::Empty(q) => matches!(facts.fact(q), Fact::Hidden | Fact::Empty),
            Condition::Vague(q) => {
                answer(facts, q).is_some_and(|a| value_says_nothing(a).is_some())
            }
            Condition::Equals(c) => answer(facts, &c.question).is_some_and(|a| a.equals(&c.value)),
            Condition::In(c) => {
                answer(facts, &c.question).is_some_and(|a| c.values.iter().any(|v| a.equals(v)))
            }
            Condition::Includes(c) => {
                answer(facts, &c.question).is_some_and(|a| a.includes(&c.value))
            }
            Condition::Gt(c) => answer(facts, &c.question)
                .and_then(AnswerValue::as_number)
                .is_some_and(|n| n > c.value),
            Condition::Lt(c) => answer(facts, &c.question)
                .and_then(AnswerValue::as_number)
                .is_some_and(|n| n < c.value),
        }
    }

    /// Every question id the condition names, in order of appearance.
    pub fn questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_questions(&mut out);
        out
    }

    fn collect_questions<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().for_each(|c| c.collect_questions(out))
            }
            Condition::Not(c) => c.collect_questions(out),
            Condition::Answered(q)
            | Condition::Unknown(q)
            | Condition::NotApplicable(q)
            | Condition::Empty(q)
            | Condition::Vague(q) => out.push(q),
            Condition::Equals(c) | Condition::Includes(c) => out.push(&c.question),
            Condition::In(c) => out.push(&c.question),
            Condition::Gt(c) | Condition::Lt(c) => out.push(&c.question),
        }
    }

    /// The operator's YAML name.
    pub fn operator(&self) -> &'static str {
        match self {
            Condition::All(_) => "all",
            Condition::Any(_) => "any",
            Condition::Not(_) => "not",
            Condition::Answered(_) => "answered",
            Condition::Unknown(_) => "unknown",
            Condition::NotApplicable(_) => "not_applicable",
            Condition::Empty(_) => "empty",
            Condition::Vague(_) => "vague",
            Condition::Equals(_) => "equals",
            Condition::In(_) => "in",
            Condition::Includes(_) => "includes",
            Condition::Gt(_) => "gt",
            Condition::Lt(_) => "lt",
        }
    }
}

fn answer<'a>(facts: &'a dyn Facts, question: &str) -> Option<&'a AnswerValue> {
    match facts.fact(question) {
        Fact::Answered(a) => Some(a),
        _ => None,
    }
}

impl fmt::Display for Condition {
    /// A compact, readable form: `regional_expansion = true and (regional_offer empty or …)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn joined(f: &mut fmt::Formatter<'_>, cs: &[Condition], word: &str) -> fmt::Result {
            if cs.is_empty() {
                return f.write_str(if word == "and" { "always" } else { "never" });
            }
            for (i, c) in cs.iter().enumerate() {
                if i > 0 {
                    write!(f, " {word} ")?;
                }
                if matches!(c, Condition::All(_) | Condition::Any(_)) {
                    write!(f, "({c})")?;
                } else {
                    write!(f, "{c}")?;
                }
            }
            Ok(())
        }
        match self {
            Condition::All(cs) => joined(f, cs, "and"),
            Condition::Any(cs) => joined(f, cs, "or"),
            Condition::Not(c) => write!(f, "not ({c})"),
            Condition::Answered(q) => write!(f, "{q} answered"),
            Condition::Unknown(q) => write!(f, "{q} unknown"),
            Condition::NotApplicable(q) => write!(f, "{q} not applicable"),
            Condition::Empty(q) => write!(f, "{q} empty"),
            Condition::Vague(q) => write!(f, "{q} vague"),
            Condition::Equals(c) => write!(f, "{} = {}", c.question, c.value),
            Condition::In(c) => {
                let values: Vec<String> = c.values.iter().map(ToString::to_string).collect();
                write!(f, "{} in [{}]", c.question, values.join(", "))
            }
            Condition::Includes(c) => write!(f, "{} includes {}", c.question, c.value),
            Condition::Gt(c) => write!(f, "{} > {}", c.question, c.value),
            Condition::Lt(c) => write!(f, "{} < {}", c.question, c.value),
        }
    }
}
