//! Human text in a checklist: one plain string, or one string per language.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Text shown to people: `"Цель"` or `{ru: Цель, en: Goal}`.
///
/// A plain string is allowed only in a checklist that declares one language; validation checks that a
/// map has exactly the declared languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, TS)]
#[serde(untagged)]
#[ts(export)]
pub enum Text {
    /// The same text in every language (only for single-language checklists).
    Plain(String),
    /// One text per language code.
    // Shared, not copied: gap reports clone checklist texts by the thousand (the lead's board), and
    // an `Arc` clone is a reference count.
    #[ts(type = "Record<string, string>")]
    Localized(Arc<BTreeMap<String, String>>),
}

impl Text {
    /// The text in `lang`, falling back to the first language present.
    pub fn get(&self, lang: &str) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Localized(map) => map
                .get(lang)
                .or_else(|| map.values().next())
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    /// Language codes this text has, for validation.
    pub fn languages(&self) -> Vec<&str> {
        match self {
            Text::Plain(_) => Vec::new(),
            Text::Localized(map) => map.keys().map(String::as_str).collect(),
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text or a map of languages such as {ru: …, en: …}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Plain(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::Plain(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((lang, text)) = map.next_entry::<String, String>()? {
                    out.insert(lang, text);
                }
                Ok(Text::Localized(Arc::new(out)))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Text::Plain(s) => f.write_str(s),
            Text::Localized(map) => {
                f.write_str(map.values().next().map(String::as_str).unwrap_or(""))
            }
        }
    }
}
