// SPDX-License-Identifier: MIT
// EventAssembler: stream_delta and control_request frames (the rest is in eventassembler.cpp).
#include "eventassembler.h"

#include "common/logging.h"
#include "common/timestamps.h"
#include "historyentry.h"
#include "common/jsonread.h"
#include "letta/parsers.h"
#include "letta/textflatten.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

namespace {
std::optional<qint64> timeOf(const QJsonObject &delta, const QJsonObject &frame)
{
    auto at = parseTimestampMs(delta.value(u"date").toString());
    return at ? at : parseTimestampMs(frame.value(u"emitted_at").toString());
}

Message eventMessage(const QJsonObject &delta, const QString &text, MessageKind kind, std::optional<qint64> atMs)
{
    Message message;
    message.id = delta.value(u"id").toString();
    message.messageType = delta.value(u"message_type").toString();
    message.kind = kind;
    message.isError = kind == MessageKind::Error;
    message.text = text;
    message.dateMs = atMs;
    message.raw = delta;
    return message;
}
} // namespace

LiveMessage &EventAssembler::upsertMessage(LiveRun &run, const QString &localKey, LiveMessage::Scope scope)
{
    auto it = run.messageIndex.find(localKey);
    if (it == run.messageIndex.end()) {
        LiveMessage entry;
        entry.localKey = localKey;
        entry.scope = scope;
        entry.message.sequence = run.messages.size();
        entry.message.agentId = run.run.agentId;
        entry.message.conversationId = run.conversationKey;
        run.messages.append(entry);
        it = run.messageIndex.insert(localKey, run.messages.size() - 1);
    }
    run.dirtyMessages.insert(*it);
    return run.messages[*it];
}

bool EventAssembler::applyDelta(LiveConversation &conv, const QJsonObject &frame)
{
    const QJsonObject delta = frame.value(u"delta").toObject();
    const QString type = delta.value(u"message_type").toString();
    const QString runId = delta.value(u"run_id").toString();
    if (type.isEmpty()) {
        qCWarning(lcAppServer) << "skipped a stream_delta without a message_type";
        return false;
    }
    if (runId.isEmpty())
        return true; // lifecycle events outside any run (status, commands) carry nothing to record
    const auto at = timeOf(delta, frame);
    LiveRun &run = ensureRun(conv, runId, at);
    if (type == u"assistant_message" || type == u"reasoning_message" || type == u"hidden_reasoning_message") {
        applyLlmText(run, delta, type, at);
    } else if (type == u"approval_request_message" || type == u"tool_call_message" || type == u"tool_return_message") {
        applyToolMessage(run, conv, delta);
    } else if (type == u"usage_statistics") {
        applyUsage(run, delta);
    } else if (type == u"stop_reason") {
        applyStopReason(run, delta.value(u"stop_reason").toString(), parseTimestampMs(frame.value(u"emitted_at").toString()));
    } else if (type == u"error_message") {
        Message message = eventMessage(delta, json::firstStr(delta, {u"message", u"detail"}), MessageKind::Error, at);
        run.run.errorText = message.text;
        run.runDirty = true;
        addLiveOnly(run, std::move(message));
    } else if (type == u"loop_error") {
        const QJsonObject apiError = delta.value(u"api_error").toObject();
        QString text = apiError.value(u"message").toString();
        if (text.isEmpty())
            text = delta.value(u"message").toString();
        if (run.run.errorText.isEmpty()) {
            run.run.errorText = text;
            run.runDirty = true;
        }
        addLiveOnly(run, eventMessage(delta, text, MessageKind::Error, at));
    } else if (type == u"event_message") {
        auto parsed = letta::parseLettaMessage(delta);
        addLiveOnly(run, eventMessage(delta, parsed ? parsed->text : QString(), MessageKind::Event, at));
    } else if (type == u"retry") {
        const QString text = u"retry %1/%2 in %3 ms: %4"_s.arg(delta.value(u"attempt").toInt())
                                 .arg(delta.value(u"max_attempts").toInt())
                                 .arg(delta.value(u"delay_ms").toInt())
                                 .arg(json::firstStr(delta, {u"message", u"reason"}));
        addLiveOnly(run, eventMessage(delta, text, MessageKind::Event, at));
    } else if (type == u"approval_classification_end") {
        applyApprovalClassification(run, delta, at);
    } else if (type == u"client_tool_start" || type == u"client_tool_end") {
        applyToolLifecycle(run, delta, at);
    }
    // Other lifecycle events (command_start/end, status) say nothing a run record keeps.
    return true;
}

