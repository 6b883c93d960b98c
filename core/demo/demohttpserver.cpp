// SPDX-License-Identifier: MIT
#include "demohttpserver.h"

#include "common/logging.h"
#include "demojsonwriter.h"
#include "demorouter.h"

#include <QHttpServerRequest>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace lettascope::demo {

namespace {

constexpr qsizetype kHugeMessageBytes = 10 * 1024 * 1024;

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    default: return "OTHER";
    }
}

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Unknown";
    }
}

// Health and readiness stay reachable without the password, as in check_password.py.
bool isOpenPath(QStringView path)
{
    for (const auto prefix : {u"/v1/", u"/latest/"}) {
        if (!path.startsWith(prefix))
            continue;
        const QStringView rest = path.sliced(QStringView(prefix).size());
        return rest == u"health" || rest == u"health/" || rest == u"ready" || rest == u"ready/";
    }
    return false;
}

QByteArray injectedMessage(bool huge)
{
    QByteArray entry;
    JsonWriter out(entry);
    out.beginObject().stringField("id", huge ? "message-5e1f0c3a-9b7d-4e21-8f60-2c4a1b9d7e10"
                                             : "message-0f4e2d1c-3b5a-4978-a6c5-d4e3f2a1b0c9");
    out.stringField("date", "2026-01-01T00:00:00+00:00").nullField("name");
    out.stringField("message_type", huge ? "assistant_message" : "hologram_message");
    out.nullField("otid").nullField("sender_id").nullField("step_id").nullField("seq_id").nullField("run_id");
    if (huge) {
        static const QByteArray sentence = "The quick brown fox jumps over the lazy dog. ";
        QByteArray content;
        content.reserve(kHugeMessageBytes);
        while (content.size() + sentence.size() <= kHugeMessageBytes)
            content.append(sentence);
        content.append(QByteArray(kHugeMessageBytes - content.size(), '.'));
        out.stringField("content", QByteArrayView(content));
    } else {
        out.key("hologram").beginObject().numberField("frames", 24).stringField("format", "volumetric").endObject();
    }
    out.endObject();
    return entry;
}

} // namespace

