// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "store/derivation.h"

#include <QSet>
#include <QString>

#include <optional>

namespace lettascope::store {
class Database;
}

namespace lettascope::analytics {

/// Derives these runs' tool calls and model tokens from their messages and steps and stores them in
/// run_facts (migration 006), replacing what was there. Run in the transaction that changed the runs,
/// after their roll-ups, so a stored row always matches the run's messages and steps.
Status storeRunFacts(store::Database &db, qint64 serverId, const QSet<QString> &runIds);

/// Stores the facts of up to `limit` runs after `afterRowId` (in rowid order) that have none (written
/// before schema 6). Returns the rowid to continue after, or nothing once no run is left: call it in a
/// transaction of its own per chunk, from 0, until then.
Result<std::optional<qint64>> backfillRunFacts(store::Database &db, qint64 afterRowId, int limit);

/// storeRunFacts and backfillRunFacts as the writer runs them: register it before opening a cache.
store::RunDerivation runFactsDerivation();

} // namespace lettascope::analytics
