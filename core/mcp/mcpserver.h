// SPDX-License-Identifier: MIT
#pragma once

#include "mcptools.h"

#include <QByteArray>
#include <QStringList>

#include <functional>

namespace lettascope::mcp {

struct RpcRequest;

/// What the server says about itself in initialize and server/discover.
struct ServerIdentity {
    QString name;
    QString title;
    QString version;
    QString instructions;
};

/**
 * The protocol side of an MCP server, transport-free: one JSON-RPC message in, its reply out. It answers
 * both eras clients speak today: the 2025 revisions (initialize, notifications/initialized, ping) that
 * letta-code's SDK uses, and 2026-07-28 (no handshake; server/discover; the version in each request's
 * `_meta`, results marked `resultType: "complete"`). It keeps no session state, so one instance can serve
 * any number of clients, each call standing alone. Tools only.
 */
class McpServer
{
public:
    /// Told of every call of a known tool, after it ran (for what agents asked, whatever the transport).
    using CallObserver = std::function<void(const QString &tool, const QJsonObject &arguments, const Caller &caller)>;

    McpServer(McpTools &tools, ServerIdentity identity);
    void setCallObserver(CallObserver observer) { m_observer = std::move(observer); }

    /// The reply to `message`; empty for a notification. Never throws, whatever the bytes.
    QByteArray handle(const QByteArray &message, const Caller &caller = {});

    static const QStringList &handshakeVersions();  ///< the 2025-era revisions, oldest first
    static QString statelessVersion();              ///< 2026-07-28

private:
    QJsonObject dispatch(const RpcRequest &request, const Caller &caller);
    QJsonObject initialize(const RpcRequest &request) const;
    QJsonObject discover() const;
    QJsonObject callTool(const RpcRequest &request, const Caller &caller, bool stateless);
    QJsonObject serverInfo() const;

    McpTools &m_tools;
    ServerIdentity m_identity;
    CallObserver m_observer;
};

} // namespace lettascope::mcp
