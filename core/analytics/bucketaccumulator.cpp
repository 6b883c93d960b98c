// SPDX-License-Identifier: MIT
#include "bucketaccumulator.h"

namespace lettascope::analytics {

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
            durationsNs.add(*facts.durationNs);
        else
            durationsNs.remove(*facts.durationNs);
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
    if (!durationsNs.isEmpty())
        s.durationNs = Percentiles{durationsNs.percentile(50), durationsNs.percentile(90), durationsNs.percentile(99)};
    s.tokensPerRun = tokens.means();
    s.tokensPerSuccessfulRun = successfulTokens.means();
    return s;
}

} // namespace lettascope::analytics
