//! Vague answers: words that say "everyone", "everywhere" or "as soon as possible" where the question
//! asks for specifics.
//!
//! Matching is by whole words, case-insensitive and Cyrillic-aware: the text is lowercased, `ё` is read
//! as `е`, and split into words at every character that is not a letter or a digit. A term matches when
//! its words appear one after another, so `все` matches «Все регионы» but not «всего» or «всесезонные».
//! Some words are vague only when they are most of the answer («все», "all", "any"): those count only
//! in answers of at most [`SHORT_ANSWER_WORDS`] words, so «все наши покупатели — владельцы машин
//! 30–50 лет» is not flagged. List answers are checked item by item.

use std::sync::LazyLock;

/// Answers (or list items) of at most this many words count as short.
pub const SHORT_ANSWER_WORDS: usize = 5;

/// Terms that are vague wherever they appear.
const ALWAYS: &[&str] = &[
    // English
    "asap",
    "as soon as possible",
    "as fast as possible",
    "as much as possible",
    "as many as possible",
    "the more the better",
    "everyone",
    "everybody",
    "anyone",
    "anybody",
    "all channels",
    "all regions",
    "all customers",
    "everywhere",
    "the whole country",
    "whatever",
    // Russian
    "срочно",
    "как можно больше",
    "как можно скорее",
    "как можно быстрее",
    "как можно раньше",
    "чем больше тем лучше",
    "побольше",
    "всем",
    "все каналы",
    "все регионы",
    "все клиенты",
    "всех клиентов",
    "везде",
    "повсюду",
    "любые",
    "любой",
    "любая",
    "любое",
    "вся россия",
    "по всей россии",
    "кто угодно",
];

/// Terms that are vague only in a short answer.
const WHEN_SHORT: &[&str] = &[
    "all",
    "any",
    "more",
    "many",
    "lots",
    "everything",
    "various",
    "все",
    "всех",
    "много",
    "больше",
    "разные",
    "максимум",
    "максимально",
];

struct Term {
    text: &'static str,
    words: Vec<String>,
    always: bool,
}

static TERMS: LazyLock<Vec<Term>> = LazyLock::new(|| {
    let make = |always: bool| {
        move |text: &&'static str| Term {
            text,
            words: words(text),
            always,
        }
    };
    ALWAYS
        .iter()
        .map(make(true))
        .chain(WHEN_SHORT.iter().map(make(false)))
        .collect()
});

/// The text's words, lowercased, `ё` read as `е`.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        // Fast paths for ASCII and Russian letters: the board checks every answer of every brief,
        // and the general Unicode tables were a tenth of its time.
        match c {
            'a'..='z' | '0'..='9' | 'а'..='я' => word.push(c),
            'A'..='Z' => word.push(c.to_ascii_lowercase()),
            'А'..='Я' => word.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            'ё' | 'Ё' => word.push('е'),
            c if c.is_ascii() => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            c if c.is_alphanumeric() => {
                for lower in c.to_lowercase() {
                    word.push(if lower == 'ё' { 'е' } else { lower });
                }
            }
            _ => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The vague terms found in one answer text (each once, in list order), empty when it is specific.
pub fn vague_terms(text: &str) -> Vec<&'static str> {
    let ws = words(text);
    let short = ws.len() <= SHORT_ANSWER_WORDS;
    TERMS
        .iter()
        .filter(|t| (t.always || short) && contains_run(&ws, &t.words))
        .map(|t| t.text)
        .collect()
}

fn contains_run(words: &[String], run: &[String]) -> bool {
    !run.is_empty() && words.windows(run.len()).any(|w| w == run)
}

#[cfg(test)]
mod tests {
    use super::{vague_terms, words};

    #[test]
    fn words_are_lowercased_with_yo_as_ye_in_every_script() {
        assert_eq!(
            words("Ёлки-ПАЛКИ, Über 2024 г. Ωmega ЁЖ"),
            vec!["елки", "палки", "über", "2024", "г", "ωmega", "еж"]
        );
        assert_eq!(words("  — ,  "), Vec::<String>::new());
    }

    #[test]
    fn whole_words_any_case_cyrillic() {
        assert_eq!(vague_terms("ВСЕМ"), vec!["всем"]);
        assert_eq!(
            vague_terms("Как можно  больше!"),
            vec!["как можно больше", "больше"]
        );
        assert_eq!(vague_terms("всё"), vec!["все"]);
        assert!(vague_terms("всего 3 региона: Тула, Калуга, Рязань").is_empty());
        assert!(vague_terms("всесезонные шины").is_empty());
        assert_eq!(vague_terms("Srochno? ASAP."), vec!["asap"]);
        assert!(vague_terms("asaparagus").is_empty());
        assert!(
            vague_terms("все наши покупатели — владельцы машин 30–50 лет из Москвы").is_empty()
        );
    }
}
