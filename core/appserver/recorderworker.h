// SPDX-License-Identifier: MIT
#pragma once

#include "backoff.h"
#include "endpoint.h"
#include "eventassembler.h"
#include "recorderstatus.h"
#include "recordinggaps.h"
#include "serverinfo.h"
#include "store/entitywriter.h"
#include "wschannel.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QNetworkAccessManager>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

namespace lettascope::store {
class StoreWriter;
}

namespace lettascope::appserver {

/**
 * The recorder's half on its own thread: the observer socket, subscriptions, the event assembler,
 * batched writes, reconnects and recording gaps. Internal to Recorder, which owns the thread.
 */
class RecorderWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecorderWorker)

public:
    RecorderWorker(store::StoreWriter &writer, store::ServerRecord server, AppServerEndpoint endpoint,
                   RecorderOptions options);
    ~RecorderWorker() override;

    void start();
    /// Writes what is left, closes an open gap and the socket; blocks until the writes are committed.
    void shutdown();

Q_SIGNALS:
    void stateChanged(lettascope::appserver::RecorderState state, const QString &detail);
    void statsChanged(const lettascope::appserver::RecorderStats &stats);
    void gapRecorded(const lettascope::appserver::RecordingGap &gap);
    void failed(const lettascope::Error &error);

private:
    using ListDone = std::function<void(Result<QJsonArray>)>;
    void setState(RecorderState state, const QString &detail = {});
    void connectToServer();
    void onProbed(Result<AppServerInfo> info);
    void onOpened();
    void onClosed(const Error &reason);
    void onEvent(const QJsonObject &frame);
    void scheduleReconnect(const QString &why);
    void discover();
    void listAll(const QString &type, const QString &key, QJsonObject query, QJsonArray collected, ListDone done);
    void subscribe(const ConversationRef &conversation);
    void onSubscribed(const ConversationRef &conversation, bool ok);
    void flush();
    void write(store::WriteBatch batch);
    void fetchTurn(const FinishedTurn &turn, QJsonArray collected, QString before, int pagesLeft);
    void openGap(const QString &reason);
    void closeGap();
    void emitStats(bool force);

    store::StoreWriter &m_writer;
    store::ServerRecord m_server;
    qint64 m_serverId = 0;
    AppServerEndpoint m_endpoint;
    RecorderOptions m_options;
    QNetworkAccessManager m_nam;
    WsChannel m_channel;
    EventAssembler m_assembler;
    Backoff m_backoff;
    QTimer m_flushTimer;
    QTimer m_discoveryTimer;
    QTimer m_reconnectTimer;
    QElapsedTimer m_sinceStats;
    RecorderStats m_stats;
    QSet<QString> m_subscribed;         ///< conversation keys synced on this connection
    QSet<QString> m_subscribing;
    bool m_discovering = false;
    bool m_connectedOnce = false;
    bool m_stopping = false;
    int m_pendingWrites = 0;
    qint64 m_rejectedFrames = 0;        ///< frames the assembler could not use
    QList<QFuture<Result<store::ChangeSet>>> m_writes;
    std::optional<RecordingGap> m_gap;
    QFuture<Result<qint64>> m_gapOpening;
};

} // namespace lettascope::appserver
