// SPDX-License-Identifier: MIT
#include "serveraccess.h"

#include "appserver/appserverclient.h"
#include "appserver/historysource.h"
#include "net/httpclient.h"
#include "letta/lettaapi.h"
#include "letta/serverprofile.h"
#include "sync/restsource.h"

#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace lettascope::session {

store::ServerRecord serverRecord(const letta::ServerProfile &profile)
{
    return {profile.demo ? u"demo"_s : profile.id, profile.name, profile.baseUrl.toString(),
            letta::serverKindKey(profile.kind), {}};
}

Result<ServerAccess> serverAccess(const letta::ServerProfile &profile, const QString &token, net::HttpClient *http)
{
    if (profile.kind != letta::ServerKind::LettaAppServer) {
        ServerAccess access;
        access.withSource = [http](const std::function<sync::SyncReport(sync::SyncSource &)> &sync) {
            sync::RestSource source(http);
            return sync(source);
        };
        access.traces = [http](const QString &stepId) { return letta::LettaApi(http).stepTrace(stepId); };
        return access;
    }
    // History comes over the App Server's WebSocket; it keeps no provider traces.
    auto endpoint = appserver::endpointFor(profile, token);
    if (!endpoint)
        return endpoint.error();
    ServerAccess access;
    access.withSource = [endpoint = *endpoint](const std::function<sync::SyncReport(sync::SyncSource &)> &sync) {
        appserver::AppServerClient client(endpoint);
        appserver::AppServerSource source(&client);
        return sync(source);
    };
    access.recorder = *endpoint;
    return access;
}

QFuture<Result<letta::ServerInfo>> testConnection(const letta::ServerProfile &profile, const QString &token,
                                                  net::HttpClient *probe)
{
    if (profile.kind != letta::ServerKind::LettaAppServer) {
        probe->setEndpoint(profile.endpoint(token));
        return letta::LettaApi(probe).health();
    }
    auto endpoint = appserver::endpointFor(profile, token);
    if (!endpoint)
        return QtFuture::makeReadyFuture(Result<letta::ServerInfo>(endpoint.error()));
    return QtConcurrent::run([endpoint = *endpoint]() -> Result<letta::ServerInfo> {
        appserver::AppServerClient client(endpoint);
        auto info = client.probe().result();
        if (!info)
            return info.error();
        letta::ServerInfo server;
        server.version = info->versionText();
        server.status = u"ok"_s;
        server.raw = info->raw;
        return server;
    });
}

} // namespace lettascope::session
