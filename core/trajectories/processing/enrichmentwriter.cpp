// SPDX-License-Identifier: MIT
#include "enrichmentwriter.h"

#include "store/jsontext.h"
#include "store/sqlite.h"

#include <QJsonArray>

#include <set>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

using store::Statement;

namespace {

QString nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QString() : text;
}

QByteArray floatBlob(const QList<float> &vector)
{
    return QByteArray(reinterpret_cast<const char *>(vector.constData()), vector.size() * qsizetype(sizeof(float)));
}

} // namespace

Status EnrichmentWriter::apply(qint64 trajectoryId, const StageResult &result, const QString &inputHash,
                               qint64 rowSeq, qint64 embeddingSeq)
{
    if (result.ok) {
        if (auto s = writePayload(trajectoryId, result, rowSeq, embeddingSeq); !s)
            return s;
    }
    auto stmt = m_db.cached(
        "INSERT INTO trajectory_stages(trajectory_id, stage, state, backend, model, input_hash, started_ms, "
        "finished_ms, elapsed_ms, error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
        "ON CONFLICT(trajectory_id, stage) DO UPDATE SET state = excluded.state, "
        "backend = CASE WHEN excluded.state = 'succeeded' THEN excluded.backend ELSE trajectory_stages.backend END, "
        "model = CASE WHEN excluded.state = 'succeeded' THEN excluded.model ELSE trajectory_stages.model END, "
        "input_hash = CASE WHEN excluded.state = 'succeeded' THEN excluded.input_hash ELSE trajectory_stages.input_hash END, "
        "started_ms = excluded.started_ms, finished_ms = excluded.finished_ms, elapsed_ms = excluded.elapsed_ms, "
        "error = excluded.error");
    if (!stmt)
        return stmt.error();
    Statement &s = **stmt;
    s.bind(1, trajectoryId).bind(2, stageKey(result.stage)).bind(3, result.ok ? u"succeeded"_s : u"failed"_s);
    // A first-ever failure still names who tried, so the detail view can say "openai/gpt-4o-mini failed".
    s.bind(4, nullIfEmpty(result.backend)).bind(5, nullIfEmpty(result.model)).bind(6, nullIfEmpty(inputHash));
    s.bind(7, result.startedMs).bind(8, result.startedMs + result.elapsedMs).bind(9, result.elapsedMs);
    s.bind(10, result.ok ? QString() : result.error);
    if (auto status = s.run(); !status)
        return status;
    if (!result.ok) {
        auto touch = m_db.cached("UPDATE trajectories SET row_seq = ?2 WHERE rowid = ?1");
        if (!touch)
            return touch.error();
        (*touch)->bind(1, trajectoryId).bind(2, rowSeq);
        return (*touch)->run();
    }
    return success();
}

Status EnrichmentWriter::writePayload(qint64 trajectoryId, const StageResult &r, qint64 rowSeq, qint64 embeddingSeq)
{
    Result<store::Statement *> stmt = Error{};
    switch (r.stage) {
    case Stage::Summary:
        stmt = m_db.cached("UPDATE trajectories SET summary = ?2, row_seq = ?3 WHERE rowid = ?1");
        if (stmt)
            (*stmt)->bind(2, r.summary);
        break;
    case Stage::Score:
        stmt = m_db.cached("UPDATE trajectories SET score = ?2, score_reasoning = ?4, row_seq = ?3 WHERE rowid = ?1");
        if (stmt)
            (*stmt)->bind(2, r.score).bind(4, r.scoreReasoning);
        break;
    case Stage::Labels:
        stmt = m_db.cached("UPDATE trajectories SET tags = ?2, category = ?4, complexity = ?5, label_metadata = ?6, "
                           "row_seq = ?3 WHERE rowid = ?1");
        if (stmt) {
            (*stmt)->bind(2, store::jsonText(QJsonArray::fromStringList(r.labels.tags)));
            (*stmt)->bind(4, nullIfEmpty(r.labels.category)).bind(5, nullIfEmpty(r.labels.complexity));
            (*stmt)->bind(6, store::jsonText(r.labels.metadata));
        }
        break;
    case Stage::Embedding:
        stmt = m_db.cached("INSERT INTO trajectory_embeddings(trajectory_id, model_key, dim, vector, seq) "
                           "VALUES (?1, ?2, ?4, ?5, ?6) ON CONFLICT(model_key, trajectory_id) DO UPDATE SET "
                           "dim = excluded.dim, vector = excluded.vector, seq = excluded.seq");
        if (stmt) {
            (*stmt)->bind(2, r.embeddingModelKey).bind(4, qint64(r.embedding.size())).bindBlob(5, floatBlob(r.embedding));
            (*stmt)->bind(6, embeddingSeq);
        }
        break;
    case Stage::Decisions:
        if (auto s = writeDecisions(trajectoryId, r.decisions); !s)
            return s;
        stmt = m_db.cached("UPDATE trajectories SET row_seq = ?3 WHERE rowid = ?1");
        break;
    }
    if (!stmt)
        return stmt.error();
    Statement &s = **stmt;
    s.bind(1, trajectoryId);
    if (r.stage != Stage::Embedding)
        s.bind(3, rowSeq);
    if (auto status = s.run(); !status)
        return status;
    return r.stage == Stage::Labels ? refreshTagIndex(trajectoryId) : success();
}

