// SPDX-License-Identifier: MIT
#include "statsjson.h"

#include "common/timestamps.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lettascope::analytics {

namespace {

template<typename T>
QJsonValue optional(const std::optional<T> &value)
{
    if (!value)
        return QJsonValue::Null;
    return QJsonValue(double(*value));
}

QJsonObject tokenMeans(const TokenMeans &t)
{
    return {{u"runs"_s, t.runs},
            {u"prompt"_s, optional(t.prompt)},
            {u"completion"_s, optional(t.completion)},
            {u"cached"_s, optional(t.cached)},
            {u"reasoning"_s, optional(t.reasoning)}};
}

QJsonArray buckets(const QList<BucketStats> &list)
{
    QJsonArray array;
    for (const BucketStats &b : list) {
        QJsonObject stops;
        for (auto it = b.stopReasons.cbegin(); it != b.stopReasons.cend(); ++it)
            stops.insert(it.key().isEmpty() ? u"not_reported"_s : it.key(), *it);
        QJsonValue duration = QJsonValue::Null;
        if (b.durationNs)
            duration = QJsonObject{{u"p50"_s, double(b.durationNs->p50)},
                                   {u"p90"_s, double(b.durationNs->p90)},
                                   {u"p99"_s, double(b.durationNs->p99)}};
        array.append(QJsonObject{{u"start"_s, formatTimestampMs(b.startMs)},
                                 {u"runs"_s, b.runs},
                                 {u"completed"_s, b.completed},
                                 {u"failed"_s, b.failed},
                                 {u"cancelled"_s, b.cancelled},
                                 {u"success_rate"_s, optional(b.successRate)},
                                 {u"failure_rate"_s, optional(b.failureRate)},
                                 {u"cancelled_rate"_s, optional(b.cancelledRate)},
                                 {u"stop_reasons"_s, stops},
                                 {u"duration_ns"_s, duration},
                                 {u"tokens_per_run"_s, tokenMeans(b.tokensPerRun)},
                                 {u"tokens_per_successful_run"_s, tokenMeans(b.tokensPerSuccessfulRun)}});
    }
    return array;
}

QJsonArray errorGroups(const QList<ErrorGroup> &groups)
{
    QJsonArray array;
    for (const ErrorGroup &g : groups)
        array.append(QJsonObject{{u"source"_s, g.source},
                                 {u"signature"_s, g.signature},
                                 {u"count"_s, g.count},
                                 {u"example_run_ids"_s, QJsonArray::fromStringList(g.exampleRunIds)}});
    return array;
}

} // namespace

QString trendName(Trend trend)
{
    switch (trend) {
    case Trend::Up: return u"up"_s;
    case Trend::Down: return u"down"_s;
    case Trend::Flat: return u"flat"_s;
    case Trend::Unknown: break;
    }
    return u"unknown"_s;
}

QJsonObject statsToJson(const AnalyticsResult &r)
{
    QJsonObject byAgent;
    for (auto it = r.bucketsByAgent.cbegin(); it != r.bucketsByAgent.cend(); ++it)
        byAgent.insert(it.key(), buckets(*it));
    QJsonArray tools;
    for (const ToolStats &t : r.tools)
        tools.append(QJsonObject{{u"tool"_s, t.tool},
                                 {u"calls"_s, t.calls},
                                 {u"errors"_s, t.errors},
                                 {u"error_rate"_s, t.errorRate},
                                 {u"timed_calls"_s, t.timedCalls},
                                 {u"mean_execution_ns"_s, optional(t.meanExecutionNs)},
                                 {u"p95_execution_ns"_s, optional(t.p95ExecutionNs)}});
    const TokenEfficiency &t = r.tokens;
    const QJsonObject tokens{{u"per_run"_s, tokenMeans(t.perRun)},
                             {u"per_successful_run"_s, tokenMeans(t.perSuccessfulRun)},
                             {u"priced_runs"_s, t.pricedRuns},
                             {u"cost_micros"_s, optional(t.costMicros)},
                             {u"cost_per_run_micros"_s, optional(t.costPerRunMicros)},
                             {u"cost_per_successful_run_micros"_s, optional(t.costPerSuccessfulRunMicros)},
                             {u"unpriced_models"_s, QJsonArray::fromStringList(t.unpricedModels)}};
    QJsonObject steps;
    for (auto it = r.stepsPerRun.cbegin(); it != r.stepsPerRun.cend(); ++it)
        steps.insert(QString::number(it.key()), *it);
    QJsonArray leaderboard;
    for (const AgentRow &a : r.leaderboard)
        leaderboard.append(QJsonObject{{u"agent_id"_s, a.agentId},
                                       {u"runs"_s, a.runs},
                                       {u"success_rate"_s, optional(a.successRate)},
                                       {u"median_duration_ns"_s, optional(a.medianDurationNs)},
                                       {u"tokens"_s, optional(a.totalTokens)},
                                       {u"cost_micros"_s, optional(a.costMicros)},
                                       {u"trend"_s, trendName(a.trend)}});
    QJsonArray patterns;
    for (const NGramPattern &p : r.patterns)
        patterns.append(QJsonObject{{u"tools"_s, QJsonArray::fromStringList(p.tools)},
                                    {u"failed_runs"_s, p.failedRuns},
                                    {u"successful_runs"_s, p.successfulRuns},
                                    {u"support"_s, p.support},
                                    {u"lift"_s, p.lift}});
    QJsonArray stuck;
    for (const StuckRun &s : r.stuckRuns)
        stuck.append(QJsonObject{{u"run_id"_s, s.runId},
                                 {u"agent_id"_s, s.agentId},
                                 {u"last_activity"_s, formatTimestampMs(s.lastActivityMs)}});
    return {{u"total_runs"_s, double(r.totalRuns)},
            {u"bucket"_s, bucketName(r.filter.bucket)},
            {u"buckets"_s, buckets(r.buckets)},
            {u"buckets_by_agent"_s, byAgent},
            {u"tools"_s, tools},
            {u"run_failures"_s, errorGroups(r.runFailures)},
            {u"tool_errors"_s, errorGroups(r.toolErrors)},
            {u"tokens"_s, tokens},
            {u"steps_per_run"_s, steps},
            {u"leaderboard"_s, leaderboard},
            {u"patterns"_s, patterns},
            {u"recurring_errors"_s, errorGroups(r.recurringErrors)},
            {u"stuck_runs"_s, stuck}};
}

} // namespace lettascope::analytics
