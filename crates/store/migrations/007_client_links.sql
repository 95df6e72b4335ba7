-- Client links (issue 22): the links an account manager sent a client to answer a follow-up's open
-- items on the team server's page, and what the client sent back, waiting for the AM's review. Both
-- tables belong to this database only (they do not travel in bundles or records: the server holds
-- the link, and an accepted answer travels as the brief's answer). A database that never makes a
-- link gains two empty tables.

-- A link: `id` is the server's; `url` holds the token (shown once by the server, kept here so the
-- AM can copy it again). `checked_at`: when a sync last fetched its submissions.
CREATE TABLE client_link (
    id          TEXT    PRIMARY KEY,
    brief_id    TEXT    NOT NULL REFERENCES brief (id),
    followup_id TEXT    NOT NULL,
    url         TEXT    NOT NULL,
    contact     TEXT    NOT NULL,
    expires_on  TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    revoked_at  TEXT,
    checked_at  TEXT
) STRICT;

CREATE INDEX client_link_brief ON client_link (brief_id, created_at);

-- One answer of one submission of the client: `id` is '<submission id>/<question id>', so a
-- submission fetched twice is stored once. `answer_json` is the core's Answer as the client sent it
-- (NULL: only files), `files_json` the files attached under the question. `status`: waiting for the
-- AM; accepted (written into the brief); rejected (with the AM's comment); superseded (a later
-- submission changed it before the AM decided).
CREATE TABLE client_answer (
    id            TEXT    PRIMARY KEY,
    link_id       TEXT    NOT NULL REFERENCES client_link (id),
    brief_id      TEXT    NOT NULL REFERENCES brief (id),
    question_id   TEXT    NOT NULL,
    submission_id TEXT    NOT NULL,
    submitted_at  TEXT    NOT NULL,
    contact       TEXT    NOT NULL,
    answer_json   TEXT,
    files_json    TEXT    NOT NULL DEFAULT '[]',
    status        TEXT    NOT NULL DEFAULT 'waiting'
                          CHECK (status IN ('waiting', 'accepted', 'rejected', 'superseded')),
    decided_by    TEXT,
    decided_at    TEXT,
    comment       TEXT
) STRICT;

CREATE INDEX client_answer_brief ON client_answer (brief_id, status);
CREATE INDEX client_answer_link ON client_answer (link_id, question_id);
