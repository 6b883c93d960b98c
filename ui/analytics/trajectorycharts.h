// SPDX-License-Identifier: MIT
#pragma once

#include "analytics/trajectorystats.h"

#include <functional>

class QChart;

namespace lettascope::ui::analytics {

// Charts of the trajectory aggregates (computed on the analytics worker), with values on hover.

/// Scored trajectories per score bin (0.0–0.1 … 0.9–1.0), labelled by lower bound.
QChart *scoreChart(const lettascope::analytics::TrajectoryStats &stats);
/// Horizontal bars of label counts, the first label on top.
QChart *labelChart(const QString &title, const QList<lettascope::analytics::LabelCount> &counts);
/// The semantic map as a scatter, one series per score tier (the contrasts' tiers: ≥ 0.70, between,
/// ≤ 0.30, not scored). Hover shows the trajectory's summary; a click calls `onClick` with it.
QChart *semanticMapChart(const lettascope::analytics::SemanticMap &map,
                         const std::function<void(const lettascope::analytics::MapPoint &)> &onClick);
/// "0.3": the label of a score bin, its lower bound.
QString scoreBinLabel(int bin);

} // namespace lettascope::ui::analytics
