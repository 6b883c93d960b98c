// SPDX-License-Identifier: MIT
#include "appserverclient.h"

#include "clientworker.h"

#include <QPromise>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

namespace {
// Settles a promise once, from whichever callback comes first; a promise never settled (the worker
// died first) finishes empty, which net::resultOf reads as Cancelled.
template<typename T>
std::function<void(Result<T>)> settle(std::shared_ptr<QPromise<Result<T>>> promise)
{
    return [promise](Result<T> result) {
        promise->addResult(std::move(result));
        promise->finish();
    };
}
} // namespace

AppServerClient::AppServerClient(AppServerEndpoint endpoint)
    : m_endpoint(std::move(endpoint))
    , m_thread(std::make_unique<QThread>())
{
    m_thread->setObjectName(u"lettascope-appserver"_s);
    m_worker = new ClientWorker(m_endpoint);
    m_worker->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

AppServerClient::~AppServerClient()
{
    m_thread->quit();
    m_thread->wait();
}

QFuture<Result<AppServerInfo>> AppServerClient::probe()
{
    auto promise = std::make_shared<QPromise<Result<AppServerInfo>>>();
    promise->start();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, promise] { worker->probe(settle(promise)); });
    return promise->future();
}

QFuture<Result<QJsonObject>> AppServerClient::request(const QString &type, const QJsonObject &fields)
{
    auto promise = std::make_shared<QPromise<Result<QJsonObject>>>();
    promise->start();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, promise, type, fields] {
        worker->request(type, fields, settle(promise));
    });
    return promise->future();
}

} // namespace lettascope::appserver
