// SPDX-License-Identifier: MIT
#pragma once

#include "analyticsresult.h"
#include "common/error.h"
#include "common/generation.h"
#include "pricetable.h"
#include "store/dbthread.h"
#include "trajectorystats.h"

#include <QObject>

#include <functional>

namespace lettascope::store {
class StoreWriter;
}

namespace lettascope::analytics {

/// How a result was produced, for logs and the benchmark.
struct ComputeStats {
    bool incremental = false;
    qsizetype runsReloaded = 0;   ///< runs whose facts were read from the cache
    qint64 elapsedUs = 0;         ///< on the worker, from request to finished result
};

/// Computes the Analytics aggregates on its own worker thread with its own read-only connection. Keeps
/// the counters of recently used filters, so switching back is instant, and after every committed write
/// reloads only the changed runs' facts and merges them. The trajectory aggregates (scores, labels, the
/// semantic map) follow each shown filter and writes that changed trajectories, at most once per 1.5 s.
/// The GUI thread only receives finished values.
class AnalyticsService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnalyticsService)
public:
    /// `writer` (optional) announces committed changes; the service follows them while it lives.
    AnalyticsService(const QString &cachePath, store::StoreWriter *writer, QObject *parent = nullptr);
    ~AnalyticsService() override;

    /// Shows this filter: the cached result at once if there is one, else computed. Older requests'
    /// results are dropped.
    void setFilter(const AnalyticsFilter &filter);
    /// New prices invalidate every cached cost; the current filter is recomputed.
    void setPriceTable(const PriceTable &prices);
    void setStuckAfterMs(qint64 ms);
    /// For tests: the clock stuck-run detection measures against (default: the wall clock).
    void setClock(std::function<qint64()> clock);

Q_SIGNALS:
    void resultReady(const lettascope::analytics::AnalyticsResult &result,
                     const lettascope::analytics::ComputeStats &stats);
    void trajectoryStatsReady(const lettascope::analytics::TrajectoryStats &stats);
    void computeFailed(const lettascope::Error &error);

private:
    class Worker;
    void deliver(Generation::Token generation, const AnalyticsResult &result, const ComputeStats &stats);
    void deliverTrajectoryStats(Generation::Token generation, const TrajectoryStats &stats);

    store::DbThread m_db;
    Worker *m_worker = nullptr; ///< adopted by m_db: lives and dies on its thread
    Generation m_generation;
};

} // namespace lettascope::analytics

Q_DECLARE_METATYPE(lettascope::analytics::ComputeStats)
