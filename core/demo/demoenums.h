// SPDX-License-Identifier: MIT
#pragma once

#include <QStringView>

#include <optional>

// The Letta enums the demo dataset stores, as compact values with their wire names (letta-api.md §5).

namespace lettascope::demo {

enum class RunState : quint8 { Created, Running, Completed, Failed, Cancelled };

enum class StopReason : quint8 {
    None,
    EndTurn,
    Error,
    LlmApiError,
    InvalidLlmResponse,
    InvalidToolCall,
    MaxSteps,
    MaxTokensExceeded,
    NoToolCall,
    ToolRule,
    Cancelled,
    InsufficientCredits,
    RequiresApproval,
    ContextWindowOverflow,
};

enum class StepState : quint8 { Pending, Success, Failed, Cancelled };

enum class RunType : quint8 { SendMessage, SendMessageAsync, SendConversationMessage, SleeptimeAsync };

enum class JobState : quint8 { Created, Running, Completed, Failed, Pending, Cancelled, Expired };

/// One stored Letta message; several of them expand into more than one LettaMessage (§2.4).
enum class MessageKind : quint8 {
    System,           ///< system_message
    User,             ///< user_message (plain, content parts, or memgpt JSON string)
    Login,            ///< user_message carrying memgpt's {"type": "login"} packet
    Heartbeat,        ///< user_message carrying memgpt's {"type": "heartbeat"} packet
    ToolCall,         ///< [reasoning|hidden_reasoning] + tool_call_message (1–3 parallel calls)
    Reply,            ///< [reasoning|hidden_reasoning] + assistant_message
    ToolReturn,       ///< tool_return_message (one entry in tool_returns per call)
    ApprovalRequest,  ///< [reasoning] + approval_request_message
    ApprovalResponse, ///< approval_response_message (approved, or denied with a reason)
    Summary,          ///< summary_message
    Event,            ///< event_message (compaction)
};

const char *runStateName(RunState state);
const char *stopReasonName(StopReason reason);
const char *stepStateName(StepState state);
const char *runTypeName(RunType type);
const char *jobStateName(JobState state);

std::optional<RunState> parseRunState(QStringView text);
std::optional<StopReason> parseStopReason(QStringView text);

/// The run status a stop reason implies (letta_stop_reason.py run_status).
RunState runStateFor(StopReason reason);
bool isActive(RunState state);

} // namespace lettascope::demo
