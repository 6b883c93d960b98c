// SPDX-License-Identifier: MIT
#include "outcome.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

QString legacyOutcomeType(const QString &executionStatus)
{
    if (executionStatus == u"completed")
        return u"success"_s;
    if (executionStatus == u"incomplete")
        return u"partial_success"_s;
    if (executionStatus == u"failed")
        return u"failure"_s;
    if (executionStatus == u"error")
        return u"error"_s;
    return u"unknown"_s;
}

QJsonObject determineOutcome(const Run &run, const QList<MessageDict> &messages)
{
    QString status = u"unknown"_s;
    double confidence = 0.5;
    QStringList reasoning;

    switch (run.status) {
    case RunStatus::Completed:
        reasoning << u"Run completed without errors"_s;
        if (run.stopReason == u"end_turn") {
            status = u"completed"_s;
            confidence = 0.8;
            reasoning << u"Agent naturally ended turn"_s;
        } else if (run.stopReason == u"max_tokens") {
            status = u"incomplete"_s;
            confidence = 0.5;
            reasoning << u"Hit token limit (may be incomplete)"_s;
        } else {
            status = u"completed"_s;
            confidence = 0.7;
        }
        break;
    case RunStatus::Failed:
        status = u"failed"_s;
        confidence = 0.9;
        reasoning << u"Run failed with error"_s;
        if (!run.errorText.isEmpty())
            reasoning << u"Error: "_s + run.errorText;
        break;
    case RunStatus::Cancelled:
        status = u"failed"_s;
        confidence = 0.8;
        reasoning << u"Run was cancelled"_s;
        break;
    default:
        break;
    }

    const auto userMessages = std::count_if(messages.begin(), messages.end(),
                                            [](const MessageDict &m) { return m.role == u"user"; });
    if (userMessages > 3 && status == u"completed") {
        confidence = std::min(1.0, confidence + 0.1);
        reasoning << u"High user engagement (%1 user messages)"_s.arg(userMessages);
    }
    const auto toolMessages = std::count_if(messages.begin(), messages.end(),
                                            [](const MessageDict &m) { return m.hasToolCalls; });
    if (toolMessages > 0)
        reasoning << u"Used %1 tool calls"_s.arg(toolMessages);

    // Rounded so 0.7 + 0.1 prints as 0.8, not 0.7999999999999999.
    confidence = std::round(confidence * 100.0) / 100.0;
    const QJsonArray reasons = QJsonArray::fromStringList(reasoning);
    return {{u"execution"_s, QJsonObject{{u"status"_s, status}, {u"confidence"_s, confidence}, {u"reasoning"_s, reasons}}},
            {u"type"_s, legacyOutcomeType(status)},
            {u"confidence"_s, confidence},
            {u"reasoning"_s, reasons}};
}

} // namespace lettascope::trajectories
