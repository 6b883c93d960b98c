// SPDX-License-Identifier: MIT
#include "clientworker.h"

#include "infoprobe.h"

namespace lettascope::appserver {

ClientWorker::ClientWorker(AppServerEndpoint endpoint)
    : m_endpoint(std::move(endpoint))
{
    m_nam.setParent(this);
    m_channel.setParent(this);
    connect(&m_channel, &WsChannel::opened, this, &ClientWorker::onOpened);
    connect(&m_channel, &WsChannel::closed, this, &ClientWorker::onClosed);
}

void ClientWorker::probe(std::function<void(Result<AppServerInfo>)> done)
{
    probeServerInfo(m_nam, m_endpoint, this, std::move(done));
}

void ClientWorker::request(const QString &type, const QJsonObject &fields, WsChannel::Callback done)
{
    if (m_channel.isOpen()) {
        m_channel.request(type, fields, std::move(done));
        return;
    }
    m_queue.append(Queued{type, fields, std::move(done)});
    if (!m_opening) {
        m_opening = true;
        m_channel.open(m_endpoint);
    }
}

void ClientWorker::onOpened()
{
    m_opening = false;
    for (Queued &queued : std::exchange(m_queue, {}))
        m_channel.request(queued.type, queued.fields, std::move(queued.done));
}

void ClientWorker::onClosed(const Error &reason)
{
    // Commands waiting for the socket fail with why it would not open; the next request reopens it.
    m_opening = false;
    for (Queued &queued : std::exchange(m_queue, {}))
        queued.done(reason);
}

} // namespace lettascope::appserver
