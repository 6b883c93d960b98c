// SPDX-License-Identifier: MIT
#include "localstages.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories::local {

namespace {

QString outcomePhrase(const TrajectoryDigest &d)
{
    QString phrase;
    if (d.runStatus == u"cancelled")
        phrase = u"cancelled"_s;
    else if (d.runStatus == u"failed")
        phrase = u"failed"_s;
    else if (d.executionStatus == u"incomplete")
        phrase = u"incomplete"_s;
    else
        phrase = d.executionStatus.isEmpty() ? d.runStatus : d.executionStatus;
    if (!d.stopReason.isEmpty())
        phrase += u" (stop reason "_s + d.stopReason + u')';
    if (!d.error.isEmpty())
        phrase += u": "_s + clip(d.error, 160);
    return phrase;
}

QString approachPhrase(const TrajectoryDigest &d)
{
    QString text = u"%1 turn(s), %2 message(s), %3 tokens"_s.arg(d.turnCount).arg(d.messageCount).arg(QLocale::c().toString(d.totalTokens));
    if (d.toolCalls.isEmpty())
        return text + u", no tools"_s;
    text += u", %1 tool call(s) to %2"_s.arg(d.toolCalls.size()).arg(d.toolsUsed.join(u", "_s));
    if (d.toolErrors > 0)
        text += u", %1 tool error(s)"_s.arg(d.toolErrors) + (d.recoveredAfterError ? u", recovered after the error"_s : QString());
    if (d.approvalsDenied > 0)
        text += u", %1 approval(s) denied"_s.arg(d.approvalsDenied);
    return text;
}

} // namespace

QString summarize(const TrajectoryDigest &d)
{
    QStringList parts;
    const QString request = d.userTexts.isEmpty() ? QString() : clip(d.userTexts.constFirst(), 240);
    parts << (request.isEmpty() ? u"Request: (no user text)."_s : u"Request: "_s + request);
    if (d.userTexts.size() > 1)
        parts << u"Follow-ups: "_s + clip(d.userTexts.mid(1).join(u" / "_s), 200);
    parts << u"Approach: "_s + approachPhrase(d) + u'.';
    if (!d.firstReasoning.isEmpty())
        parts << u"Reasoning: "_s + clip(d.firstReasoning, 160);
    for (const ToolCallFact &call : d.toolCalls) {
        if (call.success == false) {
            parts << u"Tool error in "_s + call.name + u": "_s + clip(call.result, 140);
            break;
        }
    }
    parts << u"Outcome: "_s + outcomePhrase(d) + u'.';
    if (!d.lastAssistantText.isEmpty())
        parts << u"Answer: "_s + clip(d.lastAssistantText, 240);
    return parts.join(u'\n');
}

} // namespace lettascope::trajectories::local
