// SPDX-License-Identifier: MIT
#include "trajectorystats.h"

#include "semanticmap.h"
#include "store/eachrow.h"

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

Status countLabels(store::Database &db, const trajectories::FilterSql &where, TrajectoryStats &stats)
{
    auto stmt = db.prepare((u"SELECT t.score, t.category, t.complexity FROM trajectories t"_s + where.where).toUtf8().constData());
    if (!stmt)
        return stmt.error();
    where.bind(*stmt);
    QHash<QString, int> categories, complexities;
    Status read = store::eachRow(*stmt, [&](const store::Statement &row) {
        ++stats.trajectories;
        if (const auto score = row.optionalReal(0)) {
            ++stats.scored;
            ++stats.scoreBins[scoreBin(*score)];
        }
        if (const QString category = row.text(1); !category.isEmpty()) {
            ++stats.labelled;
            ++categories[category];
        }
        if (const QString complexity = row.text(2); !complexity.isEmpty())
            ++complexities[complexity];
    });
    if (!read)
        return read;
    stats.categories = mostFirst(categories);
    stats.complexities = inComplexityOrder(complexities);
    return success();
}

Status countTags(store::Database &db, const trajectories::FilterSql &where, TrajectoryStats &stats)
{
    // trajectory_tags is what the tag filter searches, so a bar's count is the length of its list.
    const QString sql = u"SELECT g.tag, count(*) FROM trajectory_tags g JOIN trajectories t ON t.rowid = g.trajectory_id"_s
        + where.where + u" GROUP BY g.tag ORDER BY count(*) DESC, g.tag LIMIT %1"_s.arg(kTopTags);
    auto stmt = db.prepare(sql.toUtf8().constData());
    if (!stmt)
        return stmt.error();
    where.bind(*stmt);
    return store::eachRow(*stmt, [&stats](const store::Statement &row) {
        stats.tags << LabelCount{row.text(0), int(row.int64(1))};
    });
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

Result<TrajectoryStats> computeTrajectoryStats(store::Database &db, const AnalyticsFilter &filter, int maxMapPoints)
{
    TrajectoryStats stats;
    stats.filter = filter;
    stats.scoreBins = QList<int>(kScoreBins, 0);
    const trajectories::TrajectoryFilters filters = trajectoryFilters(filter);
    const trajectories::FilterSql where = trajectories::filterSql(filters);
    if (Status counted = countLabels(db, where, stats); !counted)
        return counted.error();
    if (stats.trajectories == 0)
        return stats;
    if (Status tagged = countTags(db, where, stats); !tagged)
        return tagged.error();
    auto map = loadSemanticMap(db, filters, maxMapPoints);
    if (!map)
        return map.error();
    stats.map = std::move(*map);
    return stats;
}

} // namespace lettascope::analytics
