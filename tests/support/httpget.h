// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QUrl>

class QNetworkAccessManager;

namespace testsupport {

struct HttpResult {
    int status = 0;                 ///< 0 when no HTTP response arrived
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    qint64 elapsedMs = 0;

    QByteArray header(const QByteArray &name) const;
};

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// GET `url` and wait for the reply (with a QSignalSpy, never a fixed sleep).
HttpResult httpGet(QNetworkAccessManager &network, const QUrl &url, const HeaderList &headers = {},
                   int timeoutMs = 20000);

} // namespace testsupport
