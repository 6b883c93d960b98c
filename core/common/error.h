// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace lettascope {

/// What went wrong, coarse enough for the UI to choose a reaction (retry, re-authenticate, report).
enum class ErrorKind {
    None,
    Network,      ///< connection refused, reset, DNS, timeout
    Tls,          ///< certificate or handshake failure
    Auth,         ///< 401 / 403
    NotFound,     ///< 404
    RateLimited,  ///< 429
    Server,       ///< 5xx
    BadRequest,   ///< other 4xx (including the 400 some servers give on /v1/steps/)
    BadPayload,   ///< the body could not be parsed or had the wrong shape
    Unsupported,  ///< the server or file speaks a version we do not
    Cancelled,    ///< the caller cancelled
    Storage,      ///< the local cache failed
    Io,           ///< a local file could not be read or written
};

QString errorKindName(ErrorKind kind);

/// An error as a value: never thrown, safe to copy across threads.
struct Error {
    ErrorKind kind = ErrorKind::None;
    QString message;            ///< one line for a person
    int httpStatus = 0;         ///< 0 when no HTTP response was received
    QString detail;             ///< server-provided detail, already flattened to text
    std::optional<int> retryAfterMs; ///< from a Retry-After header

    bool isTransient() const
    {
        return kind == ErrorKind::Network || kind == ErrorKind::RateLimited || kind == ErrorKind::Server;
    }
    /// "kind: message (HTTP n)" for logs, CLI stderr and tooltips.
    QString toString() const;
};

} // namespace lettascope

Q_DECLARE_METATYPE(lettascope::Error)
