//! A brief's question as the client page shows it: the client's wording in the link's language and
//! what the answer field needs. The AM's hint never reaches the client.

use deepbrief_core::{Choice, Kind, Question};
use deepbrief_wire::client::{ClientChoice, ClientColumn, ClientItem};

/// The choices of a question or a table column as the client reads them, in `lang`.
fn choices(choices: &[Choice], lang: &str) -> Vec<ClientChoice> {
    choices
        .iter()
        .map(|c| ClientChoice {
            id: c.id.clone(),
            label: c.label.get(lang).to_owned(),
            other: c.other,
        })
        .collect()
}

/// The client-facing item of `q`, in `lang`.
pub fn client_item(q: &Question, lang: &str) -> ClientItem {
    let spec = q.kind.spec();
    let unit = match q.kind {
        Kind::Number => q.unit.as_ref().map(|u| u.get(lang).to_owned()),
        Kind::Money => q.currency.clone(),
        _ => None,
    };
    ClientItem {
        id: q.id.clone(),
        prompt: q
            .client_prompt
            .as_ref()
            .unwrap_or(&q.prompt)
            .get(lang)
            .to_owned(),
        why: q.client_why.as_ref().map(|t| t.get(lang).to_owned()),
        kind: q.kind.name().to_owned(),
        placeholder: q.placeholder.as_ref().map(|t| t.get(lang).to_owned()),
        unit,
        min: q.min.or(spec.default_min),
        max: q.max.or(spec.default_max),
        integer: q.integer.unwrap_or(false) || spec.whole_value,
        max_length: q.max_length,
        choices: choices(&q.choices, lang),
        columns: q
            .columns
            .iter()
            .map(|c| ClientColumn {
                id: c.id.clone(),
                title: c.title.get(lang).to_owned(),
                kind: c.kind.name().to_owned(),
                unit: match c.kind {
                    Kind::Money => c.currency.clone(),
                    _ => c.unit.as_ref().map(|u| u.get(lang).to_owned()),
                },
                choices: choices(&c.choices, lang),
            })
            .collect(),
        labels: q
            .labels
            .as_ref()
            .map(|l| (l.min.get(lang).to_owned(), l.max.get(lang).to_owned())),
        item: q.item.as_ref().map(|t| t.get(lang).to_owned()),
        answer: None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::collections::BTreeMap;
    use std::sync::Arc;

    use deepbrief_core::Text;

    use super::*;

    fn text(ru: &str, en: &str) -> Text {
        Text::Localized(Arc::new(BTreeMap::from([
            ("ru".to_owned(), ru.to_owned()),
            ("en".to_owned(), en.to_owned()),
        ])))
    }

    #[test]
    fn the_client_reads_the_client_wording_and_never_the_hint() {
        let mut q = Question::new(
            "orders",
            text("Сколько заказов в месяц?", "Orders a month?"),
            text("Подсказка для менеджера", "AM's hint"),
            Kind::Number,
        );
        q.client_prompt = Some(text(
            "Сколько заказов вы получаете в месяц?",
            "How many orders do you get a month?",
        ));
        q.unit = Some(text("заказов", "orders"));
        let ru = client_item(&q, "ru");
        assert_eq!(ru.prompt, "Сколько заказов вы получаете в месяц?");
        assert_eq!(ru.unit.as_deref(), Some("заказов"));
        let en = client_item(&q, "en");
        assert_eq!(en.prompt, "How many orders do you get a month?");
        let all = serde_json::to_string(&en).unwrap();
        assert!(!all.contains("hint"), "{all}");
    }

    #[test]
    fn a_percentage_is_bounded_0_to_100_on_the_page_too() {
        let q = Question::new(
            "share",
            text("Доля", "Share"),
            text("h", "h"),
            Kind::Percent,
        );
        let item = client_item(&q, "ru");
        assert_eq!((item.min, item.max), (Some(0.0), Some(100.0)));
    }
}
