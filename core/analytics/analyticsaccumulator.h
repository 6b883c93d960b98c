// SPDX-License-Identifier: MIT
#pragma once

#include "analyticsresult.h"
#include "bucketaccumulator.h"
#include "pricetable.h"
#include "runfacts.h"

#include <QHash>
#include <QSet>

#include <map>
#include <set>

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
    /// Applies a reload of some runs of one server: each of `runIds` takes its facts from `reloaded`, or
    /// leaves when absent there (deleted, or no longer inside the filter).
    void update(qint64 serverId, const QSet<QString> &runIds, const RunFactsMap &reloaded);

    /// `nowMs` and `stuckAfterMs` decide which running runs count as stuck.
    AnalyticsResult result(qint64 nowMs, qint64 stuckAfterMs) const;

    const AnalyticsFilter &filter() const { return m_filter; }
    qsizetype runCount() const { return m_facts.size(); }

private:
    struct ToolAccumulator {
        int calls = 0;
        int errors = 0;
        qint64 executionSumNs = 0;
        std::multiset<qint64> executionNs;
    };
    struct AgentAccumulator {
        BucketAccumulator all;
        qint64 tokens = 0;
        int tokenRuns = 0;
        qint64 costMicros = 0;
        int pricedRuns = 0;
    };
    /// Occurrences of one signature; examples are (−created, run id) so the newest come first.
    struct ErrorAccumulator {
        int count = 0;
        std::multiset<std::pair<qint64, QString>> runs;
    };
    struct NGramCounts {
        int failed = 0;
        int successful = 0;
    };

    void apply(const RunFacts &facts, int sign);
    std::optional<qint64> runCost(const RunFacts &facts) const;
    const std::optional<ModelPrice> &priceOf(const QString &model) const;
    int toolId(const QString &name);
    void applyErrors(const RunFacts &facts, int sign);
    void applyNGrams(const RunFacts &facts, int sign);
    QList<AgentRow> leaderboard() const;
    Trend agentTrend(const std::map<qint64, BucketAccumulator> &buckets) const;

    AnalyticsFilter m_filter;
    PriceTable m_prices;
    RunFactsMap m_facts;
    std::map<qint64, BucketAccumulator> m_buckets;
    std::map<QString, std::map<qint64, BucketAccumulator>> m_agentBuckets;
    std::map<QString, AgentAccumulator> m_agents;
    std::map<QString, ToolAccumulator> m_tools;
    std::map<std::pair<QString, QString>, ErrorAccumulator> m_errors; ///< (source, signature)
    /// Tool names as small integers, so an n-gram is one integer key rather than a string built per run;
    /// ids are never reused, so keys stay valid as runs come and go.
    QHash<QString, int> m_toolIds;
    QList<QString> m_toolNames;
    QHash<quint64, NGramCounts> m_ngrams;
    /// The price table's answer per model name: looking a name up (handles, dated snapshots) is string work.
    mutable QHash<QString, std::optional<ModelPrice>> m_priceByModel;
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
    std::set<QString> m_activeRuns; ///< keys of runs still created or running
};

} // namespace lettascope::analytics
