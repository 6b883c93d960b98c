// SPDX-License-Identifier: MIT
#pragma once

#include "analytics/analyticsresult.h"
#include "analytics/trajectorystats.h"
#include "store/queries/runqueries.h"
#include "trajectories/trajectoryfilters.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace lettascope::ui::analytics {

/// What a click on an Analytics chart or table asks the window to show: the Runs or the Trajectories list
/// filtered to the clicked element, and optionally one run or trajectory opened in it.
struct DrillDown {
    enum class Target { Runs, Trajectories };
    Target target = Target::Runs;
    QString title;                                  ///< what the filter means, shown above the list
    std::optional<store::RunQuery> runs;            ///< Runs: the list's filters; none keeps the list's own
    QString runId;                                  ///< Runs: also open this run
    lettascope::trajectories::TrajectoryFilters trajectories;   ///< Trajectories: the list's filter
    qint64 trajectoryId = 0;                        ///< Trajectories: also open this one
};

// The request for each clickable element. `filter` is the one the tab showed: server, agents and time range
// carry over, so the list holds exactly the runs or trajectories the element counted.

/// Runs of one bucket of the runs-over-time charts, of one status when given.
DrillDown bucketRuns(const lettascope::analytics::AnalyticsResult &result, int bucket, std::optional<RunStatus> status);
DrillDown toolRuns(const lettascope::analytics::AnalyticsFilter &filter, const QString &tool);
DrillDown agentRuns(const lettascope::analytics::AnalyticsFilter &filter, const QString &agentId, const QString &agentName);
/// Failed runs for a run error, runs using the tool for a tool error; the newest example is opened.
DrillDown errorRuns(const lettascope::analytics::AnalyticsFilter &filter, const lettascope::analytics::ErrorGroup &group);
DrillDown oneRun(const QString &runId);

enum class TrajectoryLabel { Category, Complexity, Tag };
DrillDown scoreTrajectories(const lettascope::analytics::AnalyticsFilter &filter, int bin);
DrillDown labelTrajectories(const lettascope::analytics::AnalyticsFilter &filter, TrajectoryLabel kind, const QString &label);
DrillDown oneTrajectory(const lettascope::analytics::AnalyticsFilter &filter, const lettascope::analytics::MapPoint &point);

} // namespace lettascope::ui::analytics

Q_DECLARE_METATYPE(lettascope::ui::analytics::DrillDown)
