// SPDX-License-Identifier: MIT
#pragma once

#include "demofaults.h"
#include "demoreply.h"
#include "demorequestlog.h"
#include "demostore.h"

#include <QAbstractHttpServer>
#include <QMutex>

#include <memory>

// Internal to core: the QtHttpServer subclass behind DemoServer. It writes raw HTTP/1.1 to the socket
// instead of using QHttpServerResponder, which gives control over framing (keep-alive, truncated
// bodies, delayed replies) that fault injection needs.

namespace lettascope::demo {

class DemoHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoHttpServer)

public:
    DemoHttpServer(std::shared_ptr<DemoStore> store, std::shared_ptr<DemoFaults> faults,
                   std::shared_ptr<DemoRequestLog> log, QObject *parent = nullptr);

    void setPassword(const QString &password);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    enum class Framing { Complete, Truncated };

    bool authorized(const QHttpServerRequest &request, QStringView path) const;
    DemoReply applyFault(const FaultRule &rule, DemoReply reply) const;
    static void send(QTcpSocket *socket, const DemoReply &reply, bool head, bool close, Framing framing);

    std::shared_ptr<DemoStore> m_store;
    std::shared_ptr<DemoFaults> m_faults;
    std::shared_ptr<DemoRequestLog> m_log;
    mutable QMutex m_passwordMutex;
    QString m_password;
};

} // namespace lettascope::demo
