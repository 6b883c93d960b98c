// SPDX-License-Identifier: MIT
#pragma once

#include "clicontext.h"
#include "common/result.h"
#include "net/httptypes.h"

#include <QUrl>

namespace lettascope::cli {

/// The server the global options select, as the CLI needs it.
struct CliServer {
    QString profileId;  ///< keys the server's data in the cache
    QString name;
    net::ServerEndpoint endpoint;
    QString notice;     ///< keychain trouble worth a line on stderr; empty when none
};

enum class TokenNeed { None, Read };

/// --server URL: an ad-hoc server cached under "url:<URL>", token from LETTA_API_KEY and project from
/// LETTA_PROJECT_ID. --profile NAME: a profile saved by the app, matched by name (or id), its token from
/// the keychain (LETTA_API_KEY overriding), so the CLI and the app share one cache entry per server.
/// Neither given: an error.
Result<CliServer> resolveServer(const GlobalOptions &options, TokenNeed token);

} // namespace lettascope::cli
