// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "trajectories/processing/backendset.h"
#include "trajectories/processing/jobcompletion.h"

#include <QObject>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace lettascope::store {
class StoreWriter;
}

namespace lettascope::trajectories {

struct RunnerConfig {
    int workers = 2;            ///< concurrent jobs (the LLM endpoint's concurrency limit when it is used)
    int batchSize = 64;         ///< jobs claimed and landed per transaction (1 for network backends)
    RetryTiming retry;
    int idlePollMs = 1'000;     ///< how often an idle worker looks for due jobs without being woken
};

/**
 * Works the persistent queue: worker threads claim due jobs through the StoreWriter, run their stages
 * with the configured backends, and land each batch in one transaction. Pausing stops claiming (jobs in
 * hand finish); cancelling a running job drops its result when it lands (its claim is gone) and, for a
 * network backend, aborts its request. Jobs left running by a previous process are re-queued by start().
 *
 * Create and control it from one thread; signals arrive queued on that thread.
 */
class JobRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobRunner)
public:
    JobRunner(store::StoreWriter &writer, std::shared_ptr<const BackendSet> backends, RunnerConfig config,
              QObject *parent = nullptr);
    ~JobRunner() override;

    Status start();
    void stop();                ///< joins the workers; jobs in hand land first
    bool isRunning() const { return !m_threads.empty(); }

    void pause();
    void resume();
    bool isPaused() const { return m_paused.load(); }
    void wake();                ///< new jobs were queued
    /// Aborts these jobs if a worker is running them right now (their rows are cancelled by the caller).
    void interrupt(const QList<qint64> &jobIds);

Q_SIGNALS:
    void batchLanded(int jobs);
    void progress(qint64 jobId, double fraction);
    void failed(const lettascope::Error &error);

private:
    struct Slot {
        std::atomic<qint64> jobId = 0;
        std::atomic_bool cancel = false;
    };
    void workerLoop(Slot &slot);
    void waitForWork(qint64 delayMs);

    store::StoreWriter &m_writer;
    std::shared_ptr<const BackendSet> m_backends;
    RunnerConfig m_config;
    std::vector<std::thread> m_threads;
    std::vector<std::unique_ptr<Slot>> m_slots;
    std::atomic_bool m_stopping = false;
    std::atomic_bool m_paused = false;
    std::atomic<qint64> m_nextClaim = 0;
    std::mutex m_mutex;
    std::condition_variable m_wakeup;
    bool m_woken = false;
};

} // namespace lettascope::trajectories
