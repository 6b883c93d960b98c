// SPDX-License-Identifier: MIT
#include "trajectoryfilters.h"

#include "store/sqlite.h"

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

bool TrajectoryFilters::isEmpty() const
{
    return serverId == 0 && agentIds.isEmpty() && executionStatuses.isEmpty() && !minScore && !maxScore
        && tags.isEmpty() && category.isEmpty() && complexity.isEmpty() && !sinceMs && !untilMs;
}

FilterSql filterSql(const TrajectoryFilters &f, int firstBind)
{
    FilterSql out;
    QStringList clauses;
    auto param = [&](const QVariant &value) {
        out.values << value;
        return u"?%1"_s.arg(firstBind + out.values.size() - 1);
    };
    auto inList = [&](const QString &column, const QStringList &items) {
        QStringList marks;
        for (const auto &item : items)
            marks << param(item);
        clauses << column + u" IN ("_s + marks.join(u", "_s) + u')';
    };
    if (f.serverId != 0)
        clauses << u"t.server_id = "_s + param(f.serverId);
    if (!f.agentIds.isEmpty())
        inList(u"t.agent_id"_s, f.agentIds);
    if (!f.executionStatuses.isEmpty())
        inList(u"t.execution_status"_s, f.executionStatuses);
    if (f.minScore)
        clauses << u"t.score %1 %2"_s.arg(f.minExclusive ? u">"_s : u">="_s, param(*f.minScore));
    if (f.maxScore)
        clauses << u"t.score %1 %2"_s.arg(f.maxExclusive ? u"<"_s : u"<="_s, param(*f.maxScore));
    if (!f.category.isEmpty())
        clauses << u"t.category = "_s + param(f.category);
    if (!f.complexity.isEmpty())
        clauses << u"t.complexity = "_s + param(f.complexity);
    if (f.sinceMs)
        clauses << u"t.created_ms >= "_s + param(*f.sinceMs);
    if (f.untilMs)
        clauses << u"t.created_ms < "_s + param(*f.untilMs);
    if (!f.tags.isEmpty()) {
        QStringList unique = f.tags;
        unique.removeDuplicates();
        QStringList marks;
        for (const auto &tag : unique)
            marks << param(tag);
        clauses << u"t.rowid IN (SELECT trajectory_id FROM trajectory_tags WHERE tag IN (%1) "
                   "GROUP BY trajectory_id HAVING count(*) = %2)"_s.arg(marks.join(u", "_s)).arg(unique.size());
    }
    // Built with arg(), not a ternary over a QStringBuilder: GCC 12 -O2 misreports that as an overflow.
    if (!clauses.isEmpty())
        out.where = u" WHERE %1"_s.arg(clauses.join(u" AND "_s));
    return out;
}

void FilterSql::bind(store::Statement &stmt, int firstBind) const
{
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &v = values[i];
        const int index = firstBind + i;
        switch (v.typeId()) {
        case QMetaType::LongLong:
        case QMetaType::Int: stmt.bind(index, v.toLongLong()); break;
        case QMetaType::Double: stmt.bind(index, v.toDouble()); break;
        default: stmt.bind(index, v.toString()); break;
        }
    }
}

} // namespace lettascope::trajectories
