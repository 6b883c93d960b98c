// SPDX-License-Identifier: MIT
#include "mcphttpserver.h"

#include "mcpserver.h"

#include <QHttpServer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace lettascope::mcp {

namespace {

using Status = QHttpServerResponder::StatusCode;

QByteArray header(const QHttpServerRequest &request, QByteArrayView name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

/// A JSON-RPC-shaped error body for HTTP-level refusals, so a client that only reads JSON still learns why.
QByteArray refusal(const QString &message)
{
    const QJsonObject body{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, QJsonValue::Null},
                           {u"error"_s, QJsonObject{{u"code"_s, -32600}, {u"message"_s, message}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

using HeaderPairs = QList<std::pair<QByteArray, QByteArray>>;

void reply(QHttpServerResponder &responder, Status status, const QByteArray &body, const HeaderPairs &extra = {})
{
    responder.writeStatusLine(status);
    responder.writeHeader("Content-Type", "application/json");
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    for (const auto &[name, value] : extra)
        responder.writeHeader(name, value);
    responder.writeBody(body);
}

/// Compares in time independent of where the texts differ, so the token cannot be guessed byte by byte.
bool sameSecret(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

QString generateToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

McpHttpServer::McpHttpServer(McpServer &server, HttpServerOptions options, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_options(std::move(options))
    , m_http(std::make_unique<QHttpServer>())
    , m_bucket(m_options.requestsPerMinute / 10.0)
{
    m_refill.start();
    m_http->route(u"/mcp"_s, [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        handle(request, std::move(responder));
    });
}

McpHttpServer::~McpHttpServer() = default;

Result<quint16> McpHttpServer::listen()
{
    if (m_options.token.isEmpty())
        return Error{ErrorKind::BadRequest, u"the MCP HTTP server needs a bearer token"_s};
    m_port = m_http->listen(m_options.host, m_options.port);
    if (m_port == 0)
        return Error{ErrorKind::Io, u"cannot listen on %1:%2"_s.arg(m_options.host.toString()).arg(m_options.port)};
    return m_port;
}

QUrl McpHttpServer::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_options.host.toString());
    url.setPort(m_port);
    url.setPath(u"/mcp"_s);
    return url;
}

bool McpHttpServer::authorized(const QHttpServerRequest &request) const
{
    const QByteArray given = header(request, "authorization");
    return given.startsWith("Bearer ") && sameSecret(given.mid(7).trimmed(), m_options.token.toUtf8());
}

bool McpHttpServer::originAllowed(const QHttpServerRequest &request) const
{
    const QByteArray origin = header(request, "origin");
    if (origin.isEmpty())
        return true; // not a browser: agents, SDKs and curl send none
    const QUrl url(QString::fromLatin1(origin));
    const bool loopbackName = url.host() == u"localhost" || QHostAddress(url.host()).isLoopback();
    return url.port() == m_port && (loopbackName || QHostAddress(url.host()) == m_options.host);
}

bool McpHttpServer::takeToken()
{
    const double perMs = m_options.requestsPerMinute / 60'000.0;
    m_bucket = std::min(m_options.requestsPerMinute / 10.0, m_bucket + double(m_refill.restart()) * perMs);
    if (m_bucket < 1)
        return false;
    m_bucket -= 1;
    return true;
}

void McpHttpServer::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    if (!originAllowed(request))
        return reply(responder, Status::Forbidden, refusal(u"this Origin may not call the server"_s));
    if (!authorized(request)) {
        return reply(responder, Status::Unauthorized, refusal(u"a valid bearer token is required"_s),
                     {{"WWW-Authenticate", "Bearer"}});
    }
    if (request.method() != QHttpServerRequest::Method::Post) {
        // Stateless: no server-sent event stream to GET and no session to DELETE.
        return reply(responder, Status::MethodNotAllowed, refusal(u"only POST is supported"_s), {{"Allow", "POST"}});
    }
    if (request.body().size() > m_options.maxBodyBytes) {
        return reply(responder, Status::PayloadTooLarge,
                     refusal(u"a message may be at most %1 bytes"_s.arg(m_options.maxBodyBytes)));
    }
    if (!takeToken())
        return reply(responder, Status::TooManyRequests, refusal(u"too many requests"_s), {{"Retry-After", "1"}});
    const Caller caller{QString::fromUtf8(header(request, "x-agent-id")).left(200)};
    const QByteArray answer = m_server.handle(request.body(), caller);
    if (answer.isEmpty())
        return reply(responder, Status::Accepted, {});
    reply(responder, Status::Ok, answer);
}

} // namespace lettascope::mcp
