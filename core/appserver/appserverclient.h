// SPDX-License-Identifier: MIT
#pragma once

#include "endpoint.h"
#include "serverinfo.h"

#include <QFuture>
#include <QJsonObject>

#include <memory>

class QThread;

namespace lettascope::appserver {

class ClientWorker;

/**
 * A thread-safe, future-based App Server client for code that waits (a sync on a worker thread, the
 * CLI). It owns a thread with one WebSocket (opened on the first request, reopened after a drop)
 * and a QNetworkAccessManager for the HTTP probe. Destruction fails outstanding futures with
 * ErrorKind::Cancelled, then joins the thread.
 */
class AppServerClient final
{
public:
    explicit AppServerClient(AppServerEndpoint endpoint);
    ~AppServerClient();
    AppServerClient(const AppServerClient &) = delete;
    AppServerClient &operator=(const AppServerClient &) = delete;

    const AppServerEndpoint &endpoint() const { return m_endpoint; }

    /// GET /app-server-info, protocol checked.
    QFuture<Result<AppServerInfo>> probe();
    /// A read-only command (commandpolicy.h); the reply frame on success.
    QFuture<Result<QJsonObject>> request(const QString &type, const QJsonObject &fields = {});

private:
    AppServerEndpoint m_endpoint;
    std::unique_ptr<QThread> m_thread;
    ClientWorker *m_worker = nullptr;
};

} // namespace lettascope::appserver
