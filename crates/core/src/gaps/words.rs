//! The words for a gap's kind, its severity and a process's state, in both languages — written once
//! here for the CLI, the app (generated into `ui/src/lib/bindings/gapWords.ts`) and the documents.
//! The matches have no catch-all: a new gap code or state is named by the compiler.

use crate::gaps::{GapCode, ProcessStatus};
use crate::lang::Lang;
use crate::model::Severity;

impl GapCode {
    /// Every gap code, in the order the analysis reports them.
    pub const ALL: [GapCode; 9] = [
        GapCode::MissingAnswer,
        GapCode::InvalidAnswer,
        GapCode::Unknown,
        GapCode::Overdue,
        GapCode::ToConfirm,
        GapCode::VagueAnswer,
        GapCode::GoalIncomplete,
        GapCode::ProcessNotDescribed,
        GapCode::RuleFlag,
    ];

    /// What kind of point it is, in the glossary's words ("клиент не знает" is a kind of its own).
    pub fn label(self, lang: Lang) -> &'static str {
        let (ru, en) = match self {
            GapCode::MissingAnswer => ("нет ответа", "no answer"),
            GapCode::InvalidAnswer => ("ответ не подходит", "answer doesn't fit"),
            GapCode::Unknown => ("клиент не знает", "client doesn't know"),
            GapCode::Overdue => ("пришлёт позже — срок прошёл", "will send later — overdue"),
            GapCode::ToConfirm => ("перенесено — подтвердить", "carried over — confirm"),
            GapCode::VagueAnswer => ("ответ без конкретики", "vague answer"),
            GapCode::GoalIncomplete => ("цель не измерима", "goal not measurable"),
            GapCode::ProcessNotDescribed => ("процесс не описан", "process not described"),
            GapCode::RuleFlag => ("сигнал риска", "risk signal"),
        };
        pick(lang, ru, en)
    }
}

impl Severity {
    /// Every severity, least first.
    pub const ALL: [Severity; 3] = [Severity::Low, Severity::Medium, Severity::High];

    /// The severity as the wire names it.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }

    /// How serious, in words.
    pub fn label(self, lang: Lang) -> &'static str {
        let (ru, en) = match self {
            Severity::High => ("высокая", "high"),
            Severity::Medium => ("средняя", "medium"),
            Severity::Low => ("низкая", "low"),
        };
        pick(lang, ru, en)
    }
}

impl ProcessStatus {
    /// Every state.
    pub const ALL: [ProcessStatus; 5] = [
        ProcessStatus::Documented,
        ProcessStatus::Described,
        ProcessStatus::DescribedByNote,
        ProcessStatus::NotDescribed,
        ProcessStatus::NotAsked,
    ];

    /// The state as the wire names it.
    pub fn name(self) -> &'static str {
        match self {
            ProcessStatus::Documented => "documented",
            ProcessStatus::Described => "described",
            ProcessStatus::DescribedByNote => "described_by_note",
            ProcessStatus::NotDescribed => "not_described",
            ProcessStatus::NotAsked => "not_asked",
        }
    }

    /// A process's state, in words.
    pub fn label(self, lang: Lang) -> &'static str {
        let (ru, en) = match self {
            ProcessStatus::Documented => ("есть документ", "documented"),
            ProcessStatus::Described => ("описали на интервью", "described in the interview"),
            ProcessStatus::DescribedByNote => ("описали на встрече", "described at a meeting"),
            ProcessStatus::NotDescribed => ("процесс не описан", "process not described"),
            ProcessStatus::NotAsked => ("не спрашивали", "not asked"),
        };
        pick(lang, ru, en)
    }
}

fn pick(lang: Lang, ru: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ru => ru,
        Lang::En => en,
    }
}

/// Every gap kind's, severity's and process state's words as the TypeScript module the UI imports
/// (`cargo test` writes it beside the ts-rs bindings; the test run fails when the committed copy
/// differs).
pub fn gap_words_ts() -> String {
    use serde_json::{Map, Value};
    let words = |lang: Lang| {
        let map = |pairs: Vec<(&str, &str)>| {
            Value::Object(
                pairs
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), Value::String(v.to_owned())))
                    .collect::<Map<_, _>>(),
            )
        };
        let mut out = Map::new();
        out.insert(
            "code".into(),
            map(GapCode::ALL
                .iter()
                .map(|c| (c.name(), c.label(lang)))
                .collect()),
        );
        out.insert(
            "severity".into(),
            map(Severity::ALL
                .iter()
                .map(|s| (s.name(), s.label(lang)))
                .collect()),
        );
        out.insert(
            "process".into(),
            map(ProcessStatus::ALL
                .iter()
                .map(|p| (p.name(), p.label(lang)))
                .collect()),
        );
        Value::Object(out)
    };
    let all: Map<String, Value> = Lang::ALL
        .iter()
        .map(|l| (l.code().to_owned(), words(*l)))
        .collect();
    let json = serde_json::to_string_pretty(&all).unwrap_or_default();
    format!(
        "// Generated by deepbrief-core (crates/core/src/gaps/words.rs) when `cargo test` runs.\n\
         // Do not edit: change the Rust words and run the tests.\n\
         import type {{ GapCode }} from './GapCode';\n\
         import type {{ ProcessStatus }} from './ProcessStatus';\n\
         import type {{ Severity }} from './Severity';\n\n\
         /** The words of one language. */\n\
         export type GapWords = {{\n  code: Record<GapCode, string>;\n  \
         severity: Record<Severity, string>;\n  process: Record<ProcessStatus, string>;\n}};\n\n\
         /** A gap's kind, its severity and a process's state, in both languages. */\n\
         export const GAP_WORDS: Record<'ru' | 'en', GapWords> = {json};\n"
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use super::*;

    #[test]
    fn the_words_are_written_once_under_the_wire_s_names() {
        assert!(gap_words_ts().contains("\"rule_flag\": \"сигнал риска\""));
        // The names are the wire's.
        for code in GapCode::ALL {
            assert_eq!(serde_json::to_value(code).unwrap(), code.name());
        }
        for s in Severity::ALL {
            assert_eq!(serde_json::to_value(s).unwrap(), s.name());
        }
        for p in ProcessStatus::ALL {
            assert_eq!(serde_json::to_value(p).unwrap(), p.name());
        }
    }
}
