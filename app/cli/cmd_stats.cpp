// SPDX-License-Identifier: MIT
#include "clicache.h"
#include "commands.h"

#include "analytics/analyticssettings.h"
#include "analytics/computeanalytics.h"
#include "analytics/statsjson.h"
#include "common/timestamps.h"
#include "session/appsettings.h"

#include <QCommandLineParser>
#include <QDateTime>

using namespace Qt::StringLiterals;
using namespace lettascope::analytics;

namespace lettascope::cli {

namespace {

// "-" where the source reported nothing: the table must not read as zero.
QString percent(const std::optional<double> &rate)
{
    return rate ? u"%1%"_s.arg(*rate * 100, 0, 'f', 1) : u"-"_s;
}

QString seconds(const std::optional<qint64> &ns)
{
    return ns ? u"%1 s"_s.arg(double(*ns) / 1e9, 0, 'f', 2) : u"-"_s;
}

QString number(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'f', 0) : u"-"_s;
}

QString dollars(const std::optional<qint64> &micros)
{
    return micros ? u"$%1"_s.arg(double(*micros) / 1e6, 0, 'f', 4) : u"-"_s;
}

void printText(CliContext &context, const AnalyticsResult &r)
{
    QTextStream &out = context.out();
    out << u"Runs: %1\n\n"_s.arg(r.totalRuns);
    QList<QStringList> rows;
    for (const BucketStats &b : r.buckets) {
        const auto p = b.durationNs;
        rows << QStringList{formatTimestampMs(b.startMs).left(10), QString::number(b.runs), percent(b.successRate),
                            percent(b.failureRate), percent(b.cancelledRate), seconds(p ? std::optional(p->p50) : std::nullopt),
                            seconds(p ? std::optional(p->p90) : std::nullopt), seconds(p ? std::optional(p->p99) : std::nullopt),
                            number(b.tokensPerRun.prompt), number(b.tokensPerRun.completion)};
    }
    context.printTable({bucketName(r.filter.bucket).toUpper(), u"RUNS"_s, u"SUCCESS"_s, u"FAILED"_s, u"CANCELLED"_s,
                        u"P50"_s, u"P90"_s, u"P99"_s, u"PROMPT/RUN"_s, u"COMPLETION/RUN"_s},
                       rows);

    rows.clear();
    for (const ToolStats &t : r.tools)
        rows << QStringList{t.tool, QString::number(t.calls), QString::number(t.errors), percent(t.errorRate),
                            seconds(t.meanExecutionNs ? std::optional(qint64(*t.meanExecutionNs)) : std::nullopt),
                            seconds(t.p95ExecutionNs)};
    out << u"\nTools\n"_s;
    context.printTable({u"TOOL"_s, u"CALLS"_s, u"ERRORS"_s, u"ERROR RATE"_s, u"MEAN TIME"_s, u"P95 TIME"_s}, rows);

    const TokenEfficiency &t = r.tokens;
    out << u"\nTokens per run: prompt %1, completion %2, cached %3, reasoning %4\n"_s.arg(
        number(t.perRun.prompt), number(t.perRun.completion), number(t.perRun.cached), number(t.perRun.reasoning));
    out << u"Tokens per successful run: prompt %1, completion %2\n"_s.arg(number(t.perSuccessfulRun.prompt),
                                                                          number(t.perSuccessfulRun.completion));
    out << u"Estimated cost: %1 over %2 priced runs"_s.arg(dollars(t.costMicros)).arg(t.pricedRuns);
    if (!t.unpricedModels.isEmpty())
        out << u" (no price for: %1)"_s.arg(t.unpricedModels.join(u", "_s));
    out << u"\n\nAgents\n"_s;

    rows.clear();
    for (const AgentRow &a : r.leaderboard)
        rows << QStringList{a.agentId, QString::number(a.runs), percent(a.successRate), seconds(a.medianDurationNs),
                            a.totalTokens ? QString::number(*a.totalTokens) : u"-"_s, dollars(a.costMicros),
                            trendName(a.trend)};
    context.printTable({u"AGENT"_s, u"RUNS"_s, u"SUCCESS"_s, u"MEDIAN"_s, u"TOKENS"_s, u"COST"_s, u"TREND"_s}, rows);

    rows.clear();
    for (const NGramPattern &p : r.patterns)
        rows << QStringList{p.tools.join(u" → "_s), QString::number(p.failedRuns), QString::number(p.successfulRuns),
                            percent(p.support), QString::number(p.lift, 'f', 2)};
    out << u"\nTool sequences over-represented in failures\n"_s;
    context.printTable({u"SEQUENCE"_s, u"FAILED RUNS"_s, u"OK RUNS"_s, u"SUPPORT"_s, u"LIFT"_s}, rows);

    rows.clear();
    for (const ErrorGroup &e : r.recurringErrors)
        rows << QStringList{QString::number(e.count), e.source, e.signature, e.exampleRunIds.join(u", "_s)};
    out << u"\nRecurring errors\n"_s;
    context.printTable({u"COUNT"_s, u"SOURCE"_s, u"SIGNATURE"_s, u"EXAMPLES"_s}, rows);

    rows.clear();
    for (const StuckRun &s : r.stuckRuns)
        rows << QStringList{s.runId, s.agentId, formatTimestampMs(s.lastActivityMs)};
    out << u"\nStuck runs\n"_s;
    context.printTable({u"RUN"_s, u"AGENT"_s, u"LAST ACTIVITY"_s}, rows);
}

} // namespace

int runStats(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Aggregates over cached runs: rates over time, tools, tokens and cost, "
                                     "durations, agents, failure patterns, stuck runs."_s);
    parser.addOptions({{u"agent"_s, u"Only this agent (id); repeat for several."_s, u"ID"_s},
                       {u"since"_s, u"Only runs since an ISO date/time or a relative age (24h, 7d)."_s, u"WHEN"_s},
                       {u"bucket"_s, u"Time bucket: day (default) or week."_s, u"SIZE"_s, u"day"_s},
                       {u"json"_s, u"Print one JSON object."_s}});
    if (const auto done = context.parseArguments(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return context.usageError(u"stats takes no arguments; see stats --help"_s);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    AnalyticsFilter filter;
    filter.agentIds = parser.values(u"agent"_s);
    const auto bucket = bucketFromName(parser.value(u"bucket"_s));
    if (!bucket)
        return context.usageError(u"--bucket needs day or week"_s);
    filter.bucket = *bucket;
    if (parser.isSet(u"since"_s)) {
        filter.sinceMs = parseSince(parser.value(u"since"_s), now);
        if (!filter.sinceMs)
            return context.usageError(u"--since needs an ISO date/time or an age such as 24h or 7d"_s);
    }

    auto view = openCacheView(context.options());
    if (!view)
        return context.fail(view.error().message);
    filter.serverId = view->serverId;
    // The saved price table and stuck threshold: the same as the Analytics tab's.
    const AnalyticsSettings settings;
    const qint64 stuckAfterMs = qint64(session::AppSettings().stuckAfterMinutes()) * 60'000;
    auto result = computeAnalytics(view->db, filter, settings.priceTable(), now, stuckAfterMs);
    if (!result)
        return context.fail(result.error().toString());
    if (parser.isSet(u"json"_s))
        context.printJson(statsToJson(*result));
    else
        printText(context, *result);
    return ExitOk;
}

} // namespace lettascope::cli
