// SPDX-License-Identifier: MIT
#include "demojson.h"

#include "democatalog.h"

#include <cstring>

namespace lettascope::demo::json {

namespace {

bool hasThinking(const MessageRec &message)
{
    return message.flags & (MessageFlag::Reasoning | MessageFlag::HiddenReasoning);
}

bool isAnthropicStep(const DemoDataset &data, const MessageRec &message)
{
    return message.step != kNone
        && std::strcmp(models()[data.steps[message.step].model].providerType, "anthropic") == 0;
}

void writeCommon(JsonWriter &out, const DemoDataset &data, quint32 index, int part, const char *type)
{
    const MessageRec &message = data.messages[index];
    idField(out, "id", data, IdKind::Message, index);
    out.plainField("date", isoSeconds(message.time).view());
    out.nullField("name").stringField("message_type", type);
    out.plainField("otid", data.ids.otid(index, part).view());
    const AgentRec &agent = data.agents[message.agent];
    const bool fromUser = message.kind == MessageKind::User;
    if (fromUser && !agent.identities.empty())
        idField(out, "sender_id", data, IdKind::Identity, agent.identities.front());
    else
        out.nullField("sender_id");
    if (message.step != kNone)
        idField(out, "step_id", data, IdKind::Step, message.step);
    else
        out.nullField("step_id");
    // is_err is only emitted when true.
    if (message.step != kNone && data.steps[message.step].state == StepState::Failed)
        out.boolField("is_err", true);
    out.nullField("seq_id");
    if (message.run != kNone)
        idField(out, "run_id", data, IdKind::Run, message.run);
    else
        out.nullField("run_id");
}

void writeText(JsonWriter &out, const QByteArray &text, bool parts)
{
    if (!parts) {
        out.string(QByteArrayView(text));
        return;
    }
    out.beginArray().beginObject().stringField("type", "text").stringField("text", QByteArrayView(text));
    out.nullField("signature").endObject().endArray();
}

void writeToolCall(JsonWriter &out, const DemoContent &content, const MessageRec &message, quint32 index, int call)
{
    out.beginObject().stringField("name", tools()[message.tools[call]].name);
    out.stringField("arguments", QByteArrayView(content.toolArguments(message, call)));
    out.stringField("tool_call_id", QByteArrayView(content.toolCallId(index, call))).endObject();
}

void writeToolCalls(JsonWriter &out, const DemoContent &content, const MessageRec &message, quint32 index)
{
    out.key("tool_call");
    writeToolCall(out, content, message, index, 0);
    out.key("tool_calls").beginArray();
    for (int call = 0; call < message.calls; ++call)
        writeToolCall(out, content, message, index, call);
    out.endArray();
}

void writeLines(JsonWriter &out, std::string_view name, const QByteArray &text)
{
    out.key(name).beginArray();
    if (!text.isEmpty())
        out.string(QByteArrayView(text));
    out.endArray();
}

void writeToolReturn(JsonWriter &out, const DemoContent &content, const MessageRec &message)
{
    const bool output = message.flags & MessageFlag::Output;
    const auto status = [&](int call) {
        return (message.flags & MessageFlag::ToolError) && call == 0 ? "error" : "success";
    };
    out.stringField("tool_return", QByteArrayView(content.toolReturn(message, 0))).stringField("status", status(0));
    out.stringField("tool_call_id", QByteArrayView(content.toolCallId(message.linked, 0)));
    if (output) {
        writeLines(out, "stdout", content.toolStdout(message, 0));
        writeLines(out, "stderr", content.toolStderr(message, 0));
    } else {
        out.nullField("stdout").nullField("stderr");
    }
    out.key("tool_returns").beginArray();
    for (int call = 0; call < qMax(1, int(message.calls)); ++call) {
        out.beginObject().stringField("type", "tool");
        out.stringField("tool_return", QByteArrayView(content.toolReturn(message, call))).stringField("status", status(call));
        out.stringField("tool_call_id", QByteArrayView(content.toolCallId(message.linked, call)));
        if (output) {
            writeLines(out, "stdout", content.toolStdout(message, call));
            writeLines(out, "stderr", content.toolStderr(message, call));
        } else {
            out.nullField("stdout").nullField("stderr");
        }
        out.endObject();
    }
    out.endArray();
}

void writeApprovalResponse(JsonWriter &out, const DemoDataset &data, const DemoContent &content,
                           const MessageRec &message)
{
    const bool denied = message.flags & MessageFlag::Denied;
    const QByteArray reason = denied ? content.denialReason(message) : QByteArray();
    out.key("approvals").beginArray().beginObject().stringField("type", "approval");
    out.stringField("tool_call_id", QByteArrayView(content.toolCallId(message.linked, 0)));
    out.boolField("approve", !denied).stringOrNullField("reason", QByteArrayView(reason)).endObject().endArray();
    out.boolField("approve", !denied);
    idField(out, "approval_request_id", data, IdKind::Message, message.linked);
    out.stringOrNullField("reason", QByteArrayView(reason));
}

void writeCompaction(JsonWriter &out, const DemoDataset &data, const MessageRec &message)
{
    const int window = message.step != kNone ? models()[data.steps[message.step].model].contextWindow : 128000;
    const int before = qMin(window - 1000, 9000 + int(message.seed % 20000));
    out.stringField("trigger", "context_window_limit").numberField("context_tokens_before", before);
    out.numberField("context_tokens_after", before / 4).numberField("context_window", window);
    out.numberField("messages_count_before", 30 + message.seed % 40).numberField("messages_count_after", 6);
}

} // namespace

int lettaMessageCount(const MessageRec &message)
{
    switch (message.kind) {
    case MessageKind::ToolCall:
    case MessageKind::Reply:
    case MessageKind::ApprovalRequest: return hasThinking(message) ? 2 : 1;
    default: return 1;
    }
}

const char *lettaMessageType(const MessageRec &message, int part)
{
    if (part == 0 && lettaMessageCount(message) == 2)
        return message.flags & MessageFlag::HiddenReasoning ? "hidden_reasoning_message" : "reasoning_message";
    switch (message.kind) {
    case MessageKind::System: return "system_message";
    case MessageKind::User:
    case MessageKind::Login:
    case MessageKind::Heartbeat: return "user_message";
    case MessageKind::ToolCall: return "tool_call_message";
    case MessageKind::Reply: return "assistant_message";
    case MessageKind::ToolReturn: return "tool_return_message";
    case MessageKind::ApprovalRequest: return "approval_request_message";
    case MessageKind::ApprovalResponse: return "approval_response_message";
    case MessageKind::Summary: return "summary_message";
    case MessageKind::Event: return "event_message";
    }
    return "";
}

void writeLettaMessage(JsonWriter &out, const DemoDataset &data, const DemoContent &content, quint32 index, int part)
{
    const MessageRec &message = data.messages[index];
    out.beginObject();
    if (part == 0 && lettaMessageCount(message) == 2) {
        if (message.flags & MessageFlag::HiddenReasoning) {
            const bool redacted = message.seed % 2 == 0;
            writeCommon(out, data, index, part, "hidden_reasoning_message");
            out.stringField("state", redacted ? "redacted" : "omitted");
            if (redacted)
                out.stringField("hidden_reasoning", QByteArrayView(content.reasoningSignature(index)));
            else
                out.nullField("hidden_reasoning");
        } else {
            const bool reasoner = message.flags & MessageFlag::ReasonerSource;
            writeCommon(out, data, index, part, "reasoning_message");
            out.stringField("source", reasoner ? "reasoner_model" : "non_reasoner_model");
            out.stringField("reasoning", QByteArrayView(content.reasoning(message)));
            if (reasoner && isAnthropicStep(data, message))
                out.stringField("signature", QByteArrayView(content.reasoningSignature(index)));
            else
                out.nullField("signature");
        }
        out.endObject();
        return;
    }
    switch (message.kind) {
    case MessageKind::System:
        writeCommon(out, data, index, part, "system_message");
        out.stringField("content", QByteArrayView(content.systemText(message)));
        break;
    case MessageKind::User:
    case MessageKind::Login:
    case MessageKind::Heartbeat:
        writeCommon(out, data, index, part, "user_message");
        out.key("content");
        writeText(out, content.userContent(message), message.flags & MessageFlag::ContentParts);
        break;
    case MessageKind::ToolCall:
        writeCommon(out, data, index, part, "tool_call_message");
        writeToolCalls(out, content, message, index);
        break;
    case MessageKind::Reply:
        writeCommon(out, data, index, part, "assistant_message");
        out.key("content");
        writeText(out, content.assistantText(message), message.flags & MessageFlag::ContentParts);
        break;
    case MessageKind::ToolReturn:
        writeCommon(out, data, index, part, "tool_return_message");
        writeToolReturn(out, content, message);
        break;
    case MessageKind::ApprovalRequest:
        writeCommon(out, data, index, part, "approval_request_message");
        writeToolCalls(out, content, message, index);
        break;
    case MessageKind::ApprovalResponse:
        writeCommon(out, data, index, part, "approval_response_message");
        writeApprovalResponse(out, data, content, message);
        break;
    case MessageKind::Summary:
        writeCommon(out, data, index, part, "summary_message");
        out.stringField("summary", QByteArrayView(content.summary(message))).key("compaction_stats").beginObject();
        writeCompaction(out, data, message);
        out.endObject();
        break;
    case MessageKind::Event:
        writeCommon(out, data, index, part, "event_message");
        out.stringField("event_type", "compaction").key("event_data").beginObject();
        writeCompaction(out, data, message);
        out.endObject();
        break;
    }
    out.endObject();
}

void writeLettaMessages(JsonWriter &out, const DemoDataset &data, const DemoContent &content, quint32 index)
{
    const int count = lettaMessageCount(data.messages[index]);
    for (int part = 0; part < count; ++part)
        writeLettaMessage(out, data, content, index, part);
}

} // namespace lettascope::demo::json
