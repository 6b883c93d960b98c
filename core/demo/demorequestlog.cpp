// SPDX-License-Identifier: MIT
#include "demorequestlog.h"

namespace lettascope::demo {

void DemoRequestLog::record(const RequestRecord &record)
{
    QMutexLocker lock(&m_mutex);
    ++m_counts[record.path];
    if (qsizetype(m_entries.size()) >= kMaxEntries)
        m_entries.pop_front();
    m_entries.push_back(record);
}

void DemoRequestLog::recordConnection()
{
    QMutexLocker lock(&m_mutex);
    ++m_connections;
}

int DemoRequestLog::connectionCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_connections;
}

int DemoRequestLog::count(QStringView pathPrefix) const
{
    QMutexLocker lock(&m_mutex);
    int total = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        if (QStringView(it.key()).startsWith(pathPrefix))
            total += it.value();
    }
    return total;
}

int DemoRequestLog::countExact(QStringView path) const
{
    QMutexLocker lock(&m_mutex);
    return m_counts.value(path.toString());
}

QList<RequestRecord> DemoRequestLog::entries() const
{
    QMutexLocker lock(&m_mutex);
    return QList<RequestRecord>(m_entries.begin(), m_entries.end());
}

void DemoRequestLog::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
    m_counts.clear();
    m_connections = 0;
}

} // namespace lettascope::demo
