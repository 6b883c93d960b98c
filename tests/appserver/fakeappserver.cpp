// SPDX-License-Identifier: MIT
#include "fakeappserver.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QWebSocket>

using namespace Qt::StringLiterals;

namespace appservertest {

FakeAppServer::FakeAppServer(QObject *parent)
    : QObject(parent)
    , m_ws(u"fake-app-server"_s, QWebSocketServer::NonSecureMode)
{
    connect(&m_tcp, &QTcpServer::newConnection, this, &FakeAppServer::onTcpConnection);
    connect(&m_ws, &QWebSocketServer::newConnection, this, &FakeAppServer::onWebSocket);
}

FakeAppServer::~FakeAppServer()
{
    dropConnections();
}

bool FakeAppServer::listen()
{
    return m_tcp.listen(QHostAddress::LocalHost, 0);
}

QUrl FakeAppServer::url() const
{
    return QUrl(u"ws://127.0.0.1:%1"_s.arg(m_tcp.serverPort()));
}

void FakeAppServer::setLoopStatus(const QString &conversationId, const QJsonObject &loopStatus)
{
    m_loopStatus.insert(conversationId, loopStatus);
}

void FakeAppServer::setMessages(const QString &conversationId, const QJsonArray &newestFirst)
{
    m_messages.insert(conversationId, newestFirst);
}

int FakeAppServer::subscribedSockets(const QString &conversationId) const
{
    int count = 0;
    for (const auto &conversations : m_subscriptions)
        count += conversations.contains(conversationId) ? 1 : 0;
    return count;
}

void FakeAppServer::onTcpConnection()
{
    while (QTcpSocket *socket = m_tcp.nextPendingConnection()) {
        if (m_refusing) {
            ++m_refused;
            socket->abort();
            socket->deleteLater();
            continue;
        }
        // Peek at the request head: an upgrade goes to the WebSocket server untouched.
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            const QByteArray head = socket->peek(8192);
            if (!head.contains("\r\n\r\n"))
                return;
            socket->disconnect(this);
            if (head.toLower().contains("upgrade: websocket"))
                m_ws.handleConnection(socket);
            else
                answerHttp(socket);
        });
    }
}

void FakeAppServer::answerHttp(QTcpSocket *socket)
{
    const QByteArray request = socket->readAll();
    QByteArray body = "{}";
    QByteArray status = "404 Not Found";
    if (request.startsWith("GET /app-server-info")) {
        const QJsonObject info{{u"type"_s, u"app_server_info_response"_s}, {u"request_id"_s, u"http-info"_s},
                               {u"success"_s, true}, {u"backend"_s, u"local"_s}, {u"letta_code_version"_s, u"0.32.18"_s},
                               {u"protocol_version"_s, m_protocolVersion}, {u"capabilities"_s, QJsonObject{}}};
        body = QJsonDocument(info).toJson(QJsonDocument::Compact);
        status = "200 OK";
    }
    socket->write("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

void FakeAppServer::onWebSocket()
{
    while (QWebSocket *socket = m_ws.nextPendingConnection()) {
        ++m_webSocketConnections;
        m_subscriptions.insert(socket, {});
        connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) { onCommand(socket, text); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_subscriptions.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeAppServer::send(QWebSocket *socket, const QJsonObject &frame)
{
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void FakeAppServer::onCommand(QWebSocket *socket, const QString &text)
{
    const QJsonObject command = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = command.value(u"type").toString();
    m_commandTypes.append(type);
    QJsonObject reply{{u"type"_s, QString(type + u"_response"_s)}, {u"request_id"_s, command.value(u"request_id")}, {u"success"_s, true}};
    if (type == u"agent_list") {
        reply.insert(u"agents"_s, m_agents);
    } else if (type == u"conversation_list") {
        reply.insert(u"conversations"_s, m_conversations);
    } else if (type == u"conversation_messages_list") {
        reply.insert(u"messages"_s, m_messages.value(command.value(u"conversation_id").toString()));
        reply.insert(u"has_more"_s, false);
        reply.insert(u"next_before"_s, QJsonValue::Null);
    } else if (type == u"sync") {
        ++m_syncs;
        const QJsonObject runtime = command.value(u"runtime").toObject();
        const QString conversation = runtime.value(u"conversation_id").toString();
        m_subscriptions[socket].insert(conversation);
        // Like the real server: state is replayed before the answer.
        const QJsonObject idle{{u"status"_s, u"WAITING_ON_INPUT"_s}, {u"active_run_ids"_s, QJsonArray{}}};
        send(socket, QJsonObject{{u"type"_s, u"update_loop_status"_s},
                                 {u"loop_status"_s, m_loopStatus.value(conversation, idle)},
                                 {u"runtime"_s, runtime}, {u"event_seq"_s, ++m_eventSeq},
                                 {u"emitted_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}});
        reply.insert(u"runtime"_s, runtime);
    } else {
        reply.insert(u"success"_s, false);
        reply.insert(u"error"_s, QString(u"the fake does not implement "_s + type));
    }
    send(socket, reply);
}

void FakeAppServer::push(const QJsonObject &frame)
{
    const QString conversation = frame.value(u"runtime").toObject().value(u"conversation_id").toString();
    for (auto it = m_subscriptions.cbegin(); it != m_subscriptions.cend(); ++it) {
        if (it->contains(conversation))
            send(it.key(), frame);
    }
}

void FakeAppServer::pushRaw(const QString &text)
{
    for (auto it = m_subscriptions.cbegin(); it != m_subscriptions.cend(); ++it)
        it.key()->sendTextMessage(text);
}

void FakeAppServer::dropConnections()
{
    const auto sockets = m_subscriptions.keys();
    m_subscriptions.clear();
    for (QWebSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

} // namespace appservertest
