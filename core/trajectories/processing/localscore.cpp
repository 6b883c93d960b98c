// SPDX-License-Identifier: MIT
#include "localstages.h"

#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories::local {

namespace {

double clamp01(double v)
{
    return std::clamp(v, 0.0, 1.0);
}

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

QString num(double v)
{
    return QString::number(v, 'f', 2);
}

} // namespace

Score score(const TrajectoryDigest &d)
{
    const int users = std::max(d.userMessages, 1);
    const int distinctTools = int(QSet<QString>(d.toolsUsed.begin(), d.toolsUsed.end()).size());
    const int calls = int(d.toolCalls.size());
    const int succeeded = int(std::count_if(d.toolCalls.begin(), d.toolCalls.end(),
                                            [](const ToolCallFact &c) { return c.success.value_or(true); }));

    // Interaction depth: more user turns and more agent steps mean a richer exchange.
    const double depth = clamp01(0.15 + 0.2 * (users - 1) + 0.06 * std::max(0, d.turnCount - 1));
    // Task complexity: tokens (log scale), breadth of tools, length.
    const double complexity = clamp01(0.4 * std::min(1.0, std::log10(1.0 + double(d.totalTokens)) / 5.0)
                                      + 0.3 * std::min(1.0, distinctTools / 4.0)
                                      + 0.3 * std::min(1.0, d.messageCount / 30.0));
    // Tool orchestration: using tools at all, several of them, and with success.
    double orchestration = 0;
    if (calls > 0) {
        orchestration = 0.4 + 0.15 * (distinctTools - 1) + (calls > 1 ? 0.1 : 0.0);
        orchestration = clamp01(orchestration) * (0.5 + 0.5 * double(succeeded) / calls);
    }
    // Learning value: recovering from an error teaches most; failures and abandonment least.
    double learning = 0.6;
    QString learningWhy = u"completed cleanly"_s;
    if (d.recoveredAfterError) {
        learning = 1.0;
        learningWhy = u"recovered after a tool error"_s;
    } else if (d.runStatus == u"cancelled") {
        learning = 0.1;
        learningWhy = u"was cancelled"_s;
    } else if (d.runStatus == u"failed") {
        learning = 0.2;
        learningWhy = u"failed"_s;
    } else if (d.executionStatus == u"incomplete") {
        learning = 0.3;
        learningWhy = u"hit the token limit"_s;
    } else if (d.toolErrors > 0) {
        learning = 0.4;
        learningWhy = u"left %1 tool error(s) unresolved"_s.arg(d.toolErrors);
    }

    double value = 0.35 * depth + 0.30 * complexity + 0.20 * orchestration + 0.15 * learning;
    QStringList caps;
    if (d.turnCount <= 1 && calls == 0 && value > 0.5) {
        value = 0.5;
        caps << u"capped at 0.50 as a single-turn task without tools"_s;
    }
    if (d.runStatus == u"failed" || d.runStatus == u"cancelled") {
        value *= 0.6;
        caps << u"reduced because the run was %1"_s.arg(d.runStatus == u"failed" ? u"failed"_s : u"cancelled"_s);
    }
    value = round2(clamp01(value));

    QString reasoning = u"Local score %1: %2 user message(s) over %3 turn(s) (depth %4); %5 tokens, %6 tool(s), %7 message(s) "
                        "(complexity %8); "_s
                            .arg(num(value))
                            .arg(d.userMessages)
                            .arg(d.turnCount)
                            .arg(num(depth))
                            .arg(d.totalTokens)
                            .arg(distinctTools)
                            .arg(d.messageCount)
                            .arg(num(complexity));
    reasoning += calls == 0 ? u"no tool calls (orchestration 0.00); "_s
                            : u"%1 of %2 tool call(s) succeeded (orchestration %3); "_s.arg(succeeded).arg(calls).arg(num(orchestration));
    reasoning += u"the run %1 (learning %2)."_s.arg(learningWhy, num(learning));
    if (!caps.isEmpty())
        reasoning += u" Score "_s + caps.join(u", "_s) + u'.';
    return Score{value, reasoning};
}

} // namespace lettascope::trajectories::local
