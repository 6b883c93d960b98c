-- SPDX-License-Identifier: MIT
-- The filter columns of every trajectory, by row_seq, for trajectories::FilterIndex (search filters and the
-- Analytics tab's trajectory charts). Loading them from the table reads past the large `data` column of every
-- row (~300 ms at 100,000 trajectories, more with a cold page cache); from this covering index ~20 ms, and a
-- refresh reads only the rows whose row_seq moved.
CREATE INDEX trajectories_facets
    ON trajectories(row_seq, server_id, agent_id, execution_status, score, category, complexity, created_ms);
