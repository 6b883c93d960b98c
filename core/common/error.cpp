// SPDX-License-Identifier: MIT
#include "error.h"

using namespace Qt::StringLiterals;

namespace lettascope {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return u"ok"_s;
    case ErrorKind::Network: return u"network"_s;
    case ErrorKind::Tls: return u"tls"_s;
    case ErrorKind::Auth: return u"auth"_s;
    case ErrorKind::NotFound: return u"not found"_s;
    case ErrorKind::RateLimited: return u"rate limited"_s;
    case ErrorKind::Server: return u"server error"_s;
    case ErrorKind::BadRequest: return u"bad request"_s;
    case ErrorKind::BadPayload: return u"bad payload"_s;
    case ErrorKind::Unsupported: return u"unsupported"_s;
    case ErrorKind::Cancelled: return u"cancelled"_s;
    case ErrorKind::Storage: return u"storage"_s;
    case ErrorKind::Io: return u"io"_s;
    }
    return u"unknown"_s;
}

QString Error::toString() const
{
    QString text = errorKindName(kind) + u": "_s + message;
    if (httpStatus > 0)
        text += u" (HTTP %1)"_s.arg(httpStatus);
    return text;
}

} // namespace lettascope
