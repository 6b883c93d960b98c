// SPDX-License-Identifier: MIT
#include "bucketaccumulator.h"

#include <iterator>

namespace lettascope::analytics {

qint64 percentile(const std::multiset<qint64> &sorted, int p)
{
    const auto n = qint64(sorted.size());
    const qint64 rank = (p * n + 99) / 100; // ceil(p/100 * n), in integers so results are exact
    // Walk from the nearer end: p99 of a large sample is a few steps from the back.
    if (rank > n / 2)
        return *std::prev(sorted.end(), n - qMax<qint64>(rank, 1) + 1);
    return *std::next(sorted.begin(), qMax<qint64>(rank, 1) - 1);
}

void TokenAccumulator::apply(const RunFacts &facts, int sign)
{
    const std::optional<qint64> values[4] = {facts.promptTokens, facts.completionTokens, facts.cachedTokens,
                                             facts.reasoningTokens};
    bool any = false;
    for (int i = 0; i < 4; ++i) {
        if (!values[i])
            continue;
        any = true;
        sums[i] += sign * *values[i];
        counts[i] += sign;
    }
    if (any)
        runs += sign;
}

TokenMeans TokenAccumulator::means() const
{
    auto mean = [this](int i) -> std::optional<double> {
        if (counts[i] == 0)
            return std::nullopt;
        return double(sums[i]) / counts[i];
    };
    return {runs, mean(0), mean(1), mean(2), mean(3)};
}

void BucketAccumulator::apply(const RunFacts &facts, int sign)
{
    runs += sign;
    completed += facts.status == RunStatus::Completed ? sign : 0;
    failed += facts.status == RunStatus::Failed ? sign : 0;
    cancelled += facts.status == RunStatus::Cancelled ? sign : 0;
    if ((stopReasons[facts.stopReason] += sign) == 0)
        stopReasons.erase(facts.stopReason);
    if (facts.durationNs && isTerminal(facts.status)) {
        if (sign > 0)
            durationsNs.insert(*facts.durationNs);
        else
            durationsNs.erase(durationsNs.find(*facts.durationNs));
    }
    tokens.apply(facts, sign);
    if (facts.status == RunStatus::Completed)
        successfulTokens.apply(facts, sign);
}

BucketStats BucketAccumulator::stats(qint64 startMs) const
{
    BucketStats s;
    s.startMs = startMs;
    s.runs = runs;
    s.completed = completed;
    s.failed = failed;
    s.cancelled = cancelled;
    if (const int finished = completed + failed + cancelled; finished > 0) {
        s.successRate = double(completed) / finished;
        s.failureRate = double(failed) / finished;
        s.cancelledRate = double(cancelled) / finished;
    }
    for (const auto &[reason, count] : stopReasons)
        s.stopReasons.insert(reason, count);
    if (!durationsNs.empty())
        s.durationNs = Percentiles{percentile(durationsNs, 50), percentile(durationsNs, 90), percentile(durationsNs, 99)};
    s.tokensPerRun = tokens.means();
    s.tokensPerSuccessfulRun = successfulTokens.means();
    return s;
}

} // namespace lettascope::analytics
