-- SPDX-License-Identifier: MIT
-- What each run contributes to the Analytics tab that lives in its messages and steps: its tool calls in
-- order (tool, error and error signature, execution time) and its tokens per model, encoded by
-- analytics/factcodec.h. Deriving them means reading every tool message and step of the run (~12 µs a run,
-- over a second at 100,000 runs), so the writer derives them once, in the transaction that changed the run,
-- and a cold Analytics load reads one small row per run. Runs without a row (written before schema 6, or
-- whose row does not decode) are derived from the messages and steps when loaded; the writer fills the
-- missing rows in the background after opening an older cache.
CREATE TABLE run_facts (
    run_rowid INTEGER PRIMARY KEY REFERENCES runs(rowid) ON DELETE CASCADE,
    facts     BLOB NOT NULL
);
