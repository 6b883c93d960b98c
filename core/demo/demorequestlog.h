// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

#include <deque>

namespace lettascope::demo {

struct RequestRecord {
    QByteArray method;
    QString path;
    QString query;
    int status = 0;
};

/// Thread-safe log of the requests the server answered, so tests can assert how many requests a
/// client made per path. Counts are exact; the entry list keeps the most recent 10,000.
class DemoRequestLog final
{
public:
    DemoRequestLog() = default;
    Q_DISABLE_COPY_MOVE(DemoRequestLog)

    void record(const RequestRecord &record);
    /// Counts an accepted TCP connection; with keep-alive many requests share one.
    void recordConnection();
    int connectionCount() const;
    /// Requests whose path starts with `pathPrefix` (all when empty).
    int count(QStringView pathPrefix = {}) const;
    /// Requests to exactly this path.
    int countExact(QStringView path) const;
    QList<RequestRecord> entries() const;
    void clear();

private:
    static constexpr qsizetype kMaxEntries = 10'000;

    mutable QMutex m_mutex;
    std::deque<RequestRecord> m_entries;
    QHash<QString, int> m_counts;
    int m_connections = 0;
};

} // namespace lettascope::demo
