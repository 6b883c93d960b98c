// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QDateTime>

#include <optional>

namespace lettascope::net {

/// Retry-After in milliseconds from `now`: delta-seconds (a fraction is accepted, which also lets
/// tests use short waits) or an HTTP date (RFC 1123 or asctime). A date in the past means 0.
/// nullopt when the header is absent or unreadable.
std::optional<qint64> parseRetryAfter(QByteArrayView value, const QDateTime &now);

/// Exponential backoff with full jitter (uniformly random in [0, min(maxMs, baseMs·2^(attempt-1))]),
/// so clients that failed together do not retry together. `attempt` counts from 1.
qint64 backoffDelayMs(int attempt, int baseMs, int maxMs);

} // namespace lettascope::net
