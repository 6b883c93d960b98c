// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lettascope::trajectories {

/// One tool call with its return, matched by tool_call_id (or, failing that, by order).
struct ToolCallFact {
    int turnIndex = 0;
    QString id;
    QString name;
    QString arguments;
    std::optional<bool> success;    ///< from the return's status; empty when no return was seen
    QString result;
};

/// The facts the local stages (and the LLM prompts' counts) need, read once from a trajectory's data.
struct TrajectoryDigest {
    QString runId;
    QString runStatus;
    QString stopReason;
    QString executionStatus;
    QString error;
    int turnCount = 0;
    int messageCount = 0;
    int userMessages = 0;
    int assistantMessages = 0;
    int reasoningParts = 0;
    int approvalsRequested = 0;
    int approvalsDenied = 0;
    qint64 totalTokens = 0;
    std::optional<qint64> durationNs;
    QStringList models;
    QStringList toolsUsed;
    QStringList userTexts;
    QString firstReasoning;
    QString lastAssistantText;
    QList<ToolCallFact> toolCalls;
    int toolErrors = 0;
    bool recoveredAfterError = false; ///< a tool error followed by a successful call, in a run that completed
};

TrajectoryDigest digestOf(const QJsonObject &data);

/// Collapses whitespace and cuts to `max` characters with an ellipsis.
QString clip(const QString &text, qsizetype max);

/// The texts of a seed-format message's content parts of one type ("text", "reasoning"), one per line.
QString partsText(const QJsonObject &message, QStringView type);

} // namespace lettascope::trajectories
