//! The header: id, version, languages, title, `extends`, `replaces`.

use std::collections::HashSet;

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn header(&mut self) {
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
}
