// SPDX-License-Identifier: MIT
#include "historyentry.h"

#include "common/logging.h"
#include "letta/parsers.h"
#include "letta/textflatten.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

bool isLlmOutput(const Message &message)
{
    switch (message.kind) {
    case MessageKind::Assistant:
    case MessageKind::Reasoning:
    case MessageKind::HiddenReasoning:
    case MessageKind::ToolCall:
    case MessageKind::ApprovalRequest: return true;
    default: return false;
    }
}

QString promptText(const QJsonValue &content)
{
    if (!content.isArray())
        return letta::flattenContent(content);
    QJsonArray typed;
    for (const QJsonValue &part : content.toArray()) {
        const QString text = part.toObject().value(u"text").toString().trimmed();
        if (!(text.startsWith(u"<system-reminder>") && text.endsWith(u"</system-reminder>")))
            typed.append(part);
    }
    // A message made only of reminders is still shown as what it is rather than as an empty prompt.
    return letta::flattenContent(typed.isEmpty() ? content : QJsonValue(typed));
}

void normaliseToolMessageId(Message &message, const ConversationRef &conversation)
{
    if ((message.kind == MessageKind::ApprovalRequest || message.kind == MessageKind::ToolCall)
        && message.toolCalls.size() == 1 && !message.toolCalls.first().id.isEmpty()) {
        message.id = toolMessageId(conversation.key, message.toolCalls.first().id, u"request");
    } else if (message.kind == MessageKind::ToolReturn && !message.toolReturns.isEmpty()
               && !message.toolReturns.first().toolCallId.isEmpty()) {
        message.id = toolMessageId(conversation.key, message.toolReturns.first().toolCallId, u"return");
    }
}

QList<HistoryEntry> entriesFromHistory(const QJsonArray &messages, bool newestFirst, const ConversationRef &conversation,
                                       qint64 *skipped)
{
    QList<HistoryEntry> entries;
    entries.reserve(messages.size());
    for (const QJsonValue &item : messages) {
        auto parsed = letta::parseLettaMessage(item);
        if (!parsed) {
            if (skipped)
                ++*skipped;
            qCWarning(lcAppServer) << "skipped a history message:" << parsed.error().message;
            continue;
        }
        HistoryEntry entry;
        entry.message = std::move(parsed).value();
        if (entry.message.kind == MessageKind::User)
            entry.message.text = promptText(item.toObject().value(u"content"));
        if (isLlmOutput(entry.message))
            entry.llmCallId = storedMessageIdOf(entry.message.id);
        normaliseToolMessageId(entry.message, conversation);
        if (entry.message.agentId.isEmpty())
            entry.message.agentId = conversation.agentId;
        entry.message.conversationId = conversation.key;
        entries.append(std::move(entry));
    }
    if (newestFirst)
        std::reverse(entries.begin(), entries.end());
    return entries;
}

} // namespace lettascope::appserver
