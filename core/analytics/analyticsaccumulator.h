// SPDX-License-Identifier: MIT
#pragma once

#include "analyticsresult.h"
#include "bucketaccumulator.h"
#include "pricetable.h"
#include "runfacts.h"
#include "texthash.h"

#include <QHash>
#include <QSet>

#include <map>
#include <set>
#include <unordered_map>

namespace lettascope::analytics {

/// Every aggregate of the Analytics tab as counters that runs are added to and removed from. An update
/// removes the old contribution of each changed run and adds the new one, so after any sequence of
/// updates the counters equal those of a full load of the same data, and result() reads them off.
class AnalyticsAccumulator
{
public:
    AnalyticsAccumulator(AnalyticsFilter filter, PriceTable prices);

    /// Replaces everything with these runs (a full load).
    void reset(const RunFactsMap &facts);
    /// Applies a reload of some runs: each of `rowIds` takes its facts from `reloaded`, or leaves when
    /// absent there (no longer inside the filter).
    void update(const QList<qint64> &rowIds, const RunFactsMap &reloaded);

    /// `nowMs` and `stuckAfterMs` decide which running runs count as stuck.
    AnalyticsResult result(qint64 nowMs, qint64 stuckAfterMs) const;

    const AnalyticsFilter &filter() const { return m_filter; }
    qsizetype runCount() const { return m_facts.size(); }

private:
    struct ToolAccumulator {
        int calls = 0;
        int errors = 0;
        qint64 executionSumNs = 0;
        Sample executionNs;
    };
    struct AgentAccumulator {
        BucketAccumulator all;
        std::map<qint64, BucketAccumulator> buckets;  ///< runs with a creation time, by bucket start
        qint64 tokens = 0;
        int tokenRuns = 0;
        qint64 costMicros = 0;
        int pricedRuns = 0;
    };
    /// Occurrences of one signature as (−created, run id), so the smallest are the newest: unordered, since
    /// only the three newest are ever read and a vector costs no allocation per occurrence.
    struct ErrorAccumulator {
        std::vector<std::pair<qint64, QString>> runs;
    };
    struct ErrorKey {
        QString source;      ///< "run", or the tool
        QString signature;
        friend bool operator==(const ErrorKey &, const ErrorKey &) = default;
    };
    struct ErrorKeyHash {
        std::size_t operator()(const ErrorKey &key) const
        {
            return TextHash()(key.source) * 31 + TextHash()(key.signature);
        }
    };
    template<typename Value>
    using TextMap = std::unordered_map<QString, Value, TextHash, TextEqual>;
    struct NGramCounts {
        int failed = 0;
        int successful = 0;
    };

    void apply(const RunFacts &facts, int sign);
    std::optional<qint64> applyCost(const RunFacts &facts, int sign);
    const std::optional<ModelPrice> &priceOf(const QString &model) const;
    int toolId(const QString &name);
    void applyErrors(const RunFacts &facts, int sign);
    void applyNGrams(const RunFacts &facts, int sign);
    QList<AgentRow> leaderboard() const;
    Trend agentTrend(const std::map<qint64, BucketAccumulator> &buckets) const;
    QList<ErrorGroup> errorGroups(auto &&accept) const;

    AnalyticsFilter m_filter;
    PriceTable m_prices;
    RunFactsMap m_facts;
    std::map<qint64, BucketAccumulator> m_buckets;
    TextMap<AgentAccumulator> m_agents;
    TextMap<ToolAccumulator> m_tools;
    std::unordered_map<ErrorKey, ErrorAccumulator, ErrorKeyHash> m_errors;
    /// Tool names as small integers, so an n-gram is one integer key rather than a string built per run;
    /// ids are never reused, so keys stay valid as runs come and go.
    TextMap<int> m_toolIds;
    QList<QString> m_toolNames;
    QHash<quint64, NGramCounts> m_ngrams;
    /// The price table's answer per model name: looking a name up (handles, dated snapshots) is string work.
    mutable TextMap<std::optional<ModelPrice>> m_priceByModel;
    int m_failedRuns = 0;
    int m_successfulRuns = 0;
    TokenAccumulator m_tokens;
    TokenAccumulator m_successfulTokens;
    qint64 m_costMicros = 0;
    qint64 m_successfulCostMicros = 0;
    int m_pricedRuns = 0;
    int m_pricedSuccessfulRuns = 0;
    std::map<QString, int> m_unpricedModels;
    std::map<int, int> m_stepsPerRun;
    std::set<qint64> m_activeRuns; ///< rowids of runs still created or running
};

} // namespace lettascope::analytics
