// SPDX-License-Identifier: MIT
#include "demojson.h"

#include "democatalog.h"
#include "demorandom.h"

#include <algorithm>
#include <cstring>

namespace lettascope::demo::json {

namespace {

std::optional<qint64> present(qint64 value)
{
    return value >= 0 ? std::optional<qint64>(value) : std::nullopt;
}

void writeCallback(JsonWriter &out, const RunRec &run)
{
    // A few background runs were started with a webhook; one in three of those failed to deliver.
    const bool hasCallback = run.background && run.completed != 0 && run.seed % 7 == 0;
    if (!hasCallback) {
        out.nullField("callback_url").nullField("callback_sent_at").nullField("callback_status_code");
        out.nullField("callback_error");
        return;
    }
    const bool failed = run.seed % 3 == 0;
    out.stringField("callback_url", "https://hooks.example.com/letta/run-finished");
    timeField(out, "callback_sent_at", run.completed + 250'000);
    out.numberField("callback_status_code", failed ? 502 : 200);
    if (failed)
        out.stringField("callback_error", "Callback returned HTTP 502: Bad Gateway");
    else
        out.nullField("callback_error");
}

} // namespace

void writeRun(JsonWriter &out, const DemoDataset &data, quint32 index, bool listView)
{
    const RunRec &run = data.runs[index];
    out.beginObject();
    idField(out, "id", data, IdKind::Run, index);
    out.stringField("status", runStateName(run.state));
    timeField(out, "created_at", run.created);
    naiveTimeField(out, "completed_at", run.completed);
    idField(out, "agent_id", data, IdKind::Agent, run.agent);
    out.nullField("conversation_id").nullField("base_template_id").boolField("background", run.background);
    out.key("metadata").beginObject().stringField("run_type", runTypeName(run.runType));
    if (run.state == RunState::Failed)
        out.stringField("error", QByteArrayView(DemoContent(data).runError(index)));
    out.endObject();
    out.key("request_config").beginObject().boolField("use_assistant_message", true);
    out.stringField("assistant_message_tool_name", "send_message");
    out.stringField("assistant_message_tool_kwarg", "message").nullField("include_return_message_types").endObject();
    if (run.stopReason != StopReason::None)
        out.stringField("stop_reason", stopReasonName(run.stopReason));
    else
        out.nullField("stop_reason");
    writeCallback(out, run);
    out.optionalNumberField("ttft_ns", present(run.ttftNs));
    out.optionalNumberField("total_duration_ns", listView || run.storesDuration ? present(run.durationNs) : std::nullopt);
    out.endObject();
}

void writeRunMetrics(JsonWriter &out, const DemoDataset &data, quint32 index)
{
    const RunRec &run = data.runs[index];
    out.beginObject();
    idField(out, "id", data, IdKind::Run, index);
    idField(out, "agent_id", data, IdKind::Agent, run.agent);
    out.nullField("project_id").numberField("run_start_ns", run.created * 1000);
    out.optionalNumberField("run_ns", present(run.durationNs)).numberField("num_steps", qint64(run.steps.size()));
    std::vector<quint8> used;
    for (quint32 message : run.messages) {
        const MessageRec &record = data.messages[message];
        if (record.kind != MessageKind::ToolCall && record.kind != MessageKind::ApprovalRequest)
            continue;
        for (int call = 0; call < record.calls; ++call) {
            if (std::find(used.begin(), used.end(), record.tools[call]) == used.end())
                used.push_back(record.tools[call]);
        }
    }
    out.key("tools_used").beginArray();
    for (quint8 tool : used)
        out.string(QByteArrayView(data.ids.make(IdKind::Tool, tool)));
    out.endArray().nullField("template_id").nullField("base_template_id").endObject();
}

void writeRunUsage(JsonWriter &out, const DemoDataset &data, quint32 index)
{
    qint64 prompt = 0, completion = 0, cached = -1, cacheWrite = -1, reasoning = -1;
    const auto add = [](qint64 &sum, qint32 value) {
        if (value >= 0)
            sum = qMax<qint64>(sum, 0) + value;
    };
    for (quint32 stepIndex : data.runs[index].steps) {
        const StepRec &step = data.steps[stepIndex];
        prompt += qMax(step.promptTokens, 0);
        completion += qMax(step.completionTokens, 0);
        add(cached, step.cachedTokens);
        add(cacheWrite, step.cacheWriteTokens);
        add(reasoning, step.reasoningTokens);
    }
    out.beginObject().numberField("completion_tokens", completion).numberField("prompt_tokens", prompt);
    out.numberField("total_tokens", prompt + completion);
    out.key("prompt_tokens_details").beginObject().optionalNumberField("cached_tokens", present(cached));
    out.optionalNumberField("cache_read_tokens", present(cached));
    out.optionalNumberField("cache_creation_tokens", present(cacheWrite)).endObject();
    out.key("completion_tokens_details").beginObject().optionalNumberField("reasoning_tokens", present(reasoning));
    out.endObject().endObject();
}

void writeStep(JsonWriter &out, const DemoDataset &data, quint32 index)
{
    const StepRec &step = data.steps[index];
    const RunRec &run = data.runs[step.run];
    const ModelSpec &model = models()[step.model];
    out.beginObject();
    idField(out, "id", data, IdKind::Step, index);
    out.nullField("origin");
    idField(out, "provider_id", data, IdKind::Provider, quint32(qMax(0, providerIndex(model.providerName))));
    idField(out, "run_id", data, IdKind::Run, step.run);
    idField(out, "agent_id", data, IdKind::Agent, step.agent);
    out.stringField("provider_name", model.providerName).stringField("provider_category", "base");
    out.stringField("model", model.name).stringField("model_handle", model.handle);
    out.stringField("model_endpoint", model.endpoint).numberField("context_window_limit", model.contextWindow);
    out.optionalNumberField("completion_tokens", present(step.completionTokens));
    out.optionalNumberField("prompt_tokens", present(step.promptTokens));
    const bool counted = step.promptTokens >= 0 && step.completionTokens >= 0;
    out.optionalNumberField("total_tokens", counted ? std::optional<qint64>(step.promptTokens + step.completionTokens)
                                                    : std::nullopt);
    out.optionalNumberField("cached_input_tokens", present(step.cachedTokens));
    out.optionalNumberField("cache_write_tokens", present(step.cacheWriteTokens));
    out.optionalNumberField("reasoning_tokens", present(step.reasoningTokens));
    if (step.reasoningTokens >= 0)
        out.key("completion_tokens_details").beginObject().numberField("reasoning_tokens", step.reasoningTokens).endObject();
    else
        out.nullField("completion_tokens_details");
    if (step.cachedTokens >= 0)
        out.key("prompt_tokens_details").beginObject().numberField("cached_tokens", step.cachedTokens).endObject();
    else
        out.nullField("prompt_tokens_details");
    if (step.stopReason != StopReason::None)
        out.stringField("stop_reason", stopReasonName(step.stopReason));
    else
        out.nullField("stop_reason");
    out.emptyArrayField("tags").nullField("tid");
    if (run.traced) {
        out.plainField("trace_id", data.ids.hex(step.run, 32).view());
    } else {
        out.nullField("trace_id");
    }
    if (std::strcmp(model.providerType, "openai") == 0 || std::strcmp(model.providerType, "anthropic") == 0) {
        const IdText request = data.ids.hex(0x5000000000ULL + index, 24);
        out.plainField("request_id", "req_" + std::string(request.view()));
    } else {
        out.nullField("request_id");
    }
    out.emptyArrayField("messages");
    if (step.feedback != 0)
        out.stringField("feedback", step.feedback == 1 ? "positive" : "negative");
    else
        out.nullField("feedback");
    out.nullField("project_id");
    const DemoContent content(data);
    const QByteArray errorType = content.stepErrorType(step);
    if (!errorType.isEmpty()) {
        out.stringField("error_type", QByteArrayView(errorType)).key("error_data").beginObject();
        out.stringField("message", QByteArrayView(content.runError(step.run)));
        out.stringField("type", QByteArrayView(errorType)).endObject();
    } else {
        out.nullField("error_type").nullField("error_data");
    }
    out.stringField("status", stepStateName(step.state)).stringField("organization_id", kDefaultOrg);
    out.endObject();
}

void writeStepMetrics(JsonWriter &out, const DemoDataset &data, quint32 index)
{
    const StepRec &step = data.steps[index];
    out.beginObject();
    idField(out, "id", data, IdKind::Step, index);
    idField(out, "provider_id", data, IdKind::Provider,
            quint32(qMax(0, providerIndex(models()[step.model].providerName))));
    idField(out, "run_id", data, IdKind::Run, step.run);
    idField(out, "agent_id", data, IdKind::Agent, step.agent);
    out.numberField("step_start_ns", step.start * 1000);
    out.numberField("llm_request_start_ns", step.start * 1000 + step.llmDelayNs);
    out.optionalNumberField("llm_request_ns", present(step.llmNs));
    out.optionalNumberField("tool_execution_ns", present(step.toolNs));
    out.optionalNumberField("step_ns", present(step.stepNs));
    out.nullField("base_template_id").nullField("template_id").nullField("project_id");
    out.endObject();
}

void writeJob(JsonWriter &out, const DemoDataset &data, quint32 index)
{
    const JobRec &job = data.jobs[index];
    out.beginObject();
    out.stringField("created_by_id", kDefaultUser).stringField("last_updated_by_id", kDefaultUser);
    timeField(out, "created_at", job.created);
    timeField(out, "updated_at", job.completed != 0 ? job.completed : job.created);
    out.stringField("status", jobStateName(job.state));
    naiveTimeField(out, "completed_at", job.completed);
    out.nullField("stop_reason").key("metadata").beginObject().stringField("type", "embedding");
    out.stringField("filename", job.fileName);
    idField(out, "source_id", data, IdKind::Source, job.folder);
    idField(out, "file_id", data, IdKind::File, index);
    if (job.state == JobState::Completed)
        out.numberField("num_passages", 12 + job.seed % 300);
    if (job.state == JobState::Failed)
        out.stringField("error", "Error processing file: embedding request failed with HTTP 429 (rate limited)");
    out.endObject();
    out.stringField("job_type", "job").nullField("background").nullField("agent_id");
    out.nullField("callback_url").nullField("callback_sent_at").nullField("callback_status_code");
    out.nullField("callback_error").nullField("ttft_ns");
    out.optionalNumberField("total_duration_ns", job.completed != 0 ? std::optional<qint64>((job.completed - job.created) * 1000)
                                                                     : std::nullopt);
    idField(out, "id", data, IdKind::Job, index);
    out.endObject();
}

} // namespace lettascope::demo::json
