//! Reachability: no question is hidden for ever by conditions that can never hold.

use crate::condition::{Condition, Scalar};
use crate::model::{Question, Section};
use std::collections::{HashMap, HashSet};

use super::*;

impl<'a> Validator<'a> {
    /// Cycles between `when` conditions, and questions or sections that can never be shown.
    pub(super) fn reachability(&mut self) {
        let own: Vec<(String, &'a Section, &'a Question)> = self.question_paths();
        let deps: HashMap<&str, Vec<&str>> = own
            .iter()
            .map(|(_, s, q)| {
                let mut d: Vec<&str> = Vec::new();
                for c in [&s.when, &q.when].into_iter().flatten() {
                    d.extend(c.questions());
                }
                (q.id.as_str(), d)
            })
            .collect();
        // Depth-first search for cycles; only this file's questions can form one.
        let mut state: HashMap<&str, u8> = HashMap::new();
        let mut order: Vec<&str> = Vec::new();
        for (path, s, q) in &own {
            let mut stack = Vec::new();
            if let Some(cycle) = dfs(&q.id, &deps, &mut state, &mut stack, &mut order) {
                let at = match (&q.when, s.when.is_some()) {
                    (None, true) => {
                        let si = self
                            .checklist
                            .sections
                            .iter()
                            .position(|x| x.id == s.id)
                            .unwrap_or(0);
                        format!("{}.when", self.section_path(si))
                    }
                    _ => format!("{path}.when"),
                };
                self.err(
                    at,
                    format!("conditions form a cycle: {}", cycle.join(" → ")),
                    "a question cannot be shown depending on itself; make one condition depend on an earlier question",
                );
            }
        }
        // Questions in a cycle are left out of `order`; the rest are still checked.
        let mut never: HashSet<&str> = HashSet::new();
        let mut section_reported: HashSet<&str> = HashSet::new();
        let by_id: HashMap<&str, (&String, &Section, &Question)> = own
            .iter()
            .map(|(p, s, q)| (q.id.as_str(), (p, *s, *q)))
            .collect();
        for id in order {
            let Some(&(path, section, q)) = by_id.get(id) else {
                continue;
            };
            if let Some(when) = &section.when
                && let Err(reason) = self.can_hold(when, &never)
            {
                never.insert(id);
                if section_reported.insert(&section.id) {
                    let si = self
                        .checklist
                        .sections
                        .iter()
                        .position(|s| s.id == section.id)
                        .unwrap_or(0);
                    self.err(
                        format!("{}.when", self.section_path(si)),
                        format!("section `{}` can never be shown: {reason}", section.id),
                        "correct the condition, or remove it to show the section always",
                    );
                }
                continue;
            }
            if let Some(when) = &q.when
                && let Err(reason) = self.can_hold(when, &never)
            {
                never.insert(id);
                self.err(
                    format!("{path}.when"),
                    format!("question `{}` can never be shown: {reason}", q.id),
                    "correct the condition, or remove it to show the question always",
                );
            }
        }
        for (i, r) in self.checklist.rules.iter().enumerate() {
            if let Err(reason) = self.can_hold(&r.when, &never) {
                self.err(
                    format!("{}.when", self.rule_path(i)),
                    format!("rule `{}` can never raise its flag: {reason}", r.id),
                    "correct the condition",
                );
            }
        }
    }

    /// `Err(reason)` when the condition can never hold; conservative: `Ok` when unsure.
    pub(super) fn can_hold(&self, cond: &Condition, never: &HashSet<&str>) -> Result<(), String> {
        let hidden = |q: &str| -> Result<(), String> {
            if never.contains(q) {
                Err(format!(
                    "it needs an answer to `{q}`, which can never be shown"
                ))
            } else {
                Ok(())
            }
        };
        match cond {
            Condition::All(cs) => {
                for c in cs {
                    self.can_hold(c, never)?;
                }
                contradiction(cs)
            }
            Condition::Any(cs) => {
                let mut first = None;
                for c in cs {
                    match self.can_hold(c, never) {
                        Ok(()) => return Ok(()),
                        Err(e) => {
                            first.get_or_insert(e);
                        }
                    }
                }
                Err(first.unwrap_or_else(|| "`any: []` never holds".to_owned()))
            }
            Condition::Not(c) => {
                if always(c, never) {
                    Err("it negates a condition that always holds".to_owned())
                } else {
                    Ok(())
                }
            }
            Condition::Empty(_) => Ok(()),
            Condition::Answered(q)
            | Condition::Unknown(q)
            | Condition::NotApplicable(q)
            | Condition::Vague(q) => hidden(q),
            Condition::Equals(c) | Condition::Includes(c) => hidden(&c.question),
            Condition::In(c) => {
                hidden(&c.question)?;
                if c.values.is_empty() {
                    Err("`in` has no values".to_owned())
                } else {
                    Ok(())
                }
            }
            Condition::Gt(c) => {
                hidden(&c.question)?;
                match self.bounds(&c.question).1 {
                    Some(max) if c.value >= max => Err(format!(
                        "`{}` is at most {max}, so it is never greater than {}",
                        c.question, c.value
                    )),
                    _ => Ok(()),
                }
            }
            Condition::Lt(c) => {
                hidden(&c.question)?;
                match self.bounds(&c.question).0 {
                    Some(min) if c.value <= min => Err(format!(
                        "`{}` is at least {min}, so it is never less than {}",
                        c.question, c.value
                    )),
                    _ => Ok(()),
                }
            }
        }
    }

