// SPDX-License-Identifier: MIT
#include "scriptedhttpserver.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace testsupport {

FakeResponse FakeResponse::json(QByteArray body, int status)
{
    FakeResponse response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

FakeResponse FakeResponse::of(Mode mode)
{
    FakeResponse response;
    response.mode = mode;
    return response;
}

FakeResponse &FakeResponse::header(QByteArray name, QByteArray value)
{
    headers.append({std::move(name), std::move(value)});
    return *this;
}

FakeResponse &FakeResponse::delay(int ms)
{
    delayMs = ms;
    return *this;
}

QByteArray RecordedRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool RecordedRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QStringList RecordedRequest::values(const QString &key) const
{
    return query.allQueryItemValues(key, QUrl::FullyDecoded);
}

ScriptedHttpServer::ScriptedHttpServer(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_handler = [](const RecordedRequest &) { return FakeResponse::json(R"({"detail":"Not Found"})", 404); };
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedHttpServer::onNewConnection);
}

ScriptedHttpServer::~ScriptedHttpServer()
{
    for (auto it = m_connections.keyBegin(); it != m_connections.keyEnd(); ++it)
        (*it)->disconnect(this);
}

bool ScriptedHttpServer::listen()
{
    if (!m_server.listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

void ScriptedHttpServer::stopListening()
{
    m_server.close();
}

QUrl ScriptedHttpServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

void ScriptedHttpServer::enqueue(FakeResponse response)
{
    m_queue.enqueue(std::move(response));
}

void ScriptedHttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void ScriptedHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_connections.insert(socket, Connection{});
        m_maxOpen = std::max(m_maxOpen, int(m_connections.size()));
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
        if (!m_greeting.isEmpty())
            socket->write(m_greeting);
    }
}

void ScriptedHttpServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    it->buffer += socket->readAll();
    if (!it->awaitingAnswer)
        takeRequest(socket, *it);
}

bool ScriptedHttpServer::takeRequest(QTcpSocket *socket, Connection &connection)
{
    const qsizetype headerEnd = connection.buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = connection.buffer.left(headerEnd).split('\n');
    RecordedRequest request;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        if (line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0)
            contentLength = line.mid(colon + 1).trimmed().toLongLong();
    }
    if (connection.buffer.size() < headerEnd + 4 + contentLength)
        return false;
    request.body = connection.buffer.mid(headerEnd + 4, contentLength);
    connection.buffer.remove(0, headerEnd + 4 + contentLength);

    request.target = requestLine.value(1);
    const QUrl target(QString::fromLatin1(request.target));
    request.path = target.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(target.query(QUrl::FullyEncoded));
    request.receivedMs = m_clock.elapsed();
    m_requests.append(request);
    connection.awaitingAnswer = true;
    m_maxInProgress = std::max(m_maxInProgress, ++m_inProgress);

    const FakeResponse response = m_queue.isEmpty() ? m_handler(request) : m_queue.dequeue();
    Q_EMIT requestReceived(int(m_requests.size()) - 1);
    if (response.delayMs > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(response.delayMs, this, [this, guard, response] {
            if (guard)
                answer(guard, response);
        });
    } else {
        answer(socket, response);
    }
    return true;
}

void ScriptedHttpServer::answer(QTcpSocket *socket, const FakeResponse &response)
{
    if (!m_connections.contains(socket) || !m_connections[socket].awaitingAnswer)
        return; // the client already went away
    if (response.mode == FakeResponse::Mode::Hang)
        return;
    if (response.mode == FakeResponse::Mode::Close) {
        finishServing(socket);
        socket->disconnectFromHost();
        return;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " Scripted\r\n";
    bool hasContentType = false;
    for (const auto &[name, value] : response.headers) {
        head += name + ": " + value + "\r\n";
        hasContentType = hasContentType || name.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!hasContentType)
        head += "Content-Type: application/json\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n";
    const bool truncate = response.mode == FakeResponse::Mode::Truncate;
    socket->write(head + (truncate ? response.body.left(response.body.size() / 2) : response.body));
    finishServing(socket);
    if (truncate) {
        socket->disconnectFromHost();
        return;
    }
    // A keep-alive client may already have sent its next request.
    Connection &connection = m_connections[socket];
    if (!connection.buffer.isEmpty())
        takeRequest(socket, connection);
}

void ScriptedHttpServer::finishServing(QTcpSocket *socket)
{
    Connection &connection = m_connections[socket];
    if (connection.awaitingAnswer) {
        connection.awaitingAnswer = false;
        --m_inProgress;
    }
}

void ScriptedHttpServer::onDisconnected(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it != m_connections.end()) {
        if (it->awaitingAnswer) {
            ++m_abandoned;
            --m_inProgress;
        }
        m_connections.erase(it);
    }
    socket->deleteLater();
}

} // namespace testsupport
