// SPDX-License-Identifier: MIT
#include "analyticsaccumulator.h"

#include <QVarLengthArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lettascope::analytics {

namespace {

constexpr int kMinPatternFailures = 2;   // a sequence seen in one failed run is an anecdote, not a pattern
constexpr int kMaxPatterns = 50;
constexpr int kExamples = 3;
constexpr double kTrendThreshold = 0.05; // success-rate change below five points reads as flat
// An n-gram is up to three tool ids, each + 1 in its own 21 bits (0: no tool), so 2- and 3-grams differ.
constexpr int kToolIdBits = 21;
constexpr quint64 kToolIdMask = (quint64(1) << kToolIdBits) - 1;

quint64 nGramKey(const QVarLengthArray<int, 16> &ids, qsizetype first, int n)
{
    quint64 key = 0;
    for (int j = 0; j < n; ++j)
        key = (key << kToolIdBits) | quint64(ids[first + j] + 1);
    return key;
}

// Erases a counter entry once nothing contributes to it, so removing a run leaves no trace.
template<typename Map, typename Key, typename Empty>
void eraseIf(Map &map, const Key &key, Empty isEmpty)
{
    if (auto it = map.find(key); it != map.end() && isEmpty(it->second))
        map.erase(it);
}

std::optional<qint64> runTokens(const RunFacts &f)
{
    if (!f.promptTokens && !f.completionTokens)
        return std::nullopt;
    return f.promptTokens.value_or(0) + f.completionTokens.value_or(0);
}

// The newest distinct run ids of (−created, run id) occurrences, newest first; ties by run id.
QStringList newestRuns(const std::vector<std::pair<qint64, QString>> &occurrences)
{
    QVarLengthArray<const std::pair<qint64, QString> *, kExamples + 1> newest;
    for (const auto &occurrence : occurrences) {
        const auto same = std::find_if(newest.begin(), newest.end(),
                                       [&](const auto *kept) { return kept->second == occurrence.second; });
        if (same != newest.end()) {
            if (occurrence < **same)
                *same = &occurrence;
        } else {
            newest << &occurrence;
        }
        std::sort(newest.begin(), newest.end(), [](const auto *a, const auto *b) { return *a < *b; });
        if (newest.size() > kExamples)
            newest.resize(kExamples);
    }
    QStringList ids;
    for (const auto *occurrence : newest)
        ids << occurrence->second;
    return ids;
}

} // namespace

AnalyticsAccumulator::AnalyticsAccumulator(AnalyticsFilter filter, PriceTable prices)
    : m_filter(std::move(filter)), m_prices(std::move(prices))
{
}

QList<ErrorGroup> AnalyticsAccumulator::errorGroups(auto &&accept) const
{
    QList<ErrorGroup> groups;
    for (const auto &[key, acc] : m_errors) {
        const int count = int(acc.runs.size());
        if (accept(key.source, count))
            groups << ErrorGroup{key.source, key.signature, count, newestRuns(acc.runs)};
    }
    std::sort(groups.begin(), groups.end(), [](const ErrorGroup &a, const ErrorGroup &b) {
        return std::tie(b.count, a.source, a.signature) < std::tie(a.count, b.source, b.signature);
    });
    return groups;
}

void AnalyticsAccumulator::reset(const RunFactsMap &facts)
{
    *this = AnalyticsAccumulator(m_filter, m_prices);
    m_facts = facts;
    for (const RunFacts &f : std::as_const(m_facts))
        apply(f, +1);
}

void AnalyticsAccumulator::update(const QList<qint64> &rowIds, const RunFactsMap &reloaded)
{
    for (const qint64 key : rowIds) {
        if (auto old = m_facts.constFind(key); old != m_facts.constEnd()) {
            apply(*old, -1);
            m_facts.erase(old);
        }
        if (auto fresh = reloaded.constFind(key); fresh != reloaded.constEnd()) {
            m_facts.emplace(key, *fresh);
            apply(*fresh, +1);
        }
    }
}

