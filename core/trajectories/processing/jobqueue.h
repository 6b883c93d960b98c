// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "trajectories/processing/processingjob.h"

namespace lettascope::store {
class Database;
}

namespace lettascope::trajectories {

/**
 * The processing queue's SQL. Writes run on the store's writer thread inside the caller's transaction
 * (StoreWriter::transact); reads on any read connection. See docs/ARCHITECTURE.md for the state machine.
 */
namespace jobqueue {

/// Queues `stages` for each trajectory: merged into its queued job if there is one (attempts reset),
/// otherwise a new job. Returns how many jobs were created or widened.
Result<qint64> enqueue(store::Database &db, const QList<qint64> &trajectoryIds, StageMask stages, int maxAttempts,
                       qint64 nowMs);
/// Queues `stages` for every trajectory that `missingOnly` selects (all when false): the ones lacking a
/// result for `embeddingModelKey` when stages is Embedding only, else the ones never processed.
Result<qint64> enqueueAll(store::Database &db, StageMask stages, bool missingOnly, const QString &embeddingModelKey,
                          int maxAttempts, qint64 nowMs);
/// Takes up to `limit` due jobs for a worker: queued → running, attempts + 1, stamped with `claim`.
Result<QList<ClaimedJob>> claim(store::Database &db, int limit, qint64 nowMs, qint64 claim);
/// Gives back jobs a worker claimed but did not run (it is stopping): running → queued, attempt undone.
Result<qint64> release(store::Database &db, const QList<qint64> &jobIds, qint64 claim, qint64 nowMs);
/// Every job left `running` by a previous process (crash, kill) goes back to the queue.
Result<qint64> requeueInterrupted(store::Database &db, qint64 nowMs);
/// queued|running → cancelled. Empty ids: every open job. A running job's result is dropped when it lands.
Result<qint64> cancel(store::Database &db, const QList<qint64> &jobIds, qint64 nowMs);
/// failed|cancelled → queued with attempts reset. Empty ids: every failed job.
Result<qint64> retry(store::Database &db, const QList<qint64> &jobIds, qint64 nowMs);

/// Earliest next_attempt_ms of a queued job; nullopt when nothing is queued.
Result<std::optional<qint64>> nextDueMs(store::Database &db);
Result<QueueStats> stats(store::Database &db);
/// Open jobs first (running, then queued by due time), then the newest finished ones.
Result<QList<ProcessingJob>> list(store::Database &db, qint64 limit);

} // namespace jobqueue

} // namespace lettascope::trajectories
