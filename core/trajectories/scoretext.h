// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

namespace lettascope::trajectories {

/// A learning-value score as people read it: two decimals, so 0.0 is "0.00" (the seed printed "N/A" for
/// a zero score); "N/A" only when there is no score at all.
inline QString scoreText(std::optional<double> score)
{
    return score ? QString::number(*score, 'f', 2) : QStringLiteral("N/A");
}

} // namespace lettascope::trajectories
