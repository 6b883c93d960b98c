// SPDX-License-Identifier: MIT
#pragma once

#include "model/entities.h"

#include <QJsonObject>
#include <QList>

namespace lettascope::trajectories {

/// A Letta message in the seed's dict shape, with the step it belongs to (for turn grouping).
struct MessageDict {
    QString stepId;
    QString role;
    bool hasToolCalls = false;
    QJsonObject dict;           ///< message_id, role, timestamp, [content], [tool_calls], [tool_call_id], …
};

/**
 * Turns the cache's message entries (one per Letta message type, several sharing a stored message id)
 * back into role messages as the seed converter saw them: reasoning, text and tool calls of one stored
 * assistant message merge into one dict; each tool return is a `tool` message with its call id and
 * the return's own status. Reasoning is kept as text (the seed stored the object's repr); unknown
 * message types are kept with their type instead of being dropped. Order is the input order.
 */
QList<MessageDict> toMessageDicts(const QList<Message> &messages);

} // namespace lettascope::trajectories
