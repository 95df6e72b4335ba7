//! Processes, rules, client wording and renamed questions.

use crate::diagnostic::closest;
use crate::model::ClientWording;
use std::collections::{HashMap, HashSet};

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn processes_and_rules(&mut self) {
        let c = self.checklist;
        for (i, p) in c.processes.iter().enumerate() {
            let path = self.process_path(i);
            if p.evidence.is_empty() {
                self.err(
                    format!("{path}.evidence"),
                    format!("process `{}` names no evidence questions", p.id),
                    "list the questions whose answers describe the process",
                );
            }
            let mut listed: HashMap<&str, &str> = HashMap::new();
            for (list, ids) in [
                ("evidence", &p.evidence),
                ("details", &p.details),
                ("documents", &p.documents),
            ] {
                for (ei, q) in ids.iter().enumerate() {
                    let here = format!("{path}.{list}[{ei}]");
                    self.referenced(q, &here);
                    match listed.insert(q, list) {
                        Some(first) if first == list => self.err(
                            &here,
                            format!("`{q}` is listed twice in `{list}`"),
                            "remove the second one",
                        ),
                        Some(first) => self.err(
                            &here,
                            format!("`{q}` is in both `{first}` and `{list}` of process `{}`", p.id),
                            "keep it in one list: `evidence` must be answered for the process to be described, \
                                 `details` only enrich it, `documents` hold a written description",
                        ),
                        None => {}
                    }
                }
            }
            if p.agenda.is_empty() {
                self.err(
                    format!("{path}.agenda"),
                    format!("process `{}` has no follow-up agenda", p.id),
                    "list what to ask at the follow-up briefing when the process is not described",
                );
            }
        }
        for (i, r) in c.rules.iter().enumerate() {
            if r.agenda.is_empty() {
                self.err(
                    format!("{}.agenda", self.rule_path(i)),
                    format!("rule `{}` has no follow-up agenda", r.id),
                    "list what to ask at the follow-up briefing when the flag is raised",
                );
            }
        }
    }

    /// With `client_wording: required`, every required question, process and rule is worded for the
    /// client.
    pub(super) fn client_wording(&mut self) {
        let c = self.checklist;
        if c.client_wording != ClientWording::Required {
            return;
        }
        let mut places: Vec<(String, String, [bool; 2])> = Vec::new();
        for (path, _, q) in self.question_paths() {
            if q.required {
                places.push((
                    path,
                    format!("required question `{}`", q.id),
                    [q.client_prompt.is_some(), q.client_why.is_some()],
                ));
            }
        }
        for (i, p) in c.processes.iter().enumerate() {
            places.push((
                self.process_path(i),
                format!("process `{}`", p.id),
                [p.client_prompt.is_some(), p.client_why.is_some()],
            ));
        }
        for (i, r) in c.rules.iter().enumerate() {
            places.push((
                self.rule_path(i),
                format!("rule `{}`", r.id),
                [r.client_prompt.is_some(), r.client_why.is_some()],
            ));
        }
        for (path, what, [has_prompt, has_why]) in places {
            for (field, has, fix) in [
                (
                    "client_prompt",
                    has_prompt,
                    "add `client_prompt: {ru: …, en: …}`: the request as the client reads it in the letter, addressed as «вы»",
                ),
                (
                    "client_why",
                    has_why,
                    "add `client_why: {ru: …, en: …}`: why the agency asks, in the client's terms",
                ),
            ] {
                if !has {
                    self.err(
                        &path,
                        format!("{what} has no `{field}`, and the checklist says `client_wording: required`"),
                        fix,
                    );
                }
            }
        }
    }

    pub(super) fn renamed(&mut self) {
        let own: HashSet<&str> = self
            .checklist
            .questions()
            .map(|(_, q)| q.id.as_str())
            .collect();
        for (old, new) in &self.checklist.renamed {
            let path = format!("renamed.{old}");
            if old == new {
                self.err(
                    &path,
                    format!("`{old}` is renamed to itself"),
                    "remove this entry",
                );
            } else if !own.contains(new.as_str()) {
                let fix = match closest(new, own.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "name a question of this version".to_owned(),
                };
                self.err(&path, format!("`renamed` points `{old}` to `{new}`, which is not a question of this version"), fix);
            } else if own.contains(old.as_str()) {
                self.err(
                    &path,
                    format!("`{old}` is renamed but is still a question of this version"),
                    "remove the entry, or rename the question",
                );
            }
        }
    }
}
