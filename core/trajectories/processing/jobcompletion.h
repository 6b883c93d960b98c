// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "trajectories/processing/processingjob.h"
#include "trajectories/processing/stageresult.h"
#include "store/writebatch.h"

namespace lettascope::store {
class Database;
}

namespace lettascope::trajectories {

/// What a worker brings back for one claimed job.
struct JobOutcome {
    ClaimedJob job;
    QString inputHash;              ///< content_hash of the trajectory the stages read
    bool trajectoryMissing = false; ///< deleted while queued
    QList<StageResult> results;
};

/// Backoff for jobs whose stages failed transiently: full jitter, honouring Retry-After.
struct RetryTiming {
    int baseMs = 2'000;
    int maxMs = 300'000;
};

/**
 * Lands finished jobs (writer thread, one transaction for the batch). A job whose claim is no longer
 * the worker's (cancelled, re-queued after a restart) is dropped unapplied; a job whose trajectory
 * was rebuilt meanwhile is cancelled as superseded (the rebuild queued a fresh one). Otherwise each
 * stage result is written, and the job succeeds, goes back to the queue with only its failed stages
 * (transient failures, attempts left), or fails with every stage's reason.
 */
Result<store::ChangeSet> completeJobs(store::Database &db, const QList<JobOutcome> &outcomes, qint64 nowMs,
                                      const RetryTiming &timing = {});

/// Progress of a running job (share of its stages done), if `claim` still owns it.
Status setJobProgress(store::Database &db, qint64 jobId, qint64 claim, double progress, qint64 nowMs);

} // namespace lettascope::trajectories