Status EnrichmentWriter::writeDecisions(qint64 trajectoryId, const QList<Decision> &decisions)
{
    auto clear = m_db.cached("DELETE FROM trajectory_decisions WHERE trajectory_id = ?1");
    auto insert = m_db.cached(
        "INSERT INTO trajectory_decisions(trajectory_id, decision_index, turn_index, action, arguments, success, "
        "error_type, result_summary, tool_call_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!clear)
        return clear.error();
    if (!insert)
        return insert.error();
    (*clear)->bind(1, trajectoryId);
    if (auto s = (*clear)->run(); !s)
        return s;
    for (const Decision &d : decisions) {
        Statement &s = **insert;
        s.bind(1, trajectoryId).bind(2, d.decisionIndex).bind(3, d.turnIndex).bind(4, d.action);
        s.bind(5, nullIfEmpty(d.arguments)).bind(6, d.success).bind(7, nullIfEmpty(d.errorType));
        s.bind(8, nullIfEmpty(d.resultSummary)).bind(9, nullIfEmpty(d.toolCallId));
        if (auto status = s.run(); !status)
            return status;
    }
    return success();
}

Status EnrichmentWriter::refreshProcessingState(qint64 trajectoryId, qint64 rowSeq, bool moreToCome, qint64 nowMs)
{
    auto stmt = m_db.cached(
        "UPDATE trajectories SET processing_state = CASE "
        "  WHEN ?3 THEN 'processing' "
        "  ELSE (SELECT CASE WHEN count(*) = 0 THEN 'pending' "
        "                    WHEN sum(state = 'failed') = 0 THEN 'completed' "
        "                    WHEN sum(state = 'succeeded') = 0 THEN 'failed' ELSE 'partial' END "
        "        FROM trajectory_stages WHERE trajectory_id = ?1) END, "
        "processed_ms = CASE WHEN ?3 THEN processed_ms ELSE ?4 END, row_seq = ?2 WHERE rowid = ?1");
    if (!stmt)
        return stmt.error();
    (*stmt)->bind(1, trajectoryId).bind(2, rowSeq).bind(3, moreToCome).bind(4, nowMs);
    return (*stmt)->run();
}

Status EnrichmentWriter::refreshTagIndex(qint64 trajectoryId)
{
    auto read = m_db.cached("SELECT t.tags, a.tags FROM trajectories t LEFT JOIN trajectory_annotations a "
                            "ON a.trajectory_id = t.rowid WHERE t.rowid = ?1");
    auto clear = m_db.cached("DELETE FROM trajectory_tags WHERE trajectory_id = ?1");
    auto insert = m_db.cached("INSERT OR IGNORE INTO trajectory_tags(tag, trajectory_id) VALUES (?1, ?2)");
    if (!read)
        return read.error();
    if (!clear)
        return clear.error();
    if (!insert)
        return insert.error();
    (*read)->bind(1, trajectoryId);
    auto row = (*read)->step();
    if (!row)
        return row.error();
    std::set<QString> tags;
    if (*row) {
        for (int column : {0, 1}) {
            for (const auto &tag : store::parseJsonArray((*read)->text(column)))
                tags.insert(tag.toString());
        }
    }
    (*read)->reset();
    (*clear)->bind(1, trajectoryId);
    if (auto s = (*clear)->run(); !s)
        return s;
    for (const QString &tag : tags) {
        if (tag.isEmpty())
            continue;
        (*insert)->bind(1, tag).bind(2, trajectoryId);
        if (auto s = (*insert)->run(); !s)
            return s;
    }
    return success();
}

} // namespace lettascope::trajectories
