-- SPDX-License-Identifier: MIT
-- Foundation schema: servers, the entities they serve, sync bookkeeping.
-- Times are INTEGER milliseconds since the Unix epoch (UTC); durations keep the server's nanoseconds.
-- Every entity keeps its server JSON in `raw`, so unknown fields survive and a re-parse needs no download.
-- Entities are keyed by (server_id, id): one cache holds several servers.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT
) WITHOUT ROWID;

-- One row per server profile whose data is cached (profile ids are stable; names may change).
CREATE TABLE servers (
    id            INTEGER PRIMARY KEY,
    profile_id    TEXT NOT NULL UNIQUE,
    name          TEXT,
    base_url      TEXT,
    kind          TEXT NOT NULL DEFAULT 'rest',
    version       TEXT,
    last_probe_ms INTEGER
);

CREATE TABLE agents (
    server_id              INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
    id                     TEXT NOT NULL,
    name                   TEXT,
    agent_type             TEXT,
    model                  TEXT,
    description            TEXT,
    tags                   TEXT,           -- JSON array
    system                 TEXT,
    embedding_model        TEXT,
    blocks                 TEXT,           -- canonical JSON (core/model/entityjson.h)
    tools                  TEXT,           -- canonical JSON
    identity_ids           TEXT,           -- JSON array
    llm_config             TEXT,           -- JSON
    embedding_config       TEXT,           -- JSON
    created_ms             INTEGER,
    updated_ms             INTEGER,
    last_run_completion_ms INTEGER,
    last_run_duration_ms   INTEGER,
    last_stop_reason       TEXT,
    first_seen_ms          INTEGER NOT NULL,
    last_seen_ms           INTEGER NOT NULL,
    raw                    TEXT NOT NULL,
    PRIMARY KEY (server_id, id)
) WITHOUT ROWID;

