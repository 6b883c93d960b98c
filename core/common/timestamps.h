// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace lettascope {

/// Parses the three timestamp shapes Letta emits: "…Z", "…+00:00" and naive "…" (which means UTC),
/// with or without a fraction of up to nine digits. Returns nullopt for empty or malformed text.
std::optional<QDateTime> parseTimestamp(QStringView text);

/// Milliseconds since the Unix epoch (UTC) for a parsed timestamp, or nullopt.
std::optional<qint64> parseTimestampMs(QStringView text);

/// Canonical ISO-8601 UTC text with milliseconds and a "Z", as the cache and exports write it.
QString formatTimestamp(const QDateTime &time);
QString formatTimestampMs(qint64 epochMs);

} // namespace lettascope
