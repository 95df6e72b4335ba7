-- Client links (issue 22): an AM sends the client a link to the open items of a follow-up; the client
-- answers without an account. The token is kept only as its SHA-256; the questions the link asks are
-- fixed when it is made; the client's answers are drafts until a submission snapshots them; uploads
-- live in the database (outside any web root, shared by every server process); every client action
-- is in the audit log.

CREATE TABLE client_link (
    id uuid PRIMARY KEY,
    -- SHA-256 of the token, lowercase hex
    token_hash text NOT NULL UNIQUE,
    team_id bigint NOT NULL REFERENCES team (id),
    brief_id text NOT NULL REFERENCES brief (id),
    followup_id text NOT NULL,
    created_by bigint NOT NULL REFERENCES app_user (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    language text NOT NULL CHECK (language IN ('ru', 'en')),
    agency text NOT NULL,
    contact text NOT NULL,
    -- the last day it works (inclusive, UTC)
    expires_on date NOT NULL,
    revoked_at timestamptz,
    opened_at timestamptz,
    -- random, sent with every client write (x-deepbrief-csrf)
    csrf text NOT NULL,
    -- the page as the AM made it: [{heading, topic, why, questions, attach}]
    groups jsonb NOT NULL,
    -- the client-facing items by question id, built from the brief's checklists when the link was made
    items jsonb NOT NULL,
    -- the core's Question by id, as the brief pinned it: what a client's answer is checked against
    questions jsonb NOT NULL
);
CREATE INDEX client_link_brief ON client_link (brief_id);

CREATE TABLE client_answer (
    link_id uuid NOT NULL REFERENCES client_link (id),
    question_id text NOT NULL,
    -- the core's Answer JSON
    answer jsonb NOT NULL,
    saved_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (link_id, question_id)
);

CREATE TABLE client_file (
    id uuid PRIMARY KEY,
    link_id uuid NOT NULL REFERENCES client_link (id),
    question_id text NOT NULL,
    -- as the client's computer named it: shown, never used as a path
    name text NOT NULL,
    -- sniffed from the bytes
    content_type text NOT NULL,
    bytes bigint NOT NULL,
    sha256 text NOT NULL,
    content bytea NOT NULL,
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
CREATE INDEX client_file_link ON client_file (link_id);

CREATE TABLE client_submission (
    id uuid PRIMARY KEY,
    link_id uuid NOT NULL REFERENCES client_link (id),
    submitted_at timestamptz NOT NULL DEFAULT now(),
    -- [{question, answer, files}] as they stood
    answers jsonb NOT NULL
);
CREATE INDEX client_submission_link ON client_submission (link_id, submitted_at);

-- Every client action (and the AM's create and revoke): who by address, what, on which question.
CREATE TABLE client_audit (
    id bigserial PRIMARY KEY,
    link_id uuid REFERENCES client_link (id),
    at timestamptz NOT NULL DEFAULT now(),
    address text NOT NULL,
    action text NOT NULL,
    question_id text,
    detail text
);
CREATE INDEX client_audit_link ON client_audit (link_id, at);
