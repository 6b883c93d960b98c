// SPDX-License-Identifier: MIT
#include "trajectoryqueries.h"

#include "store/eachrow.h"
#include "store/jsontext.h"
#include "store/sqlite.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

using store::Database;
using store::Statement;

namespace {

const char *const kRowColumns =
    "t.rowid, t.server_id, t.id, t.run_id, t.agent_id, a.name, t.execution_status, t.run_status, t.stop_reason, "
    "t.created_ms, t.step_count, t.message_count, t.total_tokens, t.duration_ns, t.tools_used, t.summary, t.score, "
    "t.score_reasoning, t.category, t.complexity, t.tags, t.processing_state, t.processed_ms, t.built_ms, t.row_seq, "
    "t.imported, n.human_score";
const char *const kRowJoins = " FROM trajectories t LEFT JOIN agents a ON a.server_id = t.server_id AND a.id = t.agent_id "
                              "LEFT JOIN trajectory_annotations n ON n.trajectory_id = t.rowid";

QStringList stringList(const QString &json)
{
    QStringList out;
    for (const auto &value : store::parseJsonArray(json))
        out << value.toString();
    return out;
}

TrajectoryRow decodeRow(const Statement &s)
{
    TrajectoryRow r;
    int c = 0;
    r.rowId = s.int64(c++);
    r.serverId = s.int64(c++);
    r.id = s.text(c++);
    r.runId = s.text(c++);
    r.agentId = s.text(c++);
    r.agentName = s.text(c++);
    r.executionStatus = s.text(c++);
    r.runStatus = s.text(c++);
    r.stopReason = s.text(c++);
    r.createdMs = s.optionalInt64(c++);
    r.stepCount = int(s.int64(c++));
    r.messageCount = int(s.int64(c++));
    r.totalTokens = s.int64(c++);
    r.durationNs = s.optionalInt64(c++);
    r.toolsUsed = stringList(s.text(c++));
    r.summary = s.text(c++);
    r.score = s.optionalReal(c++);
    r.scoreReasoning = s.text(c++);
    r.category = s.text(c++);
    r.complexity = s.text(c++);
    r.tags = stringList(s.text(c++));
    r.processingState = s.text(c++);
    r.processedMs = s.optionalInt64(c++);
    r.builtMs = s.int64(c++);
    r.rowSeq = s.int64(c++);
    r.imported = s.int64(c++) != 0;
    r.humanScore = s.optionalReal(c++);
    return r;
}

QString orderBy(const TrajectoryQuery &q)
{
    QString column;
    switch (q.sort) {
    case TrajectoryQuery::Sort::Created: column = u"t.created_ms"_s; break;
    case TrajectoryQuery::Sort::Score: column = u"t.score"_s; break;
    case TrajectoryQuery::Sort::Steps: column = u"t.step_count"_s; break;
    case TrajectoryQuery::Sort::Status: column = u"t.execution_status"_s; break;
    case TrajectoryQuery::Sort::Agent: column = u"t.agent_id"_s; break;
    case TrajectoryQuery::Sort::Tokens: column = u"t.total_tokens"_s; break;
    }
    const QString direction = q.descending ? u"DESC"_s : u"ASC"_s;
    // rowid breaks ties so windows stay stable when many rows share a value. arg(), not a QStringBuilder
    // chain: GCC 12 -O2 misreads the chain as writing past QString's shared empty buffer.
    return u" ORDER BY %1 %2, t.rowid %2"_s.arg(column, direction);
}

template<typename T, typename Decode>
Result<QList<T>> collect(Statement &stmt, Decode decode)
{
    QList<T> rows;
    auto status = store::eachRow(stmt, [&rows, &decode](const Statement &s) { rows << decode(s); });
    if (!status)
        return status.error();
    return rows;
}

QString limitClause(const TrajectoryQuery &q)
{
    return q.limit > 0 ? u" LIMIT %1 OFFSET %2"_s.arg(q.limit).arg(q.offset) : QString();
}

} // namespace

