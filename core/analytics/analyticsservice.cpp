// SPDX-License-Identifier: MIT
#include "analyticsservice.h"

#include "analyticsaccumulator.h"
#include "common/logging.h"
#include "factloader.h"
#include "store/storewriter.h"
#include "trajectories/search/filterindex.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>

#include <list>

namespace lettascope::analytics {

namespace {
constexpr std::size_t kCachedFilters = 4; // the counters of a 100k-run filter are tens of MB
constexpr qint64 kDefaultStuckAfterMs = 30 * 60 * 1000;
// Processing lands results every few hundred ms; the semantic map's projection is worth redoing less often.
constexpr int kTrajectoryCoalesceMs = 1500;
} // namespace

/// Lives on the service's thread; everything below runs there.
class AnalyticsService::Worker final : public QObject
{
public:
    explicit Worker(const store::DbThread &db) : m_db(db)
    {
        m_trajectoryTimer.setSingleShot(true);
        m_trajectoryTimer.setInterval(kTrajectoryCoalesceMs);
        connect(&m_trajectoryTimer, &QTimer::timeout, this, &Worker::publishTrajectoryStats);
    }

    std::function<void(Generation::Token, const AnalyticsResult &, const ComputeStats &)> deliver;
    std::function<void(Generation::Token, const TrajectoryStats &)> deliverTrajectoryStats;
    std::function<void(const Error &)> fail;

    void show(Generation::Token generation, const AnalyticsFilter &filter)
    {
        QElapsedTimer timer;
        timer.start();
        m_generation = generation;
        m_filter = filter;
        m_current = filter.key();
        ComputeStats stats;
        AnalyticsAccumulator *accumulator = find(m_current);
        if (!accumulator) {
            Database *db = database();
            if (!db)
                return;
            auto facts = loadRunFacts(*db, filter);
            if (!facts) {
                fail(facts.error());
                return;
            }
            stats.runsReloaded = facts->size();
            m_cache.emplace_front(m_current, AnalyticsAccumulator(filter, m_prices));
            m_cache.front().second.reset(*facts);
            if (m_cache.size() > kCachedFilters)
                m_cache.pop_back();
            accumulator = &m_cache.front().second;
        }
        publish(*accumulator, stats, timer);
        publishTrajectoryStats();
    }

    void onChanged(const store::ChangeSet &changes)
    {
        using store::ChangeSet;
        // Not restarted by later changes: while processing keeps landing results the charts still follow,
        // once per interval.
        if (changes.has(ChangeSet::Trajectories) && m_filter && !m_trajectoryTimer.isActive())
            m_trajectoryTimer.start();
        if (!(changes.has(ChangeSet::Runs) || changes.has(ChangeSet::Steps) || changes.has(ChangeSet::Messages))
            || changes.runIds.isEmpty() || m_cache.empty())
            return;
        QElapsedTimer timer;
        timer.start();
        Database *db = database();
        if (!db)
            return;
        ComputeStats stats{true, 0, 0};
        auto rowIds = loadRunRowIds(*db, changes.serverId, changes.runIds);
        if (!rowIds) {
            fail(rowIds.error());
            return;
        }
        for (auto &[key, accumulator] : m_cache) {
            auto facts = loadRunFacts(*db, accumulator.filter(), changes.serverId, changes.runIds);
            if (!facts) {
                fail(facts.error());
                return;
            }
            stats.runsReloaded += facts->size();
            accumulator.update(*rowIds, *facts);
        }
        if (AnalyticsAccumulator *current = find(m_current))
            publish(*current, stats, timer);
    }

    void setPrices(const PriceTable &prices)
    {
        m_prices = prices;
        m_cache.clear(); // every run's cost changes: the counters are rebuilt on the next show()
    }

    /// Shows the current filter again (new prices or threshold), if one was shown.
    void reshow(Generation::Token generation)
    {
        if (m_filter)
            show(generation, *m_filter);
    }

    void setStuckAfterMs(qint64 ms) { m_stuckAfterMs = ms; }
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }
    Generation::Token generation() const { return m_generation; }

private:
    using Database = store::Database;

    Database *database()
    {
        Database *db = m_db.database();
        if (!db)
            fail(m_db.notOpenError());
        return db;
    }

    AnalyticsAccumulator *find(const QString &key)
    {
        for (auto it = m_cache.begin(); it != m_cache.end(); ++it) {
            if (it->first == key) {
                m_cache.splice(m_cache.begin(), m_cache, it); // most recently used first
                return &m_cache.front().second;
            }
        }
        return nullptr;
    }

