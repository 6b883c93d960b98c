// SPDX-License-Identifier: MIT
#pragma once

#include "analyticsresult.h"
#include "runfacts.h"
#include "sample.h"

#include <map>

namespace lettascope::analytics {

/// Token sums over the runs that reported each kind; add/remove keep it exact under updates.
struct TokenAccumulator {
    int runs = 0;
    qint64 sums[4] = {0, 0, 0, 0};   ///< prompt, completion, cached, reasoning
    int counts[4] = {0, 0, 0, 0};

    void apply(const RunFacts &facts, int sign);
    TokenMeans means() const;
};

/// The counters behind one BucketStats; runs are added and removed one at a time.
struct BucketAccumulator {
    int runs = 0;
    int completed = 0;
    int failed = 0;
    int cancelled = 0;
    std::map<QString, int> stopReasons;
    Sample durationsNs;
    TokenAccumulator tokens;
    TokenAccumulator successfulTokens;

    void apply(const RunFacts &facts, int sign);
    bool isEmpty() const { return runs == 0; }
    BucketStats stats(qint64 startMs) const;
};

} // namespace lettascope::analytics
