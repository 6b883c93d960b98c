-- SPDX-License-Identifier: MIT
-- Trajectories: every finished run turned into a seed-format record (reference: seed-trajectories.md §1),
-- its enrichment (summary, learning-value score, labels, embeddings per model, decisions), local
-- annotations, and the persistent processing-job queue that produces the enrichment.

-- One row per captured run (or imported record). `data` is the seed's {run_id, metadata, turns, outcome}.
-- Enrichment columns are denormalised here because lists filter and sort on them; per-stage provenance
-- (backend, model, error, timing) lives in trajectory_stages.
CREATE TABLE trajectories (
    rowid             INTEGER PRIMARY KEY,
    server_id         INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
    id                TEXT NOT NULL,          -- 'trajectory-' + run id (stable across rebuilds)
    run_id            TEXT NOT NULL,
    agent_id          TEXT,
    execution_status  TEXT NOT NULL,          -- outcome.execution.status: completed|incomplete|failed|unknown
    run_status        TEXT,                   -- the run's status when captured
    stop_reason       TEXT,
    created_ms        INTEGER,                -- the run's creation time (the list's date)
    step_count        INTEGER NOT NULL DEFAULT 0,
    message_count     INTEGER NOT NULL DEFAULT 0,
    total_tokens      INTEGER NOT NULL DEFAULT 0,
    duration_ns       INTEGER,
    tools_used        TEXT,                   -- JSON array
    data              TEXT NOT NULL,          -- seed-format JSON
    content_hash      TEXT NOT NULL,          -- of `data`: a rebuild that changes nothing re-processes nothing
    search_text       TEXT,                   -- flattened turns for keyword search
    source_seq        INTEGER NOT NULL DEFAULT 0,  -- runs.change_seq this was built from (0: imported)
    built_ms          INTEGER NOT NULL,
    imported          INTEGER NOT NULL DEFAULT 0,
    -- enrichment (latest successful result per stage)
    summary           TEXT,
    score             REAL,                   -- learning value 0..1, two decimals
    score_reasoning   TEXT,
    category          TEXT,
    complexity        TEXT,                   -- trivial|simple|moderate|complex|expert
    tags              TEXT,                   -- JSON array
    label_metadata    TEXT,                   -- JSON object
    processing_state  TEXT NOT NULL DEFAULT 'pending', -- pending|processing|completed|failed|partial
    processed_ms      INTEGER,
    -- bumped on every change to the row, its enrichment or annotation: models compare it to merge rows
    row_seq           INTEGER NOT NULL DEFAULT 0,
    UNIQUE (server_id, run_id)
);
CREATE INDEX trajectories_created ON trajectories(created_ms DESC, rowid DESC);
CREATE INDEX trajectories_agent ON trajectories(agent_id, created_ms DESC);
CREATE INDEX trajectories_status ON trajectories(execution_status, created_ms DESC);
CREATE INDEX trajectories_score ON trajectories(score);
CREATE INDEX trajectories_category ON trajectories(category);
CREATE INDEX trajectories_complexity ON trajectories(complexity);
CREATE INDEX trajectories_row_seq ON trajectories(row_seq);

-- Tags one per row so "all of these tags" is an indexed intersection, not a JSON scan.
CREATE TABLE trajectory_tags (
    trajectory_id INTEGER NOT NULL REFERENCES trajectories(rowid) ON DELETE CASCADE,
    tag           TEXT NOT NULL,
    PRIMARY KEY (tag, trajectory_id)
) WITHOUT ROWID;
CREATE INDEX trajectory_tags_owner ON trajectory_tags(trajectory_id);

-- Per-stage outcome and provenance: which backend and model produced the current result, how long it
-- took, and the last error (a failed stage keeps the previous result; the error is shown beside it).
CREATE TABLE trajectory_stages (
    trajectory_id INTEGER NOT NULL REFERENCES trajectories(rowid) ON DELETE CASCADE,
    stage         TEXT NOT NULL,              -- summary|score|labels|embedding|decisions
    state         TEXT NOT NULL,              -- succeeded|failed
    backend       TEXT,                       -- local|openai|import
    model         TEXT,
    input_hash    TEXT,                       -- content_hash the result was computed from
    started_ms    INTEGER,
    finished_ms   INTEGER,
    elapsed_ms    INTEGER,
    error         TEXT,
    PRIMARY KEY (trajectory_id, stage)
) WITHOUT ROWID;

