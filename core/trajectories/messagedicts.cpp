// SPDX-License-Identifier: MIT
#include "messagedicts.h"

#include "common/timestamps.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

namespace {

QJsonObject part(const QString &type, const QString &text)
{
    return {{u"type"_s, type}, {u"text"_s, text}};
}

QString roleFor(const Message &m)
{
    switch (m.kind) {
    case MessageKind::System:
    case MessageKind::Summary:
    case MessageKind::Event:
    case MessageKind::Error: return u"system"_s;
    case MessageKind::User: return u"user"_s;
    case MessageKind::Assistant:
    case MessageKind::Reasoning:
    case MessageKind::HiddenReasoning:
    case MessageKind::ToolCall:
    case MessageKind::ApprovalRequest: return u"assistant"_s;
    case MessageKind::ToolReturn: return u"tool"_s;
    case MessageKind::ApprovalResponse: return u"approval"_s;
    case MessageKind::Unknown: break;
    }
    const QString role = m.raw.value(u"role"_s).toString();
    return role.isEmpty() ? u"unknown"_s : role;
}

QJsonObject toolCallJson(const ToolCall &call)
{
    return {{u"id"_s, call.id},
            {u"type"_s, u"function"_s},
            {u"function"_s, QJsonObject{{u"name"_s, call.name}, {u"arguments"_s, call.arguments}}}};
}

// Content parts a message entry contributes; the part type says what it was.
QJsonArray contentParts(const Message &m)
{
    QJsonArray parts;
    switch (m.kind) {
    case MessageKind::Reasoning:
        if (!m.text.isEmpty())
            parts.append(part(u"reasoning"_s, m.text));
        break;
    case MessageKind::HiddenReasoning: parts.append(part(u"hidden_reasoning"_s, m.text)); break;
    case MessageKind::Summary: parts.append(part(u"summary"_s, m.text)); break;
    case MessageKind::Event: parts.append(part(u"event"_s, m.text)); break;
    case MessageKind::Error: parts.append(part(u"error"_s, m.text)); break;
    case MessageKind::ApprovalResponse: {
        QString text = m.approved ? (*m.approved ? u"approved"_s : u"denied"_s) : u"answered"_s;
        if (!m.approvalReason.isEmpty())
            text += u": "_s + m.approvalReason;
        parts.append(part(u"approval"_s, text));
        break;
    }
    case MessageKind::Unknown:
        if (!m.text.isEmpty())
            parts.append(part(m.messageType, m.text));
        break;
    case MessageKind::ToolCall:
    case MessageKind::ApprovalRequest:
    case MessageKind::ToolReturn:
        break; // calls and returns have their own keys
    default:
        if (!m.text.isEmpty())
            parts.append(part(u"text"_s, m.text));
        break;
    }
    return parts;
}

QJsonValue timestampOf(const Message &m)
{
    return m.dateMs ? QJsonValue(formatTimestampMs(*m.dateMs)) : QJsonValue(QJsonValue::Null);
}

MessageDict newDict(const Message &m, const QString &role)
{
    MessageDict out;
    out.stepId = m.stepId;
    out.role = role;
    out.dict = {{u"message_id"_s, m.id}, {u"role"_s, role}, {u"timestamp"_s, timestampOf(m)}};
    return out;
}

// Appends tool returns as one `tool` message each: a parallel tool call returns several at once.
void appendToolReturns(const Message &m, QList<MessageDict> &out)
{
    for (const ToolReturn &ret : m.toolReturns) {
        MessageDict d = newDict(m, u"tool"_s);
        QString text = ret.text;
        if (!ret.stderrLines.isEmpty())
            text += (text.isEmpty() ? QString() : u"\n"_s) + ret.stderrLines.join(u'\n');
        d.dict.insert(u"content"_s, QJsonArray{part(u"text"_s, text)});
        if (!ret.toolCallId.isEmpty())
            d.dict.insert(u"tool_call_id"_s, ret.toolCallId);
        if (!ret.status.isEmpty())
            d.dict.insert(u"status"_s, ret.status);
        out << d;
    }
}

} // namespace

QList<MessageDict> toMessageDicts(const QList<Message> &messages)
{
    QList<MessageDict> out;
    // (stored id, role) -> index in `out`: entries of one stored message merge into one dict.
    QHash<QString, qsizetype> byKey;
    for (const Message &m : messages) {
        if (m.kind == MessageKind::ToolReturn) {
            appendToolReturns(m, out);
            continue;
        }
        const QString role = roleFor(m);
        const QString key = m.id + u'\x1f' + role;
        qsizetype index = m.id.isEmpty() ? -1 : byKey.value(key, -1);
        if (index < 0) {
            out << newDict(m, role);
            index = out.size() - 1;
            if (!m.id.isEmpty())
                byKey.insert(key, index);
            if (m.kind == MessageKind::Unknown)
                out[index].dict.insert(u"message_type"_s, m.messageType);
        }
        MessageDict &d = out[index];
        if (d.stepId.isEmpty())
            d.stepId = m.stepId;
        if (const QJsonArray parts = contentParts(m); !parts.isEmpty()) {
            QJsonArray content = d.dict.value(u"content"_s).toArray();
            for (const auto &p : parts)
                content.append(p);
            d.dict.insert(u"content"_s, content);
        }
        if (!m.toolCalls.isEmpty()) {
            QJsonArray calls = d.dict.value(u"tool_calls"_s).toArray();
            for (const ToolCall &call : m.toolCalls)
                calls.append(toolCallJson(call));
            d.dict.insert(u"tool_calls"_s, calls);
            d.hasToolCalls = true;
        }
        if (m.kind == MessageKind::ApprovalRequest)
            d.dict.insert(u"approval"_s, u"requested"_s);
        if (m.kind == MessageKind::ApprovalResponse && m.approved)
            d.dict.insert(u"approved"_s, *m.approved);
        // The earliest entry's time stands for the whole message.
        if (d.dict.value(u"timestamp"_s).isNull() && m.dateMs)
            d.dict.insert(u"timestamp"_s, timestampOf(m));
    }
    return out;
}

} // namespace lettascope::trajectories
