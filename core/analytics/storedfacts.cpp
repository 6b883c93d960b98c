// SPDX-License-Identifier: MIT
#include "storedfacts.h"

#include "factcodec.h"
#include "factloader.h"
#include "store/eachrow.h"
#include "store/sqlite.h"

#include <map>

namespace lettascope::analytics {

Status storeRunFacts(store::Database &db, qint64 serverId, const QSet<QString> &runIds)
{
    if (runIds.isEmpty())
        return success();
    auto facts = deriveRunFacts(db, serverId, runIds);
    if (!facts)
        return facts.error();
    auto store = db.cached("INSERT OR REPLACE INTO run_facts(run_rowid, facts) VALUES (?1, ?2)");
    if (!store)
        return store.error();
    for (const RunFacts &f : std::as_const(*facts)) {
        (*store)->bind(1, f.rowId).bindBlob(2, encodeCallFacts(f));
        if (auto status = (*store)->run(); !status)
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

store::RunDerivation runFactsDerivation()
{
    return {QStringLiteral("analytics run facts"), storeRunFacts, backfillRunFacts};
}

} // namespace lettascope::analytics
