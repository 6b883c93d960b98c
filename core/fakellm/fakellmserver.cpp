// SPDX-License-Identifier: MIT
#include "fakellmserver.h"

#include "common/logging.h"
#include "completionrender.h"
#include "defaultrules.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHttpServer>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace lettascope::fakellm {

namespace {

LlmRequest requestFrom(Route route, const QHttpServerRequest &request)
{
    LlmRequest out;
    out.route = route;
    out.body = request.body();
    const auto headers = request.headers();
    for (const auto &[name, value] : headers)
        out.headers.insert(name.toLower(), value);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out.body, &error);
    if (error.error == QJsonParseError::NoError && doc.isObject())
        out.json = doc.object();
    return out;
}

QHttpServerResponder::StatusCode statusCode(int status)
{
    return static_cast<QHttpServerResponder::StatusCode>(status);
}

} // namespace

FakeLlmServer::FakeLlmServer(QObject *parent)
    : QObject(parent)
    , m_http(std::make_unique<QHttpServer>())
    , m_nonce(QUuid::createUuid().toRfc4122())
{
    m_clock.start();
    const auto bind = [this](Route route, QHttpServerRequest::Method method) {
        m_http->route(routePath(route), method, [this, route](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            handle(route, request, std::move(responder));
        });
    };
    bind(Route::Models, QHttpServerRequest::Method::Get);
    bind(Route::ChatCompletions, QHttpServerRequest::Method::Post);
    bind(Route::Embeddings, QHttpServerRequest::Method::Post);
}

FakeLlmServer::~FakeLlmServer() = default;

Result<quint16> FakeLlmServer::listen(quint16 port)
{
    const quint16 bound = m_http->listen(QHostAddress::LocalHost, port);
    if (bound == 0)
        return Error{ErrorKind::Io, u"the fake LLM could not listen on 127.0.0.1:%1"_s.arg(port)};
    m_port = bound;
    return bound;
}

QUrl FakeLlmServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/v1"_s.arg(m_port));
}

void FakeLlmServer::enqueue(Route route, Reply reply)
{
    m_queues[route].enqueue(std::move(reply));
}

void FakeLlmServer::setResponder(Route route, Responder responder)
{
    m_responders.insert(route, std::move(responder));
}

QList<LlmRequest> FakeLlmServer::requests(Route route) const
{
    QList<LlmRequest> matching;
    for (const LlmRequest &request : m_requests) {
        if (request.route == route)
            matching.append(request);
    }
    return matching;
}

Reply FakeLlmServer::replyFor(Route route, const LlmRequest &request)
{
    auto queue = m_queues.find(route);
    if (queue != m_queues.end() && !queue->isEmpty())
        return queue->dequeue();
    if (const auto responder = m_responders.value(route))
        return responder(request);
    return defaultReply(request);
}

QString FakeLlmServer::nextId(QStringView prefix)
{
    const QByteArray seed = m_nonce + QByteArray::number(++m_idCounter);
    const QByteArray hex = QCryptographicHash::hash(seed, QCryptographicHash::Sha1).toHex();
    return prefix + QString::fromLatin1(hex.left(prefix == u"call_" ? 10 : 12));
}

void FakeLlmServer::handle(Route route, const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    LlmRequest logged = requestFrom(route, request);
    logged.index = int(m_requests.size());
    logged.receivedMs = m_clock.elapsed();
    m_requests.append(logged);
    Q_EMIT requestReceived(logged);
    qCDebug(lcAppServer) << "fake LLM:" << routePath(route) << logged.lastUserText().left(80);

    Reply reply = replyFor(route, logged);
    for (ToolCallSpec &call : reply.completion.toolCalls) {
        if (call.id.isEmpty())
            call.id = nextId(u"call_");
    }
    auto shared = std::make_shared<QHttpServerResponder>(std::move(responder));
    if (reply.kind == Reply::Kind::Hang) {
        m_hanging.append(shared);
        return;
    }
    if (reply.delayMs <= 0) {
        answer(logged, reply, *shared);
        return;
    }
    QTimer::singleShot(reply.delayMs, this, [this, logged, reply, shared] { answer(logged, reply, *shared); });
}

void FakeLlmServer::answer(const LlmRequest &request, const Reply &reply, QHttpServerResponder &responder)
{
    switch (reply.kind) {
    case Reply::Kind::Completion: {
        const CompletionMeta meta{nextId(u"chatcmpl-"), request.model().isEmpty() ? kFakeModel.toString() : request.model(),
                                  QDateTime::currentSecsSinceEpoch()};
        if (request.stream())
            responder.write(renderStream(reply.completion, meta), "text/event-stream");
        else
            responder.write(QJsonDocument(renderJson(reply.completion, meta)));
        return;
    }
    case Reply::Kind::Json:
        responder.write(reply.json);
        return;
    case Reply::Kind::Status:
        if (reply.retryAfterSeconds) {
            responder.write(reply.body, {{"Content-Type", "application/json"},
                                         {"Retry-After", QByteArray::number(*reply.retryAfterSeconds)}},
                            statusCode(reply.status));
        } else {
            responder.write(reply.body, "application/json", statusCode(reply.status));
        }
        return;
    case Reply::Kind::MalformedJson:
        responder.write(renderMalformed(request.stream()), request.stream() ? "text/event-stream" : "application/json");
        return;
    case Reply::Kind::Hang:
        return;
    }
}

} // namespace lettascope::fakellm
