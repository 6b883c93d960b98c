// SPDX-License-Identifier: MIT
#include "drilldown.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;
namespace core = lettascope::analytics;

namespace lettascope::ui::analytics {

namespace {

constexpr qint64 kDayMs = 86'400'000;

QString tr(const char *text)
{
    return QCoreApplication::translate("DrillDown", text);
}

store::RunQuery runsIn(const core::AnalyticsFilter &filter)
{
    store::RunQuery query;
    query.serverId = filter.serverId;
    query.agentIds = filter.agentIds;
    query.sinceMs = filter.sinceMs;
    query.untilMs = filter.untilMs;
    return query;
}

DrillDown runsRequest(const core::AnalyticsFilter &filter, const QString &title)
{
    DrillDown request;
    request.runs = runsIn(filter);
    request.title = title;
    return request;
}

DrillDown trajectoriesRequest(const core::AnalyticsFilter &filter, const QString &title)
{
    DrillDown request;
    request.target = DrillDown::Target::Trajectories;
    request.trajectories = core::trajectoryFilters(filter);
    request.title = title;
    return request;
}

QString utcDay(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date().toString(Qt::ISODate);
}

} // namespace

DrillDown bucketRuns(const core::AnalyticsResult &result, int bucket, std::optional<RunStatus> status)
{
    const core::AnalyticsFilter &filter = result.filter;
    const qint64 start = result.buckets.at(bucket).startMs;
    const qint64 end = start + (filter.bucket == core::Bucket::Week ? 7 : 1) * kDayMs;
    const QString when = filter.bucket == core::Bucket::Week ? tr("the week of %1").arg(utcDay(start)) : utcDay(start);
    DrillDown request = runsRequest(filter, status ? tr("%1 runs on %2").arg(runStatusToString(*status), when)
                                                   : tr("Runs on %1").arg(when));
    // The first and last buckets can reach past the tab's range; the runs they counted cannot.
    request.runs->sinceMs = filter.sinceMs ? std::max(*filter.sinceMs, start) : start;
    request.runs->untilMs = filter.untilMs ? std::min(*filter.untilMs, end) : end;
    if (status)
        request.runs->statuses = {*status};
    return request;
}

DrillDown toolRuns(const core::AnalyticsFilter &filter, const QString &tool)
{
    DrillDown request = runsRequest(filter, tr("Runs mentioning the tool %1").arg(tool));
    request.runs->text = tool; // the runs list's text filter matches tool names among other fields
    return request;
}

DrillDown agentRuns(const core::AnalyticsFilter &filter, const QString &agentId, const QString &agentName)
{
    DrillDown request = runsRequest(filter, tr("Runs of %1").arg(agentName));
    request.runs->agentIds = {agentId};
    return request;
}

DrillDown errorRuns(const core::AnalyticsFilter &filter, const core::ErrorGroup &group)
{
    DrillDown request;
    if (group.source == u"run") {
        request = runsRequest(filter, tr("Failed runs (%1)").arg(group.signature.left(80)));
        request.runs->statuses = {RunStatus::Failed};
    } else {
        request = toolRuns(filter, group.source);
    }
    if (!group.exampleRunIds.isEmpty())
        request.runId = group.exampleRunIds.constFirst();
    return request;
}

DrillDown oneRun(const QString &runId)
{
    DrillDown request;
    request.title = tr("Run %1").arg(runId);
    request.runId = runId;
    return request;
}

DrillDown scoreTrajectories(const core::AnalyticsFilter &filter, int bin)
{
    DrillDown request = trajectoriesRequest(filter, {});
    request.trajectories = core::scoreBinFilter(request.trajectories, bin);
    request.title = bin + 1 < core::kScoreBins
        ? tr("Score %1 to below %2").arg(*request.trajectories.minScore, 0, 'f', 2).arg(*request.trajectories.maxScore, 0, 'f', 2)
        : tr("Score %1 and above").arg(*request.trajectories.minScore, 0, 'f', 2);
    return request;
}

DrillDown labelTrajectories(const core::AnalyticsFilter &filter, TrajectoryLabel kind, const QString &label)
{
    DrillDown request = trajectoriesRequest(filter, {});
    switch (kind) {
    case TrajectoryLabel::Category:
        request.trajectories.category = label;
        request.title = tr("Category %1").arg(label);
        break;
    case TrajectoryLabel::Complexity:
        request.trajectories.complexity = label;
        request.title = tr("Complexity %1").arg(label);
        break;
    case TrajectoryLabel::Tag:
        request.trajectories.tags = {label};
        request.title = tr("Tag %1").arg(label);
        break;
    }
    return request;
}

DrillDown oneTrajectory(const core::AnalyticsFilter &filter, const core::MapPoint &point)
{
    DrillDown request = trajectoriesRequest(filter, tr("Trajectories of the semantic map"));
    request.trajectoryId = point.trajectoryId;
    return request;
}

} // namespace lettascope::ui::analytics
