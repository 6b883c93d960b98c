// SPDX-License-Identifier: MIT
#include "toolparts.h"

#include "common/jsonread.h"
#include "common/jsonparse.h"
#include "textflatten.h"

using namespace Qt::StringLiterals;

namespace lettascope::letta {

ToolCall toolCallFrom(const QJsonObject &call)
{
    const QJsonObject function = json::object(call, u"function");
    ToolCall result;
    result.id = json::firstStr(call, {u"tool_call_id", u"id", u"function_call_id"});
    result.name = json::firstStr(call, {u"name"});
    if (result.name.isEmpty())
        result.name = json::str(function, u"name");
    QJsonValue arguments = call.value(u"arguments");
    if (arguments.isUndefined() || arguments.isNull())
        arguments = function.value(u"arguments");
    result.arguments = json::compact(arguments);
    return result;
}

QList<ToolCall> toolCallsOf(const QJsonObject &message)
{
    QList<ToolCall> calls;
    const QJsonValue many = message.value(u"tool_calls");
    if (many.isArray()) {
        for (const QJsonValue &item : many.toArray()) {
            if (item.isObject())
                calls.append(toolCallFrom(item.toObject()));
        }
    } else if (many.isObject()) {
        calls.append(toolCallFrom(many.toObject()));
    }
    if (!calls.isEmpty())
        return calls;
    // The deprecated single field duplicates tool_calls[0] on 1.x; on older servers it is all there is.
    for (QStringView key : {u"tool_call", u"function_call"}) {
        const QJsonValue single = message.value(key);
        if (single.isObject())
            return {toolCallFrom(single.toObject())};
    }
    return calls;
}

ToolReturn toolReturnFrom(const QJsonObject &element, const QString &fallbackCallId)
{
    ToolReturn result;
    result.toolCallId = json::firstStr(element, {u"tool_call_id", u"function_call_id"});
    if (result.toolCallId.isEmpty())
        result.toolCallId = fallbackCallId;
    QJsonValue text = element.value(u"tool_return");
    if (text.isUndefined() || text.isNull())
        text = element.value(u"func_response");
    if (text.isUndefined() || text.isNull())
        text = element.value(u"function_return");
    result.text = flattenContent(text);
    result.status = json::str(element, u"status");
    result.stdoutLines = json::strList(element, u"stdout");
    result.stderrLines = json::strList(element, u"stderr");
    return result;
}

QString statusFromFunctionResponse(const QString &text)
{
    if (!text.trimmed().startsWith(u'{'))
        return {};
    const auto parsed = parseJsonText(text.toUtf8());
    if (!parsed.ok() || !parsed.value().isObject())
        return {};
    const QString status = json::str(parsed.value().toObject(), u"status");
    if (status.compare(u"OK", Qt::CaseInsensitive) == 0 || status == u"success")
        return u"success"_s;
    if (status.compare(u"Failed", Qt::CaseInsensitive) == 0 || status == u"error")
        return u"error"_s;
    return {};
}

void readApprovalResponse(const QJsonObject &o, Message &m)
{
    std::optional<bool> allApproved;
    for (const QJsonValue &item : json::array(o, u"approvals")) {
        const QJsonObject element = item.toObject();
        const bool isDecision = json::str(element, u"type") == u"approval" || element.contains(u"approve");
        if (!isDecision) {
            // A ToolReturn here means the client ran the tool itself: approved by execution.
            m.toolReturns.append(toolReturnFrom(element, {}));
            allApproved = allApproved.value_or(true);
            continue;
        }
        allApproved = allApproved.value_or(true) && json::boolean(element, u"approve").value_or(false);
        if (m.approvalReason.isEmpty())
            m.approvalReason = json::str(element, u"reason");
    }
    // The deprecated single-approval fields win when present: older servers send only those.
    if (const auto approve = json::boolean(o, u"approve"))
        allApproved = approve;
    m.approved = allApproved;
    const QString reason = json::firstStr(o, {u"reason", u"denial_reason"});
    if (!reason.isEmpty())
        m.approvalReason = reason;
}

} // namespace lettascope::letta
