//! What each question kind takes and the bounds it implies: one table ([`Kind::spec`]) that checklist
//! validation, answer validation, gap checks and the CLI read, and that `cargo test` writes out for
//! the UI (`ui/src/lib/bindings/kindSpecs.ts`), so the answer fields check with the same rules the
//! store applies. A new kind is one more arm in [`Kind::spec`] (the match has no catch-all, so the
//! compiler asks for it) and one in the UI's `satisfies Record<Kind, …>` maps.

use serde::Serialize;

use crate::model::{Kind, Question};

/// What a question's `min` and `max` bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bounded {
    /// Nothing: the kind takes neither.
    Nothing,
    /// The number answered.
    Value,
    /// How many choices are picked, items listed or rows filled.
    Count,
}

/// How much an answer of the kind may hold (the store sets the number of characters of each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerSize {
    /// One line: a short text, a number, a date, a choice, a link.
    Line,
    /// A long text.
    Long,
    /// All the items, cells, picks or fields of a list, table, multiple choice or contact.
    Structured,
}

/// The rules of one question kind.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct KindSpec {
    /// What `min` and `max` bound.
    pub bounded: Bounded,
    /// The lower bound when the checklist gives none (money and durations are never negative).
    pub default_min: Option<f64>,
    /// The upper bound when the checklist gives none (a percentage is at most 100).
    pub default_max: Option<f64>,
    /// The lowest `min`/`max` a checklist may set.
    pub lowest: Option<f64>,
    /// The highest `min`/`max` a checklist may set.
    pub highest: Option<f64>,
    /// `min` and `max` must be whole numbers (counts, scale points, days).
    pub whole_bounds: bool,
    /// The answer must be a whole number (a scale point); `integer: true` asks it of a `number`.
    pub whole_value: bool,
    /// The options a checklist may give a question of this kind.
    pub options: &'static [&'static str],
    /// How much an answer may hold.
    pub size: AnswerSize,
}

const NO_BOUNDS: KindSpec = KindSpec {
    bounded: Bounded::Nothing,
    default_min: None,
    default_max: None,
    lowest: None,
    highest: None,
    whole_bounds: false,
    whole_value: false,
    options: &[],
    size: AnswerSize::Line,
};

const COUNTED: KindSpec = KindSpec {
    bounded: Bounded::Count,
    lowest: Some(0.0),
    whole_bounds: true,
    size: AnswerSize::Structured,
    ..NO_BOUNDS
};

impl Kind {
    /// The rules of this kind.
    pub const fn spec(self) -> KindSpec {
        match self {
            Kind::ShortText => KindSpec {
                options: &["max_length"],
                ..NO_BOUNDS
            },
            Kind::LongText => KindSpec {
                options: &["max_length"],
                size: AnswerSize::Long,
                ..NO_BOUNDS
            },
            Kind::Number => KindSpec {
                bounded: Bounded::Value,
                options: &["unit", "min", "max", "integer"],
                ..NO_BOUNDS
            },
            Kind::Money => KindSpec {
                bounded: Bounded::Value,
                default_min: Some(0.0),
                lowest: Some(0.0),
                options: &["currency", "min", "max"],
                ..NO_BOUNDS
            },
            Kind::Percent => KindSpec {
                bounded: Bounded::Value,
                default_min: Some(0.0),
                default_max: Some(100.0),
                lowest: Some(0.0),
                highest: Some(100.0),
                options: &["min", "max"],
                ..NO_BOUNDS
            },
            Kind::Duration => KindSpec {
                bounded: Bounded::Value,
                default_min: Some(0.0),
                lowest: Some(0.0),
                whole_bounds: true,
                options: &["min", "max"],
                ..NO_BOUNDS
            },
            Kind::Scale => KindSpec {
                bounded: Bounded::Value,
                default_min: Some(1.0),
                default_max: Some(5.0),
                lowest: Some(0.0),
                whole_bounds: true,
                whole_value: true,
                options: &["min", "max", "labels"],
                ..NO_BOUNDS
            },
            Kind::SingleChoice => KindSpec {
                options: &["choices"],
                ..NO_BOUNDS
            },
            Kind::MultiChoice => KindSpec {
                options: &["choices", "min", "max"],
                ..COUNTED
            },
            Kind::List => KindSpec {
                options: &["min", "max", "item"],
                ..COUNTED
            },
            Kind::Table => KindSpec {
                options: &["columns", "min", "max"],
                ..COUNTED
            },
            Kind::Contact => KindSpec {
                size: AnswerSize::Structured,
                ..NO_BOUNDS
            },
            Kind::Date | Kind::YesNo | Kind::Link => NO_BOUNDS,
        }
    }