-- Vectors per embedding model: switching models never mixes spaces; each model is its own index.
CREATE TABLE trajectory_embeddings (
    trajectory_id INTEGER NOT NULL REFERENCES trajectories(rowid) ON DELETE CASCADE,
    model_key     TEXT NOT NULL,              -- "<backend>:<model>", e.g. local:hash256-v1
    dim           INTEGER NOT NULL,
    vector        BLOB NOT NULL,              -- float32, L2-normalised
    seq           INTEGER NOT NULL,           -- meta.embedding_seq when written: indexes load what is new
    PRIMARY KEY (model_key, trajectory_id)
) WITHOUT ROWID;
CREATE INDEX trajectory_embeddings_seq ON trajectory_embeddings(model_key, seq);

-- One decision per tool call (seed §1.1 DecisionSummary), success from the tool return's status.
CREATE TABLE trajectory_decisions (
    trajectory_id  INTEGER NOT NULL REFERENCES trajectories(rowid) ON DELETE CASCADE,
    decision_index INTEGER NOT NULL,
    turn_index     INTEGER NOT NULL,
    action         TEXT NOT NULL,
    arguments      TEXT,                      -- JSON text as the model produced it
    success        INTEGER,                   -- NULL: no return seen (e.g. awaiting approval)
    error_type     TEXT,
    result_summary TEXT,
    tool_call_id   TEXT,
    PRIMARY KEY (trajectory_id, decision_index)
) WITHOUT ROWID;
CREATE INDEX trajectory_decisions_action ON trajectory_decisions(action);

-- A person's own judgement, kept in the cache and exported; never overwritten by processing.
CREATE TABLE trajectory_annotations (
    trajectory_id INTEGER PRIMARY KEY REFERENCES trajectories(rowid) ON DELETE CASCADE,
    human_score   REAL,
    tags          TEXT,                       -- JSON array
    note          TEXT,
    updated_ms    INTEGER NOT NULL
);

-- The persistent processing queue. State machine (docs/ARCHITECTURE.md):
-- queued -> running -> succeeded | failed | queued (retry with backoff) ; queued|running -> cancelled;
-- failed|cancelled -> queued (retry). A job found 'running' at start-up was interrupted and is re-queued.
CREATE TABLE processing_jobs (
    id              INTEGER PRIMARY KEY,
    trajectory_id   INTEGER NOT NULL REFERENCES trajectories(rowid) ON DELETE CASCADE,
    stages          INTEGER NOT NULL,         -- bit mask of stages still to run
    state           TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    max_attempts    INTEGER NOT NULL DEFAULT 5,
    next_attempt_ms INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    progress        REAL NOT NULL DEFAULT 0,  -- 0..1: share of the job's stages done
    claim           INTEGER NOT NULL DEFAULT 0,  -- token of the worker that claimed it; stale results are dropped
    created_ms      INTEGER NOT NULL,
    updated_ms      INTEGER NOT NULL,
    started_ms      INTEGER,
    finished_ms     INTEGER
);
CREATE INDEX processing_jobs_due ON processing_jobs(state, next_attempt_ms, id);
CREATE INDEX processing_jobs_trajectory ON processing_jobs(trajectory_id, state);

-- Keyword search over summaries and trajectory text (external content: no second copy of the text).
CREATE VIRTUAL TABLE trajectories_fts USING fts5(
    summary, search_text, content='trajectories', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER trajectories_ai AFTER INSERT ON trajectories BEGIN
    INSERT INTO trajectories_fts(rowid, summary, search_text) VALUES (new.rowid, new.summary, new.search_text);
END;
CREATE TRIGGER trajectories_ad AFTER DELETE ON trajectories BEGIN
    INSERT INTO trajectories_fts(trajectories_fts, rowid, summary, search_text)
        VALUES ('delete', old.rowid, old.summary, old.search_text);
END;
CREATE TRIGGER trajectories_au AFTER UPDATE OF summary, search_text ON trajectories BEGIN
    INSERT INTO trajectories_fts(trajectories_fts, rowid, summary, search_text)
        VALUES ('delete', old.rowid, old.summary, old.search_text);
    INSERT INTO trajectories_fts(rowid, summary, search_text) VALUES (new.rowid, new.summary, new.search_text);
END;

INSERT INTO meta(key, value) VALUES ('trajectory_build_seq', '0');
INSERT INTO meta(key, value) VALUES ('trajectory_row_seq', '0');
INSERT INTO meta(key, value) VALUES ('embedding_seq', '0');
