// SPDX-License-Identifier: MIT
#pragma once

#include "httptypes.h"

#include <QNetworkReply>

#include <optional>

namespace lettascope::net {

/// What one attempt produced, as far as the retry loop cares.
struct AttemptOutcome {
    HttpResult result;
    bool retryable = false;             ///< transient: 408/429/5xx (not 501/505), network, timeout, truncation
    std::optional<qint64> retryAfterMs; ///< from the Retry-After header
};

/// What one attempt left behind, captured from the QNetworkReply so classification is a pure function.
struct AttemptFacts {
    HttpResponse response;              ///< status 0 when no HTTP response arrived
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QString reasonPhrase;
    bool timedOut = false;
    int timeoutMs = 0;
    bool bodyExpected = true;           ///< false for HEAD, whose Content-Length describes a body never sent
    QString what;                       ///< "GET /v1/runs/"
};

/// Maps an attempt to an Error with the right ErrorKind, the server's detail flattened to text, and
/// whether trying again could help. A 2xx whose body broke off mid-transfer is BadPayload, whether Qt
/// noticed (a network error) or not (fewer bytes than the Content-Length announced).
AttemptOutcome classifyAttempt(AttemptFacts facts);

} // namespace lettascope::net
