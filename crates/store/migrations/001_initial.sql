-- Deepbrief store, schema version 1. Never edit a released migration: add the next numbered file.
--
-- Conventions: STRICT tables; ids are UUID text; times are RFC 3339 UTC with milliseconds
-- (`2026-11-23T06:12:00.123Z`); JSON columns hold the serde form of the `deepbrief-core` types named
-- beside them.

-- Every checklist version a brief was ever started with, byte for byte: a brief always opens with the
-- versions it was started with, even after the YAML files change or disappear.
CREATE TABLE checklist_version (
    checklist   TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    hash        TEXT    NOT NULL,            -- SHA-256 of `content`, lowercase hex
    content     TEXT    NOT NULL,            -- the YAML file as loaded
    source      TEXT    NOT NULL,            -- where it was first loaded from (file path or bundle)
    stored_at   TEXT    NOT NULL,
    PRIMARY KEY (checklist, version)
) STRICT;

CREATE TABLE brief (
    id              TEXT    PRIMARY KEY,
    client          TEXT    NOT NULL,
    project         TEXT    NOT NULL,
    services        TEXT    NOT NULL DEFAULT '[]',     -- JSON array of service ids
    account_manager TEXT    NOT NULL,
    contacts        TEXT    NOT NULL DEFAULT '[]',     -- JSON array of contacts (one responsible)
    language        TEXT    NOT NULL DEFAULT 'ru',
    status          TEXT    NOT NULL DEFAULT 'draft',  -- draft | in_review | returned | approved
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    prefilled_from  TEXT    REFERENCES brief (id),
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
) STRICT;

CREATE INDEX brief_client ON brief (client);

-- The checklist versions a brief is pinned to, in the order the interview shows them.
CREATE TABLE brief_checklist (
    brief_id    TEXT    NOT NULL REFERENCES brief (id),
    checklist   TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (brief_id, checklist),
    FOREIGN KEY (checklist, version) REFERENCES checklist_version (checklist, version)
) STRICT;

-- The current answer to each question: a `deepbrief_core::Entry` as JSON. Its history is in `event`.
CREATE TABLE answer (
    brief_id    TEXT    NOT NULL REFERENCES brief (id),
    question_id TEXT    NOT NULL,
    entry       TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    updated_by  TEXT    NOT NULL,
    PRIMARY KEY (brief_id, question_id)
) STRICT, WITHOUT ROWID;

-- Answers of questions an upgrade removed or displaced: `deepbrief_core::ArchivedAnswer` as JSON.
-- Shown and exported with the brief, never dropped.
CREATE TABLE archived_answer (
    brief_id    TEXT    NOT NULL REFERENCES brief (id),
    position    INTEGER NOT NULL,
    data        TEXT    NOT NULL,
    PRIMARY KEY (brief_id, position)
) STRICT;

-- Questions the AM added to one brief.
CREATE TABLE adhoc_question (
    brief_id    TEXT    NOT NULL REFERENCES brief (id),
    id          TEXT    NOT NULL,            -- `adhoc-…`, unique in the brief
    section     TEXT,                        -- the section it sits in, or none (own "Extra" section)
    prompt      TEXT    NOT NULL,
    kind        TEXT    NOT NULL,            -- a `deepbrief_core::Kind` in snake_case
    position    INTEGER NOT NULL,
    created_at  TEXT    NOT NULL,
    PRIMARY KEY (brief_id, id)
) STRICT;

-- Follow-up briefings planned from open gaps.
CREATE TABLE followup (
    id          TEXT    PRIMARY KEY,
    brief_id    TEXT    NOT NULL REFERENCES brief (id),
    title       TEXT    NOT NULL,
    start       TEXT    NOT NULL,            -- local wall-clock `YYYY-MM-DDTHH:MM`
    duration_minutes INTEGER NOT NULL,
    timezone    TEXT,                        -- IANA name, e.g. Europe/Moscow
    location    TEXT,
    attendees   TEXT    NOT NULL DEFAULT '[]',   -- JSON array of `deepbrief_export::Attendee`-like objects
    created_at  TEXT    NOT NULL
) STRICT;

CREATE INDEX followup_brief ON followup (brief_id);

-- The gap items a follow-up briefing covers, by the gap's stable key.
CREATE TABLE followup_item (
    followup_id TEXT    NOT NULL REFERENCES followup (id),
    gap_key     TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (followup_id, gap_key)
) STRICT;

-- The history of every brief: append-only. `event_id` is unique across machines, so bundles merge by
-- it without duplicates.
CREATE TABLE event (
    seq         INTEGER PRIMARY KEY,
    event_id    TEXT    NOT NULL UNIQUE,
    brief_id    TEXT    NOT NULL REFERENCES brief (id),
    at          TEXT    NOT NULL,
    who         TEXT    NOT NULL,
    kind        TEXT    NOT NULL,            -- answer | brief | adhoc | upgrade | prefill | archive | restore | followup
    subject     TEXT,                        -- the question id or the brief field
    old         TEXT,                        -- JSON, or NULL when there was nothing
    new         TEXT                         -- JSON, or NULL when it was cleared
) STRICT;

CREATE INDEX event_brief_subject ON event (brief_id, subject, seq);

CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event
BEGIN
    SELECT RAISE(ABORT, 'the history is append-only');
END;

CREATE TRIGGER event_is_append_only_delete BEFORE DELETE ON event
BEGIN
    SELECT RAISE(ABORT, 'the history is append-only');
END;

-- Full-text search over answers, client, project, notes and ad-hoc questions. `t` is the text with
-- ё folded to е (unicode61 folds case), `s` the Snowball stems of its words (Russian and English), so
-- «клиентов» finds «клиент». Maintained from Rust (stemming is not SQL).
CREATE VIRTUAL TABLE search USING fts5 (
    t,
    s,
    brief_id UNINDEXED,
    field UNINDEXED,                         -- client | project | answer | evidence | adhoc
    subject UNINDEXED,                       -- the question id, when there is one
    tokenize = 'unicode61 remove_diacritics 0'
);
