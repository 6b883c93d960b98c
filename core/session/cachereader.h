// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "store/sqlite.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <functional>
#include <memory>

namespace lettascope::session {

/// The GUI's read side of the cache: one thread with its own read-only connection (WAL lets it read while
/// the writer commits). Views queue queries here and continue with whenReady(future, context, …) on the GUI thread,
/// so no query larger than a lookup ever runs where it could stall painting. Jobs run in submission order.
class CacheReader final
{
public:
    CacheReader();
    ~CacheReader();
    Q_DISABLE_COPY_MOVE(CacheReader)

    /// (Re)opens the connection on the reader thread; queued reads that follow use it.
    QFuture<Status> open(const QString &path);
    /// Closes the connection (before the file is deleted); reads fail until the next open().
    QFuture<void> close();

    template<typename T>
    QFuture<Result<T>> read(std::function<Result<T>(store::Database &)> job)
    {
        auto promise = std::make_shared<QPromise<Result<T>>>();
        promise->start();
        post([this, promise, job = std::move(job)] {
            if (store::Database *db = database())
                promise->addResult(job(*db));
            else
                promise->addResult(Error{ErrorKind::Storage, QStringLiteral("the cache is not open")});
            promise->finish();
        });
        return promise->future();
    }

private:
    class Worker;
    void post(std::function<void()> task);
    store::Database *database() const; ///< reader thread only; null until open() succeeded

    QThread m_thread;
    Worker *m_worker = nullptr;
};

} // namespace lettascope::session
