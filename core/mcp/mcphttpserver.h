// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>

#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace lettascope::mcp {

class McpServer;

struct HttpServerOptions {
    QHostAddress host = QHostAddress::LocalHost;  ///< loopback unless the user says otherwise
    quint16 port = 0;                            ///< 0: any free port
    QString token;                               ///< the bearer token every request must carry
    qint64 maxBodyBytes = 1 << 20;
    int requestsPerMinute = 600;                 ///< per server; a burst of a tenth of it is allowed
};

/**
 * MCP's Streamable HTTP transport at `/mcp`, in its stateless form: each POST carries one JSON-RPC message and
 * gets one JSON reply (202 with no body for a notification); no sessions, no server-sent events, so GET and
 * DELETE are 405. Every request needs `Authorization: Bearer <token>` (401 otherwise); a request whose
 * `Origin` is not this server's own is a browser page elsewhere trying to reach a local tool and gets 403;
 * bodies over the limit get 413 and a client over the rate gets 429 with Retry-After. Letta's `x-agent-id`
 * header says which agent calls. Runs on the thread it was created on.
 */
class McpHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(McpHttpServer)
public:
    McpHttpServer(McpServer &server, HttpServerOptions options, QObject *parent = nullptr);
    ~McpHttpServer() override;

    /// The port listened on.
    Result<quint16> listen();
    QUrl url() const;

private:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    bool authorized(const QHttpServerRequest &request) const;
    bool originAllowed(const QHttpServerRequest &request) const;
    /// A token bucket: false when the client must wait.
    bool takeToken();

    McpServer &m_server;
    HttpServerOptions m_options;
    std::unique_ptr<QHttpServer> m_http;
    quint16 m_port = 0;
    double m_bucket = 0;
    QElapsedTimer m_refill;
};

/// A random bearer token (256 bits, URL-safe base64) for a server the user started without one.
QString generateToken();

} // namespace lettascope::mcp
