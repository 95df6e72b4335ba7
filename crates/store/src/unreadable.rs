//! Stored values that do not read back — a row written by a damaged copy, an older or newer build,
//! or a hand edit — are refused with the brief and the field named, never replaced by a default
//! (an empty contact list, a draft status, a long-text kind) that would hide them.
//!
//! Row readers return `rusqlite::Result`, so the refusal travels as a conversion failure carrying an
//! [`Unreadable`], which [`StoreError`](crate::StoreError) turns back into its own variant.

use rusqlite::types::Type;
use serde::de::DeserializeOwned;

/// A stored value of a brief that does not read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "brief {brief}: the stored {field} cannot be read ({detail}); the database was changed \
     outside this version of Deepbrief. Nothing was changed: restore a backup (Settings → Backups, \
     `deepbrief db restore`) or open the file with the build that wrote it"
)]
pub struct Unreadable {
    /// The brief.
    pub brief: String,
    /// The field, as the database names it (`services`, `status`, `history.new`…).
    pub field: &'static str,
    /// What is wrong with it.
    pub detail: String,
}

impl Unreadable {
    /// The refusal as a row reader's error (`column`: the value's column).
    pub(crate) fn into_row_error(self, column: usize) -> rusqlite::Error {
        rusqlite::Error::FromSqlConversionFailure(column, Type::Text, Box::new(self))
    }

    /// The refusal inside a row reader's error, if that is what it is.
    pub(crate) fn within(error: &rusqlite::Error) -> Option<&Unreadable> {
        match error {
            rusqlite::Error::FromSqlConversionFailure(_, _, inner) => inner.downcast_ref(),
            _ => None,
        }
    }
}

/// A JSON column of brief `brief`, or why it does not read back.
pub(crate) fn json<T: DeserializeOwned>(
    brief: &str,
    field: &'static str,
    text: &str,
) -> Result<T, Unreadable> {
    serde_json::from_str(text).map_err(|e| Unreadable {
        brief: brief.to_owned(),
        field,
        detail: e.to_string(),
    })
}

/// A column of brief `brief` that `parse` reads, or why it does not (`expected`: what it should be).
pub(crate) fn parsed<T>(
    brief: &str,
    field: &'static str,
    text: &str,
    expected: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<T, Unreadable> {
    parse(text).ok_or_else(|| Unreadable {
        brief: brief.to_owned(),
        field,
        detail: format!("`{text}` is not {expected}"),
    })
}
