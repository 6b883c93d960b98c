// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

#include <QNetworkRequest>
#include <QString>
#include <QUrl>

namespace lettascope::letta {
struct ServerProfile;
}

namespace lettascope::appserver {

/// Where an App Server listens: ws://host:port[/path] (wss for TLS) and the bearer token a
/// non-loopback server needs (`letta server --ws-auth …`). HTTP routes live on the same host and port.
struct AppServerEndpoint {
    QUrl url;
    QString token;

    /// The WebSocket URL: the path defaults to /ws (the server also accepts /).
    QUrl webSocketUrl() const;
    /// http(s)://host:port<path>, for /healthz and /app-server-info.
    QUrl httpUrl(const QString &path) const;
    bool isLoopback() const;
    /// A request carrying the token (if any) and never an Origin header: the server answers HTTP
    /// requests that carry Origin with 403.
    QNetworkRequest request(const QUrl &url) const;
};

/// Checks a ws:// or wss:// (or http(s):// for the same host and port) address.
Result<AppServerEndpoint> endpointFromUrl(const QUrl &url, const QString &token = {});
Result<AppServerEndpoint> endpointFor(const letta::ServerProfile &profile, const QString &token);

} // namespace lettascope::appserver
