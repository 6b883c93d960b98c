// SPDX-License-Identifier: MIT
#include "jsonrpc.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace lettascope::mcp {

std::variant<RpcRequest, QJsonObject> parseRpc(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        const QString where = u"not JSON: %1 at byte %2"_s.arg(error.errorString()).arg(error.offset);
        return rpcError(QJsonValue::Null, RpcCode::ParseError, where);
    }
    if (!document.isObject()) {
        // MCP dropped JSON-RPC batches in 2025-06-18; a bare value is no request either.
        return rpcError(QJsonValue::Null, RpcCode::InvalidRequest, u"a message must be one JSON-RPC object"_s);
    }
    const QJsonObject object = document.object();
    RpcRequest request;
    request.id = object.value(u"id"_s);
    if (!request.id.isUndefined() && !request.id.isString() && !request.id.isDouble())
        return rpcError(QJsonValue::Null, RpcCode::InvalidRequest, u"id must be a string or a number"_s);
    const QJsonValue id = request.id.isUndefined() ? QJsonValue(QJsonValue::Null) : request.id;
    if (object.value(u"jsonrpc"_s) != u"2.0"_s)
        return rpcError(id, RpcCode::InvalidRequest, u"jsonrpc must be \"2.0\""_s);
    if (!object.value(u"method"_s).isString())
        return rpcError(id, RpcCode::InvalidRequest, u"method must be a string"_s);
    request.method = object.value(u"method"_s).toString();
    const QJsonValue params = object.value(u"params"_s);
    if (!params.isUndefined() && !params.isObject())
        return rpcError(id, RpcCode::InvalidParams, u"params must be an object"_s);
    request.params = params.toObject();
    return request;
}

QJsonObject rpcResult(const QJsonValue &id, const QJsonObject &result)
{
    return {{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"result"_s, result}};
}

QJsonObject rpcError(const QJsonValue &id, RpcCode code, const QString &message, const QJsonValue &data)
{
    QJsonObject error{{u"code"_s, int(code)}, {u"message"_s, message}};
    if (!data.isUndefined() && !data.isNull())
        error.insert(u"data"_s, data);
    return {{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"error"_s, error}};
}

} // namespace lettascope::mcp
