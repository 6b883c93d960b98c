// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <memory>

class QThread;

namespace lettascope::net {

class HttpClient;

/**
 * Owns a network thread and the HttpClient living on it. Create it on the thread that will own it
 * (usually the GUI thread); hand client() to anyone: HttpClient::send() is thread-safe.
 *
 * Destruction deletes the client on its own thread (finishing every outstanding future with
 * ErrorKind::Cancelled, so no waiter hangs), then stops and joins the thread.
 */
class NetworkThread final
{
public:
    explicit NetworkThread(const QString &name = QStringLiteral("lettascope-network"));
    ~NetworkThread();
    NetworkThread(const NetworkThread &) = delete;
    NetworkThread &operator=(const NetworkThread &) = delete;

    HttpClient *client() const { return m_client; }
    QThread *thread() const { return m_thread.get(); }

private:
    std::unique_ptr<QThread> m_thread;
    HttpClient *m_client = nullptr;
};

} // namespace lettascope::net
