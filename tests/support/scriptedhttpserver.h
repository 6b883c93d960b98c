// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <utility>

class QTcpSocket;

namespace testsupport {

using RawHeaders = QList<std::pair<QByteArray, QByteArray>>;

/// One canned answer. Modes cover the failures a transport must survive.
struct FakeResponse {
    enum class Mode {
        Complete,   ///< status, headers, body
        Truncate,   ///< full Content-Length, half the body, then close
        Close,      ///< close the connection without answering
        Hang,       ///< never answer (until the client gives up)
    };
    int status = 200;
    QByteArray body;
    RawHeaders headers;
    int delayMs = 0;
    Mode mode = Mode::Complete;

    static FakeResponse json(QByteArray body, int status = 200);
    static FakeResponse of(Mode mode);
    FakeResponse &header(QByteArray name, QByteArray value);
    FakeResponse &delay(int ms);
};

struct RecordedRequest {
    QByteArray method;
    QByteArray target;      ///< the request-target as sent, still percent-encoded
    QString path;           ///< decoded path, no query
    QUrlQuery query;
    RawHeaders headers;
    QByteArray body;
    qint64 receivedMs = 0;  ///< since the server was created

    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    QStringList values(const QString &key) const; ///< every value of a (repeatable) query key, decoded
};

/// A loopback HTTP/1.1 server for transport tests, living on the test's thread: answers from a
/// queue of canned responses (then from a handler), records every request, and counts how many
/// requests were being served at once and how many the client abandoned.
class ScriptedHttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptedHttpServer)

public:
    using Handler = std::function<FakeResponse(const RecordedRequest &)>;

    explicit ScriptedHttpServer(QObject *parent = nullptr);
    ~ScriptedHttpServer() override;

    bool listen();
    void stopListening();
    QUrl baseUrl() const;
    quint16 port() const { return m_port; }

    void enqueue(FakeResponse response);
    /// Bytes written as soon as a client connects (e.g. plain text to a client expecting TLS).
    void setGreeting(QByteArray greeting) { m_greeting = std::move(greeting); }
    void setHandler(Handler handler);   ///< used once the queue is empty; default: 404 JSON

    QList<RecordedRequest> requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    int inProgress() const { return m_inProgress; }
    int maxInProgress() const { return m_maxInProgress; }
    int maxOpenConnections() const { return m_maxOpen; }
    int abandonedByClient() const { return m_abandoned; }

Q_SIGNALS:
    void requestReceived(int index);

private:
    struct Connection {
        QByteArray buffer;
        bool awaitingAnswer = false;
    };
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void onDisconnected(QTcpSocket *socket);
    bool takeRequest(QTcpSocket *socket, Connection &connection);
    void answer(QTcpSocket *socket, const FakeResponse &response);
    void finishServing(QTcpSocket *socket);

    QTcpServer m_server;
    quint16 m_port = 0;
    QElapsedTimer m_clock;
    QQueue<FakeResponse> m_queue;
    Handler m_handler;
    QByteArray m_greeting;
    QHash<QTcpSocket *, Connection> m_connections;
    QList<RecordedRequest> m_requests;
    int m_inProgress = 0;
    int m_maxInProgress = 0;
    int m_abandoned = 0;
    int m_maxOpen = 0;
};

} // namespace testsupport
