// SPDX-License-Identifier: MIT
#include "infoprobe.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace lettascope::appserver {

namespace {

Error transportError(QNetworkReply &reply, const QUrl &url)
{
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 401 || status == 403)
        return Error{ErrorKind::Auth, u"the App Server at %1 refused the request (HTTP %2); check its token"_s.arg(url.authority()).arg(status), status};
    if (status == 404)
        return Error{ErrorKind::NotFound,
                     u"%1 has no /app-server-info: it is not a Letta Code App Server (`letta server --listen`). "
                     "Add a classic Letta server as a REST profile."_s.arg(url.authority()), status};
    if (status >= 400)
        return Error{status >= 500 ? ErrorKind::Server : ErrorKind::BadRequest,
                     u"/app-server-info answered HTTP %1"_s.arg(status), status};
    return Error{ErrorKind::Network, u"cannot reach the App Server at %1: %2"_s.arg(url.authority(), reply.errorString())};
}

} // namespace

void probeServerInfo(QNetworkAccessManager &nam, const AppServerEndpoint &endpoint, QObject *context,
                     std::function<void(Result<AppServerInfo>)> done)
{
    const QUrl url = endpoint.httpUrl(u"/app-server-info"_s);
    QNetworkReply *reply = nam.get(endpoint.request(url));
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, url, done = std::move(done)] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            done(transportError(*reply, url));
            return;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            done(Error{ErrorKind::BadPayload, u"/app-server-info did not answer with a JSON object"_s});
            return;
        }
        auto info = parseServerInfo(doc.object());
        if (info) {
            if (auto supported = checkProtocol(*info); !supported) {
                done(supported.error());
                return;
            }
        }
        done(std::move(info));
    });
}

} // namespace lettascope::appserver