    pub(super) fn bounds(&self, id: &str) -> (Option<f64>, Option<f64>) {
        match self.questions.get(id) {
            Some(q) => q.value_bounds(),
            None => (None, None),
        }
    }
}

pub(super) fn dfs<'a>(
    id: &'a str,
    deps: &HashMap<&'a str, Vec<&'a str>>,
    state: &mut HashMap<&'a str, u8>,
    stack: &mut Vec<&'a str>,
    order: &mut Vec<&'a str>,
) -> Option<Vec<String>> {
    match state.get(id) {
        Some(2) => return None,
        Some(1) => {
            let start = stack.iter().position(|s| *s == id).unwrap_or(0);
            let mut cycle: Vec<String> = stack[start..].iter().map(|s| format!("`{s}`")).collect();
            cycle.push(format!("`{id}`"));
            return Some(cycle);
        }
        _ => {}
    }
    let next = deps.get(id)?;
    state.insert(id, 1);
    stack.push(id);
    for d in next {
        if let Some(cycle) = dfs(d, deps, state, stack, order) {
            state.insert(id, 2);
            return Some(cycle);
        }
    }
    stack.pop();
    state.insert(id, 2);
    order.push(id);
    None
}

/// Contradictions among the direct members of an `all`.
pub(super) fn contradiction(cs: &[Condition]) -> Result<(), String> {
    let mut equals: HashMap<&str, &Scalar> = HashMap::new();
    let mut states: HashMap<&str, &'static str> = HashMap::new();
    let mut above: HashMap<&str, f64> = HashMap::new();
    let mut below: HashMap<&str, f64> = HashMap::new();
    for c in cs {
        let (q, state) = match c {
            Condition::Answered(q)
            | Condition::Vague(q)
            | Condition::Equals(crate::condition::Compare { question: q, .. }) => (q, "answered"),
            Condition::Unknown(q) => (q, "unknown"),
            Condition::NotApplicable(q) => (q, "not_applicable"),
            Condition::Empty(q) => (q, "empty"),
            _ => continue,
        };
        if let Some(other) = states.insert(q, state)
            && other != state
        {
            return Err(format!("`{q}` cannot be both `{other}` and `{state}`"));
        }
    }
    for c in cs {
        match c {
            Condition::Equals(e) => {
                if let Some(prev) = equals.insert(&e.question, &e.value)
                    && prev != &e.value
                {
                    return Err(format!(
                        "`{}` cannot equal both `{prev}` and `{}`",
                        e.question, e.value
                    ));
                }
            }
            Condition::Gt(g) => {
                let v = above.entry(&g.question).or_insert(g.value);
                *v = v.max(g.value);
            }
            Condition::Lt(l) => {
                let v = below.entry(&l.question).or_insert(l.value);
                *v = v.min(l.value);
            }
            _ => {}
        }
    }
    for (q, lo) in &above {
        if let Some(hi) = below.get(q)
            && lo >= hi
        {
            return Err(format!(
                "`{q}` cannot be greater than {lo} and less than {hi}"
            ));
        }
    }
    Ok(())
}

/// Whether a condition always holds (conservative: `false` when unsure).
pub(super) fn always(cond: &Condition, never: &HashSet<&str>) -> bool {
    match cond {
        Condition::All(cs) => cs.iter().all(|c| always(c, never)),
        Condition::Any(cs) => cs.iter().any(|c| always(c, never)),
        Condition::Empty(q) => never.contains(q.as_str()),
        Condition::Not(c) => {
            matches!(&**c, Condition::Any(cs) if cs.is_empty())
                || matches!(&**c, Condition::Answered(q) | Condition::Unknown(q) | Condition::NotApplicable(q) if never.contains(q.as_str()))
        }
        _ => false,
    }
}