void EventAssembler::applyLlmText(LiveRun &run, const QJsonObject &delta, const QString &type, std::optional<qint64> atMs)
{
    const QString id = delta.value(u"id").toString();
    const bool isNew = !run.messageIndex.contains(type + u':' + id);
    LiveMessage &entry = upsertMessage(run, type + u':' + id, LiveMessage::Scope::AsIs);
    Message &message = entry.message;
    if (isNew) {
        message.id = id;
        message.messageType = type;
        message.kind = messageKindFromType(type);
        message.dateMs = atMs;
        entry.stepPosition = run.llmCalls + 1; // the call in progress; its usage arrives after the text
    }
    QJsonObject raw = delta;
    if (type == u"assistant_message") {
        message.text += letta::flattenContent(delta.value(u"content"));
        raw.insert(u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, message.text}}});
    } else if (type == u"reasoning_message") {
        message.text += delta.value(u"reasoning").toString();
        raw.insert(u"reasoning"_s, message.text);
    } else {
        message.text = u"[hidden reasoning]"_s;
    }
    raw.remove(u"seq_id"_s);
    message.raw = raw;
}

void EventAssembler::applyToolMessage(LiveRun &run, LiveConversation &conv, const QJsonObject &delta)
{
    auto parsed = letta::parseLettaMessage(delta);
    if (!parsed) {
        qCWarning(lcAppServer) << "skipped a tool message:" << parsed.error().message;
        return;
    }
    Message message = std::move(parsed).value();
    normaliseToolMessageId(message, conv.ref);
    message.agentId = run.run.agentId;
    message.conversationId = run.conversationKey;
    message.runId.clear();
    QString refusedCall;
    int stepPosition = run.llmCalls + 1;
    if (message.kind == MessageKind::ToolReturn) {
        const QString callId = message.toolReturns.value(0).toolCallId;
        conv.controlRequests.remove(callId);
        stepPosition = run.stepOfToolCall.value(callId);
        // A call that needed the user and returns without ever starting was refused.
        if (run.awaitingUser.remove(callId) && !run.toolStartedMs.contains(callId))
            refusedCall = callId;
    } else {
        for (const ToolCall &call : std::as_const(message.toolCalls))
            run.stepOfToolCall.insert(call.id, stepPosition);
    }
    const std::optional<qint64> at = message.dateMs;
    const QString controlCallId = message.toolCalls.size() == 1 ? message.toolCalls.first().id : QString();
    LiveMessage &entry = upsertMessage(run, message.id, LiveMessage::Scope::AsIs);
    message.sequence = entry.message.sequence;
    entry.message = std::move(message);
    entry.stepPosition = stepPosition;
    if (const auto request = conv.controlRequests.constFind(controlCallId); request != conv.controlRequests.cend()) {
        entry.message.raw.insert(u"control_request"_s, *request);
        run.awaitingUser.insert(controlCallId);
    }
    if (!refusedCall.isEmpty())
        addApprovalDecision(run, refusedCall, false, u"not approved: the tool returned without running"_s, at);
}

void EventAssembler::applyUsage(LiveRun &run, const QJsonObject &delta)
{
    const int position = ++run.llmCalls;
    while (run.steps.size() < position)
        run.steps.append(Step{});
    Step &step = run.steps[position - 1];
    step.promptTokens = json::int64(delta, u"prompt_tokens");
    step.completionTokens = json::int64(delta, u"completion_tokens");
    step.totalTokens = json::int64(delta, u"total_tokens");
    step.cachedTokens = json::int64(delta, u"cached_input_tokens");
    step.cacheWriteTokens = json::int64(delta, u"cache_write_tokens");
    step.reasoningTokens = json::int64(delta, u"reasoning_tokens");
    QJsonObject raw = delta;
    raw.remove(u"seq_id"_s);
    step.raw = raw;
    run.dirtySteps.insert(position);
}

