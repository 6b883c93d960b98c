// SPDX-License-Identifier: MIT
#include "readworker.h"

#include "common/logging.h"

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

ReadWorker::ReadWorker(QString cachePath, QObject *parent)
    : QObject(parent)
    , m_path(std::move(cachePath))
    , m_context(new QObject)
{
    m_thread.setObjectName(u"trajectory-reader"_s);
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

ReadWorker::~ReadWorker()
{
    // The connection closes on its own thread, after every queued job.
    post([this] { m_db.reset(); });
    m_thread.quit();
    m_thread.wait();
}

void ReadWorker::post(std::function<void()> task)
{
    QMetaObject::invokeMethod(m_context, std::move(task), Qt::QueuedConnection);
}

store::Database *ReadWorker::database()
{
    Q_ASSERT(QThread::currentThread() == &m_thread);
    if (!m_db && m_openError.isEmpty()) {
        auto opened = store::Database::open(m_path, store::Database::Mode::ReadOnly);
        if (opened) {
            m_db = std::make_unique<store::Database>(std::move(opened).value());
        } else {
            m_openError = opened.error().toString();
            qCWarning(lcTrajectories).noquote() << "cannot read the cache:" << m_openError;
        }
    }
    return m_db.get();
}

QString ReadWorker::openError() const
{
    return m_openError;
}

} // namespace lettascope::trajectories
