// SPDX-License-Identifier: MIT
#pragma once

#include "trajectories/search/searchtypes.h"
#include "trajectories/trajectory.h"

#include <QJsonObject>

namespace lettascope::trajectories {

// The stable JSON shapes of `lettascope-cli trajectories … --json` and of the JSONL export (README,
// "CLI"). Field names follow the seed's trajectory record; times are ISO-8601 UTC; a value nobody
// reported is null, never 0; a score of 0.0 is the number 0 (and "0.00" where text is given).

/// A list row: no turns.
QJsonObject rowJson(const TrajectoryRow &row);
/// The full record, one line of the JSONL export: the seed's {id, agent_id, data, searchable_summary,
/// outcome_score, score_reasoning, tags, task_category, complexity_level, trajectory_metadata,
/// processing_status, created_at, updated_at} plus decisions, annotations and per-stage provenance.
QJsonObject recordJson(const TrajectoryDetail &detail);
/// A search or contrast item: similarity, score (number and "0.00" text), summary, the seed tool's
/// `details`, and the row.
QJsonObject hitJson(const SearchHit &hit);
QJsonObject searchJson(const QString &query, const SearchResults &results);
QJsonObject contrastsJson(const QString &query, const Contrasts &contrasts);
QJsonObject decisionJson(const Decision &decision);

} // namespace lettascope::trajectories
