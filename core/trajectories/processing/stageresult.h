// SPDX-License-Identifier: MIT
#pragma once

#include "trajectories/trajectory.h"

#include <QList>
#include <QString>

#include <optional>

namespace lettascope::trajectories {

/// What one stage produced for one trajectory: the payload on success, or a reason a person can read
/// and whether trying again could help (timeouts, 429, 5xx, malformed model output).
struct StageResult {
    Stage stage = Stage::Summary;
    bool ok = false;
    bool retryable = false;
    QString error;
    std::optional<qint64> retryAfterMs;     ///< the endpoint asked us to wait this long
    QString backend;                        ///< "local", "openai", "import"
    QString model;
    qint64 startedMs = 0;
    qint64 elapsedMs = 0;

    QString summary;
    std::optional<double> score;
    QString scoreReasoning;
    Labels labels;
    QString embeddingModelKey;              ///< "<backend>:<model>"
    QList<float> embedding;                 ///< L2-normalised
    QList<Decision> decisions;

    static StageResult failure(Stage stage, QString error, bool retryable)
    {
        StageResult r;
        r.stage = stage;
        r.error = std::move(error);
        r.retryable = retryable;
        return r;
    }
};

} // namespace lettascope::trajectories
