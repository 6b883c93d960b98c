// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "model/entities.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace lettascope::store {

class Database;

/// Filters, sort and window for the runs list. Every field maps to an indexed column or a rolled-up one.
struct RunQuery {
    enum class Sort { Created, Duration, Steps, Tokens, Status, Agent, StopReason, LastActivity };

    qint64 serverId = 0;                ///< 0: every server in the cache
    QStringList agentIds;
    QList<RunStatus> statuses;
    QStringList stopReasons;
    std::optional<qint64> sinceMs;      ///< created at or after
    std::optional<qint64> untilMs;      ///< created before
    QString text;                       ///< id prefix, agent name, error text, stop reason or tool name
    Sort sort = Sort::Created;
    bool descending = true;
    qint64 offset = 0;
    qint64 limit = 100;
};

/// A run with the roll-ups list views show. Optional token sums are empty when no step reported them.
struct RunSummary {
    qint64 serverId = 0;
    Run run;
    QString agentName;
    int stepCount = 0;
    int messageCount = 0;
    std::optional<qint64> promptTokens;
    std::optional<qint64> completionTokens;
    std::optional<qint64> totalTokens;
    std::optional<qint64> cachedTokens;
    std::optional<qint64> reasoningTokens;
    QStringList toolsUsed;
    int toolErrors = 0;
    std::optional<qint64> lastActivityMs;
    qint64 changeSeq = 0;

    /// The server's duration, else completed − created.
    std::optional<qint64> durationNs() const;
};

Result<QList<RunSummary>> listRuns(Database &db, const RunQuery &query);
Result<qint64> countRuns(Database &db, const RunQuery &query);
Result<std::optional<RunSummary>> findRun(Database &db, qint64 serverId, const QString &runId);

} // namespace lettascope::store
