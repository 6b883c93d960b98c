// SPDX-License-Identifier: MIT
#pragma once

#include "common/error.h"
#include "common/result.h"
#include "endpoint.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QWebSocket;

namespace lettascope::appserver {

/**
 * One WebSocket to an App Server: JSON frames in and out, commands matched to their replies by
 * request_id, everything else delivered as events. Not thread-aware: it lives, like its socket, on
 * the thread that created it (the recorder's or the client's thread). Only read-only commands
 * (commandpolicy.h) are sent. Frames that are not JSON objects with a `type` are logged and skipped.
 */
class WsChannel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WsChannel)

public:
    using Callback = std::function<void(Result<QJsonObject>)>;
    static constexpr int kRequestTimeoutMs = 30000;

    explicit WsChannel(QObject *parent = nullptr);
    ~WsChannel() override;

    /// Connects (closing any previous socket); emits opened() or closed().
    void open(const AppServerEndpoint &endpoint);
    void close();
    bool isOpen() const { return m_open; }

    /// Sends `type` with `fields` and a fresh request_id; `done` gets the reply frame (success:true)
    /// or an error (refused command, success:false, timeout, connection lost). Called exactly once.
    void request(const QString &type, QJsonObject fields, Callback done, int timeoutMs = kRequestTimeoutMs);

    qint64 framesReceived() const { return m_framesReceived; }
    qint64 framesSkipped() const { return m_framesSkipped; }

Q_SIGNALS:
    void opened();
    /// The socket closed or could not open; pending requests have failed with `reason`.
    void closed(const lettascope::Error &reason);
    /// A frame that is not the reply to one of our commands (runtime events, pushes).
    void eventReceived(const QJsonObject &frame);

private:
    struct Pending {
        QString type;
        Callback done;
        QDeadlineTimer deadline;
    };
    void onTextMessage(const QString &text);
    void onDisconnected();
    void expireRequests();
    void failAll(const Error &error);

    QPointer<QWebSocket> m_socket;
    QHash<QString, Pending> m_pending;
    QTimer m_expiry;
    QString m_idPrefix;
    quint64 m_nextId = 0;
    bool m_open = false;
    Error m_socketError;
    qint64 m_framesReceived = 0;
    qint64 m_framesSkipped = 0;
};

} // namespace lettascope::appserver
