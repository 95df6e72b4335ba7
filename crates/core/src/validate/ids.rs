//! Ids: well formed and unique across sections, questions, choices, columns, processes and rules.

use crate::yaml::locate;
use std::collections::HashMap;

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn ids(&mut self) {
        let mut sections: HashMap<&str, String> = HashMap::new();
        let mut questions: HashMap<&str, String> = HashMap::new();
        for other in self.base.into_iter().chain(self.siblings.iter().copied()) {
            for (_, q) in other.questions() {
                questions.insert(&q.id, format!("checklist `{}`", other.id));
            }
        }
        for (si, s) in self.checklist.sections.iter().enumerate() {
            let path = self.section_path(si);
            self.check_id(
                &s.id,
                &format!("{path}.id"),
                "section",
                &mut sections,
                &path,
            );
            if s.questions.is_empty() && !self.written_items(&format!("{path}.questions")) {
                self.err(
                    format!("{path}.questions"),
                    format!("section `{}` has no questions", s.id),
                    "add questions or remove the section",
                );
            }
        }
        for (path, _, q) in self.question_paths() {
            self.check_id(
                &q.id,
                &format!("{path}.id"),
                "question",
                &mut questions,
                &path,
            );
            self.questions.insert(&q.id, q);
            let mut choices = HashMap::new();
            for (ci, choice) in q.choices.iter().enumerate() {
                let p = format!("{path}.choices[{ci}]");
                self.check_id(&choice.id, &format!("{p}.id"), "choice", &mut choices, &p);
            }
            let mut columns = HashMap::new();
            for (ci, column) in q.columns.iter().enumerate() {
                let p = format!("{path}.columns[{ci}]");
                self.check_id(&column.id, &format!("{p}.id"), "column", &mut columns, &p);
                let mut choices = HashMap::new();
                for (chi, choice) in column.choices.iter().enumerate() {
                    let cp = format!("{p}.choices[{chi}]");
                    self.check_id(&choice.id, &format!("{cp}.id"), "choice", &mut choices, &cp);
                }
            }
        }
        let mut processes: HashMap<&str, String> = HashMap::new();
        let mut rules: HashMap<&str, String> = HashMap::new();
        if let Some(base) = self.base {
            for p in &base.processes {
                processes.insert(&p.id, format!("checklist `{}`", base.id));
            }
            for r in &base.rules {
                rules.insert(&r.id, format!("checklist `{}`", base.id));
            }
        }
        for (i, p) in self.checklist.processes.iter().enumerate() {
            let path = self.process_path(i);
            self.check_id(
                &p.id,
                &format!("{path}.id"),
                "process",
                &mut processes,
                &path,
            );
        }
        for (i, r) in self.checklist.rules.iter().enumerate() {
            let path = self.rule_path(i);
            self.check_id(&r.id, &format!("{path}.id"), "rule", &mut rules, &path);
        }
    }

    pub(super) fn check_id<'b>(
        &mut self,
        id: &'b str,
        id_path: &str,
        what: &str,
        seen: &mut HashMap<&'b str, String>,
        owner_path: &str,
    ) {
        if !is_id(id, false) {
            self.err(
                id_path,
                format!("{what} id `{id}` is not a valid id"),
                "use lowercase latin letters, digits and `_`, starting with a letter (`deal_cycle_days`)",
            );
        }
        match seen.get(id) {
            Some(first) => {
                let first = first.clone();
                self.err(
                    id_path,
                    format!("duplicate {what} id `{id}` (first used at {first})"),
                    format!("give this {what} a different id; ids must be unique"),
                );
            }
            None => {
                let line = locate(self.tree, owner_path).line;
                seen.insert(id, format!("line {line}"));
            }
        }
    }
}
