// SPDX-License-Identifier: MIT
#include "rolemessage.h"

#include "common/jsonread.h"
#include "textflatten.h"
#include "toolparts.h"

using namespace Qt::StringLiterals;

namespace lettascope::letta {

namespace {
struct Parts {
    QStringList reasoning;
    QStringList hidden;
    QStringList text;
};

Parts splitContent(const QJsonValue &content)
{
    Parts parts;
    if (!content.isArray()) {
        parts.text.append(json::str(content));
    } else {
        for (const QJsonValue &item : content.toArray()) {
            const QJsonObject part = item.toObject();
            const QString type = json::str(part, u"type");
            const QString text = item.isObject() ? contentPartText(part) : json::str(item);
            if (type == u"reasoning" || type == u"summarized_reasoning")
                parts.reasoning.append(text);
            else if (type == u"redacted_reasoning" || type == u"omitted_reasoning")
                parts.hidden.append(text);
            else
                parts.text.append(text);
        }
    }
    // Whitespace-only parts ("\n\n" between reasoning and reply) carry nothing.
    parts.text.removeIf([](const QString &t) { return t.trimmed().isEmpty(); });
    parts.reasoning.removeIf([](const QString &t) { return t.trimmed().isEmpty(); });
    return parts;
}

Message baseMessage(const QJsonObject &o, const RoleMessageOptions &options)
{
    Message m;
    m.id = options.id.isEmpty() ? json::str(o, u"id") : options.id;
    m.agentId = json::str(o, u"agent_id");
    if (m.agentId.isEmpty())
        m.agentId = options.agentId;
    m.otid = json::str(o, u"otid");
    m.runId = json::str(o, u"run_id");
    m.stepId = json::str(o, u"step_id");
    m.conversationId = json::str(o, u"conversation_id");
    m.dateMs = json::timeMs(o, u"created_at");
    m.name = json::str(o, u"name");
    m.senderId = json::str(o, u"sender_id");
    m.isError = json::boolean(o, u"is_err").value_or(false);
    m.raw = o;
    return m;
}

Message entry(const Message &base, MessageKind kind, QString type, QString text = {})
{
    Message m = base;
    m.kind = kind;
    m.messageType = std::move(type);
    m.text = std::move(text);
    return m;
}

void appendToolReturns(const QJsonObject &o, const Parts &parts, Message &m)
{
    const QString callId = json::str(o, u"tool_call_id");
    const QString contentText = parts.text.join(u'\n');
    for (const QJsonValue &item : json::array(o, u"tool_returns")) {
        if (item.isObject())
            m.toolReturns.append(toolReturnFrom(item.toObject(), callId));
    }
    if (m.toolReturns.isEmpty())
        m.toolReturns.append(toolReturnFrom(QJsonObject{}, callId));
    for (ToolReturn &r : m.toolReturns) {
        // Legacy files keep the result only in the content text, and some omit status entirely.
        if (r.text.isEmpty())
            r.text = contentText;
        if (r.status.isEmpty())
            r.status = statusFromFunctionResponse(r.text);
        m.isError = m.isError || r.status == u"error";
    }
    QStringList texts;
    for (const ToolReturn &r : std::as_const(m.toolReturns))
        texts.append(r.text);
    m.text = texts.join(u'\n');
}

void appendAssistantLike(const QJsonObject &o, const Parts &parts, bool approval, bool monologue,
                         const Message &base, QList<Message> &out)
{
    if (!parts.hidden.isEmpty())
        out.append(entry(base, MessageKind::HiddenReasoning, u"hidden_reasoning_message"_s, parts.hidden.join(u'\n')));
    QStringList reasoning = parts.reasoning;
    if (monologue)
        reasoning += parts.text;
    if (!reasoning.isEmpty())
        out.append(entry(base, MessageKind::Reasoning, u"reasoning_message"_s, reasoning.join(u'\n')));
    if (!monologue && !parts.text.isEmpty())
        out.append(entry(base, MessageKind::Assistant, u"assistant_message"_s, parts.text.join(u'\n')));

    const QList<ToolCall> calls = toolCallsOf(o);
    if (!calls.isEmpty()) {
        Message m = approval ? entry(base, MessageKind::ApprovalRequest, u"approval_request_message"_s)
                             : entry(base, MessageKind::ToolCall, u"tool_call_message"_s);
        m.toolCalls = calls;
        out.append(std::move(m));
    }
    const bool hasDecision = !json::array(o, u"approvals").isEmpty() || json::boolean(o, u"approve").has_value();
    if (approval && hasDecision) {
        Message m = entry(base, MessageKind::ApprovalResponse, u"approval_response_message"_s);
        readApprovalResponse(o, m);
        out.append(std::move(m));
    }
}
} // namespace

bool assistantTextIsMonologue(QStringView agentType)
{
    return agentType == u"memgpt_agent" || agentType == u"memgpt_v2_agent";
}

QList<Message> messagesFromRoleMessage(const QJsonObject &o, const RoleMessageOptions &options)
{
    const Message base = baseMessage(o, options);
    const QString role = json::str(o, u"role");
    const Parts parts = splitContent(o.value(u"content"));
    QList<Message> out;

    if (role == u"system") {
        out.append(entry(base, MessageKind::System, u"system_message"_s, parts.text.join(u'\n')));
    } else if (role == u"user") {
        out.append(entry(base, MessageKind::User, u"user_message"_s, parts.text.join(u'\n')));
    } else if (role == u"assistant" || role == u"approval") {
        appendAssistantLike(o, parts, role == u"approval", options.assistantTextIsMonologue, base, out);
    } else if (role == u"tool" || role == u"function") {
        Message m = entry(base, MessageKind::ToolReturn, u"tool_return_message"_s);
        appendToolReturns(o, parts, m);
        out.append(std::move(m));
    } else if (role == u"summary") {
        out.append(entry(base, MessageKind::Summary, u"summary_message"_s, parts.text.join(u'\n')));
    }
    if (out.isEmpty()) {
        // An unknown role, or an assistant message with nothing in it: keep it rather than lose it.
        const MessageKind kind = role == u"assistant" ? MessageKind::Assistant : MessageKind::Unknown;
        out.append(entry(base, kind, role == u"assistant" ? u"assistant_message"_s : role, parts.text.join(u'\n')));
    }
    return out;
}

} // namespace lettascope::letta
