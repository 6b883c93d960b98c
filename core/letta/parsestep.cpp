// SPDX-License-Identifier: MIT
#include "common/jsonread.h"
#include "parsers.h"
#include "net/errorbody.h"
#include "textflatten.h"

using namespace Qt::StringLiterals;

namespace lettascope::letta {

namespace {
struct TokenDetails {
    std::optional<qint64> cached;
    std::optional<qint64> cacheWrite;
    std::optional<qint64> reasoning;
};

// Newer servers report flat counters; older ones (and /usage) only the OpenAI-style details objects.
TokenDetails tokenDetailsOf(const QJsonObject &o)
{
    const QJsonObject prompt = json::object(o, u"prompt_tokens_details");
    const QJsonObject completion = json::object(o, u"completion_tokens_details");
    TokenDetails details;
    details.cached = json::int64(o, u"cached_input_tokens");
    if (!details.cached)
        details.cached = json::int64(prompt, u"cached_tokens");
    if (!details.cached)
        details.cached = json::int64(prompt, u"cache_read_tokens");
    details.cacheWrite = json::int64(o, u"cache_write_tokens");
    if (!details.cacheWrite)
        details.cacheWrite = json::int64(prompt, u"cache_creation_tokens");
    details.reasoning = json::int64(o, u"reasoning_tokens");
    if (!details.reasoning)
        details.reasoning = json::int64(completion, u"reasoning_tokens");
    return details;
}
} // namespace

Result<Step> parseStep(const QJsonValue &value)
{
    if (!value.isObject())
        return json::notAnObject(u"step", value);
    const QJsonObject o = value.toObject();
    Step step;
    step.id = json::str(o, u"id");
    if (step.id.isEmpty())
        return Error{ErrorKind::BadPayload, u"step without an id"_s};
    // 0.x steps point at their run through job_id.
    step.runId = json::firstStr(o, {u"run_id", u"job_id"});
    step.agentId = json::str(o, u"agent_id");
    step.model = json::str(o, u"model");
    step.modelHandle = json::str(o, u"model_handle");
    step.providerName = json::str(o, u"provider_name");
    step.status = json::str(o, u"status");
    step.stopReason = json::str(o, u"stop_reason");
    step.errorType = json::str(o, u"error_type");
    step.errorText = net::flattenDetail(o.value(u"error_data"));
    step.traceId = json::str(o, u"trace_id");
    step.promptTokens = json::int64(o, u"prompt_tokens");
    step.completionTokens = json::int64(o, u"completion_tokens");
    step.totalTokens = json::int64(o, u"total_tokens");
    const TokenDetails details = tokenDetailsOf(o);
    step.cachedTokens = details.cached;
    step.cacheWriteTokens = details.cacheWrite;
    step.reasoningTokens = details.reasoning;
    step.raw = o;
    return step;
}

Result<StepMetrics> parseStepMetrics(const QJsonValue &value)
{
    if (!value.isObject())
        return json::notAnObject(u"step metrics", value);
    const QJsonObject o = value.toObject();
    StepMetrics metrics;
    metrics.stepStartNs = json::int64(o, u"step_start_ns");
    metrics.llmRequestStartNs = json::int64(o, u"llm_request_start_ns");
    metrics.llmRequestNs = json::int64(o, u"llm_request_ns");
    metrics.toolExecutionNs = json::int64(o, u"tool_execution_ns");
    metrics.stepNs = json::int64(o, u"step_ns");
    metrics.raw = o;
    return metrics;
}

Result<RunUsage> parseRunUsage(const QJsonValue &value)
{
    if (!value.isObject())
        return json::notAnObject(u"usage", value);
    const QJsonObject o = value.toObject();
    RunUsage usage;
    usage.promptTokens = json::int64(o, u"prompt_tokens");
    usage.completionTokens = json::int64(o, u"completion_tokens");
    usage.totalTokens = json::int64(o, u"total_tokens");
    const TokenDetails details = tokenDetailsOf(o);
    usage.cachedTokens = details.cached;
    usage.cacheWriteTokens = details.cacheWrite;
    usage.reasoningTokens = details.reasoning;
    usage.raw = o;
    return usage;
}

Result<RunMetrics> parseRunMetrics(const QJsonValue &value)
{
    if (!value.isObject())
        return json::notAnObject(u"run metrics", value);
    const QJsonObject o = value.toObject();
    RunMetrics metrics;
    metrics.runId = json::str(o, u"id");
    metrics.agentId = json::str(o, u"agent_id");
    metrics.runStartNs = json::int64(o, u"run_start_ns");
    metrics.runNs = json::int64(o, u"run_ns");
    metrics.numSteps = json::int64(o, u"num_steps");
    metrics.toolsUsed = json::strList(o, u"tools_used");
    metrics.raw = o;
    return metrics;
}

Result<std::optional<ProviderTrace>> parseProviderTrace(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return std::optional<ProviderTrace>();
    if (!value.isObject())
        return json::notAnObject(u"provider trace", value);
    const QJsonObject o = value.toObject();
    ProviderTrace trace;
    trace.id = json::str(o, u"id");
    trace.stepId = json::str(o, u"step_id");
    trace.runId = json::str(o, u"run_id");
    trace.agentId = json::str(o, u"agent_id");
    trace.callType = json::str(o, u"call_type");
    trace.request = json::object(o, u"request_json");
    trace.response = json::object(o, u"response_json");
    trace.createdMs = json::timeMs(o, u"created_at");
    trace.raw = o;
    return std::optional<ProviderTrace>(std::move(trace));
}

} // namespace lettascope::letta
