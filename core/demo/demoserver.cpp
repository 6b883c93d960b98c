// SPDX-License-Identifier: MIT
#include "demoserver.h"

#include "common/logging.h"
#include "demohttpserver.h"
#include "demolive.h"

#include <QTcpServer>

using namespace Qt::StringLiterals;

namespace lettascope::demo {

DemoServer::DemoServer(std::shared_ptr<DemoStore> store, QObject *parent, std::shared_ptr<DemoFaults> faults,
                       std::shared_ptr<DemoRequestLog> log)
    : QObject(parent)
    , m_store(std::move(store))
    , m_faults(faults ? std::move(faults) : std::make_shared<DemoFaults>())
    , m_log(log ? std::move(log) : std::make_shared<DemoRequestLog>())
    , m_http(new DemoHttpServer(m_store, m_faults, m_log, this))
    , m_live(new DemoLive(m_store, this))
{
}

DemoServer::~DemoServer() = default;

Result<quint16> DemoServer::listen(quint16 port)
{
    auto *tcp = new QTcpServer(m_http);
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        const QString reason = tcp->errorString();
        delete tcp;
        return Error{ErrorKind::Io, u"cannot listen on 127.0.0.1:%1: %2"_s.arg(port).arg(reason)};
    }
    m_http->bind(tcp);
    connect(tcp, &QTcpServer::newConnection, this, [log = m_log] { log->recordConnection(); });
    m_port = tcp->serverPort();
    qCDebug(lcDemo) << "demo server listening on" << url();
    return m_port;
}

QUrl DemoServer::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

void DemoServer::setPassword(const QString &password)
{
    m_http->setPassword(password);
}

void DemoServer::setLive(bool enabled, int intervalMs, double speed)
{
    m_store->setClockSpeed(speed);
    if (enabled)
        m_live->start(intervalMs);
    else
        m_live->stop();
}

bool DemoServer::isLive() const
{
    return m_live->isRunning();
}

} // namespace lettascope::demo
