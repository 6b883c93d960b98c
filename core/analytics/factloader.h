// SPDX-License-Identifier: MIT
#pragma once

#include "analyticsfilter.h"
#include "common/result.h"
#include "runfacts.h"

#include <QSet>

namespace lettascope::store {
class Database;
}

namespace lettascope::analytics {

/// Reads runs' facts from the cache on the caller's (worker) connection: one scan of runs with their
/// run_facts rows; only runs without a decodable row are derived from their tool messages and steps
/// (two more scans, joined in C++), never one query per run.
Result<RunFactsMap> loadRunFacts(store::Database &db, const AnalyticsFilter &filter);
/// The same for a few runs of one server (an incremental update). Runs outside the filter are absent.
Result<RunFactsMap> loadRunFacts(store::Database &db, const AnalyticsFilter &filter, qint64 serverId,
                                 const QSet<QString> &runIds);
/// These runs' facts derived from their messages and steps, whatever run_facts holds for them: what the
/// writer stores there.
Result<RunFactsMap> deriveRunFacts(store::Database &db, qint64 serverId, const QSet<QString> &runIds);
/// The rowids of those of `runIds` the cache holds, whatever the filter: the runs an update replaces.
Result<QList<qint64>> loadRunRowIds(store::Database &db, qint64 serverId, const QSet<QString> &runIds);

} // namespace lettascope::analytics
