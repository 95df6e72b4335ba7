//! Text analysis for full-text search, shared by indexing and querying so both see words the same
//! way.
//!
//! SQLite's FTS5 `unicode61` tokenizer folds case for Cyrillic and Latin but knows nothing of
//! Russian word forms, and it treats `ё` and `е` as different letters. So the store indexes two
//! columns per text: the [`normalize`]d text (case folded, `ё` → `е`: exact and prefix matches) and
//! its [`stems`] (every word reduced to its stem by the Snowball stemmers, Russian for Cyrillic words
//! and English for Latin ones: «клиентов» and «клиенту» both become «клиент»). [`fts_query`] turns
//! what a user typed into an FTS5 query over both columns that can never be an FTS5 syntax error:
//! every word is quoted, operators typed by the user are just words.

use rust_stemmers::{Algorithm, Stemmer};

/// Case-folded text with `ё` read as `е`, the form the index and queries compare.
pub fn normalize(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// The words of `text`, normalized: runs of letters and digits; everything else separates.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(normalize)
}

/// The stemmers, made once per call site that needs many words.
pub struct Stemmers {
    russian: Stemmer,
    english: Stemmer,
}

impl Default for Stemmers {
    fn default() -> Self {
        Stemmers {
            russian: Stemmer::create(Algorithm::Russian),
            english: Stemmer::create(Algorithm::English),
        }
    }
}

impl Stemmers {
    /// The stem of one normalized word: Russian rules for a word with Cyrillic letters, English
    /// for a Latin one, the word itself otherwise (numbers, other scripts).
    pub fn stem(&self, word: &str) -> String {
        if word.chars().any(is_cyrillic) {
            self.russian.stem(word).into_owned()
        } else if word.chars().any(|c| c.is_ascii_alphabetic()) {
            self.english.stem(word).into_owned()
        } else {
            word.to_owned()
        }
    }

    /// The stems of every word of `text`, space-separated: the stemmed column's content.
    pub fn stems(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for word in words(text) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&self.stem(&word));
        }
        out
    }
}

/// The stems of every word of `text`, space-separated (see [`Stemmers::stems`]).
pub fn stems(text: &str) -> String {
    Stemmers::default().stems(text)
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}')
}

/// An FTS5 `MATCH` expression for what a user typed, over a table with the columns `text_column`
/// (normalized text) and `stem_column` (its stems): every word must match, either as a prefix of a
/// word in the text (`клиен` finds «клиенты»; words of one or two letters match whole words only)
/// or by its stem (`клиентов` finds «клиент»). `None` when the query has no words at all (only punctuation or spaces).
///
/// Every word is double-quoted, so quotes, `*`, `-`, `AND`, `NEAR(` and the like in the query are
/// searched as text, never parsed as FTS5 syntax.
pub fn fts_query(query: &str, text_column: &str, stem_column: &str) -> Option<String> {
    let stemmers = Stemmers::default();
    let parts: Vec<String> = words(query)
        .map(|word| {
            let stem = stemmers.stem(&word);
            // A prefix of one or two letters matches a large part of the vocabulary: slow, and no
            // help to the reader. Such words match whole tokens only.
            let prefix = if word.chars().count() >= 3 { " *" } else { "" };
            format!(
                "({text_column} : {}{prefix} OR {stem_column} : {})",
                quoted(&word),
                quoted(&stem)
            )
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

/// An FTS5 string: double quotes around, inner quotes doubled. Words hold only letters and digits,
/// but quoting keeps the query safe whatever `words` lets through.
fn quoted(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_case_and_yo() {
        assert_eq!(normalize("Ёлка ЁЖ Clients"), "елка еж clients");
    }

    #[test]
    fn russian_word_forms_share_a_stem() {
        let s = Stemmers::default();
        assert_eq!(s.stem("клиентов"), s.stem("клиент"));
        assert_eq!(s.stem("клиентам"), s.stem("клиенту"));
        assert_eq!(s.stem("доставки"), s.stem("доставка"));
        assert_eq!(s.stem("clients"), s.stem("client"));
        assert_eq!(s.stem("2024"), "2024");
    }

    #[test]
    fn stems_of_a_sentence() {
        assert_eq!(
            stems("Шины для клиентов, в Екатеринбурге!"),
            stems("шины для клиент в екатеринбург")
        );
    }

    #[test]
    fn queries_quote_every_word_and_ignore_syntax() {
        assert_eq!(
            fts_query("Клиентов", "t", "s").as_deref(),
            Some("(t : \"клиентов\" * OR s : \"клиент\")")
        );
        let q = fts_query("\"a\" OR NEAR(b* -c", "t", "s").unwrap_or_default();
        assert!(q.contains("t : \"or\" OR"), "{q}");
        assert!(q.contains("t : \"near\" *"), "{q}");
        assert!(!q.contains("\"\""), "{q}");
        assert_eq!(fts_query("  ,;!  ", "t", "s"), None);
        assert_eq!(
            fts_query("пр", "t", "s").as_deref(),
            Some(r#"(t : "пр" OR s : "пр")"#),
            "two letters match whole words, not every word starting with them"
        );
    }
}