DemoHttpServer::DemoHttpServer(std::shared_ptr<DemoStore> store, std::shared_ptr<DemoFaults> faults,
                               std::shared_ptr<DemoRequestLog> log, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_store(std::move(store))
    , m_faults(std::move(faults))
    , m_log(std::move(log))
{
}

void DemoHttpServer::setPassword(const QString &password)
{
    QMutexLocker lock(&m_passwordMutex);
    m_password = password;
}

bool DemoHttpServer::authorized(const QHttpServerRequest &request, QStringView path) const
{
    QString password;
    {
        QMutexLocker lock(&m_passwordMutex);
        password = m_password;
    }
    if (password.isEmpty() || isOpenPath(path))
        return true;
    const QByteArray expected = password.toUtf8();
    return request.value("Authorization") == "Bearer " + expected
        || request.value("X-BARE-PASSWORD") == "password " + expected;
}

DemoReply DemoHttpServer::applyFault(const FaultRule &rule, DemoReply reply) const
{
    switch (rule.kind) {
    case FaultKind::RateLimit: {
        DemoReply limited = DemoReply::detail(429, u"Rate limit exceeded, retry later"_s);
        limited.headers.append({"retry-after", QByteArray::number(rule.retryAfterSeconds)});
        return limited;
    }
    case FaultKind::ServerError:
        if (rule.status == 502) {
            // What a reverse proxy in front of Letta answers: HTML, not JSON.
            DemoReply gateway;
            gateway.status = 502;
            gateway.contentType = "text/html";
            gateway.body = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                           "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
            return gateway;
        }
        return DemoReply::detail(rule.status, rule.status == 503 ? u"A database error occurred."_s
                                                                  : u"An unknown error occurred"_s);
    case FaultKind::Unauthorized: return DemoReply::detail(401, u"Unauthorized"_s);
    case FaultKind::MalformedJson:
        reply.body = (reply.body.isEmpty() ? QByteArray("{") : reply.body.chopped(1)) + ",@";
        return reply;
    case FaultKind::UnknownMessageType:
    case FaultKind::HugeMessage: {
        const QByteArray entry = injectedMessage(rule.kind == FaultKind::HugeMessage);
        const bool empty = reply.body == "[]";
        reply.body = "[" + entry + (empty ? "" : ",") + reply.body.sliced(1);
        return reply;
    }
    case FaultKind::BadRequestOrder:
        return DemoReply::detail(400, u"Argument order does not match type typing.Optional[str]"_s);
    case FaultKind::Latency:
    case FaultKind::TruncatedBody: break;
    }
    return reply;
}

bool DemoHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Headers and body go out in two writes; without TCP_NODELAY the body waits for the client's delayed
    // ACK (40 ms on Linux) whenever the response spans segments.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    DemoRequest demoRequest;
    demoRequest.method = methodName(request.method());
    demoRequest.path = request.url().path();
    demoRequest.query = request.query();
    demoRequest.userAgent = request.value("User-Agent");
    demoRequest.hasUserAgent = !demoRequest.userAgent.isEmpty();
    demoRequest.sdkHeader = !request.value("X-Stainless-Package-Version").isEmpty();
    const bool head = demoRequest.method == "HEAD";
    const bool close = request.value("Connection").compare("close", Qt::CaseInsensitive) == 0;

    DemoReply reply = authorized(request, demoRequest.path)
        ? m_store->read([&](const DemoDataset &data) { return DemoRouter::handle(data, demoRequest); })
        : DemoReply::detail(401, u"Unauthorized"_s);
    const FaultDecision decision = m_faults->decide(demoRequest.path, reply.messageList);
    Framing framing = Framing::Complete;
    if (decision.action && decision.action->kind == FaultKind::TruncatedBody)
        framing = Framing::Truncated;
    else if (decision.action)
        reply = applyFault(*decision.action, std::move(reply));
    m_log->record({demoRequest.method, demoRequest.path, request.url().query(), reply.status});
    qCDebug(lcDemo) << demoRequest.method << request.url().toString() << reply.status << reply.body.size() << "bytes";

    if (decision.delayMs > 0) {
        // The socket is the timer's context: a client that gives up cancels the reply.
        QTimer::singleShot(decision.delayMs, socket,
                           [socket, reply, head, close, framing] { send(socket, reply, head, close, framing); });
    } else {
        send(socket, reply, head, close, framing);
    }
    return true;
}

void DemoHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    send(socket, DemoReply::detail(404, u"Not Found"_s), request.method() == QHttpServerRequest::Method::Head, false,
         Framing::Complete);
}

void DemoHttpServer::send(QTcpSocket *socket, const DemoReply &reply, bool head, bool close, Framing framing)
{
    QByteArray header;
    header.reserve(256);
    header.append("HTTP/1.1 ").append(QByteArray::number(reply.status)).append(' ').append(reasonPhrase(reply.status));
    header.append("\r\nserver: uvicorn\r\ncontent-type: ").append(reply.contentType);
    header.append("\r\ncontent-length: ").append(QByteArray::number(reply.body.size())).append("\r\n");
    for (const auto &[name, value] : reply.headers)
        header.append(name).append(": ").append(value).append("\r\n");
    const bool closing = close || framing == Framing::Truncated;
    if (closing)
        header.append("connection: close\r\n");
    header.append("\r\n");
    socket->write(header);
    if (!head)
        socket->write(framing == Framing::Truncated ? reply.body.left(reply.body.size() / 2) : reply.body);
    // Deferred: QAbstractHttpServer must not see the socket vanish while it is dispatching.
    if (closing)
        QMetaObject::invokeMethod(socket, &QAbstractSocket::disconnectFromHost, Qt::QueuedConnection);
}

} // namespace lettascope::demo
