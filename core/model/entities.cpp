// SPDX-License-Identifier: MIT
#include "entities.h"

#include <array>

using namespace Qt::StringLiterals;

namespace lettascope {

MessageKind messageKindFromType(QStringView type)
{
    struct Entry {
        QStringView type;
        MessageKind kind;
    };
    // Includes the names 0.6.x servers used before the December 2024 rename.
    static constexpr std::array<Entry, 16> table{{
        {u"system_message", MessageKind::System},
        {u"user_message", MessageKind::User},
        {u"assistant_message", MessageKind::Assistant},
        {u"reasoning_message", MessageKind::Reasoning},
        {u"internal_monologue", MessageKind::Reasoning},
        {u"hidden_reasoning_message", MessageKind::HiddenReasoning},
        {u"tool_call_message", MessageKind::ToolCall},
        {u"function_call", MessageKind::ToolCall},
        {u"tool_return_message", MessageKind::ToolReturn},
        {u"function_return", MessageKind::ToolReturn},
        {u"approval_request_message", MessageKind::ApprovalRequest},
        {u"approval_response_message", MessageKind::ApprovalResponse},
        {u"summary_message", MessageKind::Summary},
        {u"event_message", MessageKind::Event},
        {u"error_message", MessageKind::Error},
        {u"loop_error", MessageKind::Error},
    }};
    for (const auto &entry : table) {
        if (entry.type == type)
            return entry.kind;
    }
    return MessageKind::Unknown;
}

QString messageKindLabel(MessageKind kind)
{
    switch (kind) {
    case MessageKind::System: return u"System"_s;
    case MessageKind::User: return u"User"_s;
    case MessageKind::Assistant: return u"Assistant"_s;
    case MessageKind::Reasoning: return u"Reasoning"_s;
    case MessageKind::HiddenReasoning: return u"Hidden reasoning"_s;
    case MessageKind::ToolCall: return u"Tool call"_s;
    case MessageKind::ToolReturn: return u"Tool return"_s;
    case MessageKind::ApprovalRequest: return u"Approval request"_s;
    case MessageKind::ApprovalResponse: return u"Approval response"_s;
    case MessageKind::Summary: return u"Summary"_s;
    case MessageKind::Event: return u"Event"_s;
    case MessageKind::Error: return u"Error"_s;
    case MessageKind::Unknown: break;
    }
    return u"Unknown"_s;
}

namespace {
struct ResourceKindInfo {
    ResourceKind kind;
    QStringView key;
    QStringView title;
};
constexpr std::array<ResourceKindInfo, ResourceKindCount> resourceKinds{{
    {ResourceKind::Tool, u"tool", u"Tools"},
    {ResourceKind::Block, u"block", u"Memory blocks"},
    {ResourceKind::McpServer, u"mcp_server", u"MCP servers"},
    {ResourceKind::Folder, u"folder", u"Folders"},
    {ResourceKind::Archive, u"archive", u"Archives"},
    {ResourceKind::Identity, u"identity", u"Identities"},
    {ResourceKind::LlmModel, u"llm_model", u"Models"},
    {ResourceKind::EmbeddingModel, u"embedding_model", u"Embedding models"},
    {ResourceKind::Provider, u"provider", u"Providers"},
    {ResourceKind::Group, u"group", u"Groups"},
    {ResourceKind::SandboxConfig, u"sandbox_config", u"Sandbox configs"},
}};
} // namespace

QString resourceKindKey(ResourceKind kind)
{
    return resourceKinds[size_t(kind)].key.toString();
}

std::optional<ResourceKind> resourceKindFromKey(QStringView key)
{
    for (const auto &info : resourceKinds) {
        if (info.key == key)
            return info.kind;
    }
    return std::nullopt;
}

QString resourceKindTitle(ResourceKind kind)
{
    return resourceKinds[size_t(kind)].title.toString();
}

} // namespace lettascope
