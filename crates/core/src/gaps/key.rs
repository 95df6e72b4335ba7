//! A gap's stable id, typed. On the wire and in the database it stays the text it always was
//! (`answer:<question>`, `confirm:<question>`, `vague:<question>`, `goal:<checklist>`,
//! `process:<checklist>:<process>`, `rule:<checklist>:<rule>`); this module is the one place that
//! writes and reads that text, so no caller splits it at `:` itself.

use std::fmt;

/// Which gap: what it is about and the ids that name it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GapKey {
    /// An answer gap of a question: missing, invalid, unknown or overdue.
    Answer {
        /// The question.
        question: String,
    },
    /// An answer carried over by an upgrade, to confirm.
    Confirm {
        /// The question.
        question: String,
    },
    /// An answer that says nothing concrete.
    Vague {
        /// The question.
        question: String,
    },
    /// The goal of a checklist is not measurable.
    Goal {
        /// The checklist.
        checklist: String,
    },
    /// A client process is not described.
    Process {
        /// The checklist that declares it.
        checklist: String,
        /// The process.
        process: String,
    },
    /// A checklist rule raised a risk signal.
    Rule {
        /// The checklist that declares it.
        checklist: String,
        /// The rule.
        rule: String,
    },
}

impl GapKey {
    /// Reads a key as analysis writes it; `None` for text that is not one.
    pub fn parse(text: &str) -> Option<GapKey> {
        let (family, rest) = text.split_once(':')?;
        let one = |s: &str| (!s.is_empty() && !s.contains(':')).then(|| s.to_owned());
        let two = |s: &str| {
            let (a, b) = s.split_once(':')?;
            Some((one(a)?, one(b)?))
        };
        Some(match family {
            "answer" => GapKey::Answer {
                question: one(rest)?,
            },
            "confirm" => GapKey::Confirm {
                question: one(rest)?,
            },
            "vague" => GapKey::Vague {
                question: one(rest)?,
            },
            "goal" => GapKey::Goal {
                checklist: one(rest)?,
            },
            "process" => {
                let (checklist, process) = two(rest)?;
                GapKey::Process { checklist, process }
            }
            "rule" => {
                let (checklist, rule) = two(rest)?;
                GapKey::Rule { checklist, rule }
            }
            _ => return None,
        })
    }

    /// The question a question's gap is about.
    pub fn question(&self) -> Option<&str> {
        match self {
            GapKey::Answer { question }
            | GapKey::Confirm { question }
            | GapKey::Vague { question } => Some(question),
            GapKey::Goal { .. } | GapKey::Process { .. } | GapKey::Rule { .. } => None,
        }
    }

    /// The process or rule id of a process's or a rule's gap.
    pub fn process_or_rule(&self) -> Option<&str> {
        match self {
            GapKey::Process { process: id, .. } | GapKey::Rule { rule: id, .. } => Some(id),
            GapKey::Answer { .. }
            | GapKey::Confirm { .. }
            | GapKey::Vague { .. }
            | GapKey::Goal { .. } => None,
        }
    }
}

impl fmt::Display for GapKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GapKey::Answer { question } => write!(f, "answer:{question}"),
            GapKey::Confirm { question } => write!(f, "confirm:{question}"),
            GapKey::Vague { question } => write!(f, "vague:{question}"),
            GapKey::Goal { checklist } => write!(f, "goal:{checklist}"),
            GapKey::Process { checklist, process } => write!(f, "process:{checklist}:{process}"),
            GapKey::Rule { checklist, rule } => write!(f, "rule:{checklist}:{rule}"),
        }
    }
}

/// A key equals its text (a stored follow-up item's, a test's).
impl PartialEq<str> for GapKey {
    fn eq(&self, text: &str) -> bool {
        GapKey::parse(text).is_some_and(|k| k == *self)
    }
}

impl PartialEq<&str> for GapKey {
    fn eq(&self, text: &&str) -> bool {
        *self == **text
    }
}

impl PartialEq<String> for GapKey {
    fn eq(&self, text: &String) -> bool {
        *self == *text.as_str()
    }
}

/// Written as its text, as the wire and the database hold it.
impl serde::Serialize for GapKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for GapKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        GapKey::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not a gap key (answer:…, confirm:…, vague:…, goal:…, process:…:…, rule:…:…)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_reads_back_as_written_and_anything_else_is_none() {
        let keys = [
            GapKey::Answer {
                question: "goal".into(),
            },
            GapKey::Confirm {
                question: "budget".into(),
            },
            GapKey::Vague {
                question: "usp".into(),
            },
            GapKey::Goal {
                checklist: "core".into(),
            },
            GapKey::Process {
                checklist: "core".into(),
                process: "sales".into(),
            },
            GapKey::Rule {
                checklist: "seo".into(),
                rule: "regions_without_reason".into(),
            },
        ];
        for key in keys {
            assert_eq!(GapKey::parse(&key.to_string()), Some(key.clone()), "{key}");
        }
        for bad in [
            "",
            "answer",
            "answer:",
            "process:core",
            "rule:a:b:c",
            "other:x",
            "goal:a:b",
        ] {
            assert_eq!(GapKey::parse(bad), None, "{bad}");
        }
        assert_eq!(
            GapKey::parse("rule:seo:r1")
                .unwrap_or_else(|| unreachable!())
                .process_or_rule(),
            Some("r1")
        );
    }
}
