// SPDX-License-Identifier: MIT
#include "demoerrors.h"

#include "demoenums.h"

#include <array>

namespace lettascope::demo {

namespace {

constexpr std::array kSignatures{
    ErrorSignature{StopReason::LlmApiError, "RateLimitError",
                   "Rate limit reached for {model} in organization org-{hex} on tokens per min (TPM): Limit 200000, "
                   "Used {num}, Requested {n}42. Please try again in {n}82ms."},
    ErrorSignature{StopReason::LlmApiError, "APIStatusError",
                   "Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': "
                   "'Overloaded'}, 'request_id': 'req_011C{hex}'}"},
    ErrorSignature{StopReason::LlmApiError, "ServerError",
                   "503 UNAVAILABLE. {'error': {'code': 503, 'message': 'The model is overloaded. Please try again "
                   "later.', 'status': 'UNAVAILABLE'}}"},
    ErrorSignature{StopReason::Error, "ToolExecutionError",
                   "Tool execution error: TimeoutError: {tool} exceeded the 30s sandbox timeout (sandbox-{hex})"},
    ErrorSignature{StopReason::Error, "ConnectionError",
                   "Error calling {tool}: MCP server connection closed (ECONNRESET) after {n}.{n}s"},
    ErrorSignature{StopReason::InvalidToolCall, "JSONDecodeError",
                   "Invalid tool call: failed to parse arguments for call_{hex}: Expecting ',' delimiter: line 1 "
                   "column {num} (char {num})"},
    ErrorSignature{StopReason::InvalidToolCall, "ValueError",
                   "Invalid tool call: tool '{tool}_v{n}' is not attached to agent agent-{hex}"},
    ErrorSignature{StopReason::MaxTokensExceeded, "LLMError",
                   "Response truncated at max_tokens={n}096 while generating tool call arguments "
                   "(finish_reason=length, step {n})"},
    ErrorSignature{StopReason::InvalidLlmResponse, "LLMError",
                   "Invalid response from LLM: no tool call and no content in choice 0 (request req_{hex})"},
    ErrorSignature{StopReason::ContextWindowOverflow, "ContextWindowExceededError",
                   "System prompt and memory use {num}0 tokens, exceeding the context window of {model} "
                   "(error code context_length_exceeded)"},
};

} // namespace

std::span<const ErrorSignature> errorSignatures()
{
    return kSignatures;
}

} // namespace lettascope::demo
