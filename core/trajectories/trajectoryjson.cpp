// SPDX-License-Identifier: MIT
#include "trajectoryjson.h"

#include "common/timestamps.h"
#include "trajectories/scoretext.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

namespace {

QJsonValue text(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonValue time(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(formatTimestampMs(*ms)) : QJsonValue(QJsonValue::Null);
}

QJsonValue number(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

double round4(double value)
{
    return std::round(value * 10000.0) / 10000.0;
}

QJsonObject stagesJson(const QList<StageInfo> &stages)
{
    QJsonObject out;
    for (const StageInfo &s : stages) {
        out.insert(stageKey(s.stage), QJsonObject{{u"state"_s, s.ok ? u"succeeded"_s : u"failed"_s},
                                                  {u"backend"_s, text(s.backend)},
                                                  {u"model"_s, text(s.model)},
                                                  {u"error"_s, text(s.error)},
                                                  {u"elapsed_ms"_s, s.elapsedMs ? QJsonValue(double(*s.elapsedMs)) : QJsonValue()},
                                                  {u"finished_at"_s, time(s.finishedMs)}});
    }
    return out;
}

} // namespace

QJsonObject rowJson(const TrajectoryRow &r)
{
    return {{u"id"_s, r.id},
            {u"run_id"_s, r.runId},
            {u"agent_id"_s, text(r.agentId)},
            {u"agent_name"_s, text(r.agentName)},
            {u"execution_status"_s, r.executionStatus},
            {u"run_status"_s, text(r.runStatus)},
            {u"stop_reason"_s, text(r.stopReason)},
            {u"created_at"_s, time(r.createdMs)},
            {u"step_count"_s, r.stepCount},
            {u"message_count"_s, r.messageCount},
            {u"total_tokens"_s, double(r.totalTokens)},
            {u"duration_ms"_s, r.durationNs ? QJsonValue(double(*r.durationNs) / 1e6) : QJsonValue()},
            {u"tools_used"_s, QJsonArray::fromStringList(r.toolsUsed)},
            {u"summary"_s, text(r.summary)},
            {u"outcome_score"_s, number(r.score)},
            {u"score_reasoning"_s, text(r.scoreReasoning)},
            {u"tags"_s, QJsonArray::fromStringList(r.tags)},
            {u"task_category"_s, text(r.category)},
            {u"complexity_level"_s, text(r.complexity)},
            {u"processing_status"_s, r.processingState},
            {u"processed_at"_s, time(r.processedMs)},
            {u"human_score"_s, number(r.humanScore)},
            {u"imported"_s, r.imported}};
}

QJsonObject decisionJson(const Decision &d)
{
    return {{u"decision_id"_s, u"t%1-d%2"_s.arg(d.turnIndex).arg(d.decisionIndex)},
            {u"turn_index"_s, d.turnIndex},
            {u"decision_type"_s, u"tool_selection"_s},
            {u"action"_s, d.action},
            {u"arguments"_s, d.arguments},
            {u"success"_s, d.success ? QJsonValue(*d.success) : QJsonValue()},
            {u"error_type"_s, text(d.errorType)},
            {u"result_summary"_s, text(d.resultSummary)},
            {u"tool_call_id"_s, text(d.toolCallId)}};
}

QJsonObject recordJson(const TrajectoryDetail &detail)
{
    const TrajectoryRow &r = detail.row;
    QJsonArray decisions;
    for (const Decision &d : detail.decisions)
        decisions.append(decisionJson(d));
    QJsonValue annotations;
    if (!detail.annotation.isEmpty()) {
        annotations = QJsonObject{{u"human_score"_s, number(detail.annotation.humanScore)},
                                  {u"tags"_s, QJsonArray::fromStringList(detail.annotation.tags)},
                                  {u"note"_s, text(detail.annotation.note)},
                                  {u"updated_at"_s, time(detail.annotation.updatedMs)}};
    }
    return {{u"id"_s, r.id},
            {u"agent_id"_s, text(r.agentId)},
            {u"data"_s, detail.data},
            {u"searchable_summary"_s, text(r.summary)},
            {u"outcome_score"_s, number(r.score)},
            {u"score_reasoning"_s, text(r.scoreReasoning)},
            {u"tags"_s, QJsonArray::fromStringList(r.tags)},
            {u"task_category"_s, text(r.category)},
            {u"complexity_level"_s, text(r.complexity)},
            {u"trajectory_metadata"_s, detail.labelMetadata},
            {u"processing_status"_s, r.processingState},
            {u"created_at"_s, time(r.createdMs)},
            {u"updated_at"_s, time(r.builtMs)},
            {u"decisions"_s, decisions},
            {u"annotations"_s, annotations},
            {u"enrichment"_s, stagesJson(detail.stages)},
            {u"embedding_models"_s, QJsonArray::fromStringList(detail.embeddingModels)}};
}

QJsonObject hitJson(const SearchHit &hit)
{
    const TrajectoryRow &r = hit.row;
    return {{u"similarity"_s, round4(hit.score)},
            {u"vector_similarity"_s, round4(hit.vector)},
            {u"keyword_score"_s, round4(hit.keyword)},
            {u"outcome_score"_s, number(r.score)},
            {u"outcome_score_text"_s, scoreText(r.score)},
            {u"summary"_s, r.summary.isEmpty() ? u"No summary available"_s : r.summary},
            {u"details"_s, QJsonObject{{u"status"_s, text(r.runStatus)},
                                      {u"tools_used"_s, QJsonArray::fromStringList(r.toolsUsed)},
                                      {u"step_count"_s, r.stepCount}}},
            {u"trajectory"_s, rowJson(r)}};
}

QJsonObject searchJson(const QString &query, const SearchResults &results)
{
    QJsonArray hits;
    for (const SearchHit &hit : results.hits)
        hits.append(hitJson(hit));
    return {{u"query"_s, query}, {u"embedding_model"_s, text(results.embeddingModel)}, {u"note"_s, text(results.note)},
            {u"results"_s, hits}};
}

QJsonObject contrastsJson(const QString &query, const Contrasts &c)
{
    auto list = [](const QList<SearchHit> &hits) {
        QJsonArray array;
        for (const SearchHit &hit : hits)
            array.append(hitJson(hit));
        return array;
    };
    return {{u"query"_s, query},
            {u"embedding_model"_s, text(c.embeddingModel)},
            {u"note"_s, text(c.note)},
            {u"message"_s, u"Found %1 successes, %2 moderate outcomes, and %3 failures for comparison:"_s
                               .arg(c.successes.size()).arg(c.moderate.size()).arg(c.failures.size())},
            {u"successes"_s, list(c.successes)},
            {u"moderate"_s, list(c.moderate)},
            {u"failures"_s, list(c.failures)}};
}

} // namespace lettascope::trajectories
