// SPDX-License-Identifier: MIT
#pragma once

#include "appserver/endpoint.h"
#include "common/result.h"
#include "letta/apitypes.h"
#include "store/entitywriter.h"
#include "sync/syncsource.h"

#include <QFuture>

#include <functional>
#include <optional>

namespace lettascope::net {
class HttpClient;
}
namespace lettascope::letta {
struct ServerProfile;
}

namespace lettascope::session {

/// A step's provider trace (the raw LLM request and response), fetched on demand.
using TraceFetcher = std::function<QFuture<Result<std::optional<letta::ProviderTrace>>>(const QString &stepId)>;
/// Runs `sync` with a source for one server. Called on the sync worker thread: the source and the clients it
/// owns live there for the sync's length.
using SourceRunner = std::function<sync::SyncReport(const std::function<sync::SyncReport(sync::SyncSource &)> &sync)>;

/**
 * Everything that depends on which kind of server a profile names, decided in this one place: how it is
 * synced, whether it keeps provider traces, whether a live recorder runs beside the sync, and how a
 * connection to it is tested. A new kind of server (or a new capability of one) plugs in here.
 */
struct ServerAccess {
    SourceRunner withSource;
    TraceFetcher traces;                                  ///< empty: the server keeps no provider traces
    std::optional<appserver::AppServerEndpoint> recorder; ///< live events recorded beside the history sync
};

/// How a profile's data is keyed in the cache; the demo has a fixed key so its temporary cache is
/// self-contained.
store::ServerRecord serverRecord(const letta::ServerProfile &profile);

/// `http` is the client the active server's REST calls go through, already pointed at its endpoint; it must
/// outlive what this returns.
Result<ServerAccess> serverAccess(const letta::ServerProfile &profile, const QString &token, net::HttpClient *http);

/// Asks `profile`'s server for its version with `token`. `probe` is an HTTP client of its own (REST servers),
/// so an active sync is not disturbed; it is pointed at the profile's endpoint.
QFuture<Result<letta::ServerInfo>> testConnection(const letta::ServerProfile &profile, const QString &token,
                                                  net::HttpClient *probe);

} // namespace lettascope::session
