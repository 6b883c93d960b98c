// SPDX-License-Identifier: MIT
#pragma once

#include "model/entities.h"

#include <QJsonObject>
#include <QList>

// Letta's internal, role-based message (agent files, 0.x Step.messages, msg_object=true) expanded
// into the LettaMessage-style entries the rest of the app works with, the way the server does it:
// reasoning first, then text, then tool calls. The entries share the stored message's id and differ
// by message_type, so the store key (id, message_type, otid) stays unique.

namespace lettascope::letta {

struct RoleMessageOptions {
    /// MemGPT-style agents (memgpt_agent, memgpt_v2_agent) speak through send_message; their plain
    /// assistant text is inner monologue and becomes a Reasoning entry.
    bool assistantTextIsMonologue = false;
    QString agentId;    ///< for messages that do not name their agent
    QString id;         ///< overrides the message's id (legacy .af messages have none)
};

bool assistantTextIsMonologue(QStringView agentType);

QList<Message> messagesFromRoleMessage(const QJsonObject &message, const RoleMessageOptions &options = {});

} // namespace lettascope::letta
