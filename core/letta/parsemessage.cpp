// SPDX-License-Identifier: MIT
#include "common/jsonread.h"
#include "parsers.h"
#include "rolemessage.h"
#include "textflatten.h"
#include "toolparts.h"

using namespace Qt::StringLiterals;

namespace lettascope::letta {

namespace {
void readCommonFields(const QJsonObject &o, Message &m)
{
    m.id = json::str(o, u"id");
    m.messageType = json::str(o, u"message_type");
    m.kind = messageKindFromType(m.messageType);
    m.otid = json::str(o, u"otid");
    m.runId = json::str(o, u"run_id");
    m.stepId = json::str(o, u"step_id");
    m.agentId = json::str(o, u"agent_id");
    m.conversationId = json::str(o, u"conversation_id");
    m.dateMs = json::timeMs(o, u"date");
    if (!m.dateMs)
        m.dateMs = json::timeMs(o, u"created_at");
    m.name = json::str(o, u"name");
    m.senderId = json::str(o, u"sender_id");
    m.isError = json::boolean(o, u"is_err").value_or(false);
    m.raw = o;
}

void readToolReturns(const QJsonObject &o, Message &m)
{
    const QString callId = json::firstStr(o, {u"tool_call_id", u"function_call_id"});
    const QJsonArray returns = json::array(o, u"tool_returns");
    for (const QJsonValue &item : returns) {
        if (item.isObject())
            m.toolReturns.append(toolReturnFrom(item.toObject(), callId));
    }
    // The top-level fields repeat tool_returns[0] on 1.x and are all a 0.x server sends.
    if (m.toolReturns.isEmpty())
        m.toolReturns.append(toolReturnFrom(o, callId));
    QStringList texts;
    for (const ToolReturn &r : std::as_const(m.toolReturns)) {
        texts.append(r.text);
        m.isError = m.isError || r.status == u"error";
    }
    m.text = texts.join(u'\n');
}

QString eventText(const QJsonObject &o)
{
    const QString type = json::str(o, u"event_type");
    const QString data = json::compact(o.value(u"event_data"));
    return data.isEmpty() ? type : type + u": "_s + data;
}
} // namespace

Result<Message> parseLettaMessage(const QJsonValue &value)
{
    if (!value.isObject())
        return json::notAnObject(u"message", value);
    const QJsonObject o = value.toObject();
    Message m;
    readCommonFields(o, m);
    if (m.id.isEmpty())
        return Error{ErrorKind::BadPayload, u"message without an id (type \"%1\")"_s.arg(m.messageType)};

    switch (m.kind) {
    case MessageKind::System:
    case MessageKind::User:
    case MessageKind::Assistant: m.text = flattenContent(o.value(u"content")); break;
    case MessageKind::Reasoning: m.text = json::firstStr(o, {u"reasoning", u"internal_monologue"}); break;
    case MessageKind::HiddenReasoning:
        m.text = json::str(o, u"hidden_reasoning");
        if (m.text.isEmpty())
            m.text = u"[%1 reasoning]"_s.arg(json::str(o, u"state"));
        break;
    case MessageKind::ToolCall:
    case MessageKind::ApprovalRequest: m.toolCalls = toolCallsOf(o); break;
    case MessageKind::ToolReturn: readToolReturns(o, m); break;
    case MessageKind::ApprovalResponse: readApprovalResponse(o, m); break;
    case MessageKind::Summary: m.text = json::str(o, u"summary"); break;
    case MessageKind::Event: m.text = eventText(o); break;
    case MessageKind::Error:
        m.isError = true;
        m.text = json::firstStr(o, {u"message", u"detail"});
        break;
    case MessageKind::Unknown:
        // A type this build does not know: keep it, with whatever text it has.
        m.text = flattenContent(o.value(u"content"));
        if (m.text.isEmpty())
            m.text = json::firstStr(o, {u"text", u"message", u"reasoning", u"summary"});
        break;
    }
    return m;
}

Result<QList<Message>> parseMessageItem(const QJsonValue &value)
{
    if (!value.isObject())
        return json::notAnObject(u"message", value);
    const QJsonObject o = value.toObject();
    if (!o.contains(u"message_type") && o.contains(u"role")) {
        if (json::str(o, u"id").isEmpty())
            return Error{ErrorKind::BadPayload, u"role-based message without an id"_s};
        return messagesFromRoleMessage(o);
    }
    auto message = parseLettaMessage(value);
    if (!message)
        return message.error();
    return QList<Message>{std::move(message).value()};
}

} // namespace lettascope::letta
