// SPDX-License-Identifier: MIT
#include "timelinetext.h"

#include "ui/common/format.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace lettascope::ui::runs {

namespace {
QString oneLine(QString text, int maxChars)
{
    text.replace(u'\n', u' ');
    if (text.size() > maxChars)
        text = text.left(maxChars) + u'…';
    return text;
}
} // namespace

QString prettyJson(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return text;
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

QString messageSummary(const Message &message, int maxChars)
{
    switch (message.kind) {
    case MessageKind::ToolCall:
    case MessageKind::ApprovalRequest: {
        QStringList calls;
        for (const ToolCall &call : message.toolCalls)
            calls << call.name + u'(' + QString(call.arguments).simplified() + u')';
        return oneLine(calls.join(u"; "_s), maxChars);
    }
    case MessageKind::ToolReturn: {
        QStringList returns;
        for (const ToolReturn &r : message.toolReturns)
            returns << u"[%1] %2"_s.arg(r.status.isEmpty() ? u"?"_s : r.status, r.text);
        return oneLine(returns.isEmpty() ? message.text : returns.join(u"; "_s), maxChars);
    }
    case MessageKind::ApprovalResponse: {
        const QString verdict = !message.approved ? u"answered"_s : *message.approved ? u"approved"_s : u"denied"_s;
        return oneLine(message.approvalReason.isEmpty() ? verdict : verdict + u": "_s + message.approvalReason, maxChars);
    }
    case MessageKind::HiddenReasoning:
        return message.text.isEmpty() ? u"(reasoning hidden by the provider)"_s : oneLine(message.text, maxChars);
    case MessageKind::Unknown:
        return oneLine(u"[%1] %2"_s.arg(message.messageType, message.text), maxChars);
    default:
        return oneLine(message.text, maxChars);
    }
}

QString messageFullText(const Message &message)
{
    QStringList parts;
    if (!message.text.isEmpty())
        parts << message.text;
    for (const ToolCall &call : message.toolCalls)
        parts << u"Tool call %1 (%2)\n%3"_s.arg(call.name, call.id, prettyJson(call.arguments));
    for (const ToolReturn &r : message.toolReturns) {
        QString block = u"Tool return for %1 — status: %2\n%3"_s.arg(r.toolCallId, r.status, prettyJson(r.text));
        if (!r.stdoutLines.isEmpty())
            block += u"\n--- stdout\n"_s + r.stdoutLines.join(u'\n');
        if (!r.stderrLines.isEmpty())
            block += u"\n--- stderr\n"_s + r.stderrLines.join(u'\n');
        parts << block;
    }
    if (message.approved) {
        QString verdict = *message.approved ? u"Approved"_s : u"Denied"_s;
        if (!message.approvalReason.isEmpty())
            verdict += u": "_s + message.approvalReason;
        parts << verdict;
    }
    if (parts.isEmpty())
        parts << QString::fromUtf8(QJsonDocument(message.raw).toJson(QJsonDocument::Indented));
    return parts.join(u"\n\n"_s);
}

QString stepSummary(const Step &step, int number)
{
    QStringList parts{u"Step %1"_s.arg(number)};
    if (!step.model.isEmpty())
        parts << step.model;
    if (!step.status.isEmpty())
        parts << step.status;
    if (step.totalTokens || step.promptTokens) {
        QString tokens = u"%1 tokens (prompt %2 / completion %3"_s.arg(format::count(step.totalTokens),
                                                                     format::count(step.promptTokens),
                                                                     format::count(step.completionTokens));
        if (step.cachedTokens)
            tokens += u" / cached "_s + format::count(step.cachedTokens);
        if (step.reasoningTokens)
            tokens += u" / reasoning "_s + format::count(step.reasoningTokens);
        parts << tokens + u')';
    }
    if (step.metrics && step.metrics->stepNs)
        parts << format::durationNs(step.metrics->stepNs);
    if (!step.errorType.isEmpty())
        parts << u"error: "_s + step.errorType;
    return parts.join(u" · "_s);
}

} // namespace lettascope::ui::runs
