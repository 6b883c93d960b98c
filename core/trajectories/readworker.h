// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "store/sqlite.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

namespace lettascope::trajectories {

/**
 * A thread with its own read-only connection to the cache, for everything a view needs read off the
 * GUI thread: list windows, details, search, queue counts. Jobs run one at a time in submission order;
 * each result is delivered on `context`'s thread, and only if `context` still exists (QPointer), so a
 * closed page never receives a stale answer. Callers drop superseded answers with their own
 * generation tokens.
 */
class ReadWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadWorker)
public:
    explicit ReadWorker(QString cachePath, QObject *parent = nullptr);
    ~ReadWorker() override;

    template<typename T>
    void run(QObject *context, std::function<T(store::Database &)> job, std::function<void(T)> done)
    {
        QPointer<QObject> guard(context);
        post([this, guard, job = std::move(job), done = std::move(done)]() mutable {
            store::Database *db = database();
            if (!db || !guard)
                return;
            T result = job(*db);
            QMetaObject::invokeMethod(guard.data(), [guard, done = std::move(done), result = std::move(result)]() mutable {
                if (guard)
                    done(std::move(result));
            }, Qt::QueuedConnection);
        });
    }
    /// Runs `task` on the worker thread with the connection (null when the cache could not be opened).
    void post(std::function<void()> task);
    /// The worker thread's connection; only valid on that thread.
    store::Database *database();
    QString openError() const;

private:
    QString m_path;
    QThread m_thread;
    QObject *m_context = nullptr;   ///< lives on m_thread; tasks are queued to it
    std::unique_ptr<store::Database> m_db;
    QString m_openError;
};

} // namespace lettascope::trajectories
