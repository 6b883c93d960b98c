// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "trajectorystats.h"

namespace lettascope::analytics {

/// Reads the vectors of the filter's most common embedding model (the most recent `maxPoints`
/// trajectories) and projects them to 2-D.
/// `index` must be current (computeTrajectoryStats refreshes it).
Result<SemanticMap> loadSemanticMap(store::Database &db, const trajectories::FilterIndex &index,
                                    const trajectories::TrajectoryFilters &filters, int maxPoints);

} // namespace lettascope::analytics
