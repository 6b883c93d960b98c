// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <vector>

namespace lettascope::analytics {

/// A multiset of values read by nearest-rank percentile. Values added are set aside and merged into the
/// sorted ones on the next read or removal: a full load sorts each sample once instead of inserting
/// 100,000 values one by one into a tree, and an update of a few runs merges a few values in linear time.
/// Reads merge, so a const Sample is not safe to read from two threads at once.
class Sample
{
public:
    void add(qint64 value) { m_pending.push_back(value); }
    /// Removes one occurrence of a value added before.
    void remove(qint64 value);

    qsizetype size() const { return qsizetype(m_sorted.size() + m_pending.size()); }
    bool isEmpty() const { return size() == 0; }
    /// Nearest-rank percentile, p in 1..100; the sample must not be empty.
    qint64 percentile(int p) const;

private:
    void merge() const;

    mutable std::vector<qint64> m_sorted;
    mutable std::vector<qint64> m_pending;
};

} // namespace lettascope::analytics