void EventAssembler::addLiveOnly(LiveRun &run, Message message)
{
    const int n = ++run.liveOnlyCount[message.messageType];
    LiveMessage &entry = upsertMessage(run, message.messageType + u'/' + QString::number(n), LiveMessage::Scope::PerRun);
    message.agentId = run.run.agentId;
    message.conversationId = run.conversationKey;
    message.sequence = entry.message.sequence;
    entry.message = std::move(message);
    entry.stepPosition = 0;
}

void EventAssembler::addApprovalDecision(LiveRun &run, const QString &toolCallId, bool approved, const QString &reason,
                                         std::optional<qint64> atMs)
{
    const QString id = toolMessageId(run.conversationKey, toolCallId, u"approval");
    LiveMessage &entry = upsertMessage(run, id, LiveMessage::Scope::AsIs);
    Message &message = entry.message;
    message.id = id;
    message.messageType = u"approval_response_message"_s;
    message.kind = MessageKind::ApprovalResponse;
    message.approved = approved;
    message.approvalReason = reason;
    message.text = reason;
    message.dateMs = atMs;
    // Not a server message: the decision is what the events imply, and the raw record says so.
    message.raw = QJsonObject{{u"source"_s, u"lettascope"_s}, {u"tool_call_id"_s, toolCallId}, {u"approve"_s, approved},
                              {u"reason"_s, reason}};
    entry.stepPosition = run.stepOfToolCall.value(toolCallId);
}

void EventAssembler::applyApprovalClassification(LiveRun &run, const QJsonObject &delta, std::optional<qint64> atMs)
{
    for (const QJsonValue &id : delta.value(u"auto_allowed_tool_call_ids").toArray())
        addApprovalDecision(run, id.toString(), true, u"approved automatically by the permission mode"_s, atMs);
    for (const QJsonValue &id : delta.value(u"auto_denied_tool_call_ids").toArray())
        addApprovalDecision(run, id.toString(), false, u"denied automatically by the permission mode"_s, atMs);
    for (const QJsonValue &id : delta.value(u"user_input_tool_call_ids").toArray())
        run.awaitingUser.insert(id.toString());
}

void EventAssembler::applyToolLifecycle(LiveRun &run, const QJsonObject &delta, std::optional<qint64> atMs)
{
    const QString callId = delta.value(u"tool_call_id").toString();
    if (callId.isEmpty() || !atMs)
        return;
    if (delta.value(u"message_type").toString() == u"client_tool_start") {
        run.toolStartedMs.insert(callId, *atMs);
        // Observers never see the user's answer; a tool that starts after asking was approved.
        if (run.awaitingUser.remove(callId))
            addApprovalDecision(run, callId, true, u"approved by the user (the tool started)"_s, atMs);
        return;
    }
    const int position = run.stepOfToolCall.value(callId);
    if (position <= 0 || position > run.steps.size() || !run.toolStartedMs.contains(callId))
        return;
    Step &step = run.steps[position - 1];
    StepMetrics metrics = step.metrics.value_or(StepMetrics{});
    metrics.toolExecutionNs = metrics.toolExecutionNs.value_or(0) + (*atMs - run.toolStartedMs.value(callId)) * 1'000'000;
    metrics.raw.insert(u"tool_execution_ms_observed"_s, double(*metrics.toolExecutionNs / 1'000'000));
    step.metrics = metrics;
    run.dirtySteps.insert(position);
}

void EventAssembler::applyControlRequest(LiveConversation &conv, const QJsonObject &frame)
{
    const QJsonObject request = frame.value(u"request").toObject();
    const QString callId = request.value(u"tool_call_id").toString();
    if (request.value(u"subtype").toString() != u"can_use_tool" || callId.isEmpty())
        return;
    conv.controlRequests.insert(callId, request);
    const QString requestId = toolMessageId(conv.ref.key, callId, u"request");
    for (const auto &run : std::as_const(m_runs)) {
        const auto index = run->messageIndex.find(requestId);
        if (run->conversationKey != conv.ref.key || index == run->messageIndex.end())
            continue;
        // Keep what the user was asked with the request it belongs to.
        Message &message = run->messages[*index].message;
        message.raw.insert(u"control_request"_s, request);
        run->dirtyMessages.insert(*index);
        run->awaitingUser.insert(callId);
        return;
    }
}

} // namespace lettascope::appserver
