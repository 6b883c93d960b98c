// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QMetaType>
#include <QString>

#include <atomic>
#include <functional>

namespace lettascope::store {
class StoreWriter;
}

namespace lettascope::trajectories {

struct BuildOptions {
    bool rebuildAll = false;        ///< ignore the watermark: re-convert every finished run
    bool enqueueProcessing = true;  ///< queue all stages for new or changed trajectories
    int maxAttempts = 5;
    int batchSize = 500;
    const std::atomic_bool *cancel = nullptr;
    std::function<void(qint64 runsDone)> progress; ///< called on the building thread after each batch
};

struct BuildReport {
    qint64 runsSeen = 0;            ///< finished runs converted
    qint64 created = 0;
    qint64 updated = 0;             ///< rebuilt with different data (late messages, status change)
    qint64 unchanged = 0;
    qint64 queued = 0;              ///< processing jobs queued
    qint64 elapsedMs = 0;
    bool cancelled = false;
    Error error;                    ///< kind None when the pass completed
    bool ok() const { return error.kind == ErrorKind::None; }
};

/**
 * Turns finished runs into trajectories. Finds work through runs.change_seq: every run whose seq is
 * above the build watermark (meta.trajectory_build_seq) and whose status is terminal is converted
 * from the cached run, steps and messages and upserted; the watermark advances in the same
 * transaction as the rows it covers, so an interrupted pass resumes where it stopped. A run that
 * changes later (late messages, a status change) gets a higher seq and is rebuilt; if its data
 * changed, its enrichment is queued again.
 *
 * Blocking: run it on a worker thread. Reads through its own read-only connection; writes go to the
 * StoreWriter, one batch in flight while the next is converted.
 */
class TrajectoryBuilder
{
public:
    explicit TrajectoryBuilder(store::StoreWriter &writer);
    BuildReport build(const BuildOptions &options = {});

private:
    store::StoreWriter &m_writer;
};

} // namespace lettascope::trajectories

Q_DECLARE_METATYPE(lettascope::trajectories::BuildReport)
