// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace lettascope::analytics {

enum class Bucket { Day, Week };

/// What the Analytics tab (or `stats`) looks at. Buckets are UTC days or ISO weeks (Monday 00:00 UTC).
struct AnalyticsFilter {
    qint64 serverId = 0;            ///< 0: every server in the cache
    QStringList agentIds;           ///< empty: every agent
    std::optional<qint64> sinceMs;  ///< created at or after
    std::optional<qint64> untilMs;  ///< created before
    Bucket bucket = Bucket::Day;

    /// Start (ms, UTC) of the bucket holding `ms`.
    qint64 bucketStart(qint64 ms) const;
    /// Whether a run with this agent and creation time belongs to the filter.
    bool matches(const QString &agentId, std::optional<qint64> createdMs) const;
    /// A stable text key: caches are kept per filter.
    QString key() const;

    friend bool operator==(const AnalyticsFilter &, const AnalyticsFilter &) = default;
};

QString bucketName(Bucket bucket);
std::optional<Bucket> bucketFromName(QStringView name);

} // namespace lettascope::analytics

Q_DECLARE_METATYPE(lettascope::analytics::AnalyticsFilter)