const std::optional<ModelPrice> &AnalyticsAccumulator::priceOf(const QString &model) const
{
    auto it = m_priceByModel.find(model);
    if (it == m_priceByModel.end())
        it = m_priceByModel.emplace(model, m_prices.find(model)).first;
    return it->second;
}

int AnalyticsAccumulator::toolId(const QString &name)
{
    auto it = m_toolIds.find(name);
    if (it == m_toolIds.end()) {
        it = m_toolIds.emplace(name, int(m_toolNames.size())).first;
        m_toolNames << name;
    }
    return it->second;
}

// Counts the models without a price and returns the run's cost: none unless every model has a price.
std::optional<qint64> AnalyticsAccumulator::applyCost(const RunFacts &f, int sign)
{
    std::optional<qint64> total = f.modelTokens.isEmpty() ? std::nullopt : std::optional<qint64>(0);
    for (const ModelTokens &tokens : f.modelTokens) {
        const auto &price = priceOf(tokens.model);
        if (!price && (tokens.prompt || tokens.completion)) {
            m_unpricedModels[tokens.model] += sign;
            eraseIf(m_unpricedModels, tokens.model, [](int n) { return n == 0; });
        }
        const auto cost = price ? PriceTable::costMicros(*price, tokens) : std::nullopt;
        total = total && cost ? std::optional<qint64>(*total + *cost) : std::nullopt;
    }
    return total;
}

void AnalyticsAccumulator::apply(const RunFacts &f, int sign)
{
    const bool succeeded = f.status == RunStatus::Completed;
    if (f.createdMs) {
        const qint64 start = m_filter.bucketStart(*f.createdMs);
        m_buckets[start].apply(f, sign);
        eraseIf(m_buckets, start, [](const BucketAccumulator &b) { return b.isEmpty(); });
    }

    AgentAccumulator &agent = m_agents[f.agentId];
    agent.all.apply(f, sign);
    if (f.createdMs) {
        const qint64 start = m_filter.bucketStart(*f.createdMs);
        agent.buckets[start].apply(f, sign);
        eraseIf(agent.buckets, start, [](const BucketAccumulator &b) { return b.isEmpty(); });
    }
    if (const auto tokens = runTokens(f)) {
        agent.tokens += sign * *tokens;
        agent.tokenRuns += sign;
    }
    const auto cost = applyCost(f, sign);
    if (cost) {
        agent.costMicros += sign * *cost;
        agent.pricedRuns += sign;
        m_costMicros += sign * *cost;
        m_pricedRuns += sign;
        if (succeeded) {
            m_successfulCostMicros += sign * *cost;
            m_pricedSuccessfulRuns += sign;
        }
    }
    eraseIf(m_agents, f.agentId, [](const AgentAccumulator &a) { return a.all.isEmpty(); });

    m_tokens.apply(f, sign);
    if (succeeded)
        m_successfulTokens.apply(f, sign);
    m_stepsPerRun[f.stepCount] += sign;
    eraseIf(m_stepsPerRun, f.stepCount, [](int n) { return n == 0; });

    for (const ToolCallFact &call : f.toolCalls) {
        ToolAccumulator &tool = m_tools[call.tool];
        tool.calls += sign;
        tool.errors += call.error ? sign : 0;
        if (call.executionNs) {
            tool.executionSumNs += sign * *call.executionNs;
            if (sign > 0)
                tool.executionNs.add(*call.executionNs);
            else
                tool.executionNs.remove(*call.executionNs);
        }
        eraseIf(m_tools, call.tool, [](const ToolAccumulator &t) { return t.calls == 0; });
    }
    applyErrors(f, sign);
    applyNGrams(f, sign);

    if (f.status == RunStatus::Running || f.status == RunStatus::Created) {
        if (sign > 0)
            m_activeRuns.insert(f.rowId);
        else
            m_activeRuns.erase(f.rowId);
    }
}

