// SPDX-License-Identifier: MIT
#include "runqueries.h"

#include "rowdecode.h"
#include "store/eachrow.h"
#include "store/sqlite.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace lettascope::store {

namespace {

const char *const kSummaryColumns =
    "r.server_id, a.name, r.step_count, r.message_count, r.prompt_tokens, r.completion_tokens, r.total_tokens, "
    "r.cached_tokens, r.reasoning_tokens, r.tools_used, r.tool_errors, r.last_activity_ms, r.change_seq";

RunSummary decodeSummary(const Statement &s)
{
    RunSummary summary;
    int c = decodeRun(s, 0, summary.run);
    summary.serverId = s.int64(c++);
    summary.agentName = s.text(c++);
    summary.stepCount = int(s.int64(c++));
    summary.messageCount = int(s.int64(c++));
    summary.promptTokens = s.optionalInt64(c++);
    summary.completionTokens = s.optionalInt64(c++);
    summary.totalTokens = s.optionalInt64(c++);
    summary.cachedTokens = s.optionalInt64(c++);
    summary.reasoningTokens = s.optionalInt64(c++);
    summary.toolsUsed = s.text(c++).split(u',', Qt::SkipEmptyParts);
    summary.toolErrors = int(s.int64(c++));
    summary.lastActivityMs = s.optionalInt64(c++);
    summary.changeSeq = s.int64(c++);
    return summary;
}

// Builds the WHERE clause and its bind values in one place so list and count always agree.
struct Where {
    QString sql;
    QVariantList values;
};

Where buildWhere(const RunQuery &q)
{
    QStringList clauses;
    QVariantList values;
    auto param = [&values](const QVariant &value) {
        values << value;
        return u"?%1"_s.arg(values.size());
    };
    if (q.serverId != 0)
        clauses << u"r.server_id = "_s + param(q.serverId);
    auto inList = [&](const QString &column, const QStringList &items) {
        QStringList marks;
        for (const auto &item : items)
            marks << param(item);
        clauses << column + u" IN ("_s + marks.join(u", "_s) + u')';
    };
    if (!q.agentIds.isEmpty())
        inList(u"r.agent_id"_s, q.agentIds);
    if (!q.statuses.isEmpty()) {
        QStringList names;
        for (const auto status : q.statuses)
            names << runStatusToString(status);
        inList(u"r.status"_s, names);
    }
    if (!q.stopReasons.isEmpty())
        inList(u"r.stop_reason"_s, q.stopReasons);
    if (q.sinceMs)
        clauses << u"r.created_ms >= "_s + param(*q.sinceMs);
    if (q.untilMs)
        clauses << u"r.created_ms < "_s + param(*q.untilMs);
    const QString text = q.text.trimmed();
    if (!text.isEmpty()) {
        const QString prefix = param(QString(text + u'%'));
        const QString contains = param(QString(u'%' + text + u'%'));
        clauses << u"(r.id LIKE %1 OR a.name LIKE %2 OR r.error_text LIKE %2 OR r.stop_reason LIKE %2 "
                   "OR r.tools_used LIKE %2 OR r.agent_id LIKE %1)"_s.arg(prefix, contains);
    }
    return {clauses.isEmpty() ? QString() : u" WHERE "_s + clauses.join(u" AND "_s), values};
}

const char *sortColumn(RunQuery::Sort sort)
{
    switch (sort) {
    case RunQuery::Sort::Duration: return "COALESCE(r.duration_ns, (r.completed_ms - r.created_ms) * 1000000)";
    case RunQuery::Sort::Steps: return "r.step_count";
    case RunQuery::Sort::Tokens: return "r.total_tokens";
    case RunQuery::Sort::Status: return "r.status";
    case RunQuery::Sort::Agent: return "a.name";
    case RunQuery::Sort::StopReason: return "r.stop_reason";
    case RunQuery::Sort::LastActivity: return "r.last_activity_ms";
    case RunQuery::Sort::Created: break;
    }
    return "r.created_ms";
}

QString orderBy(const RunQuery &q)
{
    const char *direction = q.descending ? " DESC" : " ASC";
    // The id tie-breaker keeps windows stable when many rows share a sort value.
    return QString::asprintf(" ORDER BY %s%s, r.id%s", sortColumn(q.sort), direction, direction);
}

void bindAll(Statement &stmt, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &v = values[i];
        if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int)
            stmt.bind(i + 1, v.toLongLong());
        else
            stmt.bind(i + 1, v.toString());
    }
}

const char *kFrom = " FROM runs r LEFT JOIN agents a ON a.server_id = r.server_id AND a.id = r.agent_id";

} // namespace

std::optional<qint64> RunSummary::durationNs() const
{
    if (run.totalDurationNs)
        return run.totalDurationNs;
    if (run.createdMs && run.completedMs)
        return (*run.completedMs - *run.createdMs) * 1000000;
    return std::nullopt;
}

Result<QList<RunSummary>> listRuns(Database &db, const RunQuery &query)
{
    const Where where = buildWhere(query);
    const QString sql = u"SELECT "_s + QLatin1StringView(kRunColumns) + u", "_s + QLatin1StringView(kSummaryColumns)
        + QLatin1StringView(kFrom) + where.sql + orderBy(query) + u" LIMIT %1 OFFSET %2"_s.arg(query.limit).arg(query.offset);
    auto stmt = db.prepare(sql.toUtf8().constData());
    if (!stmt)
        return stmt.error();
    bindAll(*stmt, where.values);
    QList<RunSummary> rows;
    auto status = eachRow(*stmt, [&rows](const Statement &s) { rows << decodeSummary(s); });
    if (!status)
        return status.error();
    return rows;
}

Result<qint64> countRuns(Database &db, const RunQuery &query)
{
    const Where where = buildWhere(query);
    // The agents join is only needed when free text may match an agent name.
    const QString from = query.text.trimmed().isEmpty() ? u" FROM runs r"_s : QString::fromLatin1(kFrom);
    auto stmt = db.prepare((u"SELECT count(*)"_s + from + where.sql).toUtf8().constData());
    if (!stmt)
        return stmt.error();
    bindAll(*stmt, where.values);
    auto row = stmt->step();
    if (!row)
        return row.error();
    return stmt->int64(0);
}

Result<std::optional<RunSummary>> findRun(Database &db, qint64 serverId, const QString &runId)
{
    const QByteArray sql = "SELECT " + QByteArray(kRunColumns) + ", " + QByteArray(kSummaryColumns) + QByteArray(kFrom)
        + " WHERE r.id = ?1 AND (?2 = 0 OR r.server_id = ?2) LIMIT 1";
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, runId).bind(2, serverId);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<RunSummary>();
    return std::optional<RunSummary>(decodeSummary(*stmt));
}

} // namespace lettascope::store
