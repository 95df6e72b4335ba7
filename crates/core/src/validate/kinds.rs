//! Kinds and their options, checked against the kind table (`Kind::spec`).

use crate::diagnostic::quoted_list;
use crate::model::{Column, GoalPart, Kind, Question};
use std::collections::HashMap;

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn kinds(&mut self) {
        let mut goal_parts: HashMap<GoalPart, String> = HashMap::new();
        for (path, _, q) in self.question_paths() {
            self.kind_options(&path, q);
            self.goal_and_specific(&path, q, &mut goal_parts);
        }
    }

    /// `goal` fits the kind and names each part once; `specific` is only for text and lists.
    pub(super) fn goal_and_specific(
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

    pub(super) fn kind_options(&mut self, path: &str, q: &Question) {
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

    pub(super) fn currency(&mut self, path: &str, code: &str) {
        if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
            self.err(
                path,
                format!("`{code}` is not a currency code"),
                "use a three-letter ISO 4217 code in capitals: `RUB`, `USD`, `EUR`",
            );
        }
    }

    pub(super) fn column(&mut self, path: &str, column: &Column) {
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
}
