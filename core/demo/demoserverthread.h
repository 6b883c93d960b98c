// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "demoserver.h"

#include <QThread>
#include <QUrl>

#include <memory>

namespace lettascope::demo {

/// Runs a DemoServer on a dedicated QThread, for the GUI (`lettascope --demo`) and in-process tests:
///
///     DemoServerThread demo(DemoConfig{});   // generates the dataset
///     const auto port = demo.start();        // blocks until bound; Result<quint16>
///     demo.faults().add(*FaultRule::parse(u"429:first=2"));
///     demo.store().appendRun();              // thread-safe mutations
///     demo.stop();                           // or let the destructor do it
class DemoServerThread final
{
public:
    explicit DemoServerThread(const DemoConfig &config);
    explicit DemoServerThread(std::shared_ptr<DemoStore> store);
    ~DemoServerThread();
    Q_DISABLE_COPY_MOVE(DemoServerThread)

    /// Starts the thread and binds 127.0.0.1:`port` (0 = any free port); returns the bound port.
    Result<quint16> start(quint16 port = 0);
    /// Closes every connection and joins the thread. Safe to call twice.
    void stop();
    bool isRunning() const { return m_server != nullptr; }

    quint16 port() const { return m_port; }
    QUrl url() const;

    DemoStore &store() const { return *m_store; }
    DemoFaults &faults() const { return *m_faults; }
    DemoRequestLog &requestLog() const { return *m_log; }
    void setPassword(const QString &password);
    void setLive(bool enabled, int intervalMs = 1000, double speed = 1.0);

private:
    std::shared_ptr<DemoStore> m_store;
    std::shared_ptr<DemoFaults> m_faults;
    std::shared_ptr<DemoRequestLog> m_log;
    std::unique_ptr<QThread> m_thread;
    QObject *m_context = nullptr; ///< lives in m_thread; target of the blocking invocations
    DemoServer *m_server = nullptr;
    QString m_password;
    quint16 m_port = 0;
};

} // namespace lettascope::demo
