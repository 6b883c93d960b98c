// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace lettascope::trajectories {

/// A trajectory ready to be stored: the seed-format `data` plus the columns lists filter and sort on,
/// all derived from `data` so built and imported trajectories are described the same way.
struct TrajectoryRecord {
    qint64 serverId = 0;
    QString id;                 ///< "trajectory-" + run id
    QString runId;
    QString agentId;
    QJsonObject data;
    QString executionStatus;
    QString runStatus;
    QString stopReason;
    std::optional<qint64> createdMs;
    int stepCount = 0;
    int messageCount = 0;
    qint64 totalTokens = 0;
    std::optional<qint64> durationNs;
    QStringList toolsUsed;
    QString searchText;
    QString contentHash;        ///< of the compact JSON of `data`
    qint64 sourceSeq = 0;       ///< runs.change_seq it was built from; 0 when imported
    bool imported = false;
};

/// Describes `data` (tolerant: missing or mistyped keys give empty values, never a failure).
TrajectoryRecord recordFromData(qint64 serverId, const QString &agentId, const QJsonObject &data);

QString trajectoryIdForRun(const QString &runId);

/// Text keyword search indexes for a trajectory: message text, reasoning, tool names, arguments and
/// results (each capped), the stop reason and error. Bounded so one huge run cannot bloat the index.
QString searchTextFor(const QJsonObject &data);

} // namespace lettascope::trajectories
