//! Checks that need the whole checklist: ids, languages, kind options, conditions (references,
//! types, cycles, questions that can never be shown), processes, rules and renames.
//!
//! Every check appends to one list; nothing stops at the first problem.

use std::collections::{HashMap, HashSet};

use crate::condition::{Condition, Scalar};
use crate::diagnostic::{Issue, closest, quoted_list};
use crate::load::ItemPaths;
use crate::model::{Checklist, ClientWording, Column, GoalPart, Kind, Question, Section};
use crate::text::Text;
use crate::yaml::{Node, Value, find, locate};

/// Validates a checklist read from `tree`. `base` is the checklist named by `extends`, already valid;
/// `siblings` are the other add-ons of the same base, whose question ids a brief may combine with
/// this one's and so must not repeat.
pub(crate) fn validate(
    checklist: &Checklist,
    base: Option<&Checklist>,
    siblings: &[&Checklist],
    tree: &Node,
    written_ids: &HashSet<String>,
    paths: &ItemPaths,
) -> Vec<Issue> {
    let mut questions: HashMap<&str, &Question> = HashMap::new();
    if let Some(base) = base {
        for (_, q) in base.questions() {
            questions.insert(&q.id, q);
        }
    }
    let mut v = Validator {
        checklist,
        base,
        siblings,
        tree,
        written_ids,
        paths,
        questions,
        issues: Vec::new(),
    };
    v.header();
    v.ids();
    v.texts();
    v.kinds();
    v.conditions();
    v.reachability();
    v.processes_and_rules();
    v.client_wording();
    v.renamed();
    v.issues
}

struct Validator<'a> {
    checklist: &'a Checklist,
    base: Option<&'a Checklist>,
    siblings: &'a [&'a Checklist],
    tree: &'a Node,
    written_ids: &'a HashSet<String>,
    paths: &'a ItemPaths,
    questions: HashMap<&'a str, &'a Question>,
    issues: Vec<Issue>,
}

fn is_id(s: &str, dash: bool) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || (dash && c == '-'))
}

impl<'a> Validator<'a> {
    fn err(&mut self, path: impl Into<String>, message: impl Into<String>, fix: impl Into<String>) {
        let path = path.into();
        let pos = locate(self.tree, &path);
        self.issues.push(Issue::new(Some(pos), path, message, fix));
    }

    /// Whether the file itself has items at `path` (some may have failed to read and be reported
    /// already), so "no questions" is not reported on top of their errors.
    fn written_items(&self, path: &str) -> bool {
        matches!(find(self.tree, path).map(|n| &n.value), Some(Value::Seq(items)) if !items.is_empty())
    }

    fn question_paths(&self) -> Vec<(String, &'a Section, &'a Question)> {
        let c: &'a Checklist = self.checklist;
        c.sections
            .iter()
            .enumerate()
            .flat_map(|(si, s)| {
                s.questions
                    .iter()
                    .enumerate()
                    .map(move |(qi, q)| (self.question_path(si, qi), s, q))
            })
            .collect()
    }

    fn section_path(&self, si: usize) -> String {
        self.paths
            .sections
            .get(si)
            .cloned()
            .unwrap_or_else(|| format!("sections[{si}]"))
    }

    fn question_path(&self, si: usize, qi: usize) -> String {
        self.paths
            .questions
            .get(si)
            .and_then(|qs| qs.get(qi))
            .cloned()
            .unwrap_or_else(|| format!("{}.questions[{qi}]", self.section_path(si)))
    }

