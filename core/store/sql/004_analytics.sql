-- SPDX-License-Identifier: MIT
-- Analytics reads (docs/ARCHITECTURE.md, "Analytics"). The Analytics tab reads every run's tool calls and
-- steps when a filter is first shown; these make that read cheap.

-- analytics::errorSignature() of the run's error text and of a failed tool return's text (its first 400
-- characters, tool_text else text), stored when the row is written: normalising costs ~17 µs a text,
-- too much to repeat for every error on every cold load. NULL on rows written before schema 4; readers
-- then compute it.
ALTER TABLE runs ADD COLUMN error_signature TEXT;
ALTER TABLE messages ADD COLUMN tool_error_signature TEXT;

-- Only tool call and return entries, with just the columns the analytics scan needs, in per-run order:
-- the scan never reads message rows (their text and raw JSON make them large).
CREATE INDEX messages_tool_entries
    ON messages(server_id, run_id, date_ms, seq, step_id, tool_names, tool_call_id, tool_status, tool_error_signature)
    WHERE tool_names IS NOT NULL OR tool_status IS NOT NULL;
-- One agent's runs across servers (the tab's agent filter; runs_agent_created needs a server first).
CREATE INDEX runs_agent_all ON runs(agent_id, created_ms);
-- Covering the analytics step scan likewise (step rows carry raw and metrics JSON).
CREATE INDEX steps_analytics
    ON steps(server_id, run_id, id, model, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens,
             tool_execution_ns);
