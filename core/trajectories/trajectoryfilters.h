// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace lettascope::store {
class Statement;
}

namespace lettascope::trajectories {

/// Filters shared by the list, search and contrasts. Every field maps to an indexed column.
struct TrajectoryFilters {
    qint64 serverId = 0;            ///< 0: every server in the cache
    QStringList agentIds;
    QStringList executionStatuses;  ///< completed|incomplete|failed|unknown
    std::optional<double> minScore; ///< inclusive unless minExclusive; rows without a score never match
    std::optional<double> maxScore;
    bool minExclusive = false;
    bool maxExclusive = false;
    QStringList tags;               ///< all must match (label or annotation tags)
    QString category;
    QString complexity;
    std::optional<qint64> sinceMs;  ///< run created at or after
    std::optional<qint64> untilMs;  ///< run created before

    bool isEmpty() const;
};

/// A WHERE clause over `trajectories t` with its bind values, built once so list, count and search agree.
struct FilterSql {
    QString where;                  ///< "" or " WHERE …"
    QVariantList values;            ///< bound as ?1, ?2, … (after `firstBind - 1` earlier binds)
    void bind(store::Statement &stmt, int firstBind = 1) const;
};
FilterSql filterSql(const TrajectoryFilters &filters, int firstBind = 1);

} // namespace lettascope::trajectories

Q_DECLARE_METATYPE(lettascope::trajectories::TrajectoryFilters)
