// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "dbthread.h"
#include "derivation.h"
#include "entitywriter.h"
#include "writebatch.h"

#include <QFuture>
#include <QList>
#include <QObject>

#include <functional>

namespace lettascope::store {

class Database;

/// The single writer of a cache file. Owns the write connection on its DbThread; every write is a job
/// queued to that thread and runs in one transaction. Thread-safe: call from any thread, wait on the
/// returned future (worker threads) or continue with whenReady(future, context, …) (GUI).
class StoreWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreWriter)
public:
    using Job = std::function<Result<ChangeSet>(Database &)>;

    explicit StoreWriter(QObject *parent = nullptr);
    ~StoreWriter() override;

    /// Registers data derived from runs in every write's transaction. Before open() only: the list is
    /// fixed while the cache is open, so a write never sees half of it.
    void addDerivation(RunDerivation derivation);
    /// Opens (creating and migrating) the cache on the writer thread, then starts the derivations'
    /// backfills. Call once before anything else; jobs queued meanwhile run after it.
    QFuture<Status> openAsync(const QString &path);
    /// openAsync(), waited for: for worker threads and the CLI.
    Status open(const QString &path) { return openAsync(path).result(); }
    QString path() const { return m_path; }

    QFuture<Result<qint64>> ensureServer(const ServerRecord &server);
    QFuture<Result<ChangeSet>> write(qint64 serverId, WriteBatch batch);
    /// Runs `job` inside one transaction on the writer thread; the ChangeSet it returns is broadcast
    /// through changed() after the commit. Modules with their own tables write through this.
    QFuture<Result<ChangeSet>> transact(Job job);
    /// Runs `job` on the writer thread without an implicit transaction and without a change broadcast:
    /// bookkeeping (the sync log), maintenance (VACUUM, checkpoints). Jobs open their own transaction.
    template<typename T>
    QFuture<Result<T>> call(std::function<Result<T>(Database &)> job)
    {
        return m_db.call<T>(std::move(job));
    }

Q_SIGNALS:
    /// Emitted on the writer thread after each commit that changed something.
    void changed(const lettascope::store::ChangeSet &changes);

private:
    /// Runs `derivation`'s backfill a chunk per queued job, from `afterRowId`, so writes interleave.
    void backfill(const RunDerivation &derivation, qint64 afterRowId);

    QString m_path;
    QList<RunDerivation> m_derivations; ///< fixed once open: read on the writer thread
    DbThread m_db;
};

} // namespace lettascope::store
