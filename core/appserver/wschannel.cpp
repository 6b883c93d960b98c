// SPDX-License-Identifier: MIT
#include "wschannel.h"

#include "commandpolicy.h"
#include "common/logging.h"

#include <QJsonDocument>
#include <QUuid>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

namespace {
// A runaway frame must not exhaust memory; the largest seen live is ~120 KB.
constexpr quint64 kMaxMessageBytes = 64ull * 1024 * 1024;

Error replyError(const QString &type, const QJsonObject &frame)
{
    const QString text = frame.value(u"error").toString();
    const ErrorKind kind = text.contains(u"not found", Qt::CaseInsensitive) ? ErrorKind::NotFound : ErrorKind::Server;
    return Error{kind, u"%1 failed: %2"_s.arg(type, text.isEmpty() ? u"the App Server gave no reason"_s : text)};
}
} // namespace

WsChannel::WsChannel(QObject *parent)
    : QObject(parent)
    // Our request ids must never collide with the server's own (perm-…) or other clients'.
    , m_idPrefix(u"lettascope-"_s + QUuid::createUuid().toString(QUuid::Id128).left(8) + u'-')
{
    m_expiry.setParent(this); // moves with the channel to its thread
    m_expiry.setInterval(250);
    connect(&m_expiry, &QTimer::timeout, this, &WsChannel::expireRequests);
}

WsChannel::~WsChannel()
{
    failAll(Error{ErrorKind::Cancelled, u"the App Server connection was closed"_s});
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void WsChannel::open(const AppServerEndpoint &endpoint)
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_open = false;
    m_socketError = {};
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    socket->setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    connect(socket, &QWebSocket::connected, this, [this] {
        m_open = true;
        Q_EMIT opened();
    });
    connect(socket, &QWebSocket::disconnected, this, &WsChannel::onDisconnected);
    connect(socket, &QWebSocket::textMessageReceived, this, &WsChannel::onTextMessage);
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this] { ++m_framesSkipped; });
    connect(socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            [this, socket](QAbstractSocket::SocketError code) {
                const QString text = socket->errorString();
                // The upgrade's HTTP status only shows up in the error text.
                const bool auth = text.contains(u"401") || text.contains(u"403");
                m_socketError = Error{auth ? ErrorKind::Auth : ErrorKind::Network,
                                      u"App Server WebSocket: %1"_s.arg(text)};
                qCDebug(lcAppServer) << "socket error" << code << text;
            });
    socket->open(endpoint.request(endpoint.webSocketUrl()));
}

void WsChannel::close()
{
    if (m_socket)
        m_socket->close();
}

void WsChannel::request(const QString &type, QJsonObject fields, Callback done, int timeoutMs)
{
    if (!isReadOnlyCommand(type)) {
        done(Error{ErrorKind::Unsupported, u"Lettascope does not send \"%1\": it only reads from App Servers"_s.arg(type)});
        return;
    }
    if (!m_open || !m_socket) {
        done(Error{ErrorKind::Network, u"not connected to the App Server"_s});
        return;
    }
    const QString id = m_idPrefix + QString::number(++m_nextId);
    fields.insert(u"type"_s, type);
    fields.insert(u"request_id"_s, id);
    m_pending.insert(id, Pending{type, std::move(done), QDeadlineTimer(timeoutMs)});
    if (!m_expiry.isActive())
        m_expiry.start();
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
}

void WsChannel::onTextMessage(const QString &text)
{
    ++m_framesReceived;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject() || !doc.object().value(u"type").isString()) {
        ++m_framesSkipped;
        qCWarning(lcAppServer) << "skipped a frame that is not a JSON object with a type:" << text.left(200);
        return;
    }
    const QJsonObject frame = doc.object();
    const auto pending = m_pending.find(frame.value(u"request_id").toString());
    if (pending == m_pending.end()) {
        Q_EMIT eventReceived(frame);
        return;
    }
    const Pending taken = std::move(pending.value());
    m_pending.erase(pending);
    if (frame.contains(u"success") && !frame.value(u"success").toBool())
        taken.done(replyError(taken.type, frame));
    else
        taken.done(frame);
}

void WsChannel::onDisconnected()
{
    m_open = false;
    Error reason = m_socketError;
    if (reason.kind == ErrorKind::None)
        reason = Error{ErrorKind::Network, u"the App Server closed the connection"_s};
    failAll(reason);
    Q_EMIT closed(reason);
}

void WsChannel::expireRequests()
{
    QList<Pending> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->deadline.hasExpired()) {
            expired.append(std::move(it.value()));
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    if (m_pending.isEmpty())
        m_expiry.stop();
    for (const Pending &p : std::as_const(expired))
        p.done(Error{ErrorKind::Network, u"the App Server did not answer %1 in time"_s.arg(p.type)});
}

void WsChannel::failAll(const Error &error)
{
    const auto pending = std::exchange(m_pending, {});
    m_expiry.stop();
    for (const Pending &p : pending)
        p.done(error);
}

} // namespace lettascope::appserver
