// SPDX-License-Identifier: MIT
#include "exportjson.h"

#include "common/timestamps.h"
#include "model/entityjson.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lettascope::exports {

namespace {

QJsonValue timeValue(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(formatTimestampMs(*ms)) : QJsonValue(QJsonValue::Null);
}

QJsonValue number(const std::optional<qint64> &value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue nsToMs(const std::optional<qint64> &ns)
{
    return ns ? QJsonValue(double(*ns) / 1e6) : QJsonValue(QJsonValue::Null);
}

QJsonValue text(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

} // namespace

QJsonObject exportRun(const store::RunSummary &summary)
{
    const Run &run = summary.run;
    return {
        {u"id"_s, run.id},
        {u"agent_id"_s, text(run.agentId)},
        {u"agent_name"_s, text(summary.agentName)},
        {u"status"_s, runStatusToString(run.status)},
        {u"status_raw"_s, text(run.statusText)},
        {u"stop_reason"_s, text(run.stopReason)},
        {u"created_at"_s, timeValue(run.createdMs)},
        {u"completed_at"_s, timeValue(run.completedMs)},
        {u"duration_ms"_s, nsToMs(summary.durationNs())},
        {u"ttft_ms"_s, nsToMs(run.ttftNs)},
        {u"step_count"_s, summary.stepCount},
        {u"message_count"_s, summary.messageCount},
        {u"prompt_tokens"_s, number(summary.promptTokens)},
        {u"completion_tokens"_s, number(summary.completionTokens)},
        {u"total_tokens"_s, number(summary.totalTokens)},
        {u"cached_tokens"_s, number(summary.cachedTokens)},
        {u"reasoning_tokens"_s, number(summary.reasoningTokens)},
        {u"tools_used"_s, QJsonArray::fromStringList(summary.toolsUsed)},
        {u"tool_errors"_s, summary.toolErrors},
        {u"error"_s, text(run.errorText)},
        {u"run_type"_s, text(run.runType)},
        {u"background"_s, run.background},
        {u"conversation_id"_s, text(run.conversationId)},
        {u"reconstructed"_s, run.reconstructed},
    };
}

QStringList runCsvColumns()
{
    return {u"id"_s, u"agent_id"_s, u"agent_name"_s, u"status"_s, u"stop_reason"_s, u"created_at"_s,
            u"completed_at"_s, u"duration_ms"_s, u"ttft_ms"_s, u"step_count"_s, u"message_count"_s,
            u"prompt_tokens"_s, u"completion_tokens"_s, u"total_tokens"_s, u"cached_tokens"_s,
            u"reasoning_tokens"_s, u"tools_used"_s, u"tool_errors"_s, u"error"_s, u"run_type"_s,
            u"background"_s, u"conversation_id"_s, u"reconstructed"_s};
}

QJsonObject exportAgent(const store::AgentSummary &summary)
{
    const Agent &agent = summary.agent;
    return {
        {u"id"_s, agent.id},
        {u"name"_s, agent.name},
        {u"agent_type"_s, text(agent.agentType)},
        {u"model"_s, text(agent.model)},
        {u"embedding_model"_s, text(agent.embeddingModel)},
        {u"description"_s, text(agent.description)},
        {u"tags"_s, QJsonArray::fromStringList(agent.tags)},
        {u"tools"_s, toolRefsToJson(agent.tools)},
        {u"created_at"_s, timeValue(agent.createdMs)},
        {u"last_run_at"_s, timeValue(summary.lastRunMs)},
        {u"last_stop_reason"_s, text(summary.lastRunStopReason.isEmpty() ? agent.lastStopReason : summary.lastRunStopReason)},
        {u"run_count"_s, double(summary.runCount)},
        {u"failed_runs"_s, double(summary.failedRuns)},
    };
}

QJsonObject exportStep(const Step &step)
{
    QJsonObject object{
        {u"id"_s, step.id},
        {u"run_id"_s, text(step.runId)},
        {u"agent_id"_s, text(step.agentId)},
        {u"ordinal"_s, step.ordinal},
        {u"model"_s, text(step.model)},
        {u"provider"_s, text(step.providerName)},
        {u"status"_s, text(step.status)},
        {u"stop_reason"_s, text(step.stopReason)},
        {u"error_type"_s, text(step.errorType)},
        {u"prompt_tokens"_s, number(step.promptTokens)},
        {u"completion_tokens"_s, number(step.completionTokens)},
        {u"total_tokens"_s, number(step.totalTokens)},
        {u"cached_tokens"_s, number(step.cachedTokens)},
        {u"reasoning_tokens"_s, number(step.reasoningTokens)},
        {u"reconstructed"_s, step.reconstructed},
    };
    const StepMetrics metrics = step.metrics.value_or(StepMetrics{});
    object.insert(u"step_ms"_s, nsToMs(metrics.stepNs));
    object.insert(u"llm_request_ms"_s, nsToMs(metrics.llmRequestNs));
    object.insert(u"tool_execution_ms"_s, nsToMs(metrics.toolExecutionNs));
    return object;
}

QJsonObject exportMessage(const Message &message)
{
    QJsonObject object{
        {u"id"_s, message.id},
        {u"message_type"_s, message.messageType},
        {u"otid"_s, text(message.otid)},
        {u"run_id"_s, text(message.runId)},
        {u"step_id"_s, text(message.stepId)},
        {u"agent_id"_s, text(message.agentId)},
        {u"date"_s, timeValue(message.dateMs)},
        {u"text"_s, text(message.text)},
    };
    if (!message.toolCalls.isEmpty())
        object.insert(u"tool_calls"_s, toolCallsToJson(message.toolCalls));
    if (!message.toolReturns.isEmpty())
        object.insert(u"tool_returns"_s, toolReturnsToJson(message.toolReturns));
    if (message.approved)
        object.insert(u"approved"_s, *message.approved);
    if (!message.approvalReason.isEmpty())
        object.insert(u"approval_reason"_s, message.approvalReason);
    if (message.isError)
        object.insert(u"is_err"_s, true);
    return object;
}

QJsonObject exportJob(const Job &job)
{
    return {
        {u"id"_s, job.id},
        {u"status"_s, text(job.status)},
        {u"job_type"_s, text(job.jobType)},
        {u"agent_id"_s, text(job.agentId)},
        {u"created_at"_s, timeValue(job.createdMs)},
        {u"completed_at"_s, timeValue(job.completedMs)},
        {u"error"_s, text(job.errorText)},
        {u"metadata"_s, job.metadata},
    };
}

QJsonObject exportSearchHit(const store::MessageSearchHit &hit)
{
    QJsonObject object = exportMessage(hit.message);
    object.insert(u"agent_name"_s, text(hit.agentName));
    object.insert(u"snippet"_s, hit.snippet);
    object.insert(u"rank"_s, hit.rank);
    return object;
}

} // namespace lettascope::exports
