//! One checklist file: bytes → [`Checklist`] plus every structural problem found on the way.
//!
//! The walk over the document is explicit down to the level of single questions, processes and
//! rules, and each of those is read on its own: a broken question is reported and skipped, and the
//! rest of the file is still read and checked, so one run shows every error.

use std::collections::{BTreeMap, HashSet};

use serde::de::DeserializeOwned;

use crate::diagnostic::{Issue, closest, quoted_list};
use crate::model::{Checklist, ClientWording, Section};
use crate::text::Text;
use crate::tree_de::{Sink, child_path, from_node};
use crate::yaml::{self, Node, Pos, SyntaxClass, Value, YamlError};

const CHECKLIST_FIELDS: &[&str] = &[
    "id",
    "version",
    "title",
    "description",
    "languages",
    "applies_to",
    "extends",
    "replaces",
    "changes",
    "renamed",
    "client_wording",
    "sections",
    "processes",
    "rules",
];
const SECTION_FIELDS: &[&str] = &["id", "title", "intro", "when", "questions"];

/// What reading one file produced.
pub(crate) struct Read {
    /// The checklist as far as it could be read; `None` when the header itself is broken.
    pub checklist: Option<Checklist>,
    /// Every structural problem.
    pub issues: Vec<Issue>,
    /// The tree, for positions of later checks.
    pub tree: Option<Node>,
    /// Ids of every question written in the file, including those that failed to read, so later
    /// checks do not report "unknown question" for a question whose own error is already listed.
    pub written_ids: HashSet<String>,
    /// The YAML path of each item that was read, so checks point at the right place even when
    /// items before it failed and were left out.
    pub paths: ItemPaths,
}

/// YAML paths of the items of a [`Checklist`], index for index.
#[derive(Debug, Default, Clone)]
pub(crate) struct ItemPaths {
    pub sections: Vec<String>,
    pub questions: Vec<Vec<String>>,
    pub processes: Vec<String>,
    pub rules: Vec<String>,
    pub changes: Vec<String>,
}

/// Reads one checklist file.
pub(crate) fn read(bytes: &[u8]) -> Read {
    let tree = match yaml::parse(bytes) {
        Ok(tree) => tree,
        Err(e) => {
            return Read {
                checklist: None,
                issues: vec![yaml_issue(&e)],
                tree: None,
                written_ids: HashSet::new(),
                paths: ItemPaths::default(),
            };
        }
    };
    let mut walk = Walk {
        sink: Sink::default(),
        issues: Vec::new(),
        paths: ItemPaths::default(),
    };
    let checklist = walk.checklist(&tree);
    let mut issues = walk.issues;
    issues.extend(walk.sink.issues.into_inner());
    issues.sort_by_key(|i| i.pos);
    let written_ids = written_question_ids(&tree);
    Read {
        checklist,
        issues,
        tree: Some(tree),
        written_ids,
        paths: walk.paths,
    }
}

fn yaml_issue(e: &YamlError) -> Issue {
    let (pos, fix) = match e {
        YamlError::TooLarge { .. } => (
            None,
            "split the checklist into a core and add-ons, or remove pasted data".to_owned(),
        ),
        YamlError::NotUtf8 { pos, .. } => (
            Some(*pos),
            "save the file as UTF-8 (in most editors: Save with encoding → UTF-8), or retype the character at this place".to_owned(),
        ),
        YamlError::Empty => (
            None,
            "write a checklist: `id`, `version`, `title`, `languages`, `sections`".to_owned(),
        ),
        YamlError::Syntax { pos, class, .. } => (
            *pos,
            match class {
                SyntaxClass::DuplicateKey => {
                    "each key may appear once in a map: remove or rename one of them".to_owned()
                }
                SyntaxClass::Budget => {
                    "the file was refused, not expanded: remove the anchors/aliases (`&name`, `*name`) and write the values out".to_owned()
                }
                SyntaxClass::Depth => format!(
                    "a checklist needs a few levels (sections → questions → choices or columns); remove the extra `[`, `{{` or indented levels around this place (at most {} levels)",
                    yaml::MAX_DEPTH
                ),
                SyntaxClass::TooComplex => {
                    "split the checklist into a core and add-ons, or remove pasted data".to_owned()
                }
                SyntaxClass::Tab => {
                    "replace the tab with spaces (YAML indents with spaces; most editors can convert tabs to spaces)".to_owned()
                }
                SyntaxClass::Syntax if e.to_string().contains("mapping values are not allowed") => {
                    "a text that contains `: ` must be quoted: wrap the whole text in double quotes, or write it as a `|` block".to_owned()
                }
                SyntaxClass::Syntax => {
                    "check the indentation (spaces, not tabs), quotes and colons around this place".to_owned()
                }
            },
        ),
    };
    Issue::new(pos, "", e.to_string(), fix)
}