    void publish(const AnalyticsAccumulator &accumulator, ComputeStats stats, const QElapsedTimer &timer)
    {
        const qint64 now = m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
        AnalyticsResult result = accumulator.result(now, m_stuckAfterMs);
        stats.elapsedUs = timer.nsecsElapsed() / 1000;
        qCDebug(lcAnalytics) << "analytics for" << m_current << (stats.incremental ? "updated" : "computed") << "in"
                             << stats.elapsedUs << "us," << stats.runsReloaded << "runs read";
        deliver(m_generation, result, stats);
    }

    void publishTrajectoryStats()
    {
        m_trajectoryTimer.stop();
        Database *db = database();
        if (!db || !m_filter)
            return;
        QElapsedTimer timer;
        timer.start();
        auto stats = computeTrajectoryStats(*db, m_trajectoryIndex, *m_filter);
        if (!stats) {
            fail(stats.error());
            return;
        }
        qCDebug(lcAnalytics) << "trajectory stats for" << m_current << "in" << timer.elapsed() << "ms,"
                             << stats->map.points.size() << "map points";
        deliverTrajectoryStats(m_generation, *stats);
    }

    const store::DbThread &m_db;
    trajectories::FilterIndex m_trajectoryIndex; ///< kept between computations: refreshes read only what changed
    QTimer m_trajectoryTimer{this};
    PriceTable m_prices = PriceTable::defaults();
    qint64 m_stuckAfterMs = kDefaultStuckAfterMs;
    std::function<qint64()> m_clock;
    std::list<std::pair<QString, AnalyticsAccumulator>> m_cache;
    std::optional<AnalyticsFilter> m_filter;
    QString m_current;
    Generation::Token m_generation = 0;
};

AnalyticsService::AnalyticsService(const QString &cachePath, store::StoreWriter *writer, QObject *parent)
    : QObject(parent), m_db(QStringLiteral("analytics")), m_worker(new Worker(m_db))
{
    qRegisterMetaType<AnalyticsResult>();
    qRegisterMetaType<ComputeStats>();
    qRegisterMetaType<TrajectoryStats>();
    m_db.open(cachePath, store::Database::Mode::ReadOnly);
    m_db.adopt(m_worker);
    // Results hop to this object's thread; a destroyed service drops them with its queued events.
    m_worker->deliver = [this](Generation::Token generation, const AnalyticsResult &result, const ComputeStats &stats) {
        QMetaObject::invokeMethod(this, [this, generation, result, stats] { deliver(generation, result, stats); },
                                  Qt::QueuedConnection);
    };
    m_worker->deliverTrajectoryStats = [this](Generation::Token generation, const TrajectoryStats &stats) {
        QMetaObject::invokeMethod(this, [this, generation, stats] { deliverTrajectoryStats(generation, stats); },
                                  Qt::QueuedConnection);
    };
    m_worker->fail = [this](const Error &error) {
        qCWarning(lcAnalytics) << "analytics failed:" << error.message;
        QMetaObject::invokeMethod(this, [this, error] { Q_EMIT computeFailed(error); }, Qt::QueuedConnection);
    };
    if (writer) {
        // Delivered straight to the worker's thread: the GUI thread never sees change processing.
        connect(writer, &store::StoreWriter::changed, m_worker,
                [worker = m_worker](const store::ChangeSet &changes) { worker->onChanged(changes); });
    }
}

AnalyticsService::~AnalyticsService() = default;

void AnalyticsService::setFilter(const AnalyticsFilter &filter)
{
    const Generation::Token generation = m_generation.next();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, generation, filter] { worker->show(generation, filter); },
                              Qt::QueuedConnection);
}

void AnalyticsService::setPriceTable(const PriceTable &prices)
{
    const Generation::Token generation = m_generation.next();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, generation, prices] {
        worker->setPrices(prices);
        worker->reshow(generation);
    }, Qt::QueuedConnection);
}

void AnalyticsService::setStuckAfterMs(qint64 ms)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, ms] {
        worker->setStuckAfterMs(ms);
        worker->reshow(worker->generation());
    }, Qt::QueuedConnection);
}

void AnalyticsService::setClock(std::function<qint64()> clock)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, clock = std::move(clock)] { worker->setClock(clock); },
                              Qt::QueuedConnection);
}

void AnalyticsService::deliver(Generation::Token generation, const AnalyticsResult &result, const ComputeStats &stats)
{
    if (!m_generation.isCurrent(generation))
        return; // a newer filter or price table was asked for meanwhile
    Q_EMIT resultReady(result, stats);
}

void AnalyticsService::deliverTrajectoryStats(Generation::Token generation, const TrajectoryStats &stats)
{
    if (!m_generation.isCurrent(generation))
        return;
    Q_EMIT trajectoryStatsReady(stats);
}

} // namespace lettascope::analytics
