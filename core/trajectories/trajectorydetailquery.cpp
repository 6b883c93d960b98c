// SPDX-License-Identifier: MIT
// loadTrajectoryDetail(): the detail view's read, kept apart from the list queries.
#include "trajectoryqueries.h"

#include "store/eachrow.h"
#include "store/jsontext.h"
#include "store/sqlite.h"

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

using store::Database;
using store::Statement;

namespace {

Status readStages(Database &db, qint64 rowId, TrajectoryDetail &detail)
{
    auto stmt = db.prepare("SELECT stage, state, backend, model, error, started_ms, finished_ms, elapsed_ms "
                           "FROM trajectory_stages WHERE trajectory_id = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, rowId);
    auto status = store::eachRow(*stmt, [&detail](const Statement &s) {
        const auto stage = stageFromKey(s.text(0));
        if (!stage)
            return;
        detail.stages << StageInfo{*stage, s.text(1) == u"succeeded", s.text(2), s.text(3), s.text(4),
                                   s.optionalInt64(5), s.optionalInt64(6), s.optionalInt64(7)};
    });
    if (!status)
        return status;
    std::sort(detail.stages.begin(), detail.stages.end(),
              [](const StageInfo &a, const StageInfo &b) { return a.stage < b.stage; });
    return success();
}

Status readDecisions(Database &db, qint64 rowId, TrajectoryDetail &detail)
{
    auto stmt = db.prepare("SELECT decision_index, turn_index, action, arguments, success, error_type, result_summary, "
                           "tool_call_id FROM trajectory_decisions WHERE trajectory_id = ?1 ORDER BY decision_index");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, rowId);
    return store::eachRow(*stmt, [&detail](const Statement &s) {
        Decision d;
        d.decisionIndex = int(s.int64(0));
        d.turnIndex = int(s.int64(1));
        d.action = s.text(2);
        d.arguments = s.text(3);
        if (const auto ok = s.optionalInt64(4))
            d.success = *ok != 0;
        d.errorType = s.text(5);
        d.resultSummary = s.text(6);
        d.toolCallId = s.text(7);
        detail.decisions << d;
    });
}

Status readRest(Database &db, qint64 rowId, TrajectoryDetail &detail)
{
    auto stmt = db.prepare("SELECT t.data, t.label_metadata, n.human_score, n.tags, n.note, n.updated_ms, "
                           "(SELECT group_concat(model_key, char(31)) FROM trajectory_embeddings e WHERE e.trajectory_id = t.rowid) "
                           "FROM trajectories t LEFT JOIN trajectory_annotations n ON n.trajectory_id = t.rowid "
                           "WHERE t.rowid = ?1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, rowId);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return success();
    const Statement &s = *stmt;
    detail.data = store::parseJsonObject(s.text(0));
    detail.labelMetadata = store::parseJsonObject(s.text(1));
    detail.annotation.humanScore = s.optionalReal(2);
    for (const auto &tag : store::parseJsonArray(s.text(3)))
        detail.annotation.tags << tag.toString();
    detail.annotation.note = s.text(4);
    detail.annotation.updatedMs = s.optionalInt64(5);
    detail.embeddingModels = s.text(6).split(QChar(31), Qt::SkipEmptyParts);
    detail.embeddingModels.sort();
    return success();
}

} // namespace

Result<std::optional<TrajectoryDetail>> loadTrajectoryDetail(Database &db, qint64 rowId)
{
    auto rows = trajectoryRows(db, {rowId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<TrajectoryDetail>();
    TrajectoryDetail detail;
    detail.row = rows->constFirst();
    for (auto read : {readRest, readStages, readDecisions}) {
        if (auto s = read(db, rowId, detail); !s)
            return s.error();
    }
    return std::optional<TrajectoryDetail>(std::move(detail));
}

} // namespace lettascope::trajectories
