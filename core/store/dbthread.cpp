// SPDX-License-Identifier: MIT
#include "dbthread.h"

#include <QObject>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace lettascope::store {

/// The thread's state; touched only on the thread.
class DbThread::Context final : public QObject
{
public:
    Database db;
    std::optional<Error> openError;
    QList<QPointer<QObject>> adopted;

    void shutDown()
    {
        // Adopted objects may hold statements of the connection: they go first, newest first.
        for (auto it = adopted.rbegin(); it != adopted.rend(); ++it)
            delete it->data();
        adopted.clear();
        db = Database();
    }
};

DbThread::DbThread(const QString &name)
    : m_context(new Context)
{
    m_thread.setObjectName(name);
    m_context->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

DbThread::~DbThread()
{
    // Queued jobs still run: quit() takes effect after them, so nothing submitted is dropped.
    QMetaObject::invokeMethod(m_context, [context = m_context] { context->shutDown(); }, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void DbThread::post(std::function<void(Database *)> task)
{
    QMetaObject::invokeMethod(m_context, [this, task = std::move(task)] { task(database()); }, Qt::QueuedConnection);
}

QFuture<Status> DbThread::open(const QString &path, Database::Mode mode, std::function<Status(Database &)> prepare)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QMetaObject::invokeMethod(m_context, [context = m_context, promise, path, mode, prepare = std::move(prepare)] {
        context->db = Database();
        Status status = success();
        if (auto opened = Database::open(path, mode); !opened) {
            status = opened.error();
        } else {
            context->db = std::move(opened).value();
            if (prepare)
                status = prepare(context->db);
            if (!status)
                context->db = Database();
        }
        context->openError = status ? std::nullopt : std::optional<Error>(status.error());
        promise->addResult(std::move(status));
        promise->finish();
    }, Qt::QueuedConnection);
    return promise->future();
}

QFuture<void> DbThread::close()
{
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    QMetaObject::invokeMethod(m_context, [context = m_context, promise] {
        context->db = Database();
        context->openError.reset();
        promise->finish();
    }, Qt::QueuedConnection);
    return promise->future();
}

void DbThread::adopt(QObject *object)
{
    Q_ASSERT(!object->parent());
    object->moveToThread(&m_thread);
    QMetaObject::invokeMethod(m_context, [context = m_context, guard = QPointer<QObject>(object)] {
        context->adopted << guard;
    }, Qt::QueuedConnection);
}

Database *DbThread::database() const
{
    Q_ASSERT(isCurrentThread());
    return m_context->db.isOpen() ? &m_context->db : nullptr;
}

Error DbThread::notOpenError() const
{
    Q_ASSERT(isCurrentThread());
    return m_context->openError.value_or(Error{ErrorKind::Storage, u"the cache is not open"_s});
}

} // namespace lettascope::store
