// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "model/entities.h"

#include <QList>

#include <optional>

namespace lettascope::store {

class Database;

/// An agent with the run counts the Agents list shows.
struct AgentSummary {
    qint64 serverId = 0;
    Agent agent;
    qint64 runCount = 0;
    qint64 failedRuns = 0;
    std::optional<qint64> lastRunMs;
    QString lastRunStopReason;
};

struct AgentRevision {
    int revision = 0;
    QString system;
    QString model;
    QStringList tools;
    QJsonObject blocks;
    qint64 firstSeenMs = 0;
    qint64 lastSeenMs = 0;
};

Result<QList<AgentSummary>> listAgents(Database &db, qint64 serverId);
Result<std::optional<Agent>> findAgent(Database &db, qint64 serverId, const QString &agentId);
Result<QList<AgentRevision>> agentRevisions(Database &db, qint64 serverId, const QString &agentId);

struct JobQuery {
    qint64 serverId = 0;
    QString status;
    std::optional<qint64> sinceMs;
    qint64 offset = 0;
    qint64 limit = 100;
};
Result<QList<Job>> listJobs(Database &db, const JobQuery &query);

Result<QList<Resource>> listResources(Database &db, qint64 serverId, ResourceKind kind);

} // namespace lettascope::store
