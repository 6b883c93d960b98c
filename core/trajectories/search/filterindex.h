// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "trajectories/trajectoryfilters.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>
#include <vector>

namespace lettascope::store {
class Database;
}

namespace lettascope::trajectories {

/**
 * The filterable columns of every trajectory, in memory, so a search's filter is a scan of small rows
 * (about a millisecond for 100,000) rather than an SQL query, and the Analytics tab counts scores, labels
 * and tags without reading the table. SQLite keeps no statistics here and picks an index by rule: "the
 * last week, moderate complexity" went through the complexity index and looked up half the table
 * (100 ms). Selects exactly what filterSql() selects; the tests compare the two.
 *
 * Refreshed like the VectorIndex, from the rows whose row_seq moved. A deleted row leaves no row_seq
 * behind, so the row count and the sum of row ids are compared too; when either differs after the
 * update, the index is loaded again from scratch.
 *
 * Not thread-safe: owned and used by one thread, with the VectorIndex.
 */
class FilterIndex
{
public:
    /// Loads the rows changed since the last refresh (everything the first time).
    Status refresh(store::Database &db);

    qsizetype size() const { return qsizetype(m_rows.size()); }

    /// Row ids of the trajectories the filters select.
    QSet<qint64> allowed(const TrajectoryFilters &filters) const;

    static constexpr int Null = -1;     ///< a NULL column
    static constexpr int Unknown = -2;  ///< a filter value no row has: matches nothing

    /// One trajectory's filter columns. Text columns are ids: label(id) gives the text back.
    struct Row {
        qint64 rowId = 0;
        qint64 serverId = 0;
        std::optional<qint64> createdMs;
        std::optional<double> score;
        int agent = Null;
        int status = Null;
        int category = Null;
        int complexity = Null;
        QList<int> tags;
    };

    /// Calls `visit(row)` for every trajectory the filters select (the Analytics tab counts labels so).
    template<typename Visit>
    void forEachAllowed(const TrajectoryFilters &filters, Visit &&visit) const
    {
        const Compiled compiled = compile(filters);
        for (const Row &row : m_rows) {
            if (matches(compiled, row))
                visit(row);
        }
    }

    /// The text of an id from a Row; empty for Null.
    QString label(int id) const { return id >= 0 ? m_labels.value(id) : QString(); }

private:
    struct Compiled {
        const TrajectoryFilters &f;
        QList<int> agents;
        QList<int> statuses;
        QList<int> tags;
        int category = Unknown;
        int complexity = Unknown;
    };
    Compiled compile(const TrajectoryFilters &filters) const;
    static bool matches(const Compiled &compiled, const Row &row);

    Status load(store::Database &db, qint64 afterSeq);
    Status loadRows(store::Database &db, qint64 afterSeq);
    Status loadTags(store::Database &db, qint64 afterSeq);
    int intern(QByteArrayView utf8);
    int idOf(const QString &value) const;
    QList<int> idsOf(const QStringList &values) const;
    Row &slot(qint64 rowId);

    std::vector<Row> m_rows;
    QHash<qint64, qsizetype> m_slotOf;
    QHash<QByteArray, int> m_ids;       ///< UTF-8 → id: agents, statuses, categories, complexities and tags share one pool
    QStringList m_labels;               ///< m_ids reversed
    qint64 m_seq = 0;
    qint64 m_rowIdSum = 0;              ///< of the rows held: with size(), tells a deletion from no change
};

} // namespace lettascope::trajectories
