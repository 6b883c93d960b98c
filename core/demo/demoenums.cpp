// SPDX-License-Identifier: MIT
#include "demoenums.h"

#include <QString>

#include <array>

namespace lettascope::demo {

namespace {

constexpr std::array kRunStates{"created", "running", "completed", "failed", "cancelled"};
constexpr std::array kStopReasons{"",
                                  "end_turn",
                                  "error",
                                  "llm_api_error",
                                  "invalid_llm_response",
                                  "invalid_tool_call",
                                  "max_steps",
                                  "max_tokens_exceeded",
                                  "no_tool_call",
                                  "tool_rule",
                                  "cancelled",
                                  "insufficient_credits",
                                  "requires_approval",
                                  "context_window_overflow_in_system_prompt"};
constexpr std::array kStepStates{"pending", "success", "failed", "cancelled"};
constexpr std::array kRunTypes{"send_message", "send_message_async", "send_conversation_message",
                               "sleeptime_agent_send_message_async"};
constexpr std::array kJobStates{"created", "running", "completed", "failed", "pending", "cancelled", "expired"};

template<typename Enum, size_t N>
std::optional<Enum> parse(const std::array<const char *, N> &names, QStringView text, size_t first = 0)
{
    for (size_t i = first; i < N; ++i) {
        if (text.compare(QLatin1StringView(names[i])) == 0)
            return Enum(i);
    }
    return std::nullopt;
}

} // namespace

const char *runStateName(RunState state)
{
    return kRunStates[size_t(state)];
}

const char *stopReasonName(StopReason reason)
{
    return kStopReasons[size_t(reason)];
}

const char *stepStateName(StepState state)
{
    return kStepStates[size_t(state)];
}

const char *runTypeName(RunType type)
{
    return kRunTypes[size_t(type)];
}

const char *jobStateName(JobState state)
{
    return kJobStates[size_t(state)];
}

std::optional<RunState> parseRunState(QStringView text)
{
    return parse<RunState>(kRunStates, text);
}

std::optional<StopReason> parseStopReason(QStringView text)
{
    return parse<StopReason>(kStopReasons, text, 1);
}

RunState runStateFor(StopReason reason)
{
    switch (reason) {
    case StopReason::None: return RunState::Running;
    case StopReason::EndTurn:
    case StopReason::MaxSteps:
    case StopReason::ToolRule:
    case StopReason::RequiresApproval: return RunState::Completed;
    case StopReason::Cancelled: return RunState::Cancelled;
    default: return RunState::Failed;
    }
}

bool isActive(RunState state)
{
    return state == RunState::Created || state == RunState::Running;
}

} // namespace lettascope::demo
