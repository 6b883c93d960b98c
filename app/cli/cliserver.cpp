// SPDX-License-Identifier: MIT
#include "cliserver.h"

#include "clicache.h"
#include "net/credentialstore.h"
#include "letta/profilestore.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QEventLoop>

using namespace Qt::StringLiterals;

namespace lettascope::cli {

namespace {

/// The keychain answers through the event loop, so wait for it with one running.
net::StoredToken readToken(const QString &profileId)
{
    net::CredentialStore credentials;
    QFutureWatcher<Result<net::StoredToken>> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(credentials.readToken(profileId));
    if (!watcher.isFinished())
        loop.exec();
    const auto token = watcher.result();
    if (token)
        return *token;
    net::StoredToken fallback;
    fallback.token = qEnvironmentVariable("LETTA_API_KEY");
    fallback.notice = token.error().message;
    return fallback;
}

Result<letta::ServerProfile> findProfile(const QString &nameOrId)
{
    letta::ProfileStore profiles;
    for (const auto &profile : profiles.profiles()) {
        if (profile.name.compare(nameOrId, Qt::CaseInsensitive) == 0 || profile.id == nameOrId)
            return profile;
    }
    QStringList names;
    for (const auto &profile : profiles.profiles())
        names << profile.name;
    return Error{ErrorKind::NotFound, names.isEmpty()
                     ? u"no server profile '%1': none are saved yet (add one in the app, or use --server URL)"_s.arg(nameOrId)
                     : u"no server profile '%1' (saved: %2)"_s.arg(nameOrId, names.join(u", "_s))};
}

} // namespace

Result<CliServer> resolveServer(const GlobalOptions &options, TokenNeed token)
{
    CliServer server;
    if (!options.serverUrl.isEmpty()) {
        auto url = parseServerUrl(options.serverUrl);
        if (!url)
            return url.error();
        server.profileId = profileIdForUrl(*url);
        server.name = url->host();
        server.endpoint.baseUrl = *url;
        server.endpoint.token = qEnvironmentVariable("LETTA_API_KEY");
        server.endpoint.projectId = qEnvironmentVariable("LETTA_PROJECT_ID");
        return server;
    }
    if (options.profileName.isEmpty())
        return Error{ErrorKind::BadRequest, u"name a server with --server URL or --profile NAME"_s};
    auto profile = findProfile(options.profileName);
    if (!profile)
        return profile.error();
    server.profileId = profile->id;
    server.name = profile->name;
    QString secret;
    if (token == TokenNeed::Read) {
        const net::StoredToken stored = readToken(profile->id);
        secret = stored.token;
        server.notice = stored.notice;
    }
    server.endpoint = profile->endpoint(secret);
    return server;
}

} // namespace lettascope::cli
