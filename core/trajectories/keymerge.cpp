// SPDX-License-Identifier: MIT
#include "keymerge.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace lettascope::trajectories {

namespace {

// Indices (into `seq`) of one longest strictly increasing subsequence, O(n log n).
std::vector<int> longestIncreasing(const std::vector<int> &seq)
{
    std::vector<int> tails;         // tails[k]: index in seq of the smallest tail of a run of length k+1
    std::vector<int> parent(seq.size(), -1);
    for (int i = 0; i < int(seq.size()); ++i) {
        const auto it = std::lower_bound(tails.begin(), tails.end(), seq[size_t(i)],
                                         [&seq](int index, int value) { return seq[size_t(index)] < value; });
        if (it != tails.begin())
            parent[size_t(i)] = *(it - 1);
        if (it == tails.end())
            tails.push_back(i);
        else
            *it = i;
    }
    std::vector<int> out(tails.size());
    for (int k = int(tails.size()) - 1, i = tails.empty() ? -1 : tails.back(); k >= 0; --k, i = parent[size_t(i)])
        out[size_t(k)] = i;
    return out;
}

void addRange(QList<MergePlan::Range> &ranges, int index, bool descending)
{
    if (!ranges.isEmpty()) {
        MergePlan::Range &last = ranges.last();
        if (!descending && last.first + last.count == index) {
            ++last.count;
            return;
        }
        if (descending && last.first - 1 == index) {
            --last.first;
            ++last.count;
            return;
        }
    }
    ranges.append({index, 1});
}

} // namespace

MergePlan planMerge(const QList<MergeKey> &before, const QList<MergeKey> &after)
{
    QHash<qint64, int> newIndex;
    newIndex.reserve(after.size());
    for (int i = 0; i < after.size(); ++i)
        newIndex.insert(after[i].id, i);

    // Old rows that still exist, in old order, with where they go.
    std::vector<int> oldIndexOf;
    std::vector<int> targets;
    for (int i = 0; i < before.size(); ++i) {
        const auto it = newIndex.constFind(before[i].id);
        if (it != newIndex.constEnd()) {
            oldIndexOf.push_back(i);
            targets.push_back(*it);
        }
    }
    std::vector<bool> keepOld(size_t(before.size()), false);
    std::vector<bool> keptNew(size_t(after.size()), false);
    for (int k : longestIncreasing(targets)) {
        keepOld[size_t(oldIndexOf[size_t(k)])] = true;
        keptNew[size_t(targets[size_t(k)])] = true;
    }

    MergePlan plan;
    for (int i = int(before.size()) - 1; i >= 0; --i) {
        if (!keepOld[size_t(i)])
            addRange(plan.removals, i, true);
    }
    for (int i = 0; i < after.size(); ++i) {
        if (!keptNew[size_t(i)])
            addRange(plan.insertions, i, false);
    }
    for (int i = 0; i < before.size(); ++i) {
        if (keepOld[size_t(i)]) {
            const int j = newIndex.value(before[i].id);
            if (after[j].version != before[i].version)
                plan.changed << j;
        }
    }
    std::sort(plan.changed.begin(), plan.changed.end());
    return plan;
}

} // namespace lettascope::trajectories
