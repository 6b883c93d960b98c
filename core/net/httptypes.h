// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <utility>

namespace lettascope::net {

/// Query items in order; a key may repeat (`statuses=running&statuses=created`, letta-api.md §1).
using QueryItems = QList<std::pair<QString, QString>>;
using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

/// Where requests go and as whom. The token is sent as a Bearer header and never logged.
struct ServerEndpoint {
    QUrl baseUrl;           ///< e.g. http://localhost:8283 or https://api.letta.com; may carry a path prefix
    QString token;          ///< empty: no Authorization header
    QString projectId;      ///< empty: no X-Project-Id header
};

/// Transport policy. Defaults follow the official SDK (60 s timeout, retries on 408/429/5xx).
struct HttpOptions {
    int maxConnectionsPerHost = 6;  ///< requests in flight per host, the rest queued (QNAM's own cap is 6)
    int maxAttempts = 4;            ///< including the first try
    int transferTimeoutMs = 60'000; ///< an attempt with no bytes moving for this long is abandoned
    int backoffBaseMs = 500;        ///< full-jitter backoff: uniform in [0, min(max, base·2^n)]
    int backoffMaxMs = 30'000;
    int maxRetryAfterMs = 60'000;   ///< a longer Retry-After is not waited out: the error carries it
    QString userAgent;              ///< empty means "Lettascope"; a '/' is replaced (see buildNetworkRequest)
};

struct HttpRequest {
    QByteArray method = QByteArrayLiteral("GET");
    QString path;           ///< appended to the base URL's path, e.g. "/v1/runs/"
    QueryItems query;
    QByteArray body;
    QByteArray contentType; ///< defaults to application/json when a body is set

    static HttpRequest get(QString path, QueryItems query = {});
    /// Only idempotent requests are retried; a POST could otherwise run an agent twice.
    bool isIdempotent() const;
    /// "GET /v1/runs/" for logs and error messages (no host, no query, never a header).
    QString describe() const;
};

struct HttpResponse {
    int status = 0;
    QByteArray body;
    HeaderList headers;
    QUrl url;               ///< final URL, after same-origin redirects
    int attempts = 0;

    /// Case-insensitive header lookup; empty when absent.
    QByteArray header(QByteArrayView name) const;
};

using HttpResult = Result<HttpResponse>;

} // namespace lettascope::net

Q_DECLARE_METATYPE(lettascope::net::ServerEndpoint)
Q_DECLARE_METATYPE(lettascope::net::HttpOptions)
