// SPDX-License-Identifier: MIT
#pragma once

#include "common/generation.h"
#include "trajectories/processing/processingjob.h"
#include "trajectories/processingsettings.h"
#include "trajectories/search/searchtypes.h"
#include "trajectories/trajectorybuilder.h"
#include "trajectories/trajectoryimport.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

namespace lettascope::store {
class StoreWriter;
struct ChangeSet;
}

namespace lettascope::trajectories {

class JobRunner;
class LlmKeyStore;
class ReadWorker;
class SearchSession;
class StageBackend;
struct BackendSet;

/**
 * The trajectories feature as the GUI drives it. Lives on the GUI thread and never blocks it: capture,
 * processing, search and reads run on threads it owns, and results come back as value types through
 * signals. Requests that return something carry an id; an answer to a request that a newer one of the
 * same kind superseded is dropped, never delivered.
 *
 * - Capture: every sync that changes runs triggers a build (coalesced); new and changed trajectories are
 *   queued for processing when auto-processing is on.
 * - Processing: a JobRunner works the persistent queue with the backends the settings choose; changing
 *   them restarts it (jobs in hand are given back to the queue) and switching the embedding model queues
 *   re-embedding of everything in the background.
 */
class TrajectoryService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrajectoryService)
public:
    TrajectoryService(store::StoreWriter &writer, ProcessingSettings &settings, QObject *parent = nullptr);
    ~TrajectoryService() override;

    /// Re-queues jobs a previous run left running, starts processing and builds what is pending.
    void start();
    /// The read thread shared with the item models (TrajectoryListModel, ProcessingJobModel).
    ReadWorker *reader() const { return m_reader.get(); }

    void buildNow(bool rebuildAll = false);
    bool isBuilding() const { return m_building; }
    /// Queues these stages again for these trajectories (manual re-process).
    void reprocess(const QList<qint64> &trajectoryIds, StageMask stages = AllStages);
    void pause();
    void resume();
    bool isPaused() const { return m_paused; }
    void cancelJobs(const QList<qint64> &jobIds = {});  ///< empty: every open job
    void retryJobs(const QList<qint64> &jobIds = {});   ///< empty: every failed job
    QueueStats queueStats() const { return m_stats; }

    quint64 search(const SearchRequest &request);
    quint64 contrasts(const SearchRequest &request);
    quint64 similar(qint64 trajectoryId, int limit = 10, const TrajectoryFilters &filters = {});
    quint64 loadDetail(qint64 trajectoryId);
    void setAnnotation(qint64 trajectoryId, const Annotation &annotation);
    void exportJsonl(const QString &path, const TrajectoryFilters &filters = {});
    void importJsonl(const QString &path);
    /// Stores the endpoint's key in the keychain and restarts processing with it.
    void setLlmApiKey(const QString &key);
    /// What embeds search queries into the index's space (with the key, once read); null before the first
    /// start. Shared with other searchers of this cache, such as the agents' MCP server.
    std::shared_ptr<StageBackend> queryEmbedder() const;

Q_SIGNALS:
    /// Processing (re)started with other backends: queryEmbedder() changed.
    void queryEmbedderChanged();
    void buildFinished(const lettascope::trajectories::BuildReport &report);
    void trajectoriesChanged();                 ///< rows, enrichment or annotations changed (coalesced)
    void queueChanged(const lettascope::trajectories::QueueStats &stats);
    void jobProgress(qint64 jobId, double fraction);
    void pausedChanged(bool paused);
    void searchFinished(quint64 requestId, const lettascope::trajectories::SearchResults &results);
    void contrastsFinished(quint64 requestId, const lettascope::trajectories::Contrasts &contrasts);
    void detailLoaded(quint64 requestId, const lettascope::trajectories::TrajectoryDetail &detail);
    void requestFailed(quint64 requestId, const lettascope::Error &error);
    void annotationSaved(qint64 trajectoryId);
    void exportFinished(const QString &path, qint64 count, const lettascope::Error &error);
    void importFinished(const lettascope::trajectories::ImportReport &report);
    void errorOccurred(const lettascope::Error &error);    ///< a background failure worth telling

private:
    void onStoreChanged(const store::ChangeSet &changes);
    void restartProcessing();
    void startRunner(const ProcessingConfig &config, const QString &apiKey);
    void refreshStats();
    void onEmbeddingModelChanged(const QString &modelKey);
    quint64 runSearch(const SearchRequest &request, bool contrasts);
    void writeJobs(std::function<Result<qint64>(store::Database &)> change);

    store::StoreWriter &m_writer;
    ProcessingSettings &m_settings;
    std::unique_ptr<ReadWorker> m_reader;
    std::unique_ptr<LlmKeyStore> m_keys;
    std::unique_ptr<JobRunner> m_runner;
    std::shared_ptr<const BackendSet> m_backends;
    std::shared_ptr<SearchSession> m_session;   ///< used on the reader thread only
    QThreadPool m_pool;                         ///< builds, imports, exports: one at a time
    QTimer m_buildTimer;
    QTimer m_changedTimer;
    QTimer m_statsTimer;
    QTimer m_restartTimer;
    QueueStats m_stats;
    bool m_started = false;
    bool m_building = false;
    bool m_buildAgain = false;
    bool m_paused = false;
    quint64 m_nextRequest = 0;
    std::shared_ptr<std::atomic<quint64>> m_latestSearch;
    quint64 m_latestDetail = 0;
    Generation m_keyGeneration;
};

} // namespace lettascope::trajectories
