// SPDX-License-Identifier: MIT
#include "analyticsfilter.h"

using namespace Qt::StringLiterals;

namespace lettascope::analytics {

namespace {
constexpr qint64 kDayMs = 86'400'000;
// 1970-01-01 was a Thursday: shifting by 3 days makes week buckets start on Mondays (ISO weeks).
constexpr qint64 kMondayShiftMs = 3 * kDayMs;

qint64 floorTo(qint64 value, qint64 step)
{
    // Floor division also for times before the epoch, so buckets never straddle 1970.
    const qint64 q = value / step;
    return (value % step < 0 ? q - 1 : q) * step;
}
} // namespace

qint64 AnalyticsFilter::bucketStart(qint64 ms) const
{
    if (bucket == Bucket::Week)
        return floorTo(ms + kMondayShiftMs, 7 * kDayMs) - kMondayShiftMs;
    return floorTo(ms, kDayMs);
}

bool AnalyticsFilter::matches(const QString &agentId, std::optional<qint64> createdMs) const
{
    if (!agentIds.isEmpty() && !agentIds.contains(agentId))
        return false;
    if (sinceMs && (!createdMs || *createdMs < *sinceMs))
        return false;
    if (untilMs && (!createdMs || *createdMs >= *untilMs))
        return false;
    return true;
}

QString AnalyticsFilter::key() const
{
    QStringList agents = agentIds;
    agents.sort();
    return u"%1|%2|%3|%4|%5"_s.arg(serverId)
        .arg(agents.join(u','))
        .arg(sinceMs ? QString::number(*sinceMs) : u"-"_s)
        .arg(untilMs ? QString::number(*untilMs) : u"-"_s)
        .arg(bucketName(bucket));
}

QString bucketName(Bucket bucket)
{
    return bucket == Bucket::Week ? u"week"_s : u"day"_s;
}

std::optional<Bucket> bucketFromName(QStringView name)
{
    if (name == u"day")
        return Bucket::Day;
    if (name == u"week")
        return Bucket::Week;
    return std::nullopt;
}

} // namespace lettascope::analytics
