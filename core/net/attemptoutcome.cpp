// SPDX-License-Identifier: MIT
#include "attemptoutcome.h"

#include "retrypolicy.h"
#include "errorbody.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace lettascope::net {

namespace {
AttemptOutcome failure(ErrorKind kind, QString message, bool retryable, int status = 0, QString detail = {})
{
    Error error{kind, std::move(message), status, std::move(detail), std::nullopt};
    return AttemptOutcome{HttpResult(std::move(error)), retryable, std::nullopt};
}

AttemptOutcome transportFailure(const AttemptFacts &facts)
{
    const QString message = facts.what + u": "_s + facts.errorString;
    switch (facts.error) {
    case QNetworkReply::SslHandshakeFailedError:
        return failure(ErrorKind::Tls, message, false);
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
        return failure(ErrorKind::BadRequest, message + u" (only same-origin redirects are followed)"_s, false);
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
        return failure(ErrorKind::BadRequest, message, false);
    default:
        return failure(ErrorKind::Network, message, true);
    }
}

AttemptOutcome httpFailure(const AttemptFacts &facts)
{
    const int status = facts.response.status;
    QString detail = flattenErrorBody(facts.response.body);
    const QString said = detail.isEmpty() ? facts.reasonPhrase : detail;
    const QString message = said.isEmpty() ? facts.what : facts.what + u": "_s + said;
    const auto retryAfter = parseRetryAfter(facts.response.header("Retry-After"), QDateTime::currentDateTimeUtc());

    ErrorKind kind = ErrorKind::BadRequest;
    bool retryable = false;
    if (status == 401 || status == 403) {
        kind = ErrorKind::Auth;
    } else if (status == 404) {
        kind = ErrorKind::NotFound;
    } else if (status == 429) {
        kind = ErrorKind::RateLimited;
        retryable = true;
    } else if (status == 408) {
        kind = ErrorKind::Network;
        retryable = true;
    } else if (status == 409) {
        // Letta's lock and deadlock conflicts say "Retry-After: 1"; other conflicts are final.
        retryable = retryAfter.has_value();
    } else if (status >= 500) {
        kind = ErrorKind::Server;
        retryable = status != 501 && status != 505;
    } else if (status >= 300 && status < 400) {
        const QString target = QString::fromUtf8(facts.response.header("Location"));
        return failure(ErrorKind::BadRequest,
                       facts.what + u": redirected to %1, which is not followed (only same-origin redirects are)"_s.arg(target),
                       false, status);
    }
    Error error{kind, message, status, std::move(detail), std::nullopt};
    if (retryAfter)
        error.retryAfterMs = int(std::min<qint64>(*retryAfter, std::numeric_limits<int>::max()));
    return AttemptOutcome{HttpResult(std::move(error)), retryable, retryAfter};
}

// Qt usually reports a connection closed mid-body as an error, but not always: a close racing the last
// read can end the reply "successfully" with half the body. The announced length settles it. A
// Content-Encoding makes the header describe compressed bytes, which Qt has already inflated.
bool bodyShorterThanAnnounced(const AttemptFacts &facts)
{
    if (!facts.bodyExpected || !facts.response.header("Content-Encoding").isEmpty())
        return false;
    bool ok = false;
    const qint64 announced = facts.response.header("Content-Length").trimmed().toLongLong(&ok);
    return ok && facts.response.body.size() < announced;
}
} // namespace

AttemptOutcome classifyAttempt(AttemptFacts facts)
{
    if (facts.timedOut)
        return failure(ErrorKind::Network, facts.what + u": no data for %1 ms, gave up"_s.arg(facts.timeoutMs), true);
    const int status = facts.response.status;
    if (status == 0)
        return transportFailure(facts);
    if (status < 200 || status >= 300)
        return httpFailure(facts);
    if (facts.error != QNetworkReply::NoError || bodyShorterThanAnnounced(facts)) {
        // A success status whose body broke off: the connection dropped mid-transfer.
        const QString why = facts.error != QNetworkReply::NoError
                                ? facts.errorString
                                : u"Content-Length said %1"_s.arg(QString::fromLatin1(facts.response.header("Content-Length")));
        return failure(ErrorKind::BadPayload,
                       facts.what + u": response body truncated after %1 bytes (%2)"_s.arg(facts.response.body.size()).arg(why),
                       true, status);
    }
    return AttemptOutcome{HttpResult(std::move(facts.response)), false, std::nullopt};
}

} // namespace lettascope::net
