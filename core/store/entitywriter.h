// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "derivation.h"
#include "writebatch.h"

#include <span>

namespace lettascope::store {

class Database;

/// Server identity as the cache records it.
struct ServerRecord {
    QString profileId;   ///< stable profile id; the key
    QString name;
    QString baseUrl;
    QString kind;        ///< "rest", "app_server", "import"
    QString version;
};

/// Writes batches through one connection. Not thread-aware: the StoreWriter calls it on its own thread.
/// Upserts skip rows whose raw JSON did not change, so a sync that finds nothing new writes nothing and
/// reports an empty ChangeSet.
class EntityWriter
{
public:
    /// `derivations` run after every write that changed runs (see RunDerivation); they must outlive this.
    explicit EntityWriter(Database &db, std::span<const RunDerivation> derivations = {})
        : m_db(db), m_derivations(derivations) { }

    Result<qint64> ensureServer(const ServerRecord &server);
    /// Entities, run roll-ups, agent revisions, sync state and the derivations of the changed runs, inside
    /// the caller's transaction (the StoreWriter opens one per job), so a batch lands whole or not at all.
    Result<ChangeSet> write(qint64 serverId, const WriteBatch &batch, qint64 nowMs);

private:
    Status writeAgents(qint64 serverId, const QList<Agent> &agents, qint64 nowMs, ChangeSet &changes);
    Status writeRuns(qint64 serverId, const QList<Run> &runs, ChangeSet &changes);
    Status writeSteps(qint64 serverId, const QList<Step> &steps, ChangeSet &changes);
    Status writeStepMetrics(qint64 serverId, const QList<StepMetricsUpdate> &updates, ChangeSet &changes);
    Status writeMessages(qint64 serverId, const QList<Message> &messages, ChangeSet &changes);
    Status writeJobs(qint64 serverId, const QList<Job> &jobs, ChangeSet &changes);
    Status writeResources(qint64 serverId, const QList<Resource> &resources, qint64 nowMs, ChangeSet &changes);
    Status writeSyncState(qint64 serverId, const QHash<QString, QString> &state);
    Result<qint64> bumpChangeSeq();

    Database &m_db;
    std::span<const RunDerivation> m_derivations;
};

} // namespace lettascope::store
