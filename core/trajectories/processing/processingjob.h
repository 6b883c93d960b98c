// SPDX-License-Identifier: MIT
#pragma once

#include "trajectories/stage.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace lettascope::trajectories {

enum class JobState { Queued, Running, Succeeded, Failed, Cancelled };
QString jobStateKey(JobState state);                ///< "queued", "running", …
std::optional<JobState> jobStateFromKey(QStringView key);

/// A row of the persistent processing queue, as the Jobs tab shows it.
struct ProcessingJob {
    qint64 id = 0;
    qint64 trajectoryId = 0;
    QString trajectoryKey;      ///< "trajectory-<run id>"
    QString runId;
    StageMask stages = 0;       ///< stages still to run
    JobState state = JobState::Queued;
    int attempts = 0;
    int maxAttempts = 0;
    qint64 nextAttemptMs = 0;
    QString lastError;
    double progress = 0;
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    std::optional<qint64> startedMs;
    std::optional<qint64> finishedMs;
};

/// Counts per state, for status bars and the CLI's progress line.
struct QueueStats {
    qint64 queued = 0;
    qint64 running = 0;
    qint64 succeeded = 0;
    qint64 failed = 0;
    qint64 cancelled = 0;
    bool paused = false;
    qint64 total() const { return queued + running + succeeded + failed + cancelled; }
    qint64 open() const { return queued + running; }
};

/// A job a worker took: enough to run it and to prove, when writing back, that it still owns it.
struct ClaimedJob {
    qint64 id = 0;
    qint64 trajectoryId = 0;
    StageMask stages = 0;
    int attempts = 0;           ///< including this one
    int maxAttempts = 0;
    qint64 claim = 0;
};

} // namespace lettascope::trajectories

Q_DECLARE_METATYPE(lettascope::trajectories::ProcessingJob)
Q_DECLARE_METATYPE(lettascope::trajectories::QueueStats)
