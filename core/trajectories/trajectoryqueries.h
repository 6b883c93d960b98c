// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "trajectory.h"
#include "trajectoryfilters.h"

#include <QList>

#include <optional>

namespace lettascope::store {
class Database;
}

namespace lettascope::trajectories {

struct TrajectoryQuery {
    enum class Sort { Created, Score, Steps, Status, Agent, Tokens };
    TrajectoryFilters filters;
    Sort sort = Sort::Created;
    bool descending = true;
    qint64 offset = 0;
    qint64 limit = 100;
};

/// A row's identity and version: list models diff these to merge instead of resetting.
struct RowKey {
    qint64 rowId = 0;
    qint64 rowSeq = 0;
    friend bool operator==(const RowKey &, const RowKey &) = default;
};

Result<QList<TrajectoryRow>> listTrajectories(store::Database &db, const TrajectoryQuery &query);
Result<qint64> countTrajectories(store::Database &db, const TrajectoryFilters &filters);
/// Every matching row's key in list order (offset/limit apply): cheap enough for 100,000 rows.
Result<QList<RowKey>> listTrajectoryKeys(store::Database &db, const TrajectoryQuery &query);
/// Rows for these ids, in the order given (ids not found are skipped).
Result<QList<TrajectoryRow>> trajectoryRows(store::Database &db, const QList<qint64> &rowIds);
Result<std::optional<TrajectoryDetail>> loadTrajectoryDetail(store::Database &db, qint64 rowId);
/// Resolves "trajectory-…", a run id or a numeric row id to a row id.
Result<std::optional<qint64>> findTrajectory(store::Database &db, qint64 serverId, const QString &key);
/// `data` and content hash, for processing.
struct TrajectoryData {
    qint64 rowId = 0;
    QString agentId;
    QString contentHash;
    QString summary;
    QString dataJson;
};
Result<std::optional<TrajectoryData>> loadTrajectoryData(store::Database &db, qint64 rowId);

} // namespace lettascope::trajectories
