// SPDX-License-Identifier: MIT
#include "httptypes.h"

using namespace Qt::StringLiterals;

namespace lettascope::net {

HttpRequest HttpRequest::get(QString path, QueryItems query)
{
    HttpRequest request;
    request.path = std::move(path);
    request.query = std::move(query);
    return request;
}

bool HttpRequest::isIdempotent() const
{
    return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE" || method == "OPTIONS";
}

QString HttpRequest::describe() const
{
    return QString::fromLatin1(method) + u' ' + path;
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace lettascope::net
