// SPDX-License-Identifier: MIT
#pragma once

#include "model/runstatus.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lettascope::analytics {

/// Tokens a run spent on one model: the unit the price table applies to.
struct ModelTokens {
    QString model;
    std::optional<qint64> prompt;
    std::optional<qint64> completion;
    std::optional<qint64> cached;
    std::optional<qint64> reasoning;
};

/// One tool call as the run made it, in order.
struct ToolCallFact {
    QString tool;
    bool error = false;
    QString errorSignature;                ///< errorSignature() of the return's text when it failed
    std::optional<qint64> executionNs;     ///< from step metrics, when the step called only this tool
};

/// Everything one run contributes to the aggregates. Aggregates are computed from these alone, so an
/// incremental update reloads the facts of the changed runs and nothing else. Error texts are normalised
/// once, when loaded: adding and removing a run then costs no text processing.
struct RunFacts {
    qint64 rowId = 0;                      ///< the run's rowid in the cache (run_facts is keyed by it)
    qint64 serverId = 0;
    QString id;
    QString agentId;
    RunStatus status = RunStatus::Unknown;
    QString stopReason;
    std::optional<qint64> createdMs;
    std::optional<qint64> durationNs;
    std::optional<qint64> lastActivityMs;
    int stepCount = 0;
    std::optional<qint64> promptTokens;
    std::optional<qint64> completionTokens;
    std::optional<qint64> cachedTokens;
    std::optional<qint64> reasoningTokens;
    QString errorSignature;                ///< errorSignature() of metadata.error
    QList<ToolCallFact> toolCalls;
    QList<ModelTokens> modelTokens;
};

/// Facts by the run's rowid: unique across servers, and kept by a run for as long as it is cached.
using RunFactsMap = QHash<qint64, RunFacts>;

} // namespace lettascope::analytics
