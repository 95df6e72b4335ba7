//! Vague answers: words that say "everyone", "everywhere" or "as soon as possible" where the question
//! asks for specifics.
//!
//! Matching is by whole words, case-insensitive and Cyrillic-aware: the text is lowercased, `ё` is read
//! as `е`, and split into words at every character that is not a letter or a digit. A term matches when
//! its words appear one after another, so `все` matches «Все регионы» but not «всего» or «всесезонные».
//! Some words are vague only when they are most of the answer («все», "all", "any"): those count only
//! in answers of at most [`SHORT_ANSWER_WORDS`] words, so «все наши покупатели — владельцы машин
//! 30–50 лет» is not flagged. List answers are checked item by item.
//!
//! A second, stricter judgment, [`says_nothing`], finds answers that say *nothing at all*: «особенностей
//! нет», «как у всех», «всё хорошо», «не знаю», «—», "nothing special", "n/a". It backs the `vague`
//! condition operator and the gap for a required question answered that way. An answer says nothing when
//! it is only punctuation, or when what is left after taking out the empty phrases ([`NOTHING`]) and the
//! filler words ([`FILLER`]) is at most [`NOTHING_LEFTOVER`] words *and* an empty phrase was found — or
//! nothing is left at all («нет», "no", "ок"). So «Особенностей нет, цены такие же, как у местных
//! магазинов» says nothing, while «Нет, доставка бесплатная» and «как у всех, но доставка за два дня за
//! наш счёт» say something.

use std::sync::LazyLock;

use crate::answer::AnswerValue;

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

/// Phrases that say nothing: an answer made of them (and at most [`NOTHING_LEFTOVER`] other words)
/// says nothing. Written lowercase, with `е` for `ё`.
pub const NOTHING: &[&str] = &[
    // Russian
    "особенностей нет",
    "особенностей никаких",
    "нет особенностей",
    "никаких особенностей",
    "без особенностей",
    "ничего особенного",
    "ничем не отличаемся",
    "ничем не отличается",
    "ничем не выделяемся",
    "преимуществ нет",
    "нет преимуществ",
    "никаких преимуществ",
    "как у всех",
    "как и у всех",
    "как у других",
    "как и у других",
    "как у остальных",
    "как у конкурентов",
    "как и у конкурентов",
    "как у местных",
    "как везде",
    "как обычно",
    "такие же",
    "такая же",
    "такой же",
    "такое же",
    "то же самое",
    "одинаковые",
    "все хорошо",
    "все нормально",
    "все в порядке",
    "все устраивает",
    "не знаю",
    "не знаем",
    "не в курсе",
    "затрудняюсь ответить",
    "затрудняемся ответить",
    "сложно сказать",
    "трудно сказать",
    "нечего сказать",
    "не думали",
    "не задумывались",
    // English
    "nothing special",
    "nothing in particular",
    "no difference",
    "no advantage",
    "no advantages",
    "same as everyone",
    "same as everyone else",
    "same as everybody",
    "like everyone else",
    "like everybody else",
    "same as competitors",
    "same as the competitors",
    "same as others",
    "same as the others",
    "same as local",
    "the same",
    "as usual",
    "all good",
    "everything is fine",
    "everything is ok",
    "all fine",
    "don t know",
    "dont know",
    "do not know",
    "not sure",
    "no idea",
    "hard to say",
    "nothing to add",
    "not applicable",
];

/// Words that add nothing on their own: removed before counting what an answer says. An answer made
/// only of them (with or without a [`NOTHING`] phrase) says nothing: «нет», «пока нет», "no", "n/a".
pub const FILLER: &[&str] = &[
    // Russian
    "нет",
    "нету",
    "не",
    "ничего",
    "никаких",
    "никакие",
    "никакой",
    "никакого",
    "пока",
    "особо",
    "вообще",
    "в",
    "целом",
    "у",
    "нас",
    "мы",
    "и",
    "но",
    "как",
    "просто",
    "наверное",
    "думаю",
    "что",
    "это",
    "все",
    "хорошо",
    "нормально",
    "обычно",
    "обычные",
    "обычный",
    "стандартно",
    "стандартные",
    "стандартный",
    "ок",
    "да",
    "так",
    "же",
    "н",
    "д",
    "нз",
    // English
    "no",
    "none",
    "nothing",
    "nope",
    "not",
    "n",
    "a",
    "na",
    "nil",
    "tbd",
    "we",
    "have",
    "yet",
    "really",
    "just",
    "maybe",
    "probably",
    "i",
    "it",
    "is",
    "s",
    "the",
    "and",
    "but",
    "fine",
    "ok",
    "okay",
    "good",
    "standard",
    "usual",
    "normal",
    "yes",
];

/// At most this many words besides the empty phrases and filler, and the answer still says nothing.
pub const NOTHING_LEFTOVER: usize = 3;

static NOTHING_TERMS: LazyLock<Vec<(&'static str, Vec<String>)>> = LazyLock::new(|| {
    let mut terms: Vec<(&'static str, Vec<String>)> =
        NOTHING.iter().map(|t| (*t, words(t))).collect();
    // Longest first, so «как и у всех» is taken whole before «как у всех» could match part of it.
    terms.sort_by_key(|(_, w)| std::cmp::Reverse(w.len()));
    terms
});

