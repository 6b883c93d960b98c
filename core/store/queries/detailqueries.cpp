// SPDX-License-Identifier: MIT
#include "detailqueries.h"

#include "rowdecode.h"
#include "store/eachrow.h"
#include "store/sqlite.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace lettascope::store {

namespace {

template<typename T, typename Decode>
Result<QList<T>> collect(Statement &stmt, Decode decode)
{
    QList<T> rows;
    auto status = eachRow(stmt, [&rows, &decode](const Statement &s) {
        T value;
        decode(s, 0, value);
        rows << std::move(value);
    });
    if (!status)
        return status.error();
    return rows;
}

// Dynamic filters with positional text binds; `binds` holds values in placeholder order.
struct Filter {
    QStringList clauses;
    QStringList binds;
    void add(const QString &column, const QString &value)
    {
        if (value.isEmpty())
            return;
        binds << value;
        clauses << column + u" = ?"_s + QString::number(binds.size());
    }
    QString where() const { return clauses.isEmpty() ? QString() : u" WHERE "_s + clauses.join(u" AND "_s); }
    void bind(Statement &stmt) const
    {
        for (int i = 0; i < binds.size(); ++i)
            stmt.bind(i + 1, binds[i]);
    }
};

} // namespace

Result<QList<Step>> stepsForRun(Database &db, qint64 serverId, const QString &runId)
{
    const QByteArray sql = "SELECT " + QByteArray(kStepColumns)
        + " FROM steps s WHERE s.server_id = ?1 AND s.run_id = ?2 ORDER BY s.ordinal, s.rowid";
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, serverId).bind(2, runId);
    return collect<Step>(*stmt, decodeStep);
}

Result<QList<Message>> messagesForRun(Database &db, qint64 serverId, const QString &runId)
{
    const QByteArray sql = "SELECT " + QByteArray(kMessageColumns)
        + " FROM messages m WHERE m.server_id = ?1 AND m.run_id = ?2 ORDER BY m.date_ms, m.seq, m.rowid";
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt->bind(1, serverId).bind(2, runId);
    return collect<Message>(*stmt, decodeMessage);
}

Result<QList<Step>> listSteps(Database &db, const StepQuery &query)
{
    Filter filter;
    if (query.serverId)
        filter.add(u"s.server_id"_s, QString::number(query.serverId));
    filter.add(u"s.agent_id"_s, query.agentId);
    filter.add(u"s.run_id"_s, query.runId);
    filter.add(u"s.model"_s, query.model);
    filter.add(u"s.status"_s, query.status);
    const QString sql = u"SELECT "_s + QLatin1StringView(kStepColumns)
        + u" FROM steps s LEFT JOIN runs r ON r.server_id = s.server_id AND r.id = s.run_id"_s + filter.where()
        + u" ORDER BY r.created_ms DESC, s.ordinal DESC, s.rowid DESC LIMIT %1 OFFSET %2"_s.arg(query.limit).arg(query.offset);
    auto stmt = db.prepare(sql.toUtf8().constData());
    if (!stmt)
        return stmt.error();
    filter.bind(*stmt);
    return collect<Step>(*stmt, decodeStep);
}

Result<QList<Message>> listMessages(Database &db, const MessageQuery &query)
{
    Filter filter;
    if (query.serverId)
        filter.add(u"m.server_id"_s, QString::number(query.serverId));
    filter.add(u"m.agent_id"_s, query.agentId);
    filter.add(u"m.run_id"_s, query.runId);
    if (!query.messageTypes.isEmpty()) {
        QStringList marks;
        for (const auto &type : query.messageTypes) {
            filter.binds << type;
            marks << u"?"_s + QString::number(filter.binds.size());
        }
        filter.clauses << u"m.message_type IN ("_s + marks.join(u", "_s) + u')';
    }
    if (query.sinceMs) {
        filter.binds << QString::number(*query.sinceMs);
        filter.clauses << u"m.date_ms >= CAST(?%1 AS INTEGER)"_s.arg(filter.binds.size());
    }
    const QString sql = u"SELECT "_s + QLatin1StringView(kMessageColumns) + u" FROM messages m"_s + filter.where()
        + u" ORDER BY m.date_ms DESC, m.seq DESC, m.rowid DESC LIMIT %1 OFFSET %2"_s.arg(query.limit).arg(query.offset);
    auto stmt = db.prepare(sql.toUtf8().constData());
    if (!stmt)
        return stmt.error();
    filter.bind(*stmt);
    return collect<Message>(*stmt, decodeMessage);
}

} // namespace lettascope::store
