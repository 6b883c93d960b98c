// SPDX-License-Identifier: MIT
#include "trajectorystats.h"

#include "semanticmap.h"
#include "trajectories/search/filterindex.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lettascope::analytics {

namespace {

/// Lower bound of bin `bin`. Computed as SQL will compare it (i / 10.0), so 0.3 lands in the bin a filter
/// "0.3 ≤ score < 0.4" lists, whatever 0.3 × 10 rounds to.
double binStart(int bin)
{
    return double(bin) / double(kScoreBins);
}

const QStringList &complexityOrder()
{
    static const QStringList order{u"trivial"_s, u"simple"_s, u"moderate"_s, u"complex"_s, u"expert"_s};
    return order;
}

QList<LabelCount> mostFirst(const QHash<QString, int> &counts)
{
    QList<LabelCount> out;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        out << LabelCount{it.key(), it.value()};
    std::sort(out.begin(), out.end(), [](const LabelCount &a, const LabelCount &b) {
        return a.count != b.count ? a.count > b.count : a.label < b.label;
    });
    return out;
}

QList<LabelCount> inComplexityOrder(QHash<QString, int> counts)
{
    QList<LabelCount> out;
    for (const QString &level : complexityOrder()) {
        if (const int count = counts.take(level); count > 0)
            out << LabelCount{level, count};
    }
    return out + mostFirst(counts);
}

QList<LabelCount> mostFirst(const QHash<int, int> &counts, const trajectories::FilterIndex &index)
{
    QHash<QString, int> byLabel;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        byLabel.insert(index.label(it.key()), it.value());
    return mostFirst(byLabel);
}

// Counted from the in-memory filter index: the columns of every trajectory without reading the table,
// whose label columns sit behind the large `data` column (a scan of 100,000 rows took over a second).
// The index selects what filterSql() selects, so a bar's count is the length of the list it opens.
void countLabels(const trajectories::FilterIndex &index, const trajectories::TrajectoryFilters &filters,
                 TrajectoryStats &stats)
{
    QHash<int, int> categories, complexities, tags;
    const auto isLabel = [&index](int id) { return id >= 0 && !index.label(id).isEmpty(); };
    index.forEachAllowed(filters, [&](const trajectories::FilterIndex::Row &row) {
        ++stats.trajectories;
        if (row.score) {
            ++stats.scored;
            ++stats.scoreBins[scoreBin(*row.score)];
        }
        if (isLabel(row.category)) {
            ++stats.labelled;
            ++categories[row.category];
        }
        if (isLabel(row.complexity))
            ++complexities[row.complexity];
        for (int tag : row.tags)
            ++tags[tag];
    });
    stats.categories = mostFirst(categories, index);
    QHash<QString, int> complexityCounts;
    for (auto it = complexities.constBegin(); it != complexities.constEnd(); ++it)
        complexityCounts.insert(index.label(it.key()), it.value());
    stats.complexities = inComplexityOrder(complexityCounts);
    stats.tags = mostFirst(tags, index).mid(0, kTopTags);
}

} // namespace

int scoreBin(double score)
{
    int bin = 0;
    while (bin + 1 < kScoreBins && score >= binStart(bin + 1))
        ++bin;
    return bin;
}

trajectories::TrajectoryFilters trajectoryFilters(const AnalyticsFilter &filter)
{
    trajectories::TrajectoryFilters f;
    f.serverId = filter.serverId;
    f.agentIds = filter.agentIds;
    f.sinceMs = filter.sinceMs;
    f.untilMs = filter.untilMs;
    return f;
}

trajectories::TrajectoryFilters scoreBinFilter(trajectories::TrajectoryFilters base, int bin)
{
    base.minScore = binStart(bin);
    base.minExclusive = false;
    if (bin + 1 < kScoreBins) {
        base.maxScore = binStart(bin + 1);
        base.maxExclusive = true;
    } else {
        base.maxScore.reset(); // the last bin also holds 1.0 and anything an import put above it
    }
    return base;
}

Result<TrajectoryStats> computeTrajectoryStats(store::Database &db, trajectories::FilterIndex &index,
                                               const AnalyticsFilter &filter, int maxMapPoints)
{
    if (Status refreshed = index.refresh(db); !refreshed)
        return refreshed.error();
    TrajectoryStats stats;
    stats.filter = filter;
    stats.scoreBins = QList<int>(kScoreBins, 0);
    const trajectories::TrajectoryFilters filters = trajectoryFilters(filter);
    countLabels(index, filters, stats);
    if (stats.trajectories == 0)
        return stats;
    auto map = loadSemanticMap(db, index, filters, maxMapPoints);
    if (!map)
        return map.error();
    stats.map = std::move(*map);
    return stats;
}

} // namespace lettascope::analytics
