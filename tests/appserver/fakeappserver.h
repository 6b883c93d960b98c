// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <QUrl>
#include <QWebSocketServer>

class QWebSocket;

namespace appservertest {

/// A scripted stand-in for the App Server on one loopback port, like the real one: GET
/// /app-server-info over HTTP, JSON frames over a WebSocket, events only for conversations a socket
/// sent `sync` for. Tests push frames, drop connections and refuse new ones.
class FakeAppServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeAppServer)

public:
    explicit FakeAppServer(QObject *parent = nullptr);
    ~FakeAppServer() override;

    bool listen();
    QUrl url() const;   ///< ws://127.0.0.1:<port>

    void setProtocolVersion(int version) { m_protocolVersion = version; }
    void setAgents(const QJsonArray &agents) { m_agents = agents; }
    void setConversations(const QJsonArray &conversations) { m_conversations = conversations; }
    /// The loop status a `sync` of this conversation replays (what the server process remembers).
    void setLoopStatus(const QString &conversationId, const QJsonObject &loopStatus);
    void setMessages(const QString &conversationId, const QJsonArray &newestFirst);

    /// Sends `frame` to every socket subscribed to its runtime's conversation.
    void push(const QJsonObject &frame);
    void pushRaw(const QString &text);
    /// Aborts every open connection (the server "crashes" or the network drops).
    void dropConnections();
    /// While set, new connections (HTTP and WebSocket) are closed at once.
    void setRefusing(bool refusing) { m_refusing = refusing; }

    int webSocketConnections() const { return m_webSocketConnections; }
    int refusedConnections() const { return m_refused; }
    int syncs() const { return m_syncs; }
    QStringList commandTypes() const { return m_commandTypes; }
    int subscribedSockets(const QString &conversationId) const;

private:
    void onTcpConnection();
    void onWebSocket();
    void onCommand(QWebSocket *socket, const QString &text);
    void answerHttp(QTcpSocket *socket);
    void send(QWebSocket *socket, const QJsonObject &frame);

    QTcpServer m_tcp;
    QWebSocketServer m_ws;
    int m_protocolVersion = 1;
    bool m_refusing = false;
    QJsonArray m_agents;
    QJsonArray m_conversations;
    QHash<QString, QJsonObject> m_loopStatus;
    QHash<QString, QJsonArray> m_messages;
    QHash<QWebSocket *, QSet<QString>> m_subscriptions;
    int m_eventSeq = 0;
    int m_webSocketConnections = 0;
    int m_refused = 0;
    int m_syncs = 0;
    QStringList m_commandTypes;
};

} // namespace appservertest
