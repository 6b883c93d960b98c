// SPDX-License-Identifier: MIT
#include "jobrunner.h"

#include "common/logging.h"
#include "store/sqlite.h"
#include "store/storewriter.h"
#include "trajectories/processing/jobqueue.h"
#include "trajectories/processing/pipeline.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

namespace {
qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

JobRunner::JobRunner(store::StoreWriter &writer, std::shared_ptr<const BackendSet> backends, RunnerConfig config,
                     QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_backends(std::move(backends))
    , m_config(config)
    // Claim tokens are unique across processes too: a stale worker of a crashed run can never match.
    , m_nextClaim(now() * 1000)
{
    qRegisterMetaType<Error>();
}

JobRunner::~JobRunner()
{
    stop();
}

Status JobRunner::start()
{
    if (isRunning())
        return success();
    auto requeued = m_writer.call<qint64>([](store::Database &db) -> Result<qint64> {
        store::Transaction transaction(db);
        auto n = jobqueue::requeueInterrupted(db, now());
        if (n && !transaction.commit())
            return Error{ErrorKind::Storage, u"could not re-queue interrupted jobs"_s};
        return n;
    }).result();
    if (!requeued)
        return requeued.error();
    if (*requeued > 0)
        qCInfo(lcTrajectories) << "re-queued" << *requeued << "interrupted processing job(s)";
    m_stopping = false;
    const int workers = std::max(1, m_config.workers);
    for (int i = 0; i < workers; ++i) {
        m_slots.push_back(std::make_unique<Slot>());
        Slot *slot = m_slots.back().get();
        m_threads.emplace_back([this, slot] { workerLoop(*slot); });
    }
    return success();
}

void JobRunner::stop()
{
    m_stopping = true;
    wake();
    for (auto &slot : m_slots)
        slot->cancel = true;
    for (auto &thread : m_threads)
        thread.join();
    m_threads.clear();
    m_slots.clear();
}

void JobRunner::pause()
{
    m_paused = true;
}

void JobRunner::resume()
{
    m_paused = false;
    wake();
}

void JobRunner::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_wakeup.notify_all();
}

void JobRunner::interrupt(const QList<qint64> &jobIds)
{
    for (auto &slot : m_slots) {
        if (jobIds.contains(slot->jobId.load()))
            slot->cancel = true;
    }
}

void JobRunner::waitForWork(qint64 delayMs)
{
    std::unique_lock lock(m_mutex);
    m_wakeup.wait_for(lock, std::chrono::milliseconds(std::clamp<qint64>(delayMs, 1, m_config.idlePollMs)),
                      [this] { return m_woken || m_stopping.load(); });
    m_woken = false;
}

void JobRunner::workerLoop(Slot &slot)
{
    auto opened = store::Database::open(m_writer.path(), store::Database::Mode::ReadOnly);
    if (!opened) {
        Q_EMIT failed(opened.error());
        return;
    }
    store::Database db = std::move(opened).value();
    const BackendFor backendFor = [backends = m_backends](Stage stage) { return backends->forStage(stage); };
    while (!m_stopping) {
        if (m_paused) {
            waitForWork(m_config.idlePollMs);
            continue;
        }
        const qint64 claimToken = ++m_nextClaim;
        const int limit = std::max(1, m_config.batchSize);
        auto claimed = m_writer.call<QList<ClaimedJob>>([limit, claimToken](store::Database &w) -> Result<QList<ClaimedJob>> {
            store::Transaction transaction(w);
            auto jobs = jobqueue::claim(w, limit, now(), claimToken);
            if (jobs && !transaction.commit())
                return Error{ErrorKind::Storage, u"could not claim processing jobs"_s};
            return jobs;
        }).result();
        if (!claimed) {
            Q_EMIT failed(claimed.error());
            waitForWork(m_config.idlePollMs);
            continue;
        }
        if (claimed->isEmpty()) {
            auto due = jobqueue::nextDueMs(db);
            waitForWork(due && *due ? **due - now() : m_config.idlePollMs);
            continue;
        }
        QList<JobOutcome> outcomes;
        QList<qint64> unrun;
        for (const ClaimedJob &job : *claimed) {
            if (m_stopping) {
                unrun << job.id;
                continue;
            }
            slot.jobId = job.id;
            slot.cancel = false;
            const auto report = [this, id = job.id, claim = job.claim, single = claimed->size() == 1](double fraction) {
                if (!single || fraction >= 1.0)
                    return;
                Q_EMIT progress(id, fraction);
                m_writer.call<Done>([id, claim, fraction](store::Database &w) -> Result<Done> {
                    return setJobProgress(w, id, claim, fraction, now());
                });
            };
            JobOutcome outcome = runPipeline(job, db, backendFor, &slot.cancel, report);
            // Interrupted by a stop (not a user's cancel, whose row is already cancelled): run it again later.
            if (slot.cancel && m_stopping)
                unrun << job.id;
            else if (!slot.cancel)
                outcomes << std::move(outcome);
            slot.jobId = 0;
        }
        if (!unrun.isEmpty()) {
            m_writer.call<qint64>([unrun, claimToken](store::Database &w) -> Result<qint64> {
                return jobqueue::release(w, unrun, claimToken, now());
            }).waitForFinished();
        }
        if (outcomes.isEmpty())
            continue;
        auto landed = m_writer.transact([outcomes, timing = m_config.retry](store::Database &w) {
            return completeJobs(w, outcomes, now(), timing);
        }).result();
        if (!landed) {
            Q_EMIT failed(landed.error());
            continue;
        }
        Q_EMIT batchLanded(int(outcomes.size()));
    }
}

} // namespace lettascope::trajectories
