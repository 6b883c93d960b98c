// SPDX-License-Identifier: MIT
#include "sessionlog.h"

#include "common/timestamps.h"
#include "common/jsonread.h"
#include "letta/textflatten.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

namespace {

Step callStepOf(const QJsonObject &message)
{
    const QJsonObject usage = message.value(u"usage").toObject();
    Step step;
    step.promptTokens = json::int64(usage, u"input");
    step.completionTokens = json::int64(usage, u"output");
    step.totalTokens = json::int64(usage, u"totalTokens");
    step.cachedTokens = json::int64(usage, u"cacheRead");
    step.cacheWriteTokens = json::int64(usage, u"cacheWrite");
    step.reasoningTokens = json::int64(usage, u"reasoning");
    step.model = message.value(u"model").toString();
    step.providerName = message.value(u"provider").toString();
    step.raw = QJsonObject{{u"usage"_s, usage}, {u"stopReason"_s, message.value(u"stopReason")},
                           {u"responseId"_s, message.value(u"responseId")}, {u"model"_s, message.value(u"model")},
                           {u"provider"_s, message.value(u"provider")}};
    return step;
}

Message base(const QJsonObject &message, const QJsonObject &line, const ConversationRef &conversation,
             const QString &type)
{
    const QJsonObject metadata = message.value(u"metadata").toObject();
    Message m;
    m.id = message.value(u"id").toString();
    m.messageType = type;
    m.kind = messageKindFromType(type);
    m.agentId = metadata.value(u"agent_id").toString();
    if (m.agentId.isEmpty())
        m.agentId = conversation.agentId;
    m.conversationId = conversation.key;
    m.dateMs = parseTimestampMs(metadata.value(u"created_at").toString());
    if (!m.dateMs)
        m.dateMs = parseTimestampMs(line.value(u"timestamp").toString());
    m.raw = message;
    return m;
}

// One assistant entry is one LLM call; the history API shows its parts as separate entries.
void addAssistant(const QJsonObject &message, const QJsonObject &line, const ConversationRef &conversation,
                  QList<HistoryEntry> &out)
{
    const QString callId = message.value(u"id").toString();
    const Step step = callStepOf(message);
    QStringList texts;
    QStringList thoughts;
    QList<ToolCall> calls;
    for (const QJsonValue &value : message.value(u"content").toArray()) {
        const QJsonObject part = value.toObject();
        const QString type = part.value(u"type").toString();
        if (type == u"text") {
            texts.append(part.value(u"text").toString());
        } else if (type == u"thinking") {
            thoughts.append(part.value(u"thinking").toString());
        } else if (type == u"toolCall") {
            const QJsonValue args = part.value(u"arguments");
            calls.append(ToolCall{part.value(u"id").toString(), part.value(u"name").toString(),
                                  args.isString() ? args.toString() : json::compact(args)});
        }
    }
    auto add = [&](Message m) { out.append(HistoryEntry{std::move(m), callId, step}); };
    if (!thoughts.isEmpty()) {
        Message m = base(message, line, conversation, u"reasoning_message"_s);
        m.text = thoughts.join(u'\n');
        add(std::move(m));
    }
    if (!texts.isEmpty()) {
        Message m = base(message, line, conversation, u"assistant_message"_s);
        m.text = texts.join(u'\n');
        add(std::move(m));
    }
    for (const ToolCall &call : std::as_const(calls)) {
        Message m = base(message, line, conversation, u"approval_request_message"_s);
        m.toolCalls = {call};
        normaliseToolMessageId(m, conversation);
        add(std::move(m));
    }
}

} // namespace

QList<HistoryEntry> entriesFromSessionLog(const QByteArray &jsonl, const ConversationRef &conversation, qint64 *skipped)
{
    QList<HistoryEntry> entries;
    for (const QByteArray &raw : jsonl.split('\n')) {
        if (raw.trimmed().isEmpty())
            continue;
        const QJsonObject line = QJsonDocument::fromJson(raw).object();
        const QJsonObject message = line.value(u"message").toObject();
        const QString role = message.value(u"role").toString();
        if (line.value(u"type").toString() != u"message" || message.value(u"id").toString().isEmpty()) {
            if (skipped && line.value(u"type").toString() != u"session")
                ++*skipped;
            continue;
        }
        if (role == u"user") {
            Message m = base(message, line, conversation, u"user_message"_s);
            m.otid = message.value(u"otid").toString();
            m.text = promptText(message.value(u"content"));
            entries.append(HistoryEntry{std::move(m), {}, {}});
        } else if (role == u"assistant") {
            addAssistant(message, line, conversation, entries);
        } else if (role == u"toolResult") {
            Message m = base(message, line, conversation, u"tool_return_message"_s);
            const bool isError = message.value(u"isError").toBool();
            m.toolReturns = {ToolReturn{message.value(u"toolCallId").toString(), isError ? u"error"_s : u"success"_s,
                                        letta::flattenContent(message.value(u"content")), {}, {}}};
            m.text = m.toolReturns.first().text;
            m.isError = isError;
            normaliseToolMessageId(m, conversation);
            entries.append(HistoryEntry{std::move(m), {}, {}});
        } else if (skipped) {
            ++*skipped;
        }
    }
    return entries;
}

} // namespace lettascope::appserver
