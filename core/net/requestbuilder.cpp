// SPDX-License-Identifier: MIT
#include "requestbuilder.h"

using namespace Qt::StringLiterals;

namespace lettascope::net {

QUrl buildUrl(const QUrl &base, const QString &path, const QueryItems &query)
{
    QUrl url = base;
    QString joined = base.path();
    while (joined.endsWith(u'/'))
        joined.chop(1);
    joined += path.startsWith(u'/') ? path : u'/' + path;
    // Paths arrive percent-encoded (pathId()), so they must not be encoded a second time.
    url.setPath(joined, QUrl::TolerantMode);

    QByteArray encoded;
    for (const auto &[key, value] : query) {
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    if (query.isEmpty())
        url.setQuery(QString());
    else
        url.setQuery(QString::fromLatin1(encoded), QUrl::StrictMode);
    url.setFragment(QString());
    return url;
}

QByteArray effectiveUserAgent(const HttpOptions &options)
{
    QString agent = options.userAgent.trimmed();
    if (agent.isEmpty())
        agent = u"Lettascope"_s;
    agent.replace(u'/', u' ');
    return agent.toUtf8();
}

QNetworkRequest buildNetworkRequest(const ServerEndpoint &endpoint, const HttpOptions &options,
                                    const HttpRequest &request)
{
    QNetworkRequest out(buildUrl(endpoint.baseUrl, request.path, request.query));
    out.setRawHeader("Accept", "application/json");
    out.setRawHeader("User-Agent", effectiveUserAgent(options));
    if (!endpoint.token.isEmpty())
        out.setRawHeader("Authorization", "Bearer " + endpoint.token.toUtf8());
    if (!endpoint.projectId.isEmpty())
        out.setRawHeader("X-Project-Id", endpoint.projectId.toUtf8());
    if (!request.body.isEmpty())
        out.setRawHeader("Content-Type", request.contentType.isEmpty() ? "application/json"_ba : request.contentType);
    // Following a redirect to another origin would hand the Bearer token to it.
    out.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    // Qt's own transfer timeout is off: the client runs its own, so a timeout is told apart from a cancel.
    out.setTransferTimeout(0);
    return out;
}

} // namespace lettascope::net
