//! The two languages Deepbrief speaks: one type for the app, the CLI, the letter and the PDF.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A language of checklist texts, briefs and documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Lang {
    /// Russian.
    Ru,
    /// English.
    En,
}

impl Lang {
    /// Both, Russian first.
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::En];

    /// The language code (`ru`, `en`), as checklist texts key it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Parses `ru` or `en`.
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}