    /// Whether a checklist may give a question of this kind the option `field`.
    pub fn takes(self, field: &str) -> bool {
        self.spec().options.contains(&field)
    }
}

impl Question {
    /// The bounds of the number answered: the checklist's, else the kind's defaults (none for a
    /// kind that answers no number).
    pub fn value_bounds(&self) -> (Option<f64>, Option<f64>) {
        let spec = self.kind.spec();
        match spec.bounded {
            Bounded::Value => (self.min.or(spec.default_min), self.max.or(spec.default_max)),
            Bounded::Count | Bounded::Nothing => (None, None),
        }
    }

    /// Whether the number answered must be whole.
    pub fn whole_value(&self) -> bool {
        self.kind.spec().whole_value || self.integer == Some(true)
    }
}

/// Every kind's rules as the TypeScript module the UI imports (`cargo test` writes it beside the
/// ts-rs bindings; the test run fails when the committed copy differs).
pub fn kind_specs_ts() -> String {
    let specs: serde_json::Map<String, serde_json::Value> = Kind::ALL
        .iter()
        .map(|k| {
            let value = serde_json::to_value(k.spec()).unwrap_or(serde_json::Value::Null);
            (k.name().to_owned(), value)
        })
        .collect();
    let json = serde_json::to_string_pretty(&specs).unwrap_or_default();
    format!(
        "// Generated by deepbrief-core (`Kind::spec` in crates/core/src/kinds.rs) when `cargo test` \
         runs.\n// Do not edit: change the Rust table and run the tests.\nimport type {{ Kind }} from \
         './Kind';\n\n/** The rules of one question kind (see `KindSpec` in Rust). */\nexport type KindSpec \
         = {{\n  bounded: 'nothing' | 'value' | 'count';\n  default_min: number | null;\n  \
         default_max: number | null;\n  lowest: number | null;\n  highest: number | null;\n  \
         whole_bounds: boolean;\n  whole_value: boolean;\n  options: readonly string[];\n  \
         size: 'line' | 'long' | 'structured';\n}};\n\n\
         /** Every kind's rules, as the store applies them. */\nexport const KIND_SPECS = {json} as const \
         satisfies Record<Kind, KindSpec>;\n"
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use super::*;
    use crate::text::Text;

    #[test]
    fn money_and_durations_are_never_negative_and_a_percentage_is_at_most_100() {
        let q = |kind| {
            Question::new(
                "q",
                Text::Plain("?".into()),
                Text::Plain(String::new()),
                kind,
            )
        };
        assert_eq!(q(Kind::Money).value_bounds(), (Some(0.0), None));
        assert_eq!(q(Kind::Duration).value_bounds(), (Some(0.0), None));
        assert_eq!(q(Kind::Percent).value_bounds(), (Some(0.0), Some(100.0)));
        assert_eq!(q(Kind::Scale).value_bounds(), (Some(1.0), Some(5.0)));
        assert_eq!(q(Kind::Number).value_bounds(), (None, None));
        // A list's `min` counts items: it is no bound on a number.
        let mut list = q(Kind::List);
        list.min = Some(2.0);
        assert_eq!(list.value_bounds(), (None, None));
        assert!(q(Kind::Scale).whole_value());
        assert!(Kind::Number.takes("unit") && !Kind::Money.takes("unit"));
    }
}
