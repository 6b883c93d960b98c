// SPDX-License-Identifier: MIT
#pragma once

#include "appserver/endpoint.h"
#include "store/entitywriter.h"

#include <QUrl>

namespace lettascope::cli {

/// ws:// and wss:// addresses name Letta Code App Servers; http(s):// classic REST servers.
bool isAppServerUrl(const QUrl &url);

/// The App Server behind --server, with the token from $LETTASCOPE_APP_SERVER_TOKEN (needed only by
/// servers started with --ws-auth on a non-loopback address).
Result<appserver::AppServerEndpoint> appServerEndpoint(const QUrl &url);

/// How an ad-hoc --server URL is recorded in the cache.
store::ServerRecord serverRecordFor(const QUrl &url);

} // namespace lettascope::cli
