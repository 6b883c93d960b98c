// SPDX-License-Identifier: MIT
#pragma once

#include "stage.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// Value types for trajectories as the cache keeps them. They cross threads by value.

namespace lettascope::trajectories {

/// One decision per tool call (the seed's DecisionSummary, success taken from the tool return's status).
struct Decision {
    int decisionIndex = 0;
    int turnIndex = 0;
    QString action;             ///< the tool name
    QString arguments;          ///< JSON text as the model produced it
    std::optional<bool> success; ///< empty: no return was seen (awaiting approval, run cut short)
    QString errorType;          ///< Timeout, ValidationError, PermissionError, NotFoundError, Error
    QString resultSummary;
    QString toolCallId;
};

/// Labels: tags, task category, complexity level and free metadata (seed §3.3).
struct Labels {
    QStringList tags;
    QString category;
    QString complexity;         ///< trivial|simple|moderate|complex|expert
    QJsonObject metadata;
};

/// What the last run of one stage did, and who did it.
struct StageInfo {
    Stage stage = Stage::Summary;
    bool ok = false;
    QString backend;
    QString model;
    QString error;
    std::optional<qint64> startedMs;
    std::optional<qint64> finishedMs;
    std::optional<qint64> elapsedMs;
};

/// A person's own judgement of a trajectory; exported with it, never touched by processing.
struct Annotation {
    std::optional<double> humanScore;
    QStringList tags;
    QString note;
    std::optional<qint64> updatedMs;
    bool isEmpty() const { return !humanScore && tags.isEmpty() && note.isEmpty(); }
};

/// A trajectory as list views show it (everything but the turns).
struct TrajectoryRow {
    qint64 rowId = 0;
    qint64 serverId = 0;
    QString id;
    QString runId;
    QString agentId;
    QString agentName;
    QString executionStatus;    ///< outcome.execution.status: completed|incomplete|failed|unknown
    QString runStatus;
    QString stopReason;
    std::optional<qint64> createdMs;
    int stepCount = 0;
    int messageCount = 0;
    qint64 totalTokens = 0;
    std::optional<qint64> durationNs;
    QStringList toolsUsed;
    QString summary;
    std::optional<double> score;
    QString scoreReasoning;
    QString category;
    QString complexity;
    QStringList tags;
    QString processingState;    ///< pending|processing|completed|partial|failed
    std::optional<qint64> processedMs;
    qint64 builtMs = 0;
    qint64 rowSeq = 0;
    bool imported = false;
    std::optional<double> humanScore;
};

/// A trajectory with everything the detail view shows.
struct TrajectoryDetail {
    TrajectoryRow row;
    QJsonObject data;           ///< seed format: run_id, metadata, turns, outcome
    QJsonObject labelMetadata;
    QList<StageInfo> stages;
    QList<Decision> decisions;
    Annotation annotation;
    QStringList embeddingModels;
};

} // namespace lettascope::trajectories

Q_DECLARE_METATYPE(lettascope::trajectories::TrajectoryRow)
Q_DECLARE_METATYPE(lettascope::trajectories::TrajectoryDetail)