Result<QList<TrajectoryRow>> listTrajectories(Database &db, const TrajectoryQuery &query)
{
    const FilterSql where = filterSql(query.filters);
    const QString sql = u"SELECT "_s + QLatin1StringView(kRowColumns) + QLatin1StringView(kRowJoins) + where.where
        + orderBy(query) + limitClause(query);
    auto stmt = db.prepare(sql.toUtf8().constData());
    if (!stmt)
        return stmt.error();
    where.bind(*stmt);
    return collect<TrajectoryRow>(*stmt, decodeRow);
}

Result<qint64> countTrajectories(Database &db, const TrajectoryFilters &filters)
{
    const FilterSql where = filterSql(filters);
    auto stmt = db.prepare((u"SELECT count(*) FROM trajectories t"_s + where.where).toUtf8().constData());
    if (!stmt)
        return stmt.error();
    where.bind(*stmt);
    auto row = stmt->step();
    if (!row)
        return row.error();
    return stmt->int64(0);
}

Result<QList<RowKey>> listTrajectoryKeys(Database &db, const TrajectoryQuery &query)
{
    const FilterSql where = filterSql(query.filters);
    const QString sql = u"SELECT t.rowid, t.row_seq FROM trajectories t"_s + where.where + orderBy(query) + limitClause(query);
    auto stmt = db.prepare(sql.toUtf8().constData());
    if (!stmt)
        return stmt.error();
    where.bind(*stmt);
    return collect<RowKey>(*stmt, [](const Statement &s) { return RowKey{s.int64(0), s.int64(1)}; });
}

Result<QList<TrajectoryRow>> trajectoryRows(Database &db, const QList<qint64> &rowIds)
{
    if (rowIds.isEmpty())
        return QList<TrajectoryRow>();
    QStringList ids;
    for (qint64 id : rowIds)
        ids << QString::number(id);
    const QString sql = u"SELECT "_s + QLatin1StringView(kRowColumns) + QLatin1StringView(kRowJoins)
        + u" WHERE t.rowid IN ("_s + ids.join(u',') + u')';
    auto stmt = db.prepare(sql.toUtf8().constData());
    if (!stmt)
        return stmt.error();
    auto rows = collect<TrajectoryRow>(*stmt, decodeRow);
    if (!rows)
        return rows.error();
    QHash<qint64, qsizetype> position;
    for (qsizetype i = 0; i < rows->size(); ++i)
        position.insert(rows->at(i).rowId, i);
    QList<TrajectoryRow> ordered;
    ordered.reserve(rows->size());
    for (qint64 id : rowIds) {
        if (const auto it = position.constFind(id); it != position.constEnd())
            ordered << rows->at(*it);
    }
    return ordered;
}

Result<std::optional<qint64>> findTrajectory(Database &db, qint64 serverId, const QString &key)
{
    auto stmt = db.prepare("SELECT rowid FROM trajectories WHERE (id = ?1 OR run_id = ?1 OR CAST(rowid AS TEXT) = ?1) "
                           "AND (?2 = 0 OR server_id = ?2) ORDER BY rowid LIMIT 1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, key).bind(2, serverId);
    auto row = stmt->step();
    if (!row)
        return row.error();
    return *row ? std::optional<qint64>(stmt->int64(0)) : std::nullopt;
}

Result<std::optional<TrajectoryData>> loadTrajectoryData(Database &db, qint64 rowId)
{
    auto stmt = db.cached("SELECT agent_id, content_hash, summary, data FROM trajectories WHERE rowid = ?1");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, rowId);
    auto row = (*stmt)->step();
    if (!row)
        return row.error();
    std::optional<TrajectoryData> data;
    if (*row) {
        const Statement &s = **stmt;
        data = TrajectoryData{rowId, s.text(0), s.text(1), s.text(2), s.text(3)};
    }
    (*stmt)->reset();
    return data;
}

} // namespace lettascope::trajectories
