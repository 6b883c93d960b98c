// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "entitywriter.h"
#include "writebatch.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <functional>
#include <memory>

namespace lettascope::store {

class Database;

/// The single writer of a cache file. Owns the write connection on a dedicated thread; every write is a
/// job queued to that thread and runs in one transaction. Thread-safe: call from any thread, wait on the
/// returned future (worker threads) or continue with `.then(context, …)` (GUI).
class StoreWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreWriter)
public:
    using Job = std::function<Result<ChangeSet>(Database &)>;

    explicit StoreWriter(QObject *parent = nullptr);
    ~StoreWriter() override;

    /// Opens (creating and migrating) the cache. Blocks until done; call once before anything else.
    Status open(const QString &path);
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
        auto promise = std::make_shared<QPromise<Result<T>>>();
        promise->start();
        post([this, promise, job = std::move(job)] {
            if (Database *db = openDatabase())
                promise->addResult(job(*db));
            else
                promise->addResult(Error{ErrorKind::Storage, QStringLiteral("the cache is not open")});
            promise->finish();
        });
        return promise->future();
    }

Q_SIGNALS:
    /// Emitted on the writer thread after each commit that changed something.
    void changed(const lettascope::store::ChangeSet &changes);

private:
    class Worker;
    void post(std::function<void()> task);
    /// Stores run facts for runs written before schema 6, a chunk per queued job, from `afterRowId`.
    void backfillRunFacts(qint64 afterRowId);
    Database *openDatabase() const; ///< writer thread only; null when open() failed

    QString m_path;
    QThread m_thread;
    Worker *m_worker = nullptr;
};

} // namespace lettascope::store
