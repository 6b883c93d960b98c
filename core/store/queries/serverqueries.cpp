// SPDX-License-Identifier: MIT
#include "serverqueries.h"

#include "store/eachrow.h"
#include "store/sqlite.h"

using namespace Qt::StringLiterals;

namespace lettascope::store {

namespace {

const char *const kServerSelect =
    "SELECT s.id, s.profile_id, s.name, s.base_url, s.kind, s.version, "
    "(SELECT max(finished_ms) FROM sync_log l WHERE l.server_id = s.id AND l.ok = 1) FROM servers s";

CachedServer decodeServer(const Statement &s)
{
    CachedServer server;
    server.id = s.int64(0);
    server.record = {s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)};
    server.lastSyncMs = s.optionalInt64(6);
    return server;
}

Result<QStringList> collectStrings(Statement &stmt)
{
    QStringList values;
    auto status = eachRow(stmt, [&values](const Statement &s) { values << s.text(0); });
    if (!status)
        return status.error();
    return values;
}

} // namespace

Result<QList<CachedServer>> listServers(Database &db)
{
    const QByteArray sql = QByteArray(kServerSelect) + " ORDER BY s.id";
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    QList<CachedServer> servers;
    auto status = eachRow(*stmt, [&servers](const Statement &s) { servers << decodeServer(s); });
    if (!status)
        return status.error();
    return servers;
}

Result<std::optional<CachedServer>> findServer(Database &db, const QString &profileId)
{
    const QByteArray sql = QByteArray(kServerSelect) + " WHERE s.profile_id = ?1";
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, profileId);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<CachedServer>();
    return std::optional<CachedServer>(decodeServer(*stmt));
}

Result<QHash<QString, QString>> readSyncState(Database &db, qint64 serverId)
{
    auto stmt = db.prepare("SELECT key, value FROM sync_state WHERE server_id = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, serverId);
    QHash<QString, QString> state;
    auto status = eachRow(*stmt, [&state](const Statement &s) { state.insert(s.text(0), s.text(1)); });
    if (!status)
        return status.error();
    return state;
}

Result<QList<SyncLogEntry>> recentSyncs(Database &db, qint64 serverId, int limit)
{
    auto stmt = db.prepare("SELECT id, started_ms, finished_ms, ok, requests, report, error FROM sync_log "
                           "WHERE server_id = ?1 ORDER BY started_ms DESC, id DESC LIMIT ?2");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, serverId).bind(2, limit);
    QList<SyncLogEntry> entries;
    auto status = eachRow(*stmt, [&entries](const Statement &s) {
        entries << SyncLogEntry{s.int64(0), s.int64(1), s.optionalInt64(2), s.int64(3) != 0,
                                s.int64(4), s.text(5), s.text(6)};
    });
    if (!status)
        return status.error();
    return entries;
}

Result<QStringList> activeRunIds(Database &db, qint64 serverId)
{
    auto stmt = db.prepare("SELECT id FROM runs WHERE server_id = ?1 AND status IN ('created', 'running', 'unknown') "
                           "ORDER BY created_ms");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, serverId);
    return collectStrings(*stmt);
}

Result<QHash<QString, QString>> runStatuses(Database &db, qint64 serverId, const QStringList &runIds)
{
    QHash<QString, QString> statuses;
    auto stmt = db.cached("SELECT status FROM runs WHERE server_id = ?1 AND id = ?2");
    if (!stmt)
        return stmt.error();
    for (const QString &id : runIds) {
        (*stmt)->bind(1, serverId).bind(2, id);
        auto row = (*stmt)->step();
        if (!row)
            return row.error();
        if (*row)
            statuses.insert(id, (*stmt)->text(0));
        (*stmt)->reset();
    }
    return statuses;
}

Result<QStringList> stepsMissingMetrics(Database &db, qint64 serverId, qint64 limit)
{
    auto stmt = db.prepare("SELECT s.id FROM steps s JOIN runs r ON r.server_id = s.server_id AND r.id = s.run_id "
                           "WHERE s.server_id = ?1 AND s.metrics_raw IS NULL AND s.reconstructed = 0 "
                           "AND r.status IN ('completed', 'failed', 'cancelled') "
                           "ORDER BY r.created_ms DESC, s.ordinal LIMIT ?2");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, serverId).bind(2, limit);
    return collectStrings(*stmt);
}

} // namespace lettascope::store
