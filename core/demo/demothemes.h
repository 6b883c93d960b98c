// SPDX-License-Identifier: MIT
#pragma once

#include <span>

// Task themes: what the demo agents are asked to do. Runs of the same theme and task share their
// vocabulary, so semantic search over runs finds genuinely similar work.

namespace lettascope::demo {

struct TaskSpec {
    const char *request; ///< the user's message ({subject})
    const char *answer;  ///< the agent's final answer ({subject}, {n}, {num})
};

struct ThemeSpec {
    const char *name;
    std::span<const char *const> subjects;
    std::span<const TaskSpec> tasks;
    std::span<const char *const> tools;    ///< tool names this theme calls
    std::span<const char *const> thoughts; ///< reasoning lines ({subject}, {tool})
};

std::span<const ThemeSpec> themes();
int themeIndex(const char *name);

/// Reasoning lines shared by every theme: what the agent thinks before the final answer, after a
/// tool error, and when it asks for approval.
std::span<const char *const> closingThoughts();
std::span<const char *const> recoveryThoughts();
std::span<const char *const> approvalThoughts();

} // namespace lettascope::demo
