// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <variant>

namespace lettascope::mcp {

/// JSON-RPC 2.0 error codes, and the one MCP 2026-07-28 reserves for a version the server does not speak.
enum class RpcCode {
    ParseError = -32700,
    InvalidRequest = -32600,
    MethodNotFound = -32601,
    InvalidParams = -32602,
    InternalError = -32603,
    UnsupportedProtocolVersion = -32022,
};

/// One request or notification as received. Notifications have no id and get no reply.
struct RpcRequest {
    QJsonValue id;          ///< a string or a number; undefined for a notification
    QString method;
    QJsonObject params;

    bool isNotification() const { return id.isUndefined(); }
};

/// Reads one message: a request, or the error reply to send when it is not one (bad JSON, a batch, no
/// method, an id that is neither a string nor a number).
std::variant<RpcRequest, QJsonObject> parseRpc(const QByteArray &text);

QJsonObject rpcResult(const QJsonValue &id, const QJsonObject &result);
QJsonObject rpcError(const QJsonValue &id, RpcCode code, const QString &message, const QJsonValue &data = {});

} // namespace lettascope::mcp
