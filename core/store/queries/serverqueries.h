// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "store/entitywriter.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace lettascope::store {

class Database;

struct CachedServer {
    qint64 id = 0;
    ServerRecord record;
    std::optional<qint64> lastSyncMs;   ///< last successful sync
};

struct SyncLogEntry {
    qint64 id = 0;
    qint64 startedMs = 0;
    std::optional<qint64> finishedMs;
    bool ok = false;
    qint64 requests = 0;
    QString report;   ///< JSON
    QString error;
};

Result<QList<CachedServer>> listServers(Database &db);
Result<std::optional<CachedServer>> findServer(Database &db, const QString &profileId);

Result<QHash<QString, QString>> readSyncState(Database &db, qint64 serverId);
Result<QList<SyncLogEntry>> recentSyncs(Database &db, qint64 serverId, int limit);

/// Ids of cached runs not yet in a terminal state: the sync refreshes them until they finish.
Result<QStringList> activeRunIds(Database &db, qint64 serverId);
/// The cached status of each of `runIds` that the cache has (normalised status text).
Result<QHash<QString, QString>> runStatuses(Database &db, qint64 serverId, const QStringList &runIds);
/// Steps of finished runs whose metrics were never fetched, newest runs first.
Result<QStringList> stepsMissingMetrics(Database &db, qint64 serverId, qint64 limit);

} // namespace lettascope::store
