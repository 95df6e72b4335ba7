//! Texts: every text in every language the checklist declares, none blank.

use crate::diagnostic::quoted_list;
use crate::text::Text;

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn texts(&mut self) {
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

    pub(super) fn text(&mut self, path: &str, text: &Text) {
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
}
