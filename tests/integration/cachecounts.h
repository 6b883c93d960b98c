// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace testsupport {

/// What a cache holds, compared between syncs: a faulted sync followed by a clean one must end exactly
/// where a clean sync ends.
struct CacheCounts {
    qint64 agents = 0;
    qint64 runs = 0;
    qint64 terminalRuns = 0;
    qint64 steps = 0;
    qint64 messages = 0;
    qint64 jobs = 0;
    qint64 resources = 0;

    bool operator==(const CacheCounts &) const = default;
    QString toString() const;
};

/// Counts rows through a read-only connection; fails the calling test (QVERIFY) when the cache can't
/// be read, and returns all zeros then.
CacheCounts readCacheCounts(const QString &path);
/// "ok" when SQLite's integrity check passes, else its first complaint.
QString integrityCheck(const QString &path);

} // namespace testsupport
