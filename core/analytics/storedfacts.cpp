// SPDX-License-Identifier: MIT
#include "storedfacts.h"

#include "factcodec.h"
#include "factloader.h"
#include "store/eachrow.h"
#include "store/sqlite.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <map>

namespace lettascope::analytics {

Status storeRunFacts(store::Database &db, qint64 serverId, const QSet<QString> &runIds)
{
    if (runIds.isEmpty())
        return success();
    const QByteArray ids = QJsonDocument(QJsonArray::fromStringList({runIds.begin(), runIds.end()}))
                               .toJson(QJsonDocument::Compact);
    // Without their rows the loader derives these runs from their messages and steps.
    auto forget = db.cached("DELETE FROM run_facts WHERE run_rowid IN (SELECT rowid FROM runs "
                            "WHERE server_id = ?1 AND id IN (SELECT value FROM json_each(?2)))");
    if (!forget)
        return forget.error();
    (*forget)->bind(1, serverId).bind(2, ids);
    if (auto status = (*forget)->run(); !status)
        return status;
    auto facts = loadRunFacts(db, {}, serverId, runIds);
    if (!facts)
        return facts.error();
    auto insert = db.cached("INSERT INTO run_facts(run_rowid, facts) VALUES (?1, ?2)");
    if (!insert)
        return insert.error();
    for (const RunFacts &f : std::as_const(*facts)) {
        (*insert)->bind(1, f.rowId).bindBlob(2, encodeCallFacts(f));
        if (auto status = (*insert)->run(); !status)
            return status;
    }
    return success();
}

Result<std::optional<qint64>> backfillRunFacts(store::Database &db, qint64 afterRowId, int limit)
{
    // A chunk of runs in rowid order, whether or not they have a row: continuing after the last one keeps
    // the whole backfill one pass over the table.
    auto chunk = db.prepare("SELECT r.rowid, r.server_id, r.id, f.run_rowid IS NULL FROM runs r "
                            "LEFT JOIN run_facts f ON f.run_rowid = r.rowid "
                            "WHERE r.rowid > ?1 ORDER BY r.rowid LIMIT ?2");
    if (!chunk)
        return chunk.error();
    chunk->bind(1, afterRowId).bind(2, limit);
    std::map<qint64, QSet<QString>> missingByServer;
    std::optional<qint64> last;
    auto status = store::eachRow(*chunk, [&](const store::Statement &s) {
        last = s.int64(0);
        if (s.int64(3) != 0)
            missingByServer[s.int64(1)].insert(s.text(2));
    });
    if (!status)
        return status.error();
    for (const auto &[serverId, runIds] : missingByServer) {
        if (auto stored = storeRunFacts(db, serverId, runIds); !stored)
            return stored.error();
    }
    return last;
}

} // namespace lettascope::analytics
