-- Review: the lead's comments, and approved revisions frozen as they were approved.

-- The revision being edited: 1 until the first approval, then one more after each edit of an
-- approved brief.
ALTER TABLE brief ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

-- The client's industry as the AM names it ("шины и диски", "e-commerce"): "briefs like this one".
ALTER TABLE brief ADD COLUMN industry TEXT NOT NULL DEFAULT '';

-- A comment on a question, a section or the whole brief. Resolving sets `resolved_*` once; a comment
-- is never deleted (its text is also in the history).
CREATE TABLE comment (
    id          TEXT    PRIMARY KEY,
    brief_id    TEXT    NOT NULL REFERENCES brief (id),
    revision    INTEGER NOT NULL,
    checklist   TEXT,                        -- with `section`: the section commented on
    section     TEXT,
    question_id TEXT,                        -- the question commented on
    text        TEXT    NOT NULL,
    author      TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    resolved_at TEXT,
    resolved_by TEXT,
    resolution  TEXT                         -- the AM's reply, may be empty
) STRICT;

CREATE INDEX comment_brief ON comment (brief_id, at);

-- An approved revision: the brief's records exactly as approved (JSON `BriefData`), readable and
-- printable after later edits.
CREATE TABLE revision (
    brief_id      TEXT    NOT NULL REFERENCES brief (id),
    number        INTEGER NOT NULL,
    approved_at   TEXT    NOT NULL,
    approved_by   TEXT    NOT NULL,
    override_note TEXT,                      -- set when approved despite a "not ready" verdict
    snapshot      TEXT    NOT NULL,
    PRIMARY KEY (brief_id, number)
) STRICT;

-- The key of every full-text row: FTS5 cannot look up its UNINDEXED columns, so replacing one
-- answer's row scanned the whole index. `search.rowid` = `search_key.id`.
CREATE TABLE search_key (
    id       INTEGER PRIMARY KEY,
    brief_id TEXT    NOT NULL,
    field    TEXT    NOT NULL,
    subject  TEXT    NOT NULL DEFAULT '',   -- '' when the field has no subject
    UNIQUE (brief_id, field, subject)
) STRICT;

INSERT OR IGNORE INTO search_key (id, brief_id, field, subject)
    SELECT rowid, brief_id, field, coalesce(subject, '') FROM search;

-- Prefix indexes for 3 to 6 letters: a prefix query ("клие") read the doclist of every word
-- starting with it, 30-150 ms over a million answers; with the index it is one lookup.
CREATE VIRTUAL TABLE search_prefixed USING fts5 (
    t,
    s,
    brief_id UNINDEXED,
    field UNINDEXED,
    subject UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '3 4 5 6'
);

INSERT INTO search_prefixed (rowid, t, s, brief_id, field, subject)
    SELECT rowid, t, s, brief_id, field, subject FROM search;

DROP TABLE search;

ALTER TABLE search_prefixed RENAME TO search;
