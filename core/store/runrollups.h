// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QSet>
#include <QString>

namespace lettascope::store {

class Database;

/// Recomputes the per-run columns that list views sort and filter on (step and message counts, token
/// sums, tools used, tool errors, last activity), fills agent ids the source left out on steps and
/// messages, and stamps the runs with `changeSeq`. Runs the caller's transaction.
Status refreshRunRollups(Database &db, qint64 serverId, const QSet<QString> &runIds, qint64 changeSeq);

} // namespace lettascope::store
