//! The full-text index (`search`, FTS5) and queries over it.
//!
//! The index is maintained from Rust inside the same transaction as the change it reflects: the
//! write paths call [`index_brief`], [`index_entry`] and [`index_adhoc`], which replace the rows of
//! one (brief, field, subject).

use deepbrief_core::search_text;
use deepbrief_core::{AnswerValue, Entry};
use rusqlite::{Connection, OptionalExtension, params};

use crate::Store;
use crate::types::{SearchHit, SnippetPart};

use crate::error::StoreError;

/// How many of the newest matches a query ranks (see [`Store::search`]).
const WINDOW: i64 = 2_000;

/// The indexed text of one row: `t` with ё folded to е (case is folded by `unicode61`), `s` the
/// stems of its words.
fn columns(text: &str) -> (String, String) {
    (
        text.replace('ё', "е").replace('Ё', "Е"),
        search_text::stems(text),
    )
}

/// Replaces the index rows of one (brief, field, subject) with `text` (none or blank: removes them).
pub(crate) fn replace(
    conn: &Connection,
    brief_id: &str,
    field: &str,
    subject: Option<&str>,
    text: Option<&str>,
) -> Result<(), StoreError> {
    let key: Option<i64> = conn
        .prepare_cached(
            "SELECT id FROM search_key WHERE brief_id = ?1 AND field = ?2 AND subject = ?3",
        )?
        .query_row(params![brief_id, field, subject.unwrap_or("")], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(id) = key {
        conn.prepare_cached("DELETE FROM search WHERE rowid = ?1")?
            .execute([id])?;
        conn.prepare_cached("DELETE FROM search_key WHERE id = ?1")?
            .execute([id])?;
    }
    if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
        // A fresh key: row numbers follow the order of change, which the search's window relies on.
        conn.prepare_cached(
            "INSERT INTO search_key (brief_id, field, subject) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![brief_id, field, subject.unwrap_or("")])?;
        let id = conn.last_insert_rowid();
        let (t, s) = columns(text);
        conn.prepare_cached(
            "INSERT INTO search (rowid, t, s, brief_id, field, subject) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![id, t, s, brief_id, field, subject])?;
    }
    Ok(())
}

/// Indexes a brief's client and project names.
pub(crate) fn index_brief(
    conn: &Connection,
    brief_id: &str,
    client: &str,
    project: &str,
) -> Result<(), StoreError> {
    replace(conn, brief_id, "client", None, Some(client))?;
    replace(conn, brief_id, "project", None, Some(project))
}

/// Indexes one answer (its words, including state reasons) and its evidence; `None` removes both.
pub(crate) fn index_entry(
    conn: &Connection,
    brief_id: &str,
    question_id: &str,
    entry: Option<&Entry>,
) -> Result<(), StoreError> {
    let answer = entry.map(answer_text);
    replace(
        conn,
        brief_id,
        "answer",
        Some(question_id),
        answer.as_deref(),
    )?;
    let evidence = entry.map(|e| {
        e.evidence
            .iter()
            .map(|ev| ev.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    });
    replace(
        conn,
        brief_id,
        "evidence",
        Some(question_id),
        evidence.as_deref(),
    )
}

/// Indexes an ad-hoc question's prompt.
pub(crate) fn index_adhoc(
    conn: &Connection,
    brief_id: &str,
    adhoc_id: &str,
    prompt: &str,
) -> Result<(), StoreError> {
    replace(conn, brief_id, "adhoc", Some(adhoc_id), Some(prompt))
}

/// The searchable words of an answer: typed text, list items, table cells, contact fields, choice
/// ids, the "not applicable" reason.
pub(crate) fn answer_text(entry: &Entry) -> String {
    use deepbrief_core::Answer;
    match &entry.answer {
        Answer::Answered(value) => match value {
            AnswerValue::Text(t) | AnswerValue::Choice(t) => t.clone(),
            AnswerValue::Number(n) => n.to_string(),
            AnswerValue::Bool(_) => String::new(),
            AnswerValue::Choices(items) | AnswerValue::Items(items) => items.join("\n"),
            AnswerValue::Rows(rows) => rows
                .iter()
                .flat_map(|r| r.values().map(String::as_str))
                .collect::<Vec<_>>()
                .join("\n"),
            AnswerValue::Contact(fields) => fields
                .values()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join("\n"),
        },
        Answer::NotApplicable { reason } => reason.clone(),
        Answer::Unknown | Answer::Later { .. } => String::new(),
    }
}

/// Marks around matched words in FTS5 snippets: private-use characters no user text relies on.
/// Words a snippet shows around the first match.
const SNIPPET_WORDS: usize = 14;
/// Characters of one word or gap a snippet shows (a 10 MB "word" is cut, not returned).
const SNIPPET_RUN_CHARS: usize = 80;
/// Characters a snippet shows at most, whatever the text.
const SNIPPET_CHARS: usize = 600;

/// What a query matches in a word: a prefix of three letters or more, the whole word, or its stem.
struct Matcher {
    words: Vec<String>,
    stems: Vec<String>,
    stemmers: search_text::Stemmers,
}

impl Matcher {
    fn new(query: &str) -> Matcher {
        let stemmers = search_text::Stemmers::default();
        let words: Vec<String> = search_text::words(query).collect();
        let stems = words.iter().map(|w| stemmers.stem(w)).collect();
        Matcher {
            words,
            stems,
            stemmers,
        }
    }

    fn hits(&self, word: &str) -> bool {
        let word = search_text::normalize(word);
        self.words
            .iter()
            .any(|q| *q == word || (q.chars().count() >= 3 && word.starts_with(q.as_str())))
            || self.stems.contains(&self.stemmers.stem(&word))
    }
}

/// A snippet of `text`: about [`SNIPPET_WORDS`] words from just before the first match, matched
/// words marked, `…` where text was cut. Built here from the stored text rather than by FTS5's
/// `snippet()`, which re-runs the query for every hit (a prefix query costs ~15 ms each time).
fn snippet(text: &str, matcher: &Matcher) -> Vec<SnippetPart> {
    // Alternating runs: (text, is_word).
    let mut runs: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let mut in_word: Option<bool> = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric();
        if in_word.is_some_and(|w| w != word) {
            runs.push((&text[start..i], !word));
            start = i;
        }
        in_word = Some(word);
    }
    if start < text.len() {
        runs.push((&text[start..], in_word.unwrap_or(false)));
    }
    let words: Vec<usize> = (0..runs.len()).filter(|&i| runs[i].1).collect();
    let first_hit = words
        .iter()
        .position(|&i| matcher.hits(runs[i].0))
        .unwrap_or(0);
    // From three words before the first match; a window reaching the end moves back to stay full.
    let from_word = first_hit
        .saturating_sub(3)
        .min(words.len().saturating_sub(SNIPPET_WORDS));
    let to_word = (from_word + SNIPPET_WORDS).min(words.len());
    let (from, to) = match (
        words.get(from_word),
        to_word.checked_sub(1).and_then(|w| words.get(w)),
    ) {
        // The whole text fits: show it all, punctuation at both ends included.
        _ if words.len() <= SNIPPET_WORDS => (0, runs.len()),
        (Some(&a), Some(&b)) => (a, b + 1),
        _ => (0, runs.len()),
    };
    let mut out: Vec<SnippetPart> = Vec::new();
    let mut push = |text: &str, hit: bool| match out.last_mut() {
        Some(last) if last.hit == hit => last.text.push_str(text),
        _ => out.push(SnippetPart {
            text: text.to_owned(),
            hit,
        }),
    };
    if from > 0 {
        push("…", false);
    }
    let mut shown = 0;
    let mut cut = false;
    for &(run, is_word) in &runs[from..to] {
        if shown >= SNIPPET_CHARS {
            cut = true;
            break;
        }
        let room = SNIPPET_RUN_CHARS.min(SNIPPET_CHARS - shown);
        let (part, whole) = match run.char_indices().nth(room) {
            Some((end, _)) => (&run[..end], false),
            None => (run, true),
        };
        shown += part.chars().count();
        push(part, is_word && matcher.hits(run));
        if !whole {
            push("…", false);
            cut = true;
            break;
        }
    }
    if to < runs.len() || cut {
        push("…", false);
    }
    out
}

impl Store {
    /// Rebuilds the whole index from the briefs, answers and ad-hoc questions (after a bulk load, or
    /// to repair it); returns the number of index rows.
    pub fn reindex_all(&mut self) -> Result<usize, StoreError> {
        let tx = self.begin_write()?;
        tx.execute("DELETE FROM search", [])?;
        tx.execute("DELETE FROM search_key", [])?;
        {
            let mut briefs = tx.prepare("SELECT id, client, project FROM brief")?;
            let rows = briefs.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                let (id, client, project) = row?;
                index_brief(&tx, &id, &client, &project)?;
            }
            let mut answers = tx.prepare("SELECT brief_id, question_id, entry FROM answer")?;
            let rows = answers.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                let (brief, question, json) = row?;
                let entry: Entry = serde_json::from_str(&json)?;
                index_entry(&tx, &brief, &question, Some(&entry))?;
            }
            let mut adhoc = tx.prepare("SELECT brief_id, id, prompt FROM adhoc_question")?;
            let rows = adhoc.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                let (brief, id, prompt) = row?;
                index_adhoc(&tx, &brief, &id, &prompt)?;
            }
        }
        let count: i64 = tx.query_row("SELECT count(*) FROM search", [], |r| r.get(0))?;
        tx.execute("INSERT INTO search (search) VALUES ('optimize')", [])?;
        tx.commit()?;
        Ok(usize::try_from(count).unwrap_or(0))
    }

    /// Full-text search over every brief (archived too): answers, evidence, client, project and
    /// ad-hoc questions. Case-insensitive, ё = е, prefixes and Russian or English word forms match;
    /// best (BM25) first, at most `limit` hits, each with a snippet. A blank query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let Some(fts) = search_text::fts_query(query, "t", "s") else {
            return Ok(Vec::new());
        };
        // BM25 has to score every match before the best can be picked: for a word in 100,000 rows
        // that alone took ~80 ms. Rows are numbered in the order they were (re)indexed, so the
        // ranking runs over the newest WINDOW matches — found by walking the index backwards,
        // which costs about a millisecond. Rarer queries (fewer matches) rank everything.
        let floor: i64 = self
            .conn
            .prepare_cached(
                "SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
            )?
            .query_row(params![fts, WINDOW - 1], |r| r.get(0))
            .optional()?
            .unwrap_or(0);
        let mut stmt = self.conn.prepare_cached(
            "SELECT h.brief_id, b.client, b.project, h.field, h.subject, search.t, h.rank
             FROM (SELECT rowid, brief_id, field, subject, bm25(search, 2.0, 1.0) AS rank
                   FROM search WHERE search MATCH ?1 AND rowid >= ?3 ORDER BY rank LIMIT ?2) AS h
             JOIN search ON search.rowid = h.rowid
             JOIN brief b ON b.id = h.brief_id
             ORDER BY h.rank",
        )?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let matcher = Matcher::new(query);
        let rows = stmt.query_map(params![fts, limit, floor], |r| {
            let text: String = r.get(5)?;
            Ok(SearchHit {
                brief_id: r.get(0)?,
                client: r.get(1)?,
                project: r.get(2)?,
                field: r.get(3)?,
                subject: r.get(4)?,
                snippet: snippet(&text, &matcher),
                rank: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests fail loudly")]
    use super::*;
    use crate::Store;

    #[test]
    fn an_indexed_word_form_is_found_by_its_stem() {
        let store = Store::open_in_memory().unwrap();
        let conn = &store.conn;
        conn.execute_batch(
            "INSERT INTO brief (id, client, project, account_manager, created_at, updated_at)
             VALUES ('b', 'Колёса', 'Сайт', 'am', 't', 't');",
        )
        .unwrap();
        let entry = Entry::new(deepbrief_core::Answer::Answered(AnswerValue::Text(
            "Привлекаем клиентов через Авито".into(),
        )));
        index_entry(conn, "b", "q1", Some(&entry)).unwrap();
        index_brief(conn, "b", "Колёса", "Сайт").unwrap();
        let query = search_text::fts_query("клиент колеса", "t", "s").unwrap();
        let n: i64 = conn
            .query_row(
                "SELECT count(DISTINCT brief_id) FROM search WHERE search MATCH ?1",
                [&query],
                |r| r.get(0),
            )
            .unwrap();
        // Both words must match in one row for MATCH; here they are in different rows.
        assert_eq!(n, 0);
        let query = search_text::fts_query("клиент", "t", "s").unwrap();
        let field: String = conn
            .query_row(
                "SELECT field FROM search WHERE search MATCH ?1",
                [&query],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(field, "answer");
        index_entry(conn, "b", "q1", None).unwrap();
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM search WHERE field = 'answer'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn a_snippet_of_a_huge_answer_is_bounded() {
        let endless_word = "а".repeat(10 * 1024 * 1024);
        let parts = snippet(&endless_word, &Matcher::new("ааа"));
        let chars: usize = parts.iter().map(|p| p.text.chars().count()).sum();
        assert!(chars <= SNIPPET_RUN_CHARS + 2, "{chars}");
        assert!(parts.iter().any(|p| p.hit));
        let endless_gap = format!("склад{}Тула", " ".repeat(5 * 1024 * 1024));
        let parts = snippet(&endless_gap, &Matcher::new("склад"));
        let chars: usize = parts.iter().map(|p| p.text.chars().count()).sum();
        assert!(chars <= SNIPPET_CHARS + 2, "{chars}");
        let many_long_words = "слово".repeat(40) + &" длинноеслово".repeat(100_000);
        let parts = snippet(&many_long_words, &Matcher::new("длинноеслово"));
        let chars: usize = parts.iter().map(|p| p.text.chars().count()).sum();
        assert!(chars <= SNIPPET_CHARS + 2, "{chars}");
    }

    #[test]
    fn a_snippet_shows_the_words_around_the_first_match_with_marks_and_cuts() {
        let text = "Один два три четыре пять шесть семь восемь девять десять одиннадцать \
                    клиентами двенадцать тринадцать четырнадцать пятнадцать шестнадцать \
                    семнадцать восемнадцать девятнадцать двадцать двадцать-один конец";
        let parts = snippet(text, &Matcher::new("клиентов"));
        let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert!(
            joined.starts_with("…девять десять одиннадцать клиентами"),
            "{joined}"
        );
        assert!(joined.ends_with('…'), "{joined}");
        assert!(!joined.contains("конец"), "{joined}");
        let hits: Vec<&str> = parts
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(hits, ["клиентами"], "found by its stem");
        // Prefixes of three letters or more match; shorter ones only whole words.
        let parts = snippet("Доставка до склада", &Matcher::new("дос до"));
        let hits: Vec<&str> = parts
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(hits, ["Доставка", "до"]);
        // A short text is shown whole, no cuts.
        let parts = snippet("Склад в Туле", &Matcher::new("туле"));
        let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, "Склад в Туле");
    }

    #[test]
    fn common_words_rank_the_newest_matches_and_rare_words_are_found_anywhere() {
        let mut store = Store::open_in_memory().unwrap();
        let tx = store.conn.transaction().unwrap();
        tx.execute_batch(
            "INSERT INTO brief (id, client, project, account_manager, created_at, updated_at)
             VALUES ('b', 'Колёса', 'Сайт', 'am', 't', 't');",
        )
        .unwrap();
        let answer = |text: &str| {
            Entry::new(deepbrief_core::Answer::Answered(AnswerValue::Text(
                text.into(),
            )))
        };
        let rows = WINDOW as usize + 500;
        for i in 0..rows {
            let text = if i == 0 {
                "Доставка доставка доставка и уникальное слово"
            } else {
                "Доставка по городу за день"
            };
            index_entry(&tx, "b", &format!("q{i}"), Some(&answer(text))).unwrap();
        }
        tx.commit().unwrap();
        let hits = store.search("доставка", 50).unwrap();
        assert_eq!(hits.len(), 50);
        assert!(
            hits.iter().all(|h| h.subject.as_deref() != Some("q0")),
            "the oldest row is outside the ranked window"
        );
        let rare = store.search("уникальное", 50).unwrap();
        assert_eq!(rare.len(), 1);
        assert_eq!(rare[0].subject.as_deref(), Some("q0"));
        // Editing the old answer makes it the newest: now it ranks first.
        index_entry(
            &store.conn,
            "b",
            "q0",
            Some(&answer("Доставка доставка доставка")),
        )
        .unwrap();
        let hits = store.search("доставка", 50).unwrap();
        assert_eq!(hits[0].subject.as_deref(), Some("q0"));
    }
}
