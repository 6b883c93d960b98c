// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace lettascope {

/// Run life cycle. 0.x servers report JobStatus values; `pending` maps to Created and `expired` to
/// Failed so every server version lands in the same five buckets (the raw text is kept on the Run).
enum class RunStatus { Created, Running, Completed, Failed, Cancelled, Unknown };

RunStatus runStatusFromString(QStringView text);
QString runStatusToString(RunStatus status);
bool isTerminal(RunStatus status);

/// Letta's mapping from a stop reason to the run status it implies (letta_stop_reason.py).
RunStatus runStatusForStopReason(QStringView stopReason);

} // namespace lettascope
