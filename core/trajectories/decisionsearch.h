// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "trajectory.h"

#include <QList>
#include <QString>

#include <optional>

namespace lettascope::store {
class Database;
}

namespace lettascope::trajectories {

/// Per-tool-call decisions whose tool name, arguments, error type or result mention the query's words.
struct DecisionQuery {
    QString text;
    QString action;                     ///< only this tool; empty: any
    std::optional<bool> success;        ///< only successes (true) or failures (false); empty: all
    qint64 serverId = 0;                ///< 0: every server in the cache
    QStringList agentIds;               ///< empty: every agent
    int limit = 5;
};

struct DecisionHit {
    Decision decision;
    QString runId;
    QString trajectoryId;
    QString agentId;
    std::optional<qint64> createdMs;
    double similarity = 0;              ///< the share of the query's words the decision mentions, 0..1
};

/// Best matches first (more of the words, then newer runs). A query without usable words matches
/// nothing rather than everything.
Result<QList<DecisionHit>> searchDecisions(store::Database &db, const DecisionQuery &query);

} // namespace lettascope::trajectories
