// SPDX-License-Identifier: MIT
#include "filterindex.h"

#include "store/eachrow.h"
#include "store/sqlite.h"

#include <algorithm>

namespace lettascope::trajectories {

FilterIndex::Compiled FilterIndex::compile(const TrajectoryFilters &filters) const
{
    // Filter values turned into interned ids once, so matching a row compares integers.
    return Compiled{filters,
                    idsOf(filters.agentIds),
                    idsOf(filters.executionStatuses),
                    idsOf(filters.tags),
                    idOf(filters.category),
                    idOf(filters.complexity)};
}

bool FilterIndex::matches(const Compiled &c, const Row &row)
{
    const TrajectoryFilters &f = c.f;
    if (f.serverId != 0 && row.serverId != f.serverId)
        return false;
    if (!f.agentIds.isEmpty() && !c.agents.contains(row.agent))
        return false;
    if (!f.executionStatuses.isEmpty() && !c.statuses.contains(row.status))
        return false;
    // As in SQL, a row without a score or a date fails any bound on it.
    if (f.minScore && !(row.score && (f.minExclusive ? *row.score > *f.minScore : *row.score >= *f.minScore)))
        return false;
    if (f.maxScore && !(row.score && (f.maxExclusive ? *row.score < *f.maxScore : *row.score <= *f.maxScore)))
        return false;
    if (!f.category.isEmpty() && row.category != c.category)
        return false;
    if (!f.complexity.isEmpty() && row.complexity != c.complexity)
        return false;
    if (f.sinceMs && !(row.createdMs && *row.createdMs >= *f.sinceMs))
        return false;
    if (f.untilMs && !(row.createdMs && *row.createdMs < *f.untilMs))
        return false;
    return std::all_of(c.tags.begin(), c.tags.end(), [&row](int tag) { return row.tags.contains(tag); });
}

Status FilterIndex::refresh(store::Database &db)
{
    auto latest = db.prepare("SELECT max(row_seq), count(*), sum(rowid) FROM trajectories");
    if (!latest)
        return latest.error();
    auto row = latest->step();
    if (!row)
        return row.error();
    const qint64 maxSeq = latest->int64(0);
    const qint64 count = latest->int64(1);
    const qint64 rowIdSum = latest->int64(2);
    const auto current = [&] { return count == size() && rowIdSum == m_rowIdSum; };
    if (maxSeq == m_seq && current())
        return success();
    if (auto s = load(db, m_seq); !s)
        return s;
    if (!current()) {
        // A row is gone (deleted; its row_seq cannot say so): the set of ids differs, so start over.
        *this = FilterIndex();
        if (auto s = load(db, m_seq); !s)
            return s;
    }
    m_seq = std::max(m_seq, maxSeq);
    return success();
}

Status FilterIndex::load(store::Database &db, qint64 afterSeq)
{
    if (auto s = loadRows(db, afterSeq); !s)
        return s;
    return loadTags(db, afterSeq);
}

Status FilterIndex::loadRows(store::Database &db, qint64 afterSeq)
{
    auto stmt = db.prepare("SELECT rowid, server_id, agent_id, execution_status, score, category, complexity, "
                           "created_ms, row_seq FROM trajectories WHERE row_seq > ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, afterSeq);
    return store::eachRow(*stmt, [this](const store::Statement &s) {
        Row &row = slot(s.int64(0));
        row.serverId = s.int64(1);
        row.agent = intern(s.utf8(2));
        row.status = intern(s.utf8(3));
        row.score = s.optionalReal(4);
        row.category = intern(s.utf8(5));
        row.complexity = intern(s.utf8(6));
        row.createdMs = s.optionalInt64(7);
        row.tags.clear();
        m_seq = std::max(m_seq, s.int64(8));
    });
}

Status FilterIndex::loadTags(store::Database &db, qint64 afterSeq)
{
    // Tags live one per row in trajectory_tags (label and annotation tags), which filterSql() reads too.
    auto stmt = db.prepare("SELECT g.trajectory_id, g.tag FROM trajectories t "
                           "JOIN trajectory_tags g ON g.trajectory_id = t.rowid WHERE t.row_seq > ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, afterSeq);
    return store::eachRow(*stmt, [this](const store::Statement &s) {
        slot(s.int64(0)).tags << intern(s.utf8(1));
    });
}

QSet<qint64> FilterIndex::allowed(const TrajectoryFilters &filters) const
{
    QSet<qint64> rows;
    forEachAllowed(filters, [&rows](const Row &row) { rows.insert(row.rowId); });
    return rows;
}

int FilterIndex::intern(QByteArrayView utf8)
{
    if (utf8.isNull())
        return Null;
    // Looked up without a copy: most values repeat, and decoding each would dominate a 100,000-row load.
    if (const auto it = m_ids.constFind(QByteArray::fromRawData(utf8.data(), utf8.size())); it != m_ids.constEnd())
        return *it;
    const int id = int(m_labels.size());
    m_ids.insert(utf8.toByteArray(), id);
    m_labels << QString::fromUtf8(utf8);
    return id;
}

int FilterIndex::idOf(const QString &value) const
{
    return m_ids.value(value.toUtf8(), Unknown);
}

QList<int> FilterIndex::idsOf(const QStringList &values) const
{
    QList<int> ids;
    for (const QString &value : values)
        ids << idOf(value);
    return ids;
}

FilterIndex::Row &FilterIndex::slot(qint64 rowId)
{
    qsizetype index = m_slotOf.value(rowId, -1);
    if (index < 0) {
        index = size();
        m_slotOf.insert(rowId, index);
        m_rowIdSum += rowId;
        m_rows.push_back(Row{});
        m_rows.back().rowId = rowId;
    }
    return m_rows[size_t(index)];
}

} // namespace lettascope::trajectories