struct Walk {
    sink: Sink,
    issues: Vec<Issue>,
    paths: ItemPaths,
}

impl Walk {
    fn issue(&mut self, pos: Pos, path: impl Into<String>, message: String, fix: String) {
        self.issues.push(Issue::new(Some(pos), path, message, fix));
    }

    fn check_keys(&mut self, node: &Node, path: &str, allowed: &[&str]) {
        for (key, _) in node.as_map().unwrap_or_default() {
            if !allowed.contains(&key.name.as_str()) {
                let fix = match closest(&key.name, allowed.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!(
                        "remove it; allowed here: {}",
                        quoted_list(allowed.iter().copied())
                    ),
                };
                self.issue(
                    key.pos,
                    child_path(path, &key.name),
                    format!("unknown field `{}`", key.name),
                    fix,
                );
            }
        }
    }

    fn value<T: DeserializeOwned>(&mut self, node: &Node, path: &str) -> Option<T> {
        from_node::<T>(node, path, &self.sink)
            .map_err(|issue| self.issues.push(issue))
            .ok()
    }

    fn required<T: DeserializeOwned>(&mut self, map: &Node, path: &str, key: &str) -> Option<T> {
        match map.get(key) {
            Some(node) => self.value(node, &child_path(path, key)),
            None => {
                self.issue(
                    map.pos,
                    path,
                    format!("missing field `{key}`"),
                    format!("add `{key}: …` to this map"),
                );
                None
            }
        }
    }

    fn optional<T: DeserializeOwned + Default>(
        &mut self,
        map: &Node,
        path: &str,
        key: &str,
    ) -> Option<T> {
        match map.get(key) {
            Some(node) if !matches!(node.value, Value::Null) => {
                self.value(node, &child_path(path, key))
            }
            _ => Some(T::default()),
        }
    }

