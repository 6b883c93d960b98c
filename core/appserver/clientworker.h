// SPDX-License-Identifier: MIT
#pragma once

#include "endpoint.h"
#include "serverinfo.h"
#include "wschannel.h"

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>

#include <functional>

namespace lettascope::appserver {

/// AppServerClient's half on its thread: opens the channel on demand and queues commands until it
/// is open. Internal to AppServerClient.
class ClientWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientWorker)

public:
    explicit ClientWorker(AppServerEndpoint endpoint);

    void probe(std::function<void(Result<AppServerInfo>)> done);
    void request(const QString &type, const QJsonObject &fields, WsChannel::Callback done);

private:
    struct Queued {
        QString type;
        QJsonObject fields;
        WsChannel::Callback done;
    };
    void onOpened();
    void onClosed(const Error &reason);

    AppServerEndpoint m_endpoint;
    QNetworkAccessManager m_nam;
    WsChannel m_channel;
    bool m_opening = false;
    QList<Queued> m_queue;
};

} // namespace lettascope::appserver
