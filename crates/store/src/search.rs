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
const WINDOW: i64 = 5_000;

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
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Splits an FTS5 snippet into plain and matched parts (user text is never treated as markup).
fn parts(snippet: &str) -> Vec<SnippetPart> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut hit = false;
    for c in snippet.chars() {
        if c == OPEN || c == CLOSE {
            if !text.is_empty() {
                out.push(SnippetPart {
                    text: std::mem::take(&mut text),
                    hit,
                });
            }
            hit = c == OPEN;
        } else {
            text.push(c);
        }
    }
    if !text.is_empty() {
        out.push(SnippetPart { text, hit });
    }
    out
}

/// Marks the words of a snippet whose stem is one of the query's: a match found through the stem
/// column (`клиентами` for `клиентов`) has no marks from FTS5 in the text column.
fn mark_stems(parts: Vec<SnippetPart>, query_stems: &[String]) -> Vec<SnippetPart> {
    if parts.iter().any(|p| p.hit) || query_stems.is_empty() {
        return parts;
    }
    let stemmers = search_text::Stemmers::default();
    let mut out: Vec<SnippetPart> = Vec::new();
    let mut push = |text: &str, hit: bool| match out.last_mut() {
        Some(last) if last.hit == hit => last.text.push_str(text),
        _ => out.push(SnippetPart {
            text: text.to_owned(),
            hit,
        }),
    };
    for part in parts {
        let mut rest = part.text.as_str();
        while !rest.is_empty() {
            let word_len = rest
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(rest.len(), |(i, _)| i);
            if word_len == 0 {
                let sep = rest.chars().next().map_or(1, char::len_utf8);
                push(&rest[..sep], false);
                rest = &rest[sep..];
                continue;
            }
            let word = &rest[..word_len];
            let stem = stemmers.stem(&search_text::normalize(word));
            push(word, query_stems.contains(&stem));
            rest = &rest[word_len..];
        }
    }
    out
}

impl Store {
    /// Rebuilds the whole index from the briefs, answers and ad-hoc questions (after a bulk load, or
    /// to repair it); returns the number of index rows.
    pub fn reindex_all(&mut self) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
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
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT h.brief_id, b.client, b.project, h.field, h.subject,
                    snippet(search, 0, '{OPEN}', '{CLOSE}', '…', 12), h.rank
             FROM (SELECT rowid, brief_id, field, subject, bm25(search, 2.0, 1.0) AS rank
                   FROM search WHERE search MATCH ?1 AND rowid >= ?3 ORDER BY rank LIMIT ?2) AS h
             JOIN search ON search.rowid = h.rowid AND search MATCH ?1
             JOIN brief b ON b.id = h.brief_id
             ORDER BY h.rank"
        ))?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let stemmers = search_text::Stemmers::default();
        let query_stems: Vec<String> = search_text::words(query)
            .map(|w| stemmers.stem(&w))
            .collect();
        let rows = stmt.query_map(params![fts, limit, floor], |r| {
            let snippet: String = r.get(5)?;
            Ok(SearchHit {
                brief_id: r.get(0)?,
                client: r.get(1)?,
                project: r.get(2)?,
                field: r.get(3)?,
                subject: r.get(4)?,
                snippet: mark_stems(parts(&snippet), &query_stems),
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
