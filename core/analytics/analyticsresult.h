// SPDX-License-Identifier: MIT
#pragma once

#include "analyticsfilter.h"

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// Finished aggregates: plain values that cross from the analytics worker to the GUI thread. An empty
// optional means the source did not report the quantity ("not reported"), never zero.

namespace lettascope::analytics {

/// Nearest-rank percentiles of a duration sample.
struct Percentiles {
    qint64 p50 = 0;
    qint64 p90 = 0;
    qint64 p99 = 0;
    friend bool operator==(const Percentiles &, const Percentiles &) = default;
};

/// Mean tokens per run, over the runs that reported them.
struct TokenMeans {
    int runs = 0;                 ///< runs that reported any token count
    std::optional<double> prompt;
    std::optional<double> completion;
    std::optional<double> cached;
    std::optional<double> reasoning;
    friend bool operator==(const TokenMeans &, const TokenMeans &) = default;
};

/// Runs in one time bucket. Rates are over finished runs (completed + failed + cancelled).
struct BucketStats {
    qint64 startMs = 0;
    int runs = 0;
    int completed = 0;
    int failed = 0;
    int cancelled = 0;
    std::optional<double> successRate;
    std::optional<double> failureRate;
    std::optional<double> cancelledRate;
    QMap<QString, int> stopReasons;          ///< "" when the run reported none
    std::optional<Percentiles> durationNs;
    TokenMeans tokensPerRun;
    TokenMeans tokensPerSuccessfulRun;
    friend bool operator==(const BucketStats &, const BucketStats &) = default;
};

struct ToolStats {
    QString tool;
    int calls = 0;
    int errors = 0;
    double errorRate = 0;
    int timedCalls = 0;                      ///< calls with an execution time from step metrics
    std::optional<double> meanExecutionNs;
    std::optional<qint64> p95ExecutionNs;
    friend bool operator==(const ToolStats &, const ToolStats &) = default;
};

/// Errors sharing a normalised signature (ids, numbers and paths replaced).
struct ErrorGroup {
    QString source;                          ///< "run" for metadata.error, else the tool's name
    QString signature;
    int count = 0;
    QStringList exampleRunIds;               ///< newest first, at most three
    friend bool operator==(const ErrorGroup &, const ErrorGroup &) = default;
};

/// Whole-range token use and estimated cost (micro-dollars, from the price table).
struct TokenEfficiency {
    TokenMeans perRun;
    TokenMeans perSuccessfulRun;
    int pricedRuns = 0;                      ///< runs whose every model has a price and tokens
    std::optional<qint64> costMicros;        ///< over priced runs
    std::optional<double> costPerRunMicros;
    std::optional<double> costPerSuccessfulRunMicros;
    QStringList unpricedModels;
    friend bool operator==(const TokenEfficiency &, const TokenEfficiency &) = default;
};

enum class Trend { Unknown, Up, Flat, Down };

struct AgentRow {
    QString agentId;
    int runs = 0;
    std::optional<double> successRate;
    std::optional<qint64> medianDurationNs;
    std::optional<qint64> totalTokens;
    std::optional<qint64> costMicros;
    /// Success rate in the later half of the range against the earlier half.
    Trend trend = Trend::Unknown;
    friend bool operator==(const AgentRow &, const AgentRow &) = default;
};

/// A tool-call sequence over-represented in failed runs.
struct NGramPattern {
    QStringList tools;
    int failedRuns = 0;                      ///< failed runs containing it
    int successfulRuns = 0;
    double support = 0;                      ///< share of failed runs containing it
    double lift = 0;                         ///< P(failed | sequence) / P(failed)
    friend bool operator==(const NGramPattern &, const NGramPattern &) = default;
};

struct StuckRun {
    qint64 serverId = 0;
    QString runId;
    QString agentId;
    qint64 lastActivityMs = 0;               ///< newest step or message, else creation
    friend bool operator==(const StuckRun &, const StuckRun &) = default;
};

struct AnalyticsResult {
    AnalyticsFilter filter;
    qint64 totalRuns = 0;
    QList<BucketStats> buckets;
    QMap<QString, QList<BucketStats>> bucketsByAgent;
    QList<ToolStats> tools;                  ///< most calls first
    QList<ErrorGroup> runFailures;           ///< failed runs by metadata.error signature
    QList<ErrorGroup> toolErrors;            ///< tool errors by tool and signature
    TokenEfficiency tokens;
    QMap<int, int> stepsPerRun;              ///< step count -> runs
    QList<AgentRow> leaderboard;             ///< most runs first
    QList<NGramPattern> patterns;            ///< highest lift first
    QList<ErrorGroup> recurringErrors;       ///< run and tool signatures seen at least twice
    QList<StuckRun> stuckRuns;               ///< longest idle first
    friend bool operator==(const AnalyticsResult &, const AnalyticsResult &) = default;
};

} // namespace lettascope::analytics

Q_DECLARE_METATYPE(lettascope::analytics::AnalyticsResult)