/// Whether one answer text says nothing (see the module doc); `Some` with the empty phrases found
/// (possibly none: «—», «нет»), `None` when it says something.
pub fn says_nothing(text: &str) -> Option<Vec<&'static str>> {
    let mut ws: Vec<Option<String>> = words(text).into_iter().map(Some).collect();
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    for (term, run) in NOTHING_TERMS.iter() {
        let n = run.len();
        let mut i = 0;
        while n > 0 && i + n <= ws.len() {
            let hit = ws[i..i + n]
                .iter()
                .zip(run)
                .all(|(w, r)| w.as_deref() == Some(r.as_str()));
            if hit {
                ws[i..i + n].iter_mut().for_each(|w| *w = None);
                found.push((i, term));
                i += n;
            } else {
                i += 1;
            }
        }
    }
    let left = ws
        .iter()
        .flatten()
        .filter(|w| !FILLER.contains(&w.as_str()))
        .count();
    let nothing = left == 0 || (!found.is_empty() && left <= NOTHING_LEFTOVER);
    if !nothing {
        return None;
    }
    found.sort_by_key(|(at, _)| *at);
    let mut terms: Vec<&'static str> = Vec::new();
    for (_, term) in found {
        if !terms.contains(&term) {
            terms.push(term);
        }
    }
    Some(terms)
}

/// Whether a text answer, or every item of a list answer, says nothing (see [`says_nothing`]); `Some`
/// with the empty phrases found. Other values (numbers, choices, …) always say something. An empty
/// list says nothing.
pub fn value_says_nothing(value: &AnswerValue) -> Option<Vec<&'static str>> {
    let texts: &[String] = match value {
        AnswerValue::Text(t) => std::slice::from_ref(t),
        AnswerValue::Items(items) => items,
        _ => return None,
    };
    let mut terms: Vec<&'static str> = Vec::new();
    for text in texts {
        for term in says_nothing(text)? {
            if !terms.contains(&term) {
                terms.push(term);
            }
        }
    }
    Some(terms)
}

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
    use super::{says_nothing, vague_terms, value_says_nothing, words};
    use crate::answer::AnswerValue;

    fn nothing(text: &str) -> bool {
        says_nothing(text).is_some()
    }

    #[test]
    fn empty_phrases_in_russian_say_nothing() {
        for text in [
            "Особенностей нет",
            "особенностей нет, цены такие же, как у местных магазинов",
            "Как у всех",
            "как и у всех",
            "Всё хорошо!",
            "всё нормально",
            "Не знаю",
            "не знаем пока",
            "Затрудняюсь ответить",
            "Нет",
            "нет.",
            "Пока нет",
            "ничего",
            "—",
            "-",
            "...",
            "???",
            "стандартно",
            "Ничем не отличаемся от конкурентов",
            "Преимуществ нет",
        ] {
            assert!(nothing(text), "{text:?} should say nothing");
        }
        assert_eq!(
            says_nothing("Особенностей нет, цены такие же, как у местных магазинов"),
            Some(vec!["особенностей нет", "такие же", "как у местных"])
        );
        assert_eq!(says_nothing("—"), Some(vec![]));
        assert_eq!(says_nothing("Всё хорошо"), Some(vec!["все хорошо"]));
    }

    #[test]
    fn empty_phrases_in_english_say_nothing() {
        for text in [
            "Nothing special",
            "nothing special, same as everyone",
            "Same as everyone else.",
            "N/A",
            "n/a",
            "none",
            "No.",
            "I don't know",
            "not sure",
            "All good",
            "the same as local shops",
        ] {
            assert!(nothing(text), "{text:?} should say nothing");
        }
    }

    #[test]
    fn a_list_says_nothing_only_when_every_item_does() {
        let items = |xs: &[&str]| AnswerValue::Items(xs.iter().map(|x| (*x).to_owned()).collect());
        assert_eq!(
            value_says_nothing(&items(&["не знаю", "—", "как у всех"])),
            Some(vec!["не знаю", "как у всех"])
        );
        assert_eq!(
            value_says_nothing(&items(&["не знаю", "Шинный центр «Колесо», Тула"])),
            None
        );
        assert_eq!(value_says_nothing(&items(&[])), Some(vec![]));
        assert_eq!(value_says_nothing(&AnswerValue::Number(0.0)), None);
        assert_eq!(value_says_nothing(&AnswerValue::Choice("no".into())), None);
        assert_eq!(
            value_says_nothing(&AnswerValue::Text("N/A".into())),
            Some(vec![])
        );
    }

    #[test]
    fn answers_with_substance_say_something() {
        for text in [
            "Нет, доставка бесплатная",
            "Доставка за наш счёт по всей России за 2–3 дня",
            "Как у всех, но доставка бесплатная в течение двух дней по ЦФО",
            "Не знаю точно, но около 20% покупателей из регионов",
            "Гарантия 2 года на шиномонтаж и бесплатная замена при грыже",
            "Скидка 5% постоянным покупателям, накопительная карта",
            "No, but delivery is free within two days",
            "Same-day delivery in Moscow and free returns for 30 days",
            "Тула, Калуга, Рязань",
            "Владельцы внедорожников 30–50 лет",
        ] {
            assert!(!nothing(text), "{text:?} should say something");
        }
        // Whole words only: «нетто» is not «нет», «незнаю» is one unknown word.
        assert!(!nothing("Вес нетто 20 кг, размеры R13–R22"));
    }

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
