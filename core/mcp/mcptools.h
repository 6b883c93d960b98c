// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace lettascope::mcp {

/// Who is calling, as far as the client says: Letta sends `x-agent-id` over HTTP.
struct Caller {
    QString agentId;
};

/// What a tool call produced: the structured result and its text form, or a tool error (bad arguments,
/// a failed read) the calling agent can read and correct.
struct ToolResult {
    QJsonObject structured;
    QString text;
    bool isError = false;

    static ToolResult error(const QString &message) { return {{}, message, true}; }
};

/// The tools an McpServer offers. Calls run on the server's thread, one at a time.
class McpTools
{
public:
    virtual ~McpTools() = default;
    /// Tool descriptors for tools/list: name, title, description, inputSchema, outputSchema.
    virtual QJsonArray descriptors() const = 0;
    /// Empty for an unknown tool name (a protocol error, not a tool error).
    virtual std::optional<ToolResult> call(const QString &name, const QJsonObject &arguments, const Caller &caller) = 0;
};

} // namespace lettascope::mcp