    fn item_path(paths: &[String], list: &str, i: usize) -> String {
        paths
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("{list}[{i}]"))
    }

    fn process_path(&self, i: usize) -> String {
        Self::item_path(&self.paths.processes, "processes", i)
    }

    fn rule_path(&self, i: usize) -> String {
        Self::item_path(&self.paths.rules, "rules", i)
    }

    fn header(&mut self) {
        let c = self.checklist;
        if !is_id(&c.id, true) {
            self.err(
                "id",
                format!("checklist id `{}` is not a valid id", c.id),
                "use lowercase latin letters, digits, `-` and `_`, starting with a letter (`seo-regions`)",
            );
        }
        if c.version == 0 {
            self.err(
                "version",
                "version 0 is not allowed",
                "versions start at 1: `version: 1`",
            );
        }
        if c.languages.is_empty() {
            self.err(
                "languages",
                "no languages declared",
                "declare the languages of the texts, the default first: `languages: [ru, en]`",
            );
        }
        let mut seen = HashSet::new();
        for (i, lang) in c.languages.iter().enumerate() {
            let ok =
                (2..=3).contains(&lang.len()) && lang.chars().all(|ch| ch.is_ascii_lowercase());
            if !ok {
                self.err(
                    format!("languages[{i}]"),
                    format!("`{lang}` is not a language code"),
                    "use a two-letter ISO 639-1 code such as `ru` or `en`",
                );
            }
            if !seen.insert(lang.as_str()) {
                self.err(
                    format!("languages[{i}]"),
                    format!("language `{lang}` is declared twice"),
                    "remove the second one",
                );
            }
        }
        for (i, service) in c.applies_to.iter().enumerate() {
            if !is_id(service, true) {
                self.err(
                    format!("applies_to[{i}]"),
                    format!("service id `{service}` is not a valid id"),
                    "use lowercase latin letters, digits, `-` and `_` (`seo`, `ppc`)",
                );
            }
        }
        for (i, replaced) in c.replaces.iter().enumerate() {
            if !is_id(replaced, true) {
                self.err(
                    format!("replaces[{i}]"),
                    format!("checklist id `{replaced}` is not a valid id"),
                    "use lowercase latin letters, digits, `-` and `_` (`ppc`)",
                );
            } else if replaced == &c.id {
                self.err(
                    format!("replaces[{i}]"),
                    "a checklist cannot replace itself",
                    "name the checklist whose service this add-on takes over (`replaces: [ppc]`)",
                );
            }
        }
        if c.extends.as_deref() == Some(c.id.as_str()) {
            self.err(
                "extends",
                "a checklist cannot extend itself",
                "name the core it adds to: `extends: core`",
            );
        }
        if c.sections.is_empty() && !self.written_items("sections") {
            self.err(
                "sections",
                "the checklist has no sections",
                "add at least one section with questions",
            );
        }
    }

    fn ids(&mut self) {
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

    fn check_id<'b>(
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

    fn texts(&mut self) {
        let c = self.checklist;
        let mut texts: Vec<(String, &Text)> = vec![("title".into(), &c.title)];
        if let Some(d) = &c.description {
            texts.push(("description".into(), d));
        }
        for (i, t) in c.changes.iter().enumerate() {
            texts.push((Self::item_path(&self.paths.changes, "changes", i), t));
        }
        for (si, s) in c.sections.iter().enumerate() {
            let sp = self.section_path(si);
            texts.push((format!("{sp}.title"), &s.title));
            if let Some(t) = &s.intro {
                texts.push((format!("{sp}.intro"), t));
            }
        }
        for (path, _, q) in self.question_paths() {
            texts.push((format!("{path}.prompt"), &q.prompt));
            texts.push((format!("{path}.hint"), &q.hint));
            for (name, t) in [
                ("client_prompt", &q.client_prompt),
                ("client_why", &q.client_why),
                ("placeholder", &q.placeholder),
                ("unit", &q.unit),
                ("item", &q.item),
            ] {
                if let Some(t) = t {
                    texts.push((format!("{path}.{name}"), t));
                }
            }
            if let Some(l) = &q.labels {
                texts.push((format!("{path}.labels.min"), &l.min));
                texts.push((format!("{path}.labels.max"), &l.max));
            }
            for (ci, ch) in q.choices.iter().enumerate() {
                texts.push((format!("{path}.choices[{ci}].label"), &ch.label));
            }
            for (ci, col) in q.columns.iter().enumerate() {
                texts.push((format!("{path}.columns[{ci}].title"), &col.title));
                if let Some(u) = &col.unit {
                    texts.push((format!("{path}.columns[{ci}].unit"), u));
                }
                for (chi, ch) in col.choices.iter().enumerate() {
                    texts.push((
                        format!("{path}.columns[{ci}].choices[{chi}].label"),
                        &ch.label,
                    ));
                }
            }
        }
        for (i, p) in c.processes.iter().enumerate() {
            let pp = self.process_path(i);
            texts.push((format!("{pp}.title"), &p.title));
            texts.push((format!("{pp}.why"), &p.why));
            for (ai, a) in p.agenda.iter().enumerate() {
                texts.push((format!("{pp}.agenda[{ai}]"), a));
            }
            for (name, t) in [
                ("client_prompt", &p.client_prompt),
                ("client_why", &p.client_why),
            ] {
                if let Some(t) = t {
                    texts.push((format!("{pp}.{name}"), t));
                }
            }
        }
        for (i, r) in c.rules.iter().enumerate() {
            let rp = self.rule_path(i);
            texts.push((format!("{rp}.message"), &r.message));
            for (ai, a) in r.agenda.iter().enumerate() {
                texts.push((format!("{rp}.agenda[{ai}]"), a));
            }
            for (name, t) in [
                ("client_prompt", &r.client_prompt),
                ("client_why", &r.client_why),
            ] {
                if let Some(t) = t {
                    texts.push((format!("{rp}.{name}"), t));
                }
            }
        }
        for (path, text) in texts {
            self.text(&path, text);
        }
    }

    fn text(&mut self, path: &str, text: &Text) {
        let langs = &self.checklist.languages;
        match text {
            Text::Plain(s) => {
                if s.trim().is_empty() {
                    self.err(
                        path,
                        "empty text",
                        "write the text, or remove the field if it is optional",
                    );
                } else if langs.len() > 1 {
                    let example = langs
                        .iter()
                        .map(|l| format!("{l}: …"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    self.err(
                        path,
                        format!(
                            "text has one language, but the checklist declares {}",
                            quoted_list(langs.iter().map(String::as_str))
                        ),
                        format!("write it as {{{example}}}"),
                    );
                }
            }
            Text::Localized(map) => {
                for lang in langs {
                    match map.get(lang) {
                        None => self.err(
                            path,
                            format!("the `{lang}` text is missing"),
                            format!(
                                "add `{lang}: …` — the checklist declares `{lang}` in `languages`"
                            ),
                        ),
                        Some(s) if s.trim().is_empty() => self.err(
                            format!("{path}.{lang}"),
                            format!("the `{lang}` text is empty"),
                            format!("write the `{lang}` text"),
                        ),
                        Some(_) => {}
                    }
                }
                for lang in map.keys().filter(|l| !langs.contains(l)) {
                    self.err(
                        format!("{path}.{lang}"),
                        format!("`{lang}` is not a declared language"),
                        format!("add `{lang}` to `languages`, or remove this text"),
                    );
                }
            }
        }
    }

    fn kinds(&mut self) {
        let mut goal_parts: HashMap<GoalPart, String> = HashMap::new();
        for (path, _, q) in self.question_paths() {
            self.kind_options(&path, q);
            self.goal_and_specific(&path, q, &mut goal_parts);
        }
    }

    /// `goal` fits the kind and names each part once; `specific` is only for text and lists.
    fn goal_and_specific(
        &mut self,
        path: &str,
        q: &Question,
        seen: &mut HashMap<GoalPart, String>,
    ) {
        if let Some(part) = q.goal {
            if !part.fits(q.kind) {
                let fitting: Vec<&str> = Kind::ALL
                    .iter()
                    .filter(|k| part.fits(**k))
                    .map(|k| k.name())
                    .collect();
                self.err(
                    format!("{path}.goal"),
                    format!(
                        "a `{}` question cannot record the goal's {}",
                        q.kind.name(),
                        part.name()
                    ),
                    format!(
                        "remove `goal`, or change `kind` to one of: {}",
                        fitting.join(", ")
                    ),
                );
            }
            if let Some(first) = seen.get(&part) {
                self.err(
                    format!("{path}.goal"),
                    format!(
                        "the goal's {} is already recorded by question `{first}`",
                        part.name()
                    ),
                    "keep `goal` on one question per part",
                );
            } else {
                seen.insert(part, q.id.clone());
            }
        }
        if q.specific && !matches!(q.kind, Kind::ShortText | Kind::LongText | Kind::List) {
            self.err(
                format!("{path}.specific"),
                format!(
                    "`specific` does not apply to a `{}` question",
                    q.kind.name()
                ),
                "remove `specific`: only `short_text`, `long_text` and `list` answers are checked for vague words",
            );
        }
    }

    fn kind_options(&mut self, path: &str, q: &Question) {
        let kind = q.kind;
        let allowed = kind.spec().options;
        let present = [
            ("unit", q.unit.is_some()),
            ("currency", q.currency.is_some()),
            ("min", q.min.is_some()),
            ("max", q.max.is_some()),
            ("integer", q.integer.is_some()),
            ("max_length", q.max_length.is_some()),
            ("choices", !q.choices.is_empty()),
            ("columns", !q.columns.is_empty()),
            ("labels", q.labels.is_some()),
            ("item", q.item.is_some()),
        ];
        for (field, is_present) in present {
            if is_present && !allowed.contains(&field) {
                let owners: Vec<&str> = Kind::ALL
                    .iter()
                    .filter(|k| k.takes(field))
                    .map(|k| k.name())
                    .collect();
                self.err(
                    format!("{path}.{field}"),
                    format!("`{field}` does not apply to a `{}` question", kind.name()),
                    format!(
                        "remove `{field}`, or change `kind` to one that takes it: {}",
                        quoted_list(owners)
                    ),
                );
            }
        }
        if kind.has_choices() && q.choices.len() < 2 {
            self.err(
                format!("{path}.choices"),
                format!("a `{}` question needs at least two choices", kind.name()),
                "add `choices:` with items like `- {id: direct, label: {ru: …, en: …}}`",
            );
        }
        if kind == Kind::Table && q.columns.is_empty() {
            self.err(
                format!("{path}.columns"),
                "a `table` question needs columns",
                "add `columns:` with items like `- {id: role, title: {ru: …, en: …}, kind: short_text}`",
            );
        }
        if kind == Kind::Money {
            match &q.currency {
                None => self.err(
                    path,
                    "a `money` question needs a currency",
                    "add `currency: RUB` (an ISO 4217 code)",
                ),
                Some(c) => self.currency(&format!("{path}.currency"), c),
            }
        }
        let spec = kind.spec();
        let (min, max) = (q.min.or(spec.default_min), q.max.or(spec.default_max));
        if let (Some(lo), Some(hi)) = (min, max)
            && (lo > hi || (kind == Kind::Scale && lo == hi))
        {
            self.err(
                format!("{path}.min"),
                format!("`min` ({lo}) is not below `max` ({hi})"),
                "swap them or correct one of the bounds",
            );
        }
        for (field, value) in [("min", q.min), ("max", q.max)] {
            let Some(v) = value else { continue };
            let below = spec.lowest.is_some_and(|lowest| v < lowest);
            let above = spec.highest.is_some_and(|highest| v > highest);
            if spec.whole_bounds && (below || v.fract() != 0.0) {
                self.err(
                    format!("{path}.{field}"),
                    format!(
                        "`{field}` of a `{}` question must be a whole number, 0 or more",
                        kind.name()
                    ),
                    "write a whole number such as `1` or `5`",
                );
            } else if below || above {
                let (range, fix) = match (spec.lowest, spec.highest) {
                    (Some(lo), Some(hi)) => (
                        format!("within {lo}…{hi}"),
                        format!("use a value from {lo} to {hi}"),
                    ),
                    (Some(lo), None) => (format!("{lo} or more"), format!("use {lo} or more")),
                    (None, Some(hi)) => (format!("{hi} or less"), format!("use {hi} or less")),
                    (None, None) => continue,
                };
                self.err(
                    format!("{path}.{field}"),
                    format!("`{field}` of a `{}` question must be {range}", kind.name()),
                    fix,
                );
            }
        }
        if kind == Kind::MultiChoice {
            let n = q.choices.len() as f64;
            for (field, value) in [("min", q.min), ("max", q.max)] {
                if value.is_some_and(|v| v > n) && n >= 2.0 {
                    self.err(
                        format!("{path}.{field}"),
                        format!("`{field}` is more than the {n} choices"),
                        "lower it to at most the number of choices",
                    );
                }
            }
        }
        for (ci, column) in q.columns.iter().enumerate() {
            self.column(&format!("{path}.columns[{ci}]"), column);
        }
    }

    fn currency(&mut self, path: &str, code: &str) {
        if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
            self.err(
                path,
                format!("`{code}` is not a currency code"),
                "use a three-letter ISO 4217 code in capitals: `RUB`, `USD`, `EUR`",
            );
        }
    }

    fn column(&mut self, path: &str, column: &Column) {
        if !Column::CELL_KINDS.contains(&column.kind) {
            self.err(
                format!("{path}.kind"),
                format!("a table column cannot be `{}`", column.kind.name()),
                format!(
                    "use one of {}",
                    quoted_list(Column::CELL_KINDS.iter().map(|k| k.name()))
                ),
            );
        }
        if column.unit.is_some() && column.kind != Kind::Number {
            self.err(
                format!("{path}.unit"),
                "`unit` applies only to a `number` column",
                "remove `unit` or make the column `kind: number`",
            );
        }
        match (&column.currency, column.kind) {
            (Some(c), Kind::Money) => self.currency(&format!("{path}.currency"), c),
            (None, Kind::Money) => self.err(
                path,
                "a `money` column needs a currency",
                "add `currency: RUB`",
            ),
            (Some(_), _) => self.err(
                format!("{path}.currency"),
                "`currency` applies only to a `money` column",
                "remove `currency` or make the column `kind: money`",
            ),
            (None, _) => {}
        }
        if column.kind == Kind::SingleChoice && column.choices.len() < 2 {
            self.err(
                format!("{path}.choices"),
                "a `single_choice` column needs at least two choices",
                "add `choices:`",
            );
        }
        if column.kind != Kind::SingleChoice && !column.choices.is_empty() {
            self.err(
                format!("{path}.choices"),
                "`choices` applies only to a `single_choice` column",
                "remove `choices` or make the column `kind: single_choice`",
            );
        }
    }

    fn conditions(&mut self) {
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

    /// The question a condition names, or `None` after reporting it as unknown.
    fn referenced(&mut self, id: &str, path: &str) -> Option<&'a Question> {
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

    fn condition(&mut self, cond: &Condition, path: &str) {
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

    fn literal(&mut self, q: &Question, value: &Scalar, path: &str, op: &str) {
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

    fn choice_literal(&mut self, q: &Question, value: &Scalar, path: &str) {
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

    /// Cycles between `when` conditions, and questions or sections that can never be shown.
    fn reachability(&mut self) {
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
    fn can_hold(&self, cond: &Condition, never: &HashSet<&str>) -> Result<(), String> {
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

    fn bounds(&self, id: &str) -> (Option<f64>, Option<f64>) {
        match self.questions.get(id) {
            Some(q) => q.value_bounds(),
            None => (None, None),
        }
    }

    fn processes_and_rules(&mut self) {
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
    fn client_wording(&mut self) {
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

    fn renamed(&mut self) {
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

fn dfs<'a>(
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
fn contradiction(cs: &[Condition]) -> Result<(), String> {
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
fn always(cond: &Condition, never: &HashSet<&str>) -> bool {
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
