// SPDX-License-Identifier: MIT
#pragma once

#include "messageids.h"
#include "model/entities.h"

#include <QJsonArray>
#include <QList>

#include <optional>

namespace lettascope::appserver {

/// One message of a conversation's stored history, from any of the three sources (the WebSocket
/// history, the on-disk store, a trajectory export), ready for the turn assembler.
struct HistoryEntry {
    Message message;              ///< ids normalised (messageids.h); agent and conversation filled in
    QString llmCallId;            ///< the LLM call that produced it; empty for user and tool entries
    std::optional<Step> callStep; ///< that call's usage and model, when the source keeps them
};

/// True for what an LLM call produces (assistant text, reasoning, tool calls, approval requests).
bool isLlmOutput(const Message &message);

/// conversation_messages_list items as entries, oldest first (`newestFirst`: the order they were
/// listed in, the server's default). Items that are not messages are counted in `skipped` and left out.
QList<HistoryEntry> entriesFromHistory(const QJsonArray &messages, bool newestFirst, const ConversationRef &conversation,
                                       qint64 *skipped);

/// The text of a user message's content parts without the <system-reminder> parts letta-code adds
/// (device and agent context, several KB): what the user typed. The stored raw JSON keeps them all.
QString promptText(const QJsonValue &content);

/// Normalises the id of a tool call or tool return entry (live or history) to toolMessageId().
void normaliseToolMessageId(Message &message, const ConversationRef &conversation);

} // namespace lettascope::appserver
