-- Sync with a team server (issue 21). A database that never signs in gains a column, an index and
-- empty tables, and works as before.

-- The event id an answer change replaced, as this copy showed it ('' when there was no answer):
-- two answers from one base made without seeing each other are a conflict. NULL in events written
-- before this version (they take part in no conflict).
ALTER TABLE event ADD COLUMN base TEXT;

-- The hybrid logical clock: a new event is stamped after the newest event this copy has seen.
CREATE INDEX event_at ON event (at);

-- Open conflicts of each brief (kept by every import and every settlement): the board shows them.
ALTER TABLE brief ADD COLUMN open_conflicts INTEGER NOT NULL DEFAULT 0;

-- This database's stream of records for the team server: one row, made when the database first
-- syncs. `path` is the file it was made for: a database copied elsewhere, or restored from a backup,
-- starts a new stream so that two copies never number records alike.
CREATE TABLE sync_stream (
    one         INTEGER PRIMARY KEY CHECK (one = 1),
    stream      TEXT    NOT NULL,
    next_seq    INTEGER NOT NULL,
    path        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
) STRICT;

-- Briefs changed here since their last record was sealed (kept by a trigger on the history, so no
-- writer can forget it).
CREATE TABLE sync_outbox (
    brief_id    TEXT    PRIMARY KEY,
    since       TEXT    NOT NULL
) STRICT;

CREATE TRIGGER event_to_outbox AFTER INSERT ON event BEGIN
    INSERT OR IGNORE INTO sync_outbox (brief_id, since) VALUES (NEW.brief_id, NEW.at);
END;

-- Records sealed for the server and not yet acknowledged, in stream order: a push that is cut off
-- sends the very same records again (same ids, same content), so the server stores each once.
CREATE TABLE sync_pending (
    seq         INTEGER PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    brief_id    TEXT    NOT NULL,
    bundle      TEXT    NOT NULL
) STRICT;

-- How far each other stream has been received.
CREATE TABLE sync_cursor (
    stream      TEXT    PRIMARY KEY,
    seq         INTEGER NOT NULL
) STRICT;
