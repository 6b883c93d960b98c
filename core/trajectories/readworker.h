// SPDX-License-Identifier: MIT
#pragma once

#include "common/whenready.h"
#include "store/dbthread.h"

#include <QPromise>

#include <functional>
#include <memory>

namespace lettascope::trajectories {

/**
 * A DbThread with a read-only connection to the cache, for everything a view needs read off the GUI
 * thread: list windows, details, search, queue counts. Jobs run one at a time in submission order; each
 * result is delivered on `context`'s thread, and only if `context` still exists, so a closed page never
 * receives a stale answer. Callers drop superseded answers with a Generation.
 */
class ReadWorker final
{
public:
    explicit ReadWorker(const QString &cachePath);
    Q_DISABLE_COPY_MOVE(ReadWorker)

    /// Runs `job` on the reader thread, then `done(result)` on `context`'s thread. Without a connection
    /// (the cache could not be opened, which is logged once) neither runs.
    template<typename T>
    void run(QObject *context, std::function<T(store::Database &)> job, std::function<void(T)> done)
    {
        auto promise = std::make_shared<QPromise<T>>();
        promise->start();
        QFuture<T> future = promise->future();
        m_db.post([promise, job = std::move(job)](store::Database *db) {
            if (db)
                promise->addResult(job(*db));
            promise->finish(); // without a result whenReady calls nothing
        });
        whenReady(std::move(future), context, std::move(done));
    }
    /// Runs `task` on the reader thread, after the jobs queued before it.
    void post(std::function<void()> task);

private:
    store::DbThread m_db;
};

} // namespace lettascope::trajectories
