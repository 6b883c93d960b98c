// SPDX-License-Identifier: MIT
#include "httpget.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>

namespace testsupport {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpResult httpGet(QNetworkAccessManager &network, const QUrl &url, const HeaderList &headers, int timeoutMs)
{
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    HttpResult result;
    if (!reply->isFinished() && !finished.wait(timeoutMs)) {
        reply->abort();
        result.error = QNetworkReply::TimeoutError;
    }
    result.elapsedMs = timer.elapsed();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (result.error == QNetworkReply::NoError)
        result.error = reply->error();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

} // namespace testsupport
