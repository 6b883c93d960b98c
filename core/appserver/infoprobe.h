// SPDX-License-Identifier: MIT
#pragma once

#include "endpoint.h"
#include "serverinfo.h"

#include <functional>

class QNetworkAccessManager;
class QObject;

namespace lettascope::appserver {

/// GET /app-server-info on `endpoint` with `nam` (which must live on the calling thread) and hands the
/// parsed, protocol-checked answer to `done` on that thread, unless `context` is destroyed first.
void probeServerInfo(QNetworkAccessManager &nam, const AppServerEndpoint &endpoint, QObject *context,
                     std::function<void(Result<AppServerInfo>)> done);

} // namespace lettascope::appserver
