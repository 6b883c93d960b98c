// SPDX-License-Identifier: MIT
#include "recordinggaps.h"

#include "store/eachrow.h"
#include "store/jsontext.h"
#include "store/sqlite.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace lettascope::appserver {

namespace {
QStringList fromJsonList(const QString &text)
{
    QStringList out;
    for (const QJsonValue &value : QJsonDocument::fromJson(text.toUtf8()).array())
        out.append(value.toString());
    return out;
}
} // namespace

Result<qint64> openRecordingGap(store::Database &db, qint64 serverId, qint64 startedMs, const QString &reason)
{
    auto stmt = db.cached("INSERT INTO recording_gaps(server_id, started_ms, reason) VALUES (?1, ?2, ?3)");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, serverId).bind(2, startedMs).bind(3, reason);
    if (auto status = (*stmt)->run(); !status)
        return status.error();
    return db.lastInsertRowId();
}

Status closeRecordingGap(store::Database &db, const RecordingGap &gap)
{
    auto stmt = db.cached("UPDATE recording_gaps SET ended_ms = ?2, missed_runs = ?3, unobserved = ?4 WHERE id = ?1");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, gap.id).bind(2, gap.endedMs);
    (*stmt)->bind(3, store::jsonText(QJsonArray::fromStringList(gap.missedRunIds)));
    (*stmt)->bind(4, store::jsonText(QJsonArray::fromStringList(gap.unobservedRunIds)));
    return (*stmt)->run();
}

Result<QList<RecordingGap>> recordingGaps(store::Database &db, qint64 serverId)
{
    auto stmt = db.prepare("SELECT id, started_ms, ended_ms, reason, missed_runs, unobserved FROM recording_gaps "
                           "WHERE server_id = ?1 ORDER BY started_ms DESC, id DESC");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, serverId);
    QList<RecordingGap> gaps;
    auto status = store::eachRow(*stmt, [&gaps, serverId](const store::Statement &s) {
        gaps.append(RecordingGap{s.int64(0), serverId, s.int64(1), s.optionalInt64(2), s.text(3),
                                 fromJsonList(s.text(4)), fromJsonList(s.text(5))});
    });
    if (!status)
        return status.error();
    return gaps;
}

} // namespace lettascope::appserver