-- History of what shapes an agent's behaviour. A new revision is recorded whenever the system prompt,
-- model, tools or memory blocks differ from the latest one; unchanged syncs only move last_seen_ms.
CREATE TABLE agent_revisions (
    server_id     INTEGER NOT NULL,
    agent_id      TEXT NOT NULL,
    revision      INTEGER NOT NULL,        -- 1, 2, … per agent
    fingerprint   TEXT NOT NULL,           -- hash of the tracked fields
    system        TEXT,
    model         TEXT,
    tools         TEXT,                    -- JSON array of tool names, sorted
    blocks        TEXT,                    -- JSON object label -> value
    llm_config    TEXT,                    -- JSON
    first_seen_ms INTEGER NOT NULL,
    last_seen_ms  INTEGER NOT NULL,
    PRIMARY KEY (server_id, agent_id, revision),
    FOREIGN KEY (server_id, agent_id) REFERENCES agents(server_id, id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE runs (
    rowid             INTEGER PRIMARY KEY,
    server_id         INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
    id                TEXT NOT NULL,
    agent_id          TEXT,
    conversation_id   TEXT,
    status            TEXT NOT NULL,       -- normalised: created|running|completed|failed|cancelled|unknown
    status_raw        TEXT,
    stop_reason       TEXT,
    created_ms        INTEGER,
    completed_ms      INTEGER,
    duration_ns       INTEGER,
    ttft_ns           INTEGER,
    background        INTEGER NOT NULL DEFAULT 0,
    run_type          TEXT,
    error_text        TEXT,
    reconstructed     INTEGER NOT NULL DEFAULT 0,
    raw               TEXT NOT NULL,
    -- Rolled up from steps and messages after every write batch, so list views never aggregate.
    step_count        INTEGER NOT NULL DEFAULT 0,
    message_count     INTEGER NOT NULL DEFAULT 0,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    total_tokens      INTEGER,
    cached_tokens     INTEGER,
    reasoning_tokens  INTEGER,
    tools_used        TEXT,                -- tool names, sorted, comma separated
    tool_errors       INTEGER NOT NULL DEFAULT 0,
    last_activity_ms  INTEGER,             -- newest message or step time seen
    -- Bumped (to meta.change_seq) whenever the run, its steps or its messages change: consumers such as
    -- the trajectory builder ask for "runs changed since N".
    change_seq        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (server_id, id)
);
-- The id tie-breaker is part of each sort index so windows come straight from the index, never a sort.
CREATE INDEX runs_created ON runs(server_id, created_ms DESC, id DESC);
CREATE INDEX runs_created_all ON runs(created_ms DESC, id DESC);
CREATE INDEX runs_agent_created ON runs(server_id, agent_id, created_ms DESC, id DESC);
CREATE INDEX runs_status_created ON runs(server_id, status, created_ms DESC, id DESC);
CREATE INDEX runs_stop_reason ON runs(server_id, stop_reason, created_ms DESC, id DESC);
CREATE INDEX runs_change_seq ON runs(change_seq);

CREATE TABLE steps (
    rowid                INTEGER PRIMARY KEY,
    server_id            INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
    id                   TEXT NOT NULL,
    run_id               TEXT,
    agent_id             TEXT,
    ordinal              INTEGER NOT NULL DEFAULT 0,
    model                TEXT,
    model_handle         TEXT,
    provider             TEXT,
    status               TEXT,
    stop_reason          TEXT,
    error_type           TEXT,
    error_text           TEXT,
    trace_id             TEXT,
    prompt_tokens        INTEGER,
    completion_tokens    INTEGER,
    total_tokens         INTEGER,
    cached_tokens        INTEGER,
    cache_write_tokens   INTEGER,
    reasoning_tokens     INTEGER,
    step_start_ns        INTEGER,
    llm_request_start_ns INTEGER,
    llm_request_ns       INTEGER,
    tool_execution_ns    INTEGER,
    step_ns              INTEGER,
    metrics_raw          TEXT,             -- NULL until the step's metrics were fetched
    reconstructed        INTEGER NOT NULL DEFAULT 0,
    raw                  TEXT NOT NULL,
    UNIQUE (server_id, id)
);
CREATE INDEX steps_run ON steps(server_id, run_id, ordinal);
CREATE INDEX steps_agent ON steps(server_id, agent_id);
-- Steps whose metrics are still to be fetched: small once the backfill is done, so the lookup stays cheap.
CREATE INDEX steps_metrics_pending ON steps(server_id, run_id) WHERE metrics_raw IS NULL AND reconstructed = 0;

-- One stored Letta message expands into several entries sharing an id, told apart by type and otid.
CREATE TABLE messages (
    rowid           INTEGER PRIMARY KEY,
    server_id       INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
    id              TEXT NOT NULL,
    message_type    TEXT NOT NULL,
    otid            TEXT NOT NULL DEFAULT '',
    run_id          TEXT,
    step_id         TEXT,
    agent_id        TEXT,
    conversation_id TEXT,
    date_ms         INTEGER,
    seq             INTEGER NOT NULL DEFAULT 0,
    name            TEXT,
    is_err          INTEGER NOT NULL DEFAULT 0,
    text            TEXT,                  -- flattened content (may be huge; views truncate)
    sender_id       TEXT,
    tool_calls      TEXT,                  -- canonical JSON (core/model/entityjson.h)
    tool_returns    TEXT,                  -- canonical JSON
    approved        INTEGER,               -- approval responses: 1 approved, 0 denied
    approval_reason TEXT,
    tool_names      TEXT,                  -- names of the calls in this entry, comma separated
    tool_text       TEXT,                  -- call arguments and return values, for search
    tool_call_id    TEXT,
    tool_status     TEXT,                  -- success|error on returns
    raw             TEXT NOT NULL,
    UNIQUE (server_id, id, message_type, otid)
);
CREATE INDEX messages_run ON messages(server_id, run_id, date_ms, seq);
CREATE INDEX messages_agent ON messages(server_id, agent_id, date_ms);
CREATE INDEX messages_step ON messages(server_id, step_id);

-- Full-text index over message text, tool arguments and returns (external content: no second copy).
CREATE VIRTUAL TABLE messages_fts USING fts5(
    text, tool_text, content='messages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER messages_ai AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts(rowid, text, tool_text) VALUES (new.rowid, new.text, new.tool_text);
END;
CREATE TRIGGER messages_ad AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, text, tool_text) VALUES ('delete', old.rowid, old.text, old.tool_text);
END;
CREATE TRIGGER messages_au AFTER UPDATE OF text, tool_text ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, text, tool_text) VALUES ('delete', old.rowid, old.text, old.tool_text);
    INSERT INTO messages_fts(rowid, text, tool_text) VALUES (new.rowid, new.text, new.tool_text);
END;

CREATE TABLE jobs (
    server_id    INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    status       TEXT,
    job_type     TEXT,
    agent_id     TEXT,
    stop_reason  TEXT,
    error_text   TEXT,
    created_ms   INTEGER,
    updated_ms   INTEGER,
    completed_ms INTEGER,
    metadata     TEXT,
    raw          TEXT NOT NULL,
    PRIMARY KEY (server_id, id)
) WITHOUT ROWID;
CREATE INDEX jobs_created ON jobs(server_id, created_ms DESC);

-- Tools, blocks, MCP servers, folders, archives, identities, models, providers, groups, sandbox configs.
CREATE TABLE resources (
    server_id    INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    id           TEXT NOT NULL,
    name         TEXT,
    summary      TEXT,
    last_seen_ms INTEGER NOT NULL,
    raw          TEXT NOT NULL,
    PRIMARY KEY (server_id, kind, id)
) WITHOUT ROWID;

-- Per-resource sync progress (cursors, last full pass); written in the same transaction as the data
-- it covers, so an interrupted sync resumes exactly where its last committed batch ended.
CREATE TABLE sync_state (
    server_id INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
    key       TEXT NOT NULL,
    value     TEXT,
    PRIMARY KEY (server_id, key)
) WITHOUT ROWID;

-- The outcome of every sync: what was fetched, what failed and why.
CREATE TABLE sync_log (
    id          INTEGER PRIMARY KEY,
    server_id   INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
    started_ms  INTEGER NOT NULL,
    finished_ms INTEGER,
    ok          INTEGER,
    requests    INTEGER,
    report      TEXT,                      -- JSON: per resource {fetched, failed, error}
    error       TEXT
);
CREATE INDEX sync_log_server ON sync_log(server_id, started_ms DESC);

INSERT INTO meta(key, value) VALUES ('change_seq', '0');