    /// Reads a list item by item; broken items are reported and left out. Returns the items and
    /// the YAML path of each.
    fn list<T: DeserializeOwned>(
        &mut self,
        map: &Node,
        path: &str,
        key: &str,
        required: bool,
    ) -> (Vec<T>, Vec<String>) {
        let list_path = child_path(path, key);
        let Some(node) = map.get(key) else {
            if required {
                self.issue(
                    map.pos,
                    path,
                    format!("missing field `{key}`"),
                    format!("add `{key}:` with a list of items"),
                );
            }
            return (Vec::new(), Vec::new());
        };
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| {
                    let item_path = format!("{list_path}[{i}]");
                    self.value(item, &item_path).map(|v| (v, item_path))
                })
                .unzip(),
            Value::Null if !required => (Vec::new(), Vec::new()),
            other => {
                self.issue(
                    node.pos,
                    list_path,
                    format!("`{key}` must be a list, found {}", other.type_name()),
                    format!("write each item of `{key}` on its own line starting with `- `"),
                );
                (Vec::new(), Vec::new())
            }
        }
    }

    fn checklist(&mut self, root: &Node) -> Option<Checklist> {
        if root.as_map().is_none() {
            self.issue(
                root.pos,
                "",
                format!(
                    "a checklist file must be a map, found {}",
                    root.value.type_name()
                ),
                "start the file with `id:`, `version:`, `title:`, `languages:` and `sections:`"
                    .to_owned(),
            );
            return None;
        }
        self.check_keys(root, "", CHECKLIST_FIELDS);
        let id: Option<String> = self.required(root, "", "id");
        let version: Option<u32> = self.required(root, "", "version");
        let title: Option<Text> = self.required(root, "", "title");
        let description: Option<Option<Text>> = self.optional(root, "", "description");
        let languages: Option<Vec<String>> = self.required(root, "", "languages");
        let applies_to: Option<Vec<String>> = self.optional(root, "", "applies_to");
        let extends: Option<Option<String>> = self.optional(root, "", "extends");
        let replaces: Option<Vec<String>> = self.optional(root, "", "replaces");
        let (changes, change_paths) = self.list(root, "", "changes", false);
        self.paths.changes = change_paths;
        let renamed: Option<BTreeMap<String, String>> = self.optional(root, "", "renamed");
        let client_wording: Option<ClientWording> = self.optional(root, "", "client_wording");
        let sections = self.sections(root);
        let (processes, process_paths) = self.list(root, "", "processes", false);
        let (rules, rule_paths) = self.list(root, "", "rules", false);
        self.paths.processes = process_paths;
        self.paths.rules = rule_paths;
        Some(Checklist {
            id: id?,
            version: version?,
            title: title?,
            description: description.flatten(),
            languages: languages?,
            applies_to: applies_to.unwrap_or_default(),
            extends: extends.flatten(),
            replaces: replaces.unwrap_or_default(),
            changes,
            renamed: renamed.unwrap_or_default(),
            client_wording: client_wording.unwrap_or_default(),
            sections,
            processes,
            rules,
        })
    }

    fn sections(&mut self, root: &Node) -> Vec<Section> {
        let Some(node) = root.get("sections") else {
            self.issue(
                root.pos,
                "",
                "missing field `sections`".to_owned(),
                "add `sections:` with at least one section of questions".to_owned(),
            );
            return Vec::new();
        };
        let Value::Seq(items) = &node.value else {
            self.issue(
                node.pos,
                "sections",
                format!(
                    "`sections` must be a list, found {}",
                    node.value.type_name()
                ),
                "write each section on its own line starting with `- id: …`".to_owned(),
            );
            return Vec::new();
        };
        let mut sections = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = format!("sections[{i}]");
            if let Some((section, question_paths)) = self.section(item, &path) {
                sections.push(section);
                self.paths.sections.push(path);
                self.paths.questions.push(question_paths);
            }
        }
        sections
    }

    fn section(&mut self, node: &Node, path: &str) -> Option<(Section, Vec<String>)> {
        if node.as_map().is_none() {
            self.issue(
                node.pos,
                path,
                format!("a section must be a map, found {}", node.value.type_name()),
                "write `- id: …`, `title: …` and `questions:`".to_owned(),
            );
            return None;
        }
        self.check_keys(node, path, SECTION_FIELDS);
        let id: Option<String> = self.required(node, path, "id");
        let title: Option<Text> = self.required(node, path, "title");
        let intro: Option<Option<Text>> = self.optional(node, path, "intro");
        let when = self.optional(node, path, "when");
        let (questions, question_paths) = self.list(node, path, "questions", true);
        let section = Section {
            id: id?,
            title: title?,
            intro: intro.flatten(),
            when: when.flatten(),
            questions,
        };
        Some((section, question_paths))
    }
}

fn written_question_ids(root: &Node) -> HashSet<String> {
    let mut ids = HashSet::new();
    let Some(Value::Seq(sections)) = root.get("sections").map(|n| &n.value) else {
        return ids;
    };
    for section in sections {
        if let Some(Value::Seq(questions)) = section.get("questions").map(|n| &n.value) {
            for q in questions {
                if let Some(Value::Str(id)) = q.get("id").map(|n| &n.value) {
                    ids.insert(id.clone());
                }
            }
        }
    }
    ids
}
