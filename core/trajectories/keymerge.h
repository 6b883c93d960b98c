// SPDX-License-Identifier: MIT
#pragma once

#include <QList>

namespace lettascope::trajectories {

/// A row's identity and version in a keyed list.
struct MergeKey {
    qint64 id = 0;
    qint64 version = 0;
    friend bool operator==(const MergeKey &, const MergeKey &) = default;
};

/**
 * How to turn one ordered key list into another with row removals and insertions only, keeping as many
 * rows in place as possible (the longest run of rows whose relative order survived), so views keep
 * their selection and scroll position; rows kept but with a new version are reported as changed.
 * Apply `removals` first (they are in descending order), then `insertions` (ascending).
 */
struct MergePlan {
    struct Range {
        int first = 0;
        int count = 0;
    };
    QList<Range> removals;                  ///< old indices, descending, non-overlapping
    QList<Range> insertions;                ///< new indices, ascending
    QList<int> changed;                     ///< new indices of kept rows whose version changed
    bool isEmpty() const { return removals.isEmpty() && insertions.isEmpty() && changed.isEmpty(); }
};

MergePlan planMerge(const QList<MergeKey> &before, const QList<MergeKey> &after);

} // namespace lettascope::trajectories
