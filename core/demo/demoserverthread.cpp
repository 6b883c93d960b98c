// SPDX-License-Identifier: MIT
#include "demoserverthread.h"

using namespace Qt::StringLiterals;

namespace lettascope::demo {

DemoServerThread::DemoServerThread(const DemoConfig &config)
    : DemoServerThread(std::make_shared<DemoStore>(config))
{
}

DemoServerThread::DemoServerThread(std::shared_ptr<DemoStore> store)
    : m_store(std::move(store))
    , m_faults(std::make_shared<DemoFaults>())
    , m_log(std::make_shared<DemoRequestLog>())
{
}

DemoServerThread::~DemoServerThread()
{
    stop();
}

Result<quint16> DemoServerThread::start(quint16 port)
{
    if (m_server)
        return Error{ErrorKind::BadRequest, u"the demo server is already running"_s};
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(u"demo-server"_s);
    m_context = new QObject;
    m_context->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start();

    Result<quint16> result = Error{ErrorKind::Io, u"the demo server thread did not start"_s};
    QMetaObject::invokeMethod(
        m_context,
        [&] {
            auto *server = new DemoServer(m_store, m_context, m_faults, m_log);
            server->setPassword(m_password);
            result = server->listen(port);
            if (result)
                m_server = server;
            else
                delete server;
        },
        Qt::BlockingQueuedConnection);
    if (!result) {
        m_thread->quit();
        m_thread->wait();
        m_thread.reset();
        m_context = nullptr;
        return result;
    }
    m_port = *result;
    return result;
}

void DemoServerThread::stop()
{
    if (!m_thread)
        return;
    if (m_server) {
        QMetaObject::invokeMethod(
            m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_server = nullptr;
    }
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_context = nullptr;
}

QUrl DemoServerThread::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

void DemoServerThread::setPassword(const QString &password)
{
    m_password = password;
    if (m_server)
        m_server->setPassword(password);
}

void DemoServerThread::setLive(bool enabled, int intervalMs, double speed)
{
    if (!m_server)
        return;
    QMetaObject::invokeMethod(
        m_context, [this, enabled, intervalMs, speed] { m_server->setLive(enabled, intervalMs, speed); },
        Qt::BlockingQueuedConnection);
}

} // namespace lettascope::demo
