-- SPDX-License-Identifier: MIT
-- App Server source (docs/ARCHITECTURE.md, "App Server source").
-- The live recorder can only record what it receives. While its connection to an App Server is down,
-- events are lost; each such stretch is kept here so views can say where the record has holes instead
-- of presenting an incomplete record as complete.
CREATE TABLE recording_gaps (
    id          INTEGER PRIMARY KEY,
    server_id   INTEGER NOT NULL REFERENCES servers(id) ON DELETE CASCADE,
    started_ms  INTEGER NOT NULL,          -- the connection dropped
    ended_ms    INTEGER,                   -- recording resumed (or stopped); NULL while still disconnected
    reason      TEXT,                      -- why the connection dropped
    missed_runs TEXT,                      -- JSON array: server run ids that ran entirely inside the gap
    unobserved  TEXT                       -- JSON array: cached run ids whose end fell inside the gap
);
CREATE INDEX recording_gaps_server ON recording_gaps(server_id, started_ms DESC);
