// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace lettascope::store {

class Database;

/**
 * Data a higher module derives from runs and keeps in its own tables, written in the same transaction as
 * the runs it comes from, so it never disagrees with them. The store knows nothing of what is derived:
 * whoever opens the cache registers these with the StoreWriter (analytics' run facts today; the prompt
 * lab and a team change log attach the same way).
 */
struct RunDerivation {
    /// For logs: what is derived ("analytics run facts").
    QString name;
    /// Called inside a write's transaction, after the runs' roll-ups, with the runs the write changed. An
    /// error rolls the whole write back.
    std::function<Status(Database &db, qint64 serverId, const QSet<QString> &runIds)> derive;
    /// Optional: fills the rows of runs written before this derivation existed, up to `limit` runs after
    /// rowid `afterRowId`, and returns the rowid to continue after (nothing once done). The writer runs it
    /// a chunk per transaction after opening the cache, interleaved with other writes, and broadcasts no
    /// change for it: a backfill must add nothing a reader could not already derive.
    std::function<Result<std::optional<qint64>>(Database &db, qint64 afterRowId, int limit)> backfill;
};

} // namespace lettascope::store
