// SPDX-License-Identifier: MIT
#include "demojson.h"

#include "democatalog.h"

#include <cstring>

// ProviderTrace: the raw LLM request and response of a step, in the provider's own wire format.

namespace lettascope::demo::json {

namespace {

struct StepTurn {
    quint32 input = kNone;     ///< the run's input message
    quint32 assistant = kNone; ///< the step's tool call, reply or approval request
};

StepTurn findTurn(const DemoDataset &data, quint32 stepIndex)
{
    StepTurn turn;
    const RunRec &run = data.runs[data.steps[stepIndex].run];
    for (quint32 index : run.messages) {
        const MessageRec &message = data.messages[index];
        if (turn.input == kNone && (message.kind == MessageKind::User || message.kind == MessageKind::ApprovalResponse))
            turn.input = index;
        const bool answer = message.kind == MessageKind::ToolCall || message.kind == MessageKind::Reply
            || message.kind == MessageKind::ApprovalRequest;
        if (message.step == stepIndex && answer)
            turn.assistant = index;
    }
    return turn;
}

void writeRequest(JsonWriter &out, const DemoDataset &data, const DemoContent &content, const StepRec &step,
                  const StepTurn &turn)
{
    const ModelSpec &model = models()[step.model];
    const AgentRec &agent = data.agents[step.agent];
    out.key("request_json").beginObject().stringField("model", model.name);
    out.key("messages").beginArray();
    out.beginObject().stringField("role", "system").stringField("content", agent.system.left(400)).endObject();
    if (turn.input != kNone && data.messages[turn.input].kind == MessageKind::User) {
        out.beginObject().stringField("role", "user");
        out.stringField("content", QByteArrayView(content.userContent(data.messages[turn.input]))).endObject();
    }
    out.endArray().key("tools").beginArray();
    for (quint16 tool : agent.tools) {
        out.beginObject().stringField("type", "function").key("function").beginObject();
        out.stringField("name", tools()[tool].name).endObject().endObject();
    }
    out.endArray().realField("temperature", 0.7).numberField("max_tokens", model.maxTokens).endObject();
}

void writeToolUse(JsonWriter &out, const DemoContent &content, const MessageRec &message, quint32 index, bool anthropic)
{
    for (int call = 0; call < message.calls; ++call) {
        out.beginObject();
        if (anthropic) {
            out.stringField("type", "tool_use").stringField("id", QByteArrayView(content.toolCallId(index, call)));
            out.stringField("name", tools()[message.tools[call]].name);
            out.key("input").raw(QByteArrayView(content.toolArguments(message, call)));
        } else {
            out.stringField("id", QByteArrayView(content.toolCallId(index, call))).stringField("type", "function");
            out.key("function").beginObject().stringField("name", tools()[message.tools[call]].name);
            out.stringField("arguments", QByteArrayView(content.toolArguments(message, call))).endObject();
        }
        out.endObject();
    }
}

void writeResponse(JsonWriter &out, const DemoDataset &data, const DemoContent &content, quint32 stepIndex,
                   const StepTurn &turn)
{
    const StepRec &step = data.steps[stepIndex];
    const bool anthropic = std::strcmp(models()[step.model].providerType, "anthropic") == 0;
    const bool reply = turn.assistant != kNone && data.messages[turn.assistant].kind == MessageKind::Reply;
    const QByteArray text = reply ? content.assistantText(data.messages[turn.assistant]) : QByteArray();
    out.key("response_json").beginObject();
    if (anthropic) {
        out.plainField("id", "msg_01" + std::string(data.ids.hex(0x7000000000ULL + stepIndex, 22).view()));
        out.stringField("type", "message").stringField("role", "assistant").key("content").beginArray();
        if (reply)
            out.beginObject().stringField("type", "text").stringField("text", QByteArrayView(text)).endObject();
        else if (turn.assistant != kNone)
            writeToolUse(out, content, data.messages[turn.assistant], turn.assistant, true);
        out.endArray().stringField("stop_reason", reply ? "end_turn" : "tool_use");
        out.key("usage").beginObject().numberField("input_tokens", qMax(0, step.promptTokens));
        out.numberField("output_tokens", qMax(0, step.completionTokens)).endObject();
    } else {
        out.plainField("id", "chatcmpl-" + std::string(data.ids.hex(0x6000000000ULL + stepIndex, 29).view()));
        out.stringField("object", "chat.completion").stringField("model", models()[step.model].name);
        out.key("choices").beginArray().beginObject().numberField("index", 0).key("message").beginObject();
        out.stringField("role", "assistant");
        if (reply)
            out.stringField("content", QByteArrayView(text));
        else
            out.nullField("content");
        if (!reply && turn.assistant != kNone) {
            out.key("tool_calls").beginArray();
            writeToolUse(out, content, data.messages[turn.assistant], turn.assistant, false);
            out.endArray();
        }
        out.endObject().stringField("finish_reason", reply ? "stop" : "tool_calls").endObject().endArray();
        out.key("usage").beginObject().numberField("prompt_tokens", qMax(0, step.promptTokens));
        out.numberField("completion_tokens", qMax(0, step.completionTokens));
        out.numberField("total_tokens", qMax(0, step.promptTokens) + qMax(0, step.completionTokens)).endObject();
    }
    out.endObject();
}

} // namespace

void writeProviderTrace(JsonWriter &out, const DemoDataset &data, const DemoContent &content, quint32 index)
{
    const StepRec &step = data.steps[index];
    if (!step.providerTrace) {
        out.null();
        return;
    }
    const StepTurn turn = findTurn(data, index);
    const AgentRec &agent = data.agents[step.agent];
    out.beginObject();
    out.stringField("created_by_id", kDefaultUser).stringField("last_updated_by_id", kDefaultUser);
    timeField(out, "created_at", step.start + (step.llmDelayNs + qMax<qint64>(step.llmNs, 0)) / 1000);
    out.nullField("updated_at");
    idField(out, "id", data, IdKind::ProviderTrace, index);
    writeRequest(out, data, content, step, turn);
    writeResponse(out, data, content, index, turn);
    idField(out, "step_id", data, IdKind::Step, index);
    idField(out, "agent_id", data, IdKind::Agent, step.agent);
    out.key("agent_tags").beginArray();
    for (const QString &tag : agent.tags)
        out.string(tag);
    out.endArray().stringField("call_type", "agent_step");
    idField(out, "run_id", data, IdKind::Run, step.run);
    out.stringField("source", "letta_agent_v3").stringField("org_id", kDefaultOrg);
    out.nullField("compaction_settings").nullField("llm_config").nullField("billing_context");
    out.endObject();
}

} // namespace lettascope::demo::json
