// SPDX-License-Identifier: MIT
#include "sample.h"

#include <algorithm>

namespace lettascope::analytics {

void Sample::merge() const
{
    if (m_pending.empty())
        return;
    std::sort(m_pending.begin(), m_pending.end());
    if (m_sorted.empty()) {
        m_sorted.swap(m_pending);
        return;
    }
    const auto middle = m_sorted.insert(m_sorted.end(), m_pending.begin(), m_pending.end());
    std::inplace_merge(m_sorted.begin(), middle, m_sorted.end());
    m_pending.clear();
}

void Sample::remove(qint64 value)
{
    merge();
    const auto it = std::lower_bound(m_sorted.begin(), m_sorted.end(), value);
    Q_ASSERT(it != m_sorted.end() && *it == value);
    if (it != m_sorted.end() && *it == value)
        m_sorted.erase(it);
}

qint64 Sample::percentile(int p) const
{
    merge();
    const auto n = qint64(m_sorted.size());
    const qint64 rank = (p * n + 99) / 100; // ceil(p/100 * n), in integers so results are exact
    return m_sorted[std::size_t(qMax<qint64>(rank, 1) - 1)];
}

} // namespace lettascope::analytics
