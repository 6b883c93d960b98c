// SPDX-License-Identifier: MIT
#include "trajectoryservice.h"

#include "common/logging.h"
#include "common/whenready.h"
#include "store/storewriter.h"
#include "trajectories/llmkeystore.h"
#include "trajectories/processing/backendset.h"
#include "trajectories/processing/jobqueue.h"
#include "trajectories/processing/jobrunner.h"
#include "trajectories/readworker.h"
#include "trajectories/search/searchsession.h"

#include <QDateTime>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

namespace {
qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

TrajectoryService::TrajectoryService(store::StoreWriter &writer, ProcessingSettings &settings, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_settings(settings)
    , m_reader(std::make_unique<ReadWorker>(writer.path()))
    , m_keys(std::make_unique<LlmKeyStore>())
    , m_latestSearch(std::make_shared<std::atomic<quint64>>(0))
{
    qRegisterMetaType<BuildReport>();
    qRegisterMetaType<QueueStats>();
    qRegisterMetaType<SearchResults>();
    qRegisterMetaType<Contrasts>();
    qRegisterMetaType<TrajectoryDetail>();
    qRegisterMetaType<ImportReport>();
    m_pool.setMaxThreadCount(1);
    // Bursts of sync batches become one build; bursts of landed jobs one refresh.
    for (auto [timer, ms] : {std::pair{&m_buildTimer, 500}, {&m_changedTimer, 250}, {&m_statsTimer, 250}, {&m_restartTimer, 300}}) {
        timer->setSingleShot(true);
        timer->setInterval(ms);
    }
    connect(&m_buildTimer, &QTimer::timeout, this, [this] { buildNow(); });
    connect(&m_changedTimer, &QTimer::timeout, this, &TrajectoryService::trajectoriesChanged);
    connect(&m_statsTimer, &QTimer::timeout, this, &TrajectoryService::refreshStats);
    connect(&m_restartTimer, &QTimer::timeout, this, &TrajectoryService::restartProcessing);
    connect(&m_writer, &store::StoreWriter::changed, this, &TrajectoryService::onStoreChanged, Qt::QueuedConnection);
    connect(&m_settings, &ProcessingSettings::backendChanged, &m_restartTimer, qOverload<>(&QTimer::start));
    connect(&m_settings, &ProcessingSettings::llmEndpointChanged, &m_restartTimer, qOverload<>(&QTimer::start));
    connect(&m_settings, &ProcessingSettings::embeddingModelKeyChanged, this, &TrajectoryService::onEmbeddingModelChanged);
}

TrajectoryService::~TrajectoryService()
{
    m_runner.reset(); // gives jobs in hand back to the queue
    m_pool.waitForDone();
    // The search session belongs to the reader thread: release it there, before the reader stops.
    m_reader->post([session = std::move(m_session)]() mutable { session.reset(); });
    m_reader.reset();
}

void TrajectoryService::start()
{
    if (std::exchange(m_started, true))
        return;
    restartProcessing();
    buildNow();
    refreshStats();
}

void TrajectoryService::onStoreChanged(const store::ChangeSet &changes)
{
    // Steps and messages arrive in later batches than their run and move its change_seq (runIds lists
    // every run whose row, steps or messages changed), so any of them can call for a rebuild.
    if (!changes.runIds.isEmpty() && m_started)
        m_buildTimer.start();
    if (changes.has(store::ChangeSet::Trajectories))
        m_changedTimer.start();
    if (changes.has(store::ChangeSet::ProcessingJobs)) {
        if (!m_statsTimer.isActive())
            m_statsTimer.start();
        if (m_runner)
            m_runner->wake();
    }
}

void TrajectoryService::buildNow(bool rebuildAll)
{
    if (m_building) {
        m_buildAgain = true;
        return;
    }
    m_building = true;
    BuildOptions options;
    options.rebuildAll = rebuildAll;
    options.enqueueProcessing = m_settings.autoProcess();
    options.maxAttempts = m_settings.maxAttempts();
    auto build = QtConcurrent::run(&m_pool, [&writer = m_writer, options] { return TrajectoryBuilder(writer).build(options); });
    whenReady(build, this, [this](const BuildReport &report) {
        m_building = false;
        if (!report.ok())
            Q_EMIT errorOccurred(report.error);
        Q_EMIT buildFinished(report);
        if (std::exchange(m_buildAgain, false))
            buildNow();
    });
}

void TrajectoryService::restartProcessing()
{
    if (!m_started)
        return;
    const ProcessingConfig config = m_settings.snapshot();
    if (const QString problem = config.problem(); !problem.isEmpty()) {
        m_runner.reset();
        Q_EMIT errorOccurred(Error{ErrorKind::BadRequest, u"processing is stopped: "_s + problem});
        return;
    }
    if (!config.usesNetwork()) {
        startRunner(config, QString());
        return;
    }
    // The key comes from the keychain asynchronously; a newer restart makes this answer stale.
    const Generation::Token generation = m_keyGeneration.next();
    whenReady(m_keys->readKey(), this, [this, generation, config](const Result<QString> &key) {
        if (!m_keyGeneration.isCurrent(generation))
            return;
        if (!key)
            Q_EMIT errorOccurred(key.error());
        startRunner(config, key.valueOr(QString()));
    });
}

void TrajectoryService::startRunner(const ProcessingConfig &config, const QString &apiKey)
{
    m_runner.reset();
    m_backends = makeBackends(config, apiKey);
    Q_EMIT queryEmbedderChanged();
    m_reader->post([this, embedder = m_backends->embedding(), path = m_writer.path()] {
        // Runs on the reader thread, where the session lives.
        if (!m_session) {
            if (auto opened = SearchSession::open(path, embedder); opened)
                m_session = std::move(opened).value();
        } else {
            m_session->setEmbedder(embedder);
        }
    });
    m_runner = std::make_unique<JobRunner>(m_writer, m_backends, runnerConfigFor(config));
    connect(m_runner.get(), &JobRunner::progress, this, &TrajectoryService::jobProgress);
    connect(m_runner.get(), &JobRunner::failed, this, &TrajectoryService::errorOccurred);
    if (m_paused)
        m_runner->pause();
    if (auto started = m_runner->start(); !started)
        Q_EMIT errorOccurred(started.error());
    qCDebug(lcTrajectories) << "processing with" << (config.usesNetwork() ? "an OpenAI-compatible endpoint" : "the local backend");
}

void TrajectoryService::onEmbeddingModelChanged(const QString &modelKey)
{
    // Vectors of different models never share an index: everything is embedded again for the new one
    // (the old vectors stay, so switching back costs nothing).
    const int attempts = m_settings.maxAttempts();
    writeJobs([modelKey, attempts](store::Database &db) {
        return jobqueue::enqueueAll(db, stageBit(Stage::Embedding), true, modelKey, attempts, now());
    });
}

void TrajectoryService::pause()
{
    if (std::exchange(m_paused, true))
        return;
    if (m_runner)
        m_runner->pause();
    Q_EMIT pausedChanged(true);
    refreshStats();
}

void TrajectoryService::resume()
{
    if (!std::exchange(m_paused, false))
        return;
    if (m_runner)
        m_runner->resume();
    Q_EMIT pausedChanged(false);
    refreshStats();
}

void TrajectoryService::writeJobs(std::function<Result<qint64>(store::Database &)> change)
{
    auto written = m_writer.transact([change = std::move(change)](store::Database &db) -> Result<store::ChangeSet> {
        auto n = change(db);
        if (!n)
            return n.error();
        store::ChangeSet changes;
        changes.kinds = store::ChangeSet::ProcessingJobs | store::ChangeSet::Trajectories;
        return changes;
    });
    whenReady(written, this, [this](const Result<store::ChangeSet> &result) {
        if (!result)
            Q_EMIT errorOccurred(result.error());
    });
}

void TrajectoryService::reprocess(const QList<qint64> &trajectoryIds, StageMask stages)
{
    const int attempts = m_settings.maxAttempts();
    writeJobs([trajectoryIds, stages, attempts](store::Database &db) {
        return jobqueue::enqueue(db, trajectoryIds, stages, attempts, now());
    });
}

void TrajectoryService::cancelJobs(const QList<qint64> &jobIds)
{
    if (m_runner)
        m_runner->interrupt(jobIds);
    writeJobs([jobIds](store::Database &db) { return jobqueue::cancel(db, jobIds, now()); });
}

void TrajectoryService::retryJobs(const QList<qint64> &jobIds)
{
    writeJobs([jobIds](store::Database &db) { return jobqueue::retry(db, jobIds, now()); });
}

void TrajectoryService::refreshStats()
{
    m_reader->run<Result<QueueStats>>(this, [](store::Database &db) { return jobqueue::stats(db); },
                                       [this](Result<QueueStats> stats) {
                                           if (!stats)
                                               return;
                                           m_stats = *stats;
                                           m_stats.paused = m_paused;
                                           Q_EMIT queueChanged(m_stats);
                                       });
}

std::shared_ptr<StageBackend> TrajectoryService::queryEmbedder() const
{
    return m_backends ? m_backends->embedding() : nullptr;
}

void TrajectoryService::setLlmApiKey(const QString &key)
{
    whenReady(m_keys->writeKey(key), this, [this](const Status &written) {
        if (!written)
            Q_EMIT errorOccurred(written.error());
        else
            m_restartTimer.start();
    });
}

} // namespace lettascope::trajectories