void AnalyticsAccumulator::applyErrors(const RunFacts &f, int sign)
{
    const std::pair<qint64, QString> example{-f.createdMs.value_or(0), f.id};
    auto add = [&](const QString &source, const QString &signature) {
        ErrorKey key{source, signature};
        if (sign > 0) {
            m_errors[std::move(key)].runs.push_back(example);
            return;
        }
        const auto it = m_errors.find(key);
        auto &runs = it->second.runs;
        const auto occurrence = std::find(runs.begin(), runs.end(), example);
        *occurrence = std::move(runs.back());
        runs.pop_back();
        if (runs.empty())
            m_errors.erase(it);
    };
    if (f.status == RunStatus::Failed)
        add(u"run"_s, f.errorSignature);
    for (const ToolCallFact &call : f.toolCalls) {
        if (call.error)
            add(call.tool, call.errorSignature);
    }
}

void AnalyticsAccumulator::applyNGrams(const RunFacts &f, int sign)
{
    const bool failed = f.status == RunStatus::Failed;
    if (!failed && f.status != RunStatus::Completed)
        return; // cancelled and unfinished runs say nothing about what fails
    (failed ? m_failedRuns : m_successfulRuns) += sign;
    QVarLengthArray<int, 16> ids;
    for (const ToolCallFact &call : f.toolCalls)
        ids << toolId(call.tool);
    QVarLengthArray<quint64, 32> grams;
    for (int n = 2; n <= 3; ++n) {
        for (qsizetype i = 0; i + n <= ids.size(); ++i)
            grams << nGramKey(ids, i, n);
    }
    // Presence per run, not occurrences: a loop repeating one pair is one run's evidence.
    std::sort(grams.begin(), grams.end());
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    for (const quint64 gram : std::as_const(grams)) {
        auto it = m_ngrams.find(gram);
        if (it == m_ngrams.end())
            it = m_ngrams.insert(gram, {});
        (failed ? it->failed : it->successful) += sign;
        if (it->failed == 0 && it->successful == 0)
            m_ngrams.erase(it);
    }
}

Trend AnalyticsAccumulator::agentTrend(const std::map<qint64, BucketAccumulator> &buckets) const
{
    if (m_buckets.empty())
        return Trend::Unknown;
    const qint64 bucketMs = m_filter.bucket == Bucket::Week ? 7 * 86'400'000LL : 86'400'000LL;
    const qint64 from = m_filter.sinceMs.value_or(m_buckets.begin()->first);
    const qint64 to = m_filter.untilMs.value_or(m_buckets.rbegin()->first + bucketMs);
    const qint64 middle = m_filter.bucketStart(from + (to - from) / 2);
    int finished[2] = {0, 0};
    int completed[2] = {0, 0};
    for (const auto &[start, bucket] : buckets) {
        const int half = start < middle ? 0 : 1;
        finished[half] += bucket.completed + bucket.failed + bucket.cancelled;
        completed[half] += bucket.completed;
    }
    if (finished[0] == 0 || finished[1] == 0)
        return Trend::Unknown;
    const double change = double(completed[1]) / finished[1] - double(completed[0]) / finished[0];
    if (change > kTrendThreshold)
        return Trend::Up;
    if (change < -kTrendThreshold)
        return Trend::Down;
    return Trend::Flat;
}

QList<AgentRow> AnalyticsAccumulator::leaderboard() const
{
    QList<AgentRow> rows;
    for (const auto &[agentId, acc] : m_agents) {
        AgentRow row;
        row.agentId = agentId;
        row.runs = acc.all.runs;
        const BucketStats stats = acc.all.stats(0);
        row.successRate = stats.successRate;
        if (stats.durationNs)
            row.medianDurationNs = stats.durationNs->p50;
        if (acc.tokenRuns > 0)
            row.totalTokens = acc.tokens;
        if (acc.pricedRuns > 0)
            row.costMicros = acc.costMicros;
        if (!acc.buckets.empty())
            row.trend = agentTrend(acc.buckets);
        rows << row;
    }
    std::sort(rows.begin(), rows.end(), [](const AgentRow &a, const AgentRow &b) {
        return a.runs != b.runs ? a.runs > b.runs : a.agentId < b.agentId;
    });
    return rows;
}

