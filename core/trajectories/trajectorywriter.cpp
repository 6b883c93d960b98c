// SPDX-License-Identifier: MIT
#include "trajectorywriter.h"

#include "trajectories/processing/enrichmentwriter.h"
#include "store/jsontext.h"
#include "store/sqlite.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

namespace {
QString nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QString() : text;
}
} // namespace

Result<TrajectoryWriter::Upserted> TrajectoryWriter::upsert(const TrajectoryRecord &r, qint64 rowSeq, qint64 nowMs)
{
    auto find = m_db.cached("SELECT rowid, content_hash FROM trajectories WHERE server_id = ?1 AND run_id = ?2");
    if (!find)
        return find.error();
    (*find)->bind(1, r.serverId).bind(2, r.runId);
    auto row = (*find)->step();
    if (!row)
        return row.error();
    Upserted result;
    QString storedHash;
    if (*row) {
        result.rowId = (*find)->int64(0);
        storedHash = (*find)->text(1);
    }
    (*find)->reset();

    if (result.rowId != 0 && storedHash == r.contentHash) {
        auto touch = m_db.cached("UPDATE trajectories SET source_seq = ?2, built_ms = ?3 WHERE rowid = ?1");
        if (!touch)
            return touch.error();
        (*touch)->bind(1, result.rowId).bind(2, r.sourceSeq).bind(3, nowMs);
        if (auto s = (*touch)->run(); !s)
            return s.error();
        return result;
    }
    auto write = m_db.cached(
        "INSERT INTO trajectories(server_id, id, run_id, agent_id, execution_status, run_status, stop_reason, created_ms, "
        "step_count, message_count, total_tokens, duration_ns, tools_used, data, content_hash, search_text, source_seq, "
        "built_ms, imported, row_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
        "?18, ?19, ?20) ON CONFLICT(server_id, run_id) DO UPDATE SET agent_id = excluded.agent_id, "
        "execution_status = excluded.execution_status, run_status = excluded.run_status, stop_reason = excluded.stop_reason, "
        "created_ms = excluded.created_ms, step_count = excluded.step_count, message_count = excluded.message_count, "
        "total_tokens = excluded.total_tokens, duration_ns = excluded.duration_ns, tools_used = excluded.tools_used, "
        "data = excluded.data, content_hash = excluded.content_hash, search_text = excluded.search_text, "
        "source_seq = excluded.source_seq, built_ms = excluded.built_ms, imported = excluded.imported, "
        "row_seq = excluded.row_seq RETURNING rowid");
    if (!write)
        return write.error();
    store::Statement &s = **write;
    s.bind(1, r.serverId).bind(2, r.id).bind(3, r.runId).bind(4, nullIfEmpty(r.agentId));
    s.bind(5, r.executionStatus.isEmpty() ? u"unknown"_s : r.executionStatus).bind(6, nullIfEmpty(r.runStatus));
    s.bind(7, nullIfEmpty(r.stopReason)).bind(8, r.createdMs).bind(9, r.stepCount).bind(10, r.messageCount);
    s.bind(11, r.totalTokens).bind(12, r.durationNs).bind(13, store::jsonText(QJsonArray::fromStringList(r.toolsUsed)));
    s.bind(14, store::jsonText(r.data)).bind(15, r.contentHash).bind(16, r.searchText).bind(17, r.sourceSeq);
    s.bind(18, nowMs).bind(19, r.imported).bind(20, rowSeq);
    auto written = s.step();
    if (!written)
        return written.error();
    const qint64 rowId = s.int64(0);
    s.reset();
    result.inserted = result.rowId == 0;
    result.rowId = rowId;
    result.contentChanged = true;
    return result;
}

Status TrajectoryWriter::setAnnotation(qint64 rowId, const Annotation &a, qint64 rowSeq, qint64 nowMs)
{
    Result<store::Statement *> stmt = Error{};
    if (a.isEmpty()) {
        stmt = m_db.cached("DELETE FROM trajectory_annotations WHERE trajectory_id = ?1");
        if (stmt)
            (*stmt)->bind(1, rowId);
    } else {
        stmt = m_db.cached("INSERT INTO trajectory_annotations(trajectory_id, human_score, tags, note, updated_ms) "
                           "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(trajectory_id) DO UPDATE SET "
                           "human_score = excluded.human_score, tags = excluded.tags, note = excluded.note, "
                           "updated_ms = excluded.updated_ms");
        if (stmt) {
            (*stmt)->bind(1, rowId).bind(2, a.humanScore).bind(3, store::jsonText(QJsonArray::fromStringList(a.tags)));
            (*stmt)->bind(4, nullIfEmpty(a.note)).bind(5, a.updatedMs.value_or(nowMs));
        }
    }
    if (!stmt)
        return stmt.error();
    if (auto s = (*stmt)->run(); !s)
        return s;
    auto touch = m_db.cached("UPDATE trajectories SET row_seq = ?2 WHERE rowid = ?1");
    if (!touch)
        return touch.error();
    (*touch)->bind(1, rowId).bind(2, rowSeq);
    if (auto s = (*touch)->run(); !s)
        return s;
    return EnrichmentWriter(m_db).refreshTagIndex(rowId);
}

} // namespace lettascope::trajectories
