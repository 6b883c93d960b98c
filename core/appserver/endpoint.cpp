// SPDX-License-Identifier: MIT
#include "endpoint.h"

#include "letta/serverprofile.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

QUrl AppServerEndpoint::webSocketUrl() const
{
    QUrl ws = url;
    if (ws.scheme() == u"http")
        ws.setScheme(u"ws"_s);
    else if (ws.scheme() == u"https")
        ws.setScheme(u"wss"_s);
    if (ws.path().isEmpty() || ws.path() == u"/")
        ws.setPath(u"/ws"_s);
    return ws;
}

QUrl AppServerEndpoint::httpUrl(const QString &path) const
{
    QUrl http = url;
    http.setScheme(url.scheme() == u"wss" || url.scheme() == u"https" ? u"https"_s : u"http"_s);
    http.setPath(path);
    http.setQuery(QString());
    return http;
}

bool AppServerEndpoint::isLoopback() const
{
    const QString host = url.host();
    if (host == u"localhost")
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QNetworkRequest AppServerEndpoint::request(const QUrl &target) const
{
    QNetworkRequest request(target);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setTransferTimeout(15000);
    return request;
}

Result<AppServerEndpoint> endpointFromUrl(const QUrl &url, const QString &token)
{
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != u"ws" && scheme != u"wss" && scheme != u"http" && scheme != u"https"))
        return Error{ErrorKind::BadRequest,
                     u"\"%1\" is not an App Server address; expected ws://host:port"_s.arg(url.toString())};
    if (url.port() <= 0)
        return Error{ErrorKind::BadRequest, u"\"%1\" has no port; `letta server --listen` prints it"_s.arg(url.toString())};
    return AppServerEndpoint{url, token};
}

Result<AppServerEndpoint> endpointFor(const letta::ServerProfile &profile, const QString &token)
{
    if (profile.kind != letta::ServerKind::LettaAppServer)
        return Error{ErrorKind::BadRequest, u"\"%1\" is not an App Server profile"_s.arg(profile.name)};
    return endpointFromUrl(profile.baseUrl, token);
}

} // namespace lettascope::appserver
