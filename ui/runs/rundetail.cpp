// SPDX-License-Identifier: MIT
#include "rundetail.h"

#include "store/queries/detailqueries.h"

namespace lettascope::ui::runs {

Result<std::optional<RunDetail>> loadRunDetail(store::Database &db, qint64 serverId, const QString &runId)
{
    auto run = store::findRun(db, serverId, runId);
    if (!run)
        return run.error();
    if (!*run)
        return std::optional<RunDetail>();
    auto steps = store::stepsForRun(db, serverId, runId);
    if (!steps)
        return steps.error();
    auto messages = store::messagesForRun(db, serverId, runId);
    if (!messages)
        return messages.error();
    return std::optional<RunDetail>(RunDetail{**run, *steps, *messages});
}

} // namespace lettascope::ui::runs