AnalyticsResult AnalyticsAccumulator::result(qint64 nowMs, qint64 stuckAfterMs) const
{
    AnalyticsResult r;
    r.filter = m_filter;
    r.totalRuns = m_facts.size();
    for (const auto &[start, bucket] : m_buckets)
        r.buckets << bucket.stats(start);
    for (const auto &[agentId, agent] : m_agents) {
        if (agent.buckets.empty())
            continue;
        QList<BucketStats> &series = r.bucketsByAgent[agentId];
        for (const auto &[start, bucket] : agent.buckets)
            series << bucket.stats(start);
    }

    for (const auto &[name, acc] : m_tools) {
        ToolStats tool{name, acc.calls, acc.errors, double(acc.errors) / acc.calls, int(acc.executionNs.size()), {}, {}};
        if (!acc.executionNs.isEmpty()) {
            tool.meanExecutionNs = double(acc.executionSumNs) / double(acc.executionNs.size());
            tool.p95ExecutionNs = acc.executionNs.percentile(95);
        }
        r.tools << tool;
    }
    std::sort(r.tools.begin(), r.tools.end(), [](const ToolStats &a, const ToolStats &b) {
        return a.calls != b.calls ? a.calls > b.calls : a.tool < b.tool;
    });

    r.runFailures = errorGroups([](const QString &source, int) { return source == u"run"; });
    r.toolErrors = errorGroups([](const QString &source, int) { return source != u"run"; });
    r.recurringErrors = errorGroups([](const QString &, int count) { return count >= 2; });

    TokenEfficiency &t = r.tokens;
    t.perRun = m_tokens.means();
    t.perSuccessfulRun = m_successfulTokens.means();
    t.pricedRuns = m_pricedRuns;
    if (m_pricedRuns > 0) {
        t.costMicros = m_costMicros;
        t.costPerRunMicros = double(m_costMicros) / m_pricedRuns;
    }
    if (m_pricedSuccessfulRuns > 0)
        t.costPerSuccessfulRunMicros = double(m_successfulCostMicros) / m_pricedSuccessfulRuns;
    for (const auto &[model, runs] : m_unpricedModels)
        t.unpricedModels << model;

    for (const auto &[steps, runs] : m_stepsPerRun)
        r.stepsPerRun.insert(steps, runs);
    r.leaderboard = leaderboard();

    const int judged = m_failedRuns + m_successfulRuns;
    for (auto it = m_ngrams.cbegin(); it != m_ngrams.cend(); ++it) {
        const NGramCounts &counts = *it;
        if (counts.failed < kMinPatternFailures)
            continue;
        const double lift = (double(counts.failed) / (counts.failed + counts.successful)) / (double(m_failedRuns) / judged);
        if (lift <= 1.0)
            continue;
        QStringList tools;
        for (quint64 key = it.key(); key != 0; key >>= kToolIdBits)
            tools.prepend(m_toolNames[int(key & kToolIdMask) - 1]);
        r.patterns << NGramPattern{tools, counts.failed, counts.successful, double(counts.failed) / m_failedRuns,
                                   lift};
    }
    // The hash has no order: ties are broken by the sequence so every computation lists them alike.
    std::sort(r.patterns.begin(), r.patterns.end(), [](const NGramPattern &a, const NGramPattern &b) {
        if (a.lift != b.lift)
            return a.lift > b.lift;
        return a.failedRuns != b.failedRuns ? a.failedRuns > b.failedRuns : a.tools < b.tools;
    });
    if (r.patterns.size() > kMaxPatterns)
        r.patterns.resize(kMaxPatterns);

    for (const qint64 key : m_activeRuns) {
        const RunFacts &f = *m_facts.constFind(key);
        const qint64 last = f.lastActivityMs.value_or(f.createdMs.value_or(nowMs));
        if (nowMs - last >= stuckAfterMs)
            r.stuckRuns << StuckRun{f.serverId, f.id, f.agentId, last};
    }
    std::stable_sort(r.stuckRuns.begin(), r.stuckRuns.end(),
                     [](const StuckRun &a, const StuckRun &b) { return a.lastActivityMs < b.lastActivityMs; });
    return r;
}

} // namespace lettascope::analytics
