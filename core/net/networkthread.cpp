// SPDX-License-Identifier: MIT
#include "networkthread.h"

#include "httpclient.h"

#include <QThread>

namespace lettascope::net {

NetworkThread::NetworkThread(const QString &name) : m_thread(std::make_unique<QThread>())
{
    m_thread->setObjectName(name);
    m_client = new HttpClient;
    m_client->moveToThread(m_thread.get());
    // QNetworkAccessManager and its replies must die on the thread that created them: deferred
    // deletes posted from finished() run on the thread just before it exits.
    QObject::connect(m_thread.get(), &QThread::finished, m_client, &QObject::deleteLater);
    m_thread->start();
}

NetworkThread::~NetworkThread()
{
    m_thread->quit();
    m_thread->wait();
}

} // namespace lettascope::net
