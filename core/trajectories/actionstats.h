// SPDX-License-Identifier: MIT
#pragma once

#include "trajectories/trajectory.h"

#include <optional>

namespace lettascope::trajectories {

/// How one tool (action) fared across a trajectory's decisions: the detail view's per-action success rates.
struct ActionStats {
    QString action;
    int calls = 0;
    int succeeded = 0;
    int failed = 0;             ///< calls - succeeded - failed had no return (awaiting approval, cut short)
    /// succeeded / (succeeded + failed); empty when no call of it returned, which is not a 0 % rate.
    std::optional<double> successRate() const
    {
        const int returned = succeeded + failed;
        return returned == 0 ? std::nullopt : std::optional<double>(double(succeeded) / returned);
    }
    friend bool operator==(const ActionStats &, const ActionStats &) = default;
};

/// One entry per action, most called first (ties by name), so the busiest tools lead the table.
QList<ActionStats> actionStats(const QList<Decision> &decisions);

} // namespace lettascope::trajectories
