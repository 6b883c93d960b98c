// SPDX-License-Identifier: MIT
#pragma once

#include "model/entities.h"

namespace lettascope::ui::agents {

/// The agent detail as plain text sections: description, system prompt, memory blocks, tools, LLM and
/// embedding config, identities, recent messages. Plain text so nothing in an agent can run or load anything.
QString agentDetailText(const Agent &agent, const QList<Message> &recentMessages);

} // namespace lettascope::ui::agents
