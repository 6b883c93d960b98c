// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"
#include "demofaults.h"
#include "demorequestlog.h"
#include "demostore.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace lettascope::demo {

class DemoHttpServer;
class DemoLive;

/// A Letta-compatible HTTP server over a DemoStore, bound to 127.0.0.1. It answers GETs on the
/// read-side REST surface with the real shapes and pagination semantics, injects faults on demand,
/// logs every request, and optionally runs live mode. Lives on one thread (use DemoServerThread to
/// run it on its own); store(), faults() and requestLog() are thread-safe.
class DemoServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoServer)

public:
    explicit DemoServer(std::shared_ptr<DemoStore> store, QObject *parent = nullptr,
                        std::shared_ptr<DemoFaults> faults = {}, std::shared_ptr<DemoRequestLog> log = {});
    ~DemoServer() override;

    /// Binds 127.0.0.1:`port` (0 picks a free port) and returns the bound port.
    Result<quint16> listen(quint16 port = 0);
    quint16 port() const { return m_port; }
    /// "http://127.0.0.1:<port>"
    QUrl url() const;

    /// Self-hosted secure mode: every route except health/ready needs `Authorization: Bearer <pw>` or
    /// `X-BARE-PASSWORD: password <pw>`, else 401. Empty turns it off. Thread-safe.
    void setPassword(const QString &password);
    /// Starts or stops live mode (call on the server's thread). `speed` > 1 runs the store's clock
    /// faster than real time, so runs progress through their steps quicker (tests).
    void setLive(bool enabled, int intervalMs = 1000, double speed = 1.0);
    bool isLive() const;

    DemoStore &store() const { return *m_store; }
    DemoFaults &faults() const { return *m_faults; }
    DemoRequestLog &requestLog() const { return *m_log; }

private:
    std::shared_ptr<DemoStore> m_store;
    std::shared_ptr<DemoFaults> m_faults;
    std::shared_ptr<DemoRequestLog> m_log;
    DemoHttpServer *m_http = nullptr;
    DemoLive *m_live = nullptr;
    quint16 m_port = 0;
};

} // namespace lettascope::demo
