// SPDX-License-Identifier: MIT
#pragma once

#include "clicontext.h"
#include "common/result.h"
#include "store/sqlite.h"

#include <QUrl>

#include <optional>

namespace lettascope::cli {

/// The cache file the CLI uses: --cache, else $LETTASCOPE_CACHE, else the per-user default.
QString cachePath(const GlobalOptions &options);

/// Profile id under which an ad-hoc `--server URL` is cached, so repeated syncs of one URL share data.
QString profileIdForUrl(const QUrl &url);
/// Checks and normalises a --server URL (scheme, host; no trailing slash); an error for anything else.
Result<QUrl> parseServerUrl(const QString &text);

/// A read connection plus the server the global options select (0: all servers in the cache).
struct CacheView {
    store::Database db;
    qint64 serverId = 0;
};
/// Opens the cache read-only. With --server/--profile, resolves the server; a server the cache has
/// never synced is an error that says so.
Result<CacheView> openCacheView(const GlobalOptions &options);

/// Accepts an ISO-8601 date/time (a missing offset means UTC) or a relative "30m", "24h", "7d", "2w".
std::optional<qint64> parseSince(const QString &text, qint64 nowMs);

} // namespace lettascope::cli
