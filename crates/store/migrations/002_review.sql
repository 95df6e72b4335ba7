-- Review: the lead's comments, and approved revisions frozen as they were approved.

-- The revision being edited: 1 until the first approval, then one more after each edit of an
-- approved brief.
ALTER TABLE brief ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

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
