// SPDX-License-Identifier: MIT
#pragma once

#include "httptypes.h"

#include <QNetworkRequest>

namespace lettascope::net {

/// The base URL's path + `path` (no doubled slash, trailing slash kept: Letta collection routes need
/// it), with the query percent-encoded so values such as "+00:00" survive. `path` is taken as
/// already percent-encoded (ids go through pathId()).
QUrl buildUrl(const QUrl &base, const QString &path, const QueryItems &query);

/// The request as sent: Accept JSON, a User-Agent without '/', Bearer token and X-Project-Id when
/// set, same-origin redirects only.
QNetworkRequest buildNetworkRequest(const ServerEndpoint &endpoint, const HttpOptions &options,
                                    const HttpRequest &request);

/// The User-Agent actually sent. Letta switches to legacy (pre-1.0 SDK) behaviour for any
/// User-Agent containing '/' (letta-api.md §1), so a '/' in a configured value becomes ' '.
QByteArray effectiveUserAgent(const HttpOptions &options);

} // namespace lettascope::net
