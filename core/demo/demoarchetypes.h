// SPDX-License-Identifier: MIT
#pragma once

#include <span>

namespace lettascope::demo {

/// The template of a demo agent. Agents beyond the number of archetypes reuse them with a suffix.
struct ArchetypeSpec {
    const char *name;
    const char *description;
    const char *agentType;
    const char *model;        ///< handle of the main model
    const char *altModel;     ///< some steps switch to this model (multi-model runs), or nullptr
    const char *embedding;
    const char *themes[2];    ///< main theme and an occasional second one (or nullptr)
    const char *tags;         ///< comma separated
    const char *coreTools;    ///< comma separated, added to the themes' tools
    const char *persona;
    const char *human;
    const char *customLabel;
    const char *customValue;
    const char *customDescription;
    const char *system;       ///< the system prompt
};

std::span<const ArchetypeSpec> archetypes();

/// memgpt-style agents answer through the send_message tool (shown as assistant_message)…
bool usesSendMessage(const char *agentType);
/// …and the oldest type also packages user input as a JSON string ({"type": "user_message", …}).
bool packagesUserJson(const char *agentType);

} // namespace lettascope::demo
