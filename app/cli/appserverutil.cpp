// SPDX-License-Identifier: MIT
#include "appserverutil.h"

#include "clicache.h"
#include "letta/serverprofile.h"

using namespace Qt::StringLiterals;

namespace lettascope::cli {

bool isAppServerUrl(const QUrl &url)
{
    return url.scheme() == u"ws" || url.scheme() == u"wss";
}

Result<appserver::AppServerEndpoint> appServerEndpoint(const QUrl &url)
{
    return appserver::endpointFromUrl(url, qEnvironmentVariable("LETTASCOPE_APP_SERVER_TOKEN"));
}

store::ServerRecord serverRecordFor(const QUrl &url)
{
    const letta::ServerKind kind = isAppServerUrl(url) ? letta::ServerKind::LettaAppServer : letta::ServerKind::LettaRest;
    return store::ServerRecord{profileIdForUrl(url), url.host(), url.toString(), letta::serverKindKey(kind), {}};
}

} // namespace lettascope::cli
