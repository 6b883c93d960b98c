// SPDX-License-Identifier: MIT
#include "mcpserver.h"

#include "jsonrpc.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace lettascope::mcp {

namespace {
const auto kVersionKey = u"io.modelcontextprotocol/protocolVersion"_s;
const auto kServerInfoKey = u"io.modelcontextprotocol/serverInfo"_s;

QJsonObject capabilities()
{
    return {{u"tools"_s, QJsonObject{{u"listChanged"_s, false}}}};
}

/// 2026-07-28 results say they are complete (as opposed to asking the client for input).
QJsonObject marked(QJsonObject result, bool stateless)
{
    if (stateless)
        result.insert(u"resultType"_s, u"complete"_s);
    return result;
}
} // namespace

McpServer::McpServer(McpTools &tools, ServerIdentity identity) : m_tools(tools), m_identity(std::move(identity)) { }

const QStringList &McpServer::handshakeVersions()
{
    static const QStringList versions{u"2024-11-05"_s, u"2025-03-26"_s, u"2025-06-18"_s, u"2025-11-25"_s};
    return versions;
}

QString McpServer::statelessVersion()
{
    return u"2026-07-28"_s;
}

QByteArray McpServer::handle(const QByteArray &message, const Caller &caller)
{
    auto parsed = parseRpc(message);
    QJsonObject reply;
    if (auto *error = std::get_if<QJsonObject>(&parsed)) {
        reply = *error;
    } else {
        const RpcRequest &request = std::get<RpcRequest>(parsed);
        // Notifications (initialized, cancelled, …) need nothing from a stateless tools server and are
        // never answered, not even with an error.
        if (request.isNotification())
            return {};
        reply = dispatch(request, caller);
    }
    return QJsonDocument(reply).toJson(QJsonDocument::Compact);
}

QJsonObject McpServer::dispatch(const RpcRequest &request, const Caller &caller)
{
    const QJsonValue version = request.params.value(u"_meta"_s).toObject().value(kVersionKey);
    const bool stateless = !version.isUndefined();
    if (stateless && version.toString() != statelessVersion()) {
        const QJsonArray supported = QJsonArray::fromStringList(handshakeVersions() + QStringList{statelessVersion()});
        return rpcError(request.id, RpcCode::UnsupportedProtocolVersion,
                        u"protocol version %1 is not supported"_s.arg(version.toString()),
                        QJsonObject{{u"supported"_s, supported}, {u"requested"_s, version}});
    }
    const QString &method = request.method;
    if (method == u"initialize")
        return initialize(request);
    if (method == u"server/discover")
        return rpcResult(request.id, discover());
    if (method == u"ping")
        return rpcResult(request.id, {});
    if (method == u"tools/list")
        return rpcResult(request.id, marked({{u"tools"_s, m_tools.descriptors()}}, stateless));
    if (method == u"tools/call")
        return callTool(request, caller, stateless);
    return rpcError(request.id, RpcCode::MethodNotFound, u"method %1 is not supported (tools only)"_s.arg(method));
}

QJsonObject McpServer::serverInfo() const
{
    return {{u"name"_s, m_identity.name}, {u"title"_s, m_identity.title}, {u"version"_s, m_identity.version}};
}

QJsonObject McpServer::initialize(const RpcRequest &request) const
{
    // The client's revision if it is one this server speaks, else the newest handshake revision; the
    // client then decides whether it can go on.
    const QString asked = request.params.value(u"protocolVersion"_s).toString();
    const QString agreed = handshakeVersions().contains(asked) ? asked : handshakeVersions().constLast();
    QJsonObject result{{u"protocolVersion"_s, agreed}, {u"capabilities"_s, capabilities()},
                       {u"serverInfo"_s, serverInfo()}};
    if (!m_identity.instructions.isEmpty())
        result.insert(u"instructions"_s, m_identity.instructions);
    return rpcResult(request.id, result);
}

QJsonObject McpServer::discover() const
{
    QJsonObject result{
        {u"supportedVersions"_s, QJsonArray::fromStringList(QStringList{statelessVersion()} + handshakeVersions())},
        {u"capabilities"_s, capabilities()},
        {u"serverInfo"_s, serverInfo()},
        {u"_meta"_s, QJsonObject{{kServerInfoKey, serverInfo()}}}};
    if (!m_identity.instructions.isEmpty())
        result.insert(u"instructions"_s, m_identity.instructions);
    return marked(result, true);
}

QJsonObject McpServer::callTool(const RpcRequest &request, const Caller &caller, bool stateless)
{
    const QJsonValue name = request.params.value(u"name"_s);
    if (!name.isString())
        return rpcError(request.id, RpcCode::InvalidParams, u"tools/call needs the tool's name"_s);
    const QJsonValue arguments = request.params.value(u"arguments"_s);
    if (!arguments.isUndefined() && !arguments.isNull() && !arguments.isObject())
        return rpcError(request.id, RpcCode::InvalidParams, u"arguments must be an object"_s);
    const std::optional<ToolResult> result = m_tools.call(name.toString(), arguments.toObject(), caller);
    if (!result)
        return rpcError(request.id, RpcCode::InvalidParams, u"unknown tool %1"_s.arg(name.toString()));
    if (m_observer)
        m_observer(name.toString(), arguments.toObject(), caller);
    QJsonObject content{{u"type"_s, u"text"_s}, {u"text"_s, result->text}};
    QJsonObject reply{{u"content"_s, QJsonArray{content}}, {u"isError"_s, result->isError}};
    if (!result->isError)
        reply.insert(u"structuredContent"_s, result->structured);
    return rpcResult(request.id, marked(reply, stateless));
}

} // namespace lettascope::mcp
