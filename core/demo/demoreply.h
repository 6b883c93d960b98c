// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace lettascope::demo {

/// A parsed HTTP request, as far as routing cares.
struct DemoRequest {
    QByteArray method = "GET";
    QString path;      ///< decoded, without the query
    QUrlQuery query;
    QByteArray userAgent;
    bool hasUserAgent = true;
    bool sdkHeader = false; ///< X-Stainless-Package-Version present
};

/// What to send back. The server adds framing, auth and faults on top.
struct DemoReply {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    QList<QPair<QByteArray, QByteArray>> headers;
    bool messageList = false; ///< a JSON array of LettaMessages (target of message faults)

    static DemoReply json(QByteArray body, int status = 200);
    /// {"detail": "<message>"}, the shape of every FastAPI HTTPException.
    static DemoReply detail(int status, const QString &message);
    static DemoReply notFound(const QString &message) { return detail(404, message); }
    /// 422 in the shape the server really sends (letta-api.md §4): detail is the Python repr of the
    /// pydantic error list as a string, not the spec's array.
    static DemoReply validation(const QString &location, const QString &errorType, const QString &message,
                                const QString &input, const QString &example = {});
};

} // namespace lettascope::demo
