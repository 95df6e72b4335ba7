//! Conditions: every reference names a question, every literal fits its kind.

use crate::condition::{Condition, Scalar};
use crate::diagnostic::{closest, quoted_list};
use crate::model::{Kind, Question};

use super::*;

impl<'a> Validator<'a> {
    /// The question a condition names, or `None` after reporting it as unknown.
    pub(super) fn referenced(&mut self, id: &str, path: &str) -> Option<&'a Question> {
        if let Some(q) = self.questions.get(id) {
            return Some(q);
        }
        if self.written_ids.contains(id) {
            return None; // its own error is already reported
        }
        let fix = match closest(id, self.questions.keys().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None if self.checklist.extends.is_none() => {
                "name a question of this checklist (or add `extends: core` to refer to the core's questions)".to_owned()
            }
            None => "name a question of this checklist or of the one it extends".to_owned(),
        };
        self.err(path, format!("unknown question `{id}`"), fix);
        None
    }

    pub(super) fn condition(&mut self, cond: &Condition, path: &str) {
        let op = cond.operator();
        let here = format!("{path}.{op}");
        match cond {
            Condition::All(cs) | Condition::Any(cs) => {
                if cs.is_empty() && matches!(cond, Condition::Any(_)) {
                    self.err(
                        &here,
                        "`any: []` never holds",
                        "list at least one condition, or remove the `when`",
                    );
                }
                for (i, c) in cs.iter().enumerate() {
                    self.condition(c, &format!("{here}[{i}]"));
                }
            }
            Condition::Not(c) => self.condition(c, &here),
            Condition::Answered(q)
            | Condition::Unknown(q)
            | Condition::NotApplicable(q)
            | Condition::Empty(q) => {
                self.referenced(q, &here);
            }
            Condition::Vague(q) => {
                if let Some(q) = self.referenced(q, &here)
                    && !matches!(q.kind, Kind::ShortText | Kind::LongText | Kind::List)
                {
                    self.err(
                        &here,
                        format!(
                            "`vague` judges text, but `{}` is a `{}` question",
                            q.id,
                            q.kind.name()
                        ),
                        "point `vague` to a short_text, long_text or list question; for other kinds use `answered`, `equals` or `in`",
                    );
                }
            }
            Condition::Equals(c) => {
                if let Some(q) = self.referenced(&c.question, &format!("{here}.question")) {
                    self.literal(q, &c.value, &format!("{here}.value"), "equals");
                }
            }
            Condition::In(c) => {
                if c.values.is_empty() {
                    self.err(
                        format!("{here}.values"),
                        "`in` with no values never holds",
                        "list the values the answer may take",
                    );
                }
                if let Some(q) = self.referenced(&c.question, &format!("{here}.question")) {
                    for (i, v) in c.values.iter().enumerate() {
                        self.literal(q, v, &format!("{here}.values[{i}]"), "in");
                    }
                }
            }
            Condition::Includes(c) => {
                if let Some(q) = self.referenced(&c.question, &format!("{here}.question")) {
                    if q.kind != Kind::MultiChoice {
                        self.err(
                            format!("{here}.question"),
                            format!(
                                "`includes` needs a `multi_choice` question; `{}` is `{}`",
                                q.id,
                                q.kind.name()
                            ),
                            "use `equals` for a single answer, or point to a multi_choice question",
                        );
                    } else {
                        self.choice_literal(q, &c.value, &format!("{here}.value"));
                    }
                }
            }
            Condition::Gt(c) | Condition::Lt(c) => {
                if let Some(q) = self.referenced(&c.question, &format!("{here}.question"))
                    && !q.kind.is_numeric()
                {
                    self.err(
                            format!("{here}.question"),
                            format!("`{op}` compares numbers, but `{}` is a `{}` question", q.id, q.kind.name()),
                            "point to a number, money, percent, duration or scale question, or use `equals`/`answered`",
                        );
                }
            }
        }
    }

    pub(super) fn conditions(&mut self) {
        for (si, s) in self.checklist.sections.iter().enumerate() {
            if let Some(when) = &s.when {
                self.condition(when, &format!("{}.when", self.section_path(si)));
            }
        }
        for (path, _, q) in self.question_paths() {
            if let Some(when) = &q.when {
                self.condition(when, &format!("{path}.when"));
            }
        }
        for (i, r) in self.checklist.rules.iter().enumerate() {
            self.condition(&r.when, &format!("{}.when", self.rule_path(i)));
        }
    }

    pub(super) fn literal(&mut self, q: &Question, value: &Scalar, path: &str, op: &str) {
        let expected = match q.kind {
            Kind::YesNo => "true or false",
            Kind::SingleChoice => return self.choice_literal(q, value, path),
            Kind::MultiChoice => {
                return self.err(
                    path,
                    format!("`{op}` cannot compare the multi_choice question `{}`", q.id),
                    format!("use `includes: {{question: {}, value: <choice id>}}`", q.id),
                );
            }
            Kind::Number | Kind::Money | Kind::Percent | Kind::Duration | Kind::Scale => "a number",
            Kind::ShortText | Kind::LongText | Kind::Link | Kind::Date => "a text",
            Kind::List | Kind::Table | Kind::Contact => {
                return self.err(
                    path,
                    format!(
                        "`{op}` cannot compare a `{}` answer (`{}`)",
                        q.kind.name(),
                        q.id
                    ),
                    format!("use `answered: {}` or `empty: {}`", q.id, q.id),
                );
            }
        };
        let fits = matches!(
            (expected, value),
            ("true or false", Scalar::Bool(_))
                | ("a number", Scalar::Number(_))
                | ("a text", Scalar::Text(_))
        );
        if !fits {
            self.err(
                path,
                format!(
                    "`{}` is a `{}` question, but the value is {} (`{value}`)",
                    q.id,
                    q.kind.name(),
                    value.type_name()
                ),
                format!("compare with {expected}"),
            );
        }
    }

    pub(super) fn choice_literal(&mut self, q: &Question, value: &Scalar, path: &str) {
        let Scalar::Text(id) = value else {
            return self.err(
                path,
                format!(
                    "`{}` takes a choice id, but the value is {} (`{value}`)",
                    q.id,
                    value.type_name()
                ),
                format!(
                    "use one of {}",
                    quoted_list(q.choices.iter().map(|c| c.id.as_str()))
                ),
            );
        };
        if !q.choices.iter().any(|c| &c.id == id) {
            let fix = match closest(id, q.choices.iter().map(|c| c.id.as_str())) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "use one of {}",
                    quoted_list(q.choices.iter().map(|c| c.id.as_str()))
                ),
            };
            self.err(path, format!("`{}` has no choice `{id}`", q.id), fix);
        }
    }
}
