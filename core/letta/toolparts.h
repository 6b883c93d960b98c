// SPDX-License-Identifier: MIT
#pragma once

#include "model/entities.h"

#include <QJsonObject>
#include <QList>

// Tool calls and returns appear in half a dozen shapes across API generations and file formats;
// these readers turn all of them into the app's ToolCall / ToolReturn values.

namespace lettascope::letta {

/// {name, arguments, tool_call_id}, OpenAI's {id, function:{name, arguments}}, or 0.x
/// {name, arguments, function_call_id}. Arguments given as an object become compact JSON text.
ToolCall toolCallFrom(const QJsonObject &call);

/// The calls of a message: `tool_calls` (array, or a single delta object) when present, else the
/// deprecated single `tool_call`, else 0.x `function_call`. Never counts one call twice.
QList<ToolCall> toolCallsOf(const QJsonObject &message);

/// A ToolReturn element (`tool_return` or `func_response` as text or content parts). The message's
/// own tool_call_id fills in when the element has none (legacy .af files).
ToolReturn toolReturnFrom(const QJsonObject &element, const QString &fallbackCallId);

/// Fills approved / approvalReason / toolReturns from an approval response: `approvals[]` holding
/// decisions ({type:"approval", approve, reason}) or ToolReturns (the client ran the tool itself,
/// which counts as approved), and the deprecated single `approve` / `reason` / `denial_reason`.
void readApprovalResponse(const QJsonObject &message, Message &m);

/// "success"/"error" from a Letta function response such as {"status": "OK"|"Failed", …};
/// empty when the text is not such a JSON object.
QString statusFromFunctionResponse(const QString &text);

} // namespace lettascope::letta
