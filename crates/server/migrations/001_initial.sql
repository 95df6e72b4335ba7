-- The team server's first schema: teams, users, devices and their tokens, invites, the streams of
-- records the devices push, the board's summary of each brief, shares, published checklists and the
-- failed sign-ins that rate-limit logins.

CREATE TABLE team (
    id bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    id bigserial PRIMARY KEY,
    team_id bigint NOT NULL REFERENCES team (id),
    name text NOT NULL UNIQUE,
    role text NOT NULL CHECK (role IN ('am', 'lead', 'admin')),
    -- argon2id, PHC string
    password_hash text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    disabled_at timestamptz
);
CREATE INDEX app_user_team ON app_user (team_id);

CREATE TABLE device (
    id uuid PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES app_user (id),
    name text NOT NULL,
    -- SHA-256 of the bearer token, lowercase hex; the token itself is never stored
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz,
    revoked_at timestamptz
);
CREATE INDEX device_user ON device (user_id);

CREATE TABLE invite (
    -- SHA-256 of the one-time code, lowercase hex
    code_hash text PRIMARY KEY,
    team_id bigint NOT NULL REFERENCES team (id),
    role text NOT NULL CHECK (role IN ('am', 'lead', 'admin')),
    -- NULL when made with the command line
    created_by bigint REFERENCES app_user (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    used_by bigint REFERENCES app_user (id)
);

CREATE TABLE stream (
    id text PRIMARY KEY,
    device_id uuid NOT NULL REFERENCES device (id),
    user_id bigint NOT NULL REFERENCES app_user (id),
    team_id bigint NOT NULL REFERENCES team (id),
    -- the highest seq stored; records 1..=last_seq all exist (written in the same transaction)
    last_seq bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stream_team ON stream (team_id);

CREATE TABLE record (
    stream_id text NOT NULL REFERENCES stream (id),
    seq bigint NOT NULL CHECK (seq >= 1),
    id text NOT NULL UNIQUE,
    brief_id text NOT NULL,
    -- SHA-256 of the bundle text, lowercase hex
    sha256 text NOT NULL,
    bundle text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (stream_id, seq)
);
CREATE INDEX record_brief ON record (brief_id);

CREATE TABLE brief (
    id text PRIMARY KEY,
    team_id bigint NOT NULL REFERENCES team (id),
    -- the user who first pushed it
    owner_id bigint NOT NULL REFERENCES app_user (id),
    client text NOT NULL,
    project text NOT NULL,
    account_manager text NOT NULL,
    status text NOT NULL,
    -- the newest record's received_at
    updated_at timestamptz NOT NULL,
    record_stream text NOT NULL,
    record_seq bigint NOT NULL,
    FOREIGN KEY (record_stream, record_seq) REFERENCES record (stream_id, seq)
);
CREATE INDEX brief_team ON brief (team_id, updated_at DESC);

CREATE TABLE brief_share (
    brief_id text NOT NULL REFERENCES brief (id),
    user_id bigint NOT NULL REFERENCES app_user (id),
    shared_by bigint NOT NULL REFERENCES app_user (id),
    shared_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (brief_id, user_id)
);
CREATE INDEX brief_share_user ON brief_share (user_id);

CREATE TABLE checklist (
    team_id bigint NOT NULL REFERENCES team (id),
    checklist text NOT NULL,
    version integer NOT NULL CHECK (version >= 0),
    -- SHA-256 of content, lowercase hex
    hash text NOT NULL,
    content text NOT NULL,
    published_by bigint NOT NULL REFERENCES app_user (id),
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, checklist, version)
);

CREATE TABLE login_failure (
    user_name text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_user ON login_failure (user_name, at);
