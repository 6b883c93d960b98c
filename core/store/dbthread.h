// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "sqlite.h"

#include <QFuture>
#include <QPromise>
#include <QThread>

#include <functional>
#include <memory>

class QObject;

namespace lettascope::store {

/**
 * A thread that owns one SQLite connection. A connection (and its statement cache) may be used only by
 * the thread that opened it, so the writer and every reader of the cache is one of these: work is queued
 * to the thread and runs there one job at a time, in submission order, and hands back values.
 *
 * Thread-safe: call from any thread. The destructor lets queued jobs finish, then deletes adopted
 * objects and closes the connection on the thread, then joins it.
 */
class DbThread final
{
public:
    /// Starts the thread, named `name` for debuggers and logs; no connection is open yet.
    explicit DbThread(const QString &name);
    ~DbThread();
    Q_DISABLE_COPY_MOVE(DbThread)

    /// Opens `path` on the thread, replacing any open connection. `prepare` (optional: migrations) runs
    /// on the new connection before any later job; if it fails the connection is closed again. Jobs queued
    /// after this see the outcome, and while nothing is open they fail with the open error.
    QFuture<Status> open(const QString &path, Database::Mode mode,
                         std::function<Status(Database &)> prepare = {});
    /// Closes the connection (before its file is deleted); jobs fail until the next open().
    QFuture<void> close();

    /// Runs `job` on the thread with the connection; fails without running it when none is open.
    template<typename T>
    QFuture<Result<T>> call(std::function<Result<T>(Database &)> job)
    {
        auto promise = std::make_shared<QPromise<Result<T>>>();
        promise->start();
        post([this, promise, job = std::move(job)](Database *db) {
            promise->addResult(db ? job(*db) : Result<T>(notOpenError()));
            promise->finish();
        });
        return promise->future();
    }

    /// Runs `task` on the thread with the connection, or null when none is open.
    void post(std::function<void(Database *)> task);
    /// Moves `object` (no parent) to the thread, where it can receive queued calls and run timers; it is
    /// deleted there before the connection closes.
    void adopt(QObject *object);
    /// The connection, or null when none is open. Thread only: for adopted objects' own work.
    Database *database() const;
    /// Why no connection is open, for jobs that report it themselves. Thread only.
    Error notOpenError() const;
    bool isCurrentThread() const { return QThread::currentThread() == &m_thread; }

private:
    class Context;
    QThread m_thread;
    Context *m_context = nullptr; ///< lives on m_thread: queued tasks run as its events
};

} // namespace lettascope::store
