// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "store/queries/runqueries.h"

#include <QList>
#include <QMetaType>

#include <optional>

namespace lettascope::store {
class Database;
}

namespace lettascope::ui::runs {

/// Everything the run detail shows, read in one job on the reader thread.
struct RunDetail {
    store::RunSummary summary;
    QList<Step> steps;
    QList<Message> messages;
};

Result<std::optional<RunDetail>> loadRunDetail(store::Database &db, qint64 serverId, const QString &runId);

} // namespace lettascope::ui::runs
