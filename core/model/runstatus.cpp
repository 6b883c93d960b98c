// SPDX-License-Identifier: MIT
#include "runstatus.h"

using namespace Qt::StringLiterals;

namespace lettascope {

RunStatus runStatusFromString(QStringView text)
{
    if (text == u"created" || text == u"pending")
        return RunStatus::Created;
    if (text == u"running")
        return RunStatus::Running;
    if (text == u"completed")
        return RunStatus::Completed;
    if (text == u"failed" || text == u"expired")
        return RunStatus::Failed;
    if (text == u"cancelled")
        return RunStatus::Cancelled;
    return RunStatus::Unknown;
}

QString runStatusToString(RunStatus status)
{
    switch (status) {
    case RunStatus::Created: return u"created"_s;
    case RunStatus::Running: return u"running"_s;
    case RunStatus::Completed: return u"completed"_s;
    case RunStatus::Failed: return u"failed"_s;
    case RunStatus::Cancelled: return u"cancelled"_s;
    case RunStatus::Unknown: break;
    }
    return u"unknown"_s;
}

bool isTerminal(RunStatus status)
{
    return status == RunStatus::Completed || status == RunStatus::Failed || status == RunStatus::Cancelled;
}

RunStatus runStatusForStopReason(QStringView stopReason)
{
    if (stopReason.isEmpty())
        return RunStatus::Unknown;
    if (stopReason == u"end_turn" || stopReason == u"max_steps" || stopReason == u"tool_rule"
        || stopReason == u"requires_approval")
        return RunStatus::Completed;
    if (stopReason == u"cancelled")
        return RunStatus::Cancelled;
    return RunStatus::Failed;
}

} // namespace lettascope
