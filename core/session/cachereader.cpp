// SPDX-License-Identifier: MIT
#include "cachereader.h"

using namespace Qt::StringLiterals;

namespace lettascope::session {

class CacheReader::Worker final : public QObject
{
public:
    store::Database db;
};

CacheReader::CacheReader()
    : m_worker(new Worker)
{
    m_thread.setObjectName(u"cache-reader"_s);
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

CacheReader::~CacheReader()
{
    post([worker = m_worker] { worker->db = store::Database(); });
    m_thread.quit();
    m_thread.wait();
}

void CacheReader::post(std::function<void()> task)
{
    QMetaObject::invokeMethod(m_worker, std::move(task), Qt::QueuedConnection);
}

store::Database *CacheReader::database() const
{
    return m_worker->db.isOpen() ? &m_worker->db : nullptr;
}

QFuture<Status> CacheReader::open(const QString &path)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    post([this, promise, path] {
        auto opened = store::Database::open(path, store::Database::Mode::ReadOnly);
        if (opened) {
            m_worker->db = std::move(opened).value();
            promise->addResult(success());
        } else {
            m_worker->db = store::Database();
            promise->addResult(opened.error());
        }
        promise->finish();
    });
    return promise->future();
}

QFuture<void> CacheReader::close()
{
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    post([this, promise] {
        m_worker->db = store::Database();
        promise->finish();
    });
    return promise->future();
}

} // namespace lettascope::session
