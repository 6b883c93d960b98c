// SPDX-License-Identifier: MIT
#include "rowdecode.h"

#include "store/jsontext.h"
#include "model/entityjson.h"
#include "store/sqlite.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lettascope::store {


const char *const kRunColumns =
    "r.id, r.agent_id, r.conversation_id, r.status, r.status_raw, r.stop_reason, r.created_ms, r.completed_ms, "
    "r.duration_ns, r.ttft_ns, r.background, r.run_type, r.error_text, r.reconstructed, r.raw";

int decodeRun(const Statement &s, int c, Run &run)
{
    run.id = s.text(c++);
    run.agentId = s.text(c++);
    run.conversationId = s.text(c++);
    run.status = runStatusFromString(s.text(c++));
    run.statusText = s.text(c++);
    run.stopReason = s.text(c++);
    run.createdMs = s.optionalInt64(c++);
    run.completedMs = s.optionalInt64(c++);
    run.totalDurationNs = s.optionalInt64(c++);
    run.ttftNs = s.optionalInt64(c++);
    run.background = s.int64(c++) != 0;
    run.runType = s.text(c++);
    run.errorText = s.text(c++);
    run.reconstructed = s.int64(c++) != 0;
    run.raw = parseJsonObject(s.text(c++));
    return c;
}

const char *const kStepColumns =
    "s.id, s.run_id, s.agent_id, s.ordinal, s.model, s.model_handle, s.provider, s.status, s.stop_reason, "
    "s.error_type, s.error_text, s.trace_id, s.prompt_tokens, s.completion_tokens, s.total_tokens, s.cached_tokens, "
    "s.cache_write_tokens, s.reasoning_tokens, s.step_start_ns, s.llm_request_start_ns, s.llm_request_ns, "
    "s.tool_execution_ns, s.step_ns, s.metrics_raw, s.reconstructed, s.raw, s.rowid";

int decodeStep(const Statement &s, int c, Step &step)
{
    step.id = s.text(c++);
    step.runId = s.text(c++);
    step.agentId = s.text(c++);
    step.ordinal = int(s.int64(c++));
    step.model = s.text(c++);
    step.modelHandle = s.text(c++);
    step.providerName = s.text(c++);
    step.status = s.text(c++);
    step.stopReason = s.text(c++);
    step.errorType = s.text(c++);
    step.errorText = s.text(c++);
    step.traceId = s.text(c++);
    step.promptTokens = s.optionalInt64(c++);
    step.completionTokens = s.optionalInt64(c++);
    step.totalTokens = s.optionalInt64(c++);
    step.cachedTokens = s.optionalInt64(c++);
    step.cacheWriteTokens = s.optionalInt64(c++);
    step.reasoningTokens = s.optionalInt64(c++);
    StepMetrics metrics;
    metrics.stepStartNs = s.optionalInt64(c++);
    metrics.llmRequestStartNs = s.optionalInt64(c++);
    metrics.llmRequestNs = s.optionalInt64(c++);
    metrics.toolExecutionNs = s.optionalInt64(c++);
    metrics.stepNs = s.optionalInt64(c++);
    if (!s.isNull(c)) {
        metrics.raw = parseJsonObject(s.text(c));
        step.metrics = metrics;
    }
    ++c;
    step.reconstructed = s.int64(c++) != 0;
    step.raw = parseJsonObject(s.text(c++));
    ++c; // rowid: only for stable ordering
    return c;
}

const char *const kMessageColumns =
    "m.id, m.message_type, m.otid, m.run_id, m.step_id, m.agent_id, m.conversation_id, m.date_ms, m.seq, m.name, "
    "m.is_err, m.text, m.raw, m.sender_id, m.tool_calls, m.tool_returns, m.approved, m.approval_reason";

int decodeMessage(const Statement &s, int c, Message &message)
{
    message.id = s.text(c++);
    message.messageType = s.text(c++);
    message.kind = messageKindFromType(message.messageType);
    message.otid = s.text(c++);
    message.runId = s.text(c++);
    message.stepId = s.text(c++);
    message.agentId = s.text(c++);
    message.conversationId = s.text(c++);
    message.dateMs = s.optionalInt64(c++);
    message.sequence = s.int64(c++);
    message.name = s.text(c++);
    message.isError = s.int64(c++) != 0;
    message.text = s.text(c++);
    message.raw = parseJsonObject(s.text(c++));
    message.senderId = s.text(c++);
    message.toolCalls = toolCallsFromJson(parseJsonArray(s.text(c++)));
    message.toolReturns = toolReturnsFromJson(parseJsonArray(s.text(c++)));
    if (const auto approved = s.optionalInt64(c++))
        message.approved = *approved != 0;
    message.approvalReason = s.text(c++);
    return c;
}

const char *const kAgentColumns =
    "a.id, a.name, a.agent_type, a.model, a.description, a.tags, a.created_ms, a.updated_ms, "
    "a.last_run_completion_ms, a.last_run_duration_ms, a.last_stop_reason, a.raw, a.system, a.embedding_model, "
    "a.blocks, a.tools, a.identity_ids, a.llm_config, a.embedding_config";

int decodeAgent(const Statement &s, int c, Agent &agent)
{
    agent.id = s.text(c++);
    agent.name = s.text(c++);
    agent.agentType = s.text(c++);
    agent.model = s.text(c++);
    agent.description = s.text(c++);
    for (const auto &tag : parseJsonArray(s.text(c++)))
        agent.tags << tag.toString();
    agent.createdMs = s.optionalInt64(c++);
    agent.updatedMs = s.optionalInt64(c++);
    agent.lastRunCompletionMs = s.optionalInt64(c++);
    agent.lastRunDurationMs = s.optionalInt64(c++);
    agent.lastStopReason = s.text(c++);
    agent.raw = parseJsonObject(s.text(c++));
    agent.system = s.text(c++);
    agent.embeddingModel = s.text(c++);
    agent.blocks = memoryBlocksFromJson(parseJsonArray(s.text(c++)));
    agent.tools = toolRefsFromJson(parseJsonArray(s.text(c++)));
    for (const auto &id : parseJsonArray(s.text(c++)))
        agent.identityIds << id.toString();
    agent.llmConfig = parseJsonObject(s.text(c++));
    agent.embeddingConfig = parseJsonObject(s.text(c++));
    return c;
}

const char *const kJobColumns = "j.id, j.status, j.job_type, j.agent_id, j.stop_reason, j.error_text, j.created_ms, "
                                "j.updated_ms, j.completed_ms, j.metadata, j.raw";

int decodeJob(const Statement &s, int c, Job &job)
{
    job.id = s.text(c++);
    job.status = s.text(c++);
    job.jobType = s.text(c++);
    job.agentId = s.text(c++);
    job.stopReason = s.text(c++);
    job.errorText = s.text(c++);
    job.createdMs = s.optionalInt64(c++);
    job.updatedMs = s.optionalInt64(c++);
    job.completedMs = s.optionalInt64(c++);
    job.metadata = parseJsonObject(s.text(c++));
    job.raw = parseJsonObject(s.text(c++));
    return c;
}

} // namespace lettascope::store
