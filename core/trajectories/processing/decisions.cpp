// SPDX-License-Identifier: MIT
#include "localstages.h"

using namespace Qt::StringLiterals;

namespace lettascope::trajectories::local {

QString errorTypeFor(const QString &resultText)
{
    const QString text = resultText.toLower();
    if (text.contains(u"timeout") || text.contains(u"timed out"))
        return u"Timeout"_s;
    if (text.contains(u"validation") || text.contains(u"invalid"))
        return u"ValidationError"_s;
    if (text.contains(u"permission") || text.contains(u"unauthori") || text.contains(u"forbidden")
        || text.contains(u"denied"))
        return u"PermissionError"_s;
    if (text.contains(u"not found") || text.contains(u"no such"))
        return u"NotFoundError"_s;
    return u"Error"_s;
}

QList<Decision> decisions(const TrajectoryDigest &d)
{
    QList<Decision> out;
    for (qsizetype i = 0; i < d.toolCalls.size(); ++i) {
        const ToolCallFact &call = d.toolCalls[i];
        Decision decision;
        decision.decisionIndex = int(i);
        decision.turnIndex = call.turnIndex;
        decision.action = call.name.isEmpty() ? u"(unnamed tool)"_s : call.name;
        decision.arguments = call.arguments;
        decision.success = call.success;
        decision.toolCallId = call.id;
        decision.resultSummary = clip(call.result, 200);
        if (call.success == false)
            decision.errorType = errorTypeFor(call.result);
        out << decision;
    }
    return out;
}

} // namespace lettascope::trajectories::local
