// SPDX-License-Identifier: MIT
#include "serverprofile.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace lettascope::letta {

QString serverKindKey(ServerKind kind)
{
    switch (kind) {
    case ServerKind::LettaRest: return u"rest"_s;
    case ServerKind::LettaAppServer: return u"app_server"_s;
    }
    return u"rest"_s;
}

std::optional<ServerKind> serverKindFromKey(QStringView key)
{
    if (key == u"rest")
        return ServerKind::LettaRest;
    if (key == u"app_server")
        return ServerKind::LettaAppServer;
    return std::nullopt;
}

ServerProfile ServerProfile::create(const QString &name, const QUrl &baseUrl, ServerKind kind)
{
    ServerProfile profile;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.name = name;
    profile.baseUrl = baseUrl;
    profile.kind = kind;
    return profile;
}

Status ServerProfile::validate() const
{
    const auto invalid = [](const QString &message) { return Status(Error{ErrorKind::BadRequest, message}); };
    if (id.trimmed().isEmpty())
        return invalid(u"the server profile has no id"_s);
    if (name.trimmed().isEmpty())
        return invalid(u"give the server a name"_s);
    if (!baseUrl.isValid() || baseUrl.host().isEmpty())
        return invalid(u"\"%1\" is not a server address; expected e.g. http://localhost:8283"_s.arg(baseUrl.toString()));
    const QString scheme = baseUrl.scheme();
    const bool webSocket = scheme == u"ws" || scheme == u"wss";
    if (scheme != u"http" && scheme != u"https" && !(kind == ServerKind::LettaAppServer && webSocket))
        return invalid(u"unsupported scheme \"%1\"; use http or https"_s.arg(scheme));
    return success();
}

net::ServerEndpoint ServerProfile::endpoint(const QString &token) const
{
    return net::ServerEndpoint{baseUrl, token, projectId};
}

} // namespace lettascope::letta
