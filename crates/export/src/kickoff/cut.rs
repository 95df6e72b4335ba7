//! How much of one answer the kickoff document prints: a project team reads a passport, not a
//! 1,000,000-character answer, and the PDF's size and layout time stay bounded whatever was typed.
//! A longer answer is cut at a word and ends with a note saying how much was left out and where
//! the whole answer is.

use std::borrow::Cow;

use deepbrief_core::AnswerValue;

use super::{Lang, format};

/// Characters of one answer the kickoff document prints (about four pages of text, a table of a
/// few hundred rows).
pub const MAX_PRINTED_ANSWER_CHARS: usize = 20_000;

/// The value as printed: itself when it fits, else cut to [`MAX_PRINTED_ANSWER_CHARS`] with a
/// closing note (a paragraph, list item or row of its own).
pub fn printable(lang: Lang, value: &AnswerValue) -> Cow<'_, AnswerValue> {
    let total = value.chars();
    if total <= MAX_PRINTED_ANSWER_CHARS {
        return Cow::Borrowed(value);
    }
    let note = note(lang, total);
    let mut budget = MAX_PRINTED_ANSWER_CHARS;
    Cow::Owned(match value {
        AnswerValue::Text(t) => AnswerValue::Text(format!("{}\n\n{note}", cut_text(t, budget))),
        AnswerValue::Choice(c) => AnswerValue::Choice(format!("{} {note}", cut_text(c, budget))),
        AnswerValue::Items(items) | AnswerValue::Choices(items) => {
            let mut kept = Vec::new();
            for item in items {
                let n = item.chars().count();
                if n > budget {
                    if budget > 0 {
                        kept.push(cut_text(item, budget));
                    }
                    break;
                }
                budget -= n;
                kept.push(item.clone());
            }
            kept.push(note);
            match value {
                AnswerValue::Choices(_) => AnswerValue::Choices(kept),
                _ => AnswerValue::Items(kept),
            }
        }
        AnswerValue::Rows(rows) => {
            let mut kept = Vec::new();
            for row in rows {
                let n: usize = row.values().map(|v| v.chars().count()).sum();
                if n > budget {
                    let mut cut = row.clone();
                    for v in cut.values_mut() {
                        let n = v.chars().count().min(budget);
                        *v = cut_text(v, n);
                        budget -= n;
                    }
                    kept.push(cut);
                    break;
                }
                budget -= n;
                kept.push(row.clone());
            }
            // The note in the first column of a row of its own.
            let first = rows
                .first()
                .and_then(|r| r.keys().next().cloned())
                .unwrap_or_default();
            kept.push([(first, note)].into_iter().collect());
            AnswerValue::Rows(kept)
        }
        AnswerValue::Contact(fields) => AnswerValue::Contact(
            fields
                .iter()
                .map(|(k, v)| {
                    let n = v.chars().count().min(budget);
                    budget -= n;
                    (k.clone(), cut_text(v, n))
                })
                .collect(),
        ),
        AnswerValue::Number(_) | AnswerValue::Bool(_) => return Cow::Borrowed(value),
    })
}

/// The first `max` characters of `text`, ending at the last space when there is one in the final
/// fifth (a word is not cut in two), with an ellipsis when anything was left out.
fn cut_text(text: &str, max: usize) -> String {
    let Some((end, _)) = text.char_indices().nth(max) else {
        return text.to_owned();
    };
    let head = &text[..end];
    let at_word = head
        .rfind(char::is_whitespace)
        .filter(|&i| head[..i].chars().count() >= max * 4 / 5)
        .unwrap_or(end);
    format!("{}…", head[..at_word].trim_end())
}

fn note(lang: Lang, total: usize) -> String {
    let shown = format::number(lang, MAX_PRINTED_ANSWER_CHARS as f64);
    let all = format::number(lang, total as f64);
    match lang {
        Lang::Ru => format!(
            "[Ответ сокращён: напечатано {shown} из {all} знаков. Полностью — в Deepbrief.]"
        ),
        Lang::En => format!(
            "[Answer shortened: {shown} of {all} characters printed. The whole answer is in Deepbrief.]"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_answer_prints_whole() {
        let v = AnswerValue::Text("Шины и диски".into());
        assert!(matches!(printable(Lang::Ru, &v), Cow::Borrowed(_)));
    }

    #[test]
    fn a_long_text_is_cut_at_a_word_with_a_note() {
        let v = AnswerValue::Text("слово ".repeat(100_000));
        let Cow::Owned(AnswerValue::Text(t)) = printable(Lang::Ru, &v) else {
            panic!("cut");
        };
        let (body, note) = t.split_once("\n\n").expect("a note paragraph");
        assert!(body.chars().count() <= MAX_PRINTED_ANSWER_CHARS + 1);
        assert!(body.ends_with("слово…"), "{}", &body[body.len() - 20..]);
        assert_eq!(
            note,
            "[Ответ сокращён: напечатано 20\u{a0}000 из 600\u{a0}000 знаков. Полностью — в Deepbrief.]"
        );
    }

    #[test]
    fn lists_and_tables_keep_whole_items_then_the_note() {
        let items = AnswerValue::Items(vec!["x".repeat(8_000); 5]);
        let Cow::Owned(AnswerValue::Items(kept)) = printable(Lang::En, &items) else {
            panic!("cut");
        };
        assert_eq!(kept.len(), 4, "two whole items, one cut, the note");
        assert!(kept[3].starts_with("[Answer shortened: 20,000 of 40,000"));
        let row: std::collections::BTreeMap<String, String> =
            [("name".to_owned(), "y".repeat(6_000))]
                .into_iter()
                .collect();
        let rows = AnswerValue::Rows(vec![row; 10]);
        let Cow::Owned(AnswerValue::Rows(kept)) = printable(Lang::En, &rows) else {
            panic!("cut");
        };
        assert_eq!(kept.len(), 5, "three whole rows, one cut, the note");
        assert!(kept[4]["name"].starts_with("[Answer shortened"));
    }
}
