// SPDX-License-Identifier: MIT
// Aggregates on a constructed cache with numbers worked out by hand, and the edge cases (no data, one
// run, only failures, no metrics or tokens) on facts directly.
#include "analytics/analyticsaccumulator.h"
#include "analytics/computeanalytics.h"
#include "analytics/factloader.h"
#include "analytics/storedfacts.h"
#include "entityfactory.h"
#include "scalarquery.h"
#include "model/errorsignature.h"
#include "session/opencache.h"
#include "store/entitywriter.h"
#include "store/migrations.h"
#include "store/sqlite.h"
#include "store/storewriter.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::analytics;
using namespace lettascope::store;
using namespace testsupport;

namespace {

constexpr qint64 kHour = 3'600'000;
constexpr qint64 kSecondNs = 1'000'000'000;
constexpr qint64 kMsNs = 1'000'000;
const qint64 kDay0 = QDateTime(QDate(2026, 1, 5), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch(); // a Monday
const qint64 kDay1 = kDay0 + 24 * kHour;
const qint64 kNow = kDay1 + 3 * kHour;
constexpr qint64 kStuckAfter = 30 * 60 * 1000;

PriceTable testPrices()
{
    return PriceTable({{u"gpt-4o-mini"_s, {1.0, 0.0, 2.0}}}); // micro-dollars = prompt + 2 × completion
}

// One tool call in its own step, with an optional return and step metrics.
struct CallSpec {
    QString tool;
    QString error;                        // empty: the call succeeded
    std::optional<qint64> executionNs;
    std::optional<qint64> prompt;
    std::optional<qint64> completion;
};

struct RunSpec {
    QString id;
    QString agent;
    RunStatus status;
    qint64 createdMs;
    QString stopReason;
    std::optional<qint64> durationNs;
    QString error;
    QList<CallSpec> calls;
};

void addRun(WriteBatch &batch, const RunSpec &spec)
{
    Run run = makeRun(spec.id, spec.agent, spec.status, spec.createdMs, spec.stopReason);
    run.totalDurationNs = spec.durationNs;
    run.errorText = spec.error;
    batch.runs << run;
    qint64 at = spec.createdMs;
    for (int i = 0; i < spec.calls.size(); ++i) {
        const CallSpec &c = spec.calls[i];
        const QString stepId = u"%1-s%2"_s.arg(spec.id).arg(i + 1);
        Step step = makeStep(stepId, spec.id, c.prompt, c.completion);
        step.ordinal = i;
        if (c.executionNs) {
            StepMetrics metrics;
            metrics.toolExecutionNs = c.executionNs;
            metrics.raw = {{u"tool_execution_ns"_s, double(*c.executionNs)}};
            step.metrics = metrics;
        }
        batch.steps << step;
        Message call = makeToolCall(stepId + u"-call"_s, spec.id, c.tool, u"{}"_s, ++at);
        call.stepId = stepId;
        Message ret = makeToolReturn(stepId + u"-ret"_s, spec.id, c.error.isEmpty() ? u"success"_s : u"error"_s,
                                     c.error.isEmpty() ? u"ok"_s : c.error, ++at);
        ret.toolReturns[0].toolCallId = call.toolCalls[0].id;
        ret.stepId = stepId;
        batch.messages << call << ret;
    }
}

// The dataset the expected numbers below are worked out from (see each test).
QList<RunSpec> dataset()
{
    return {
        {u"r1"_s, u"a1"_s, RunStatus::Completed, kDay0 + 1 * kHour, u"end_turn"_s, 1 * kSecondNs, {},
         {{u"search"_s, {}, 10 * kMsNs, 100, 10}, {u"send"_s, {}, 20 * kMsNs, 200, 20}}},
        {u"r2"_s, u"a1"_s, RunStatus::Failed, kDay0 + 2 * kHour, u"error"_s, 3 * kSecondNs,
         u"Timeout after 30 s calling http://x/y for run-1234"_s,
         {{u"search"_s, {}, 30 * kMsNs, 50, 5}, {u"fetch"_s, u"File /tmp/a/b.txt not found"_s, {}, 50, 5}}},
        {u"r3"_s, u"a2"_s, RunStatus::Cancelled, kDay0 + 3 * kHour, u"cancelled"_s, 2 * kSecondNs, {}, {}},
        {u"r4"_s, u"a1"_s, RunStatus::Failed, kDay1 + 1 * kHour, u"error"_s, 5 * kSecondNs,
         u"Timeout after 45 s calling http://z for run-999"_s,
         {{u"search"_s, {}, 50 * kMsNs, 400, 40}, {u"fetch"_s, u"File /var/x/y.txt not found"_s, 40 * kMsNs, {}, {}}}},
        {u"r5"_s, u"a2"_s, RunStatus::Completed, kDay1 + 2 * kHour, u"end_turn"_s, 4 * kSecondNs, {},
         {{u"search"_s, {}, 70 * kMsNs, 600, 60}, {u"send"_s, {}, {}, {}, {}}}},
        {u"r6"_s, u"a2"_s, RunStatus::Running, kDay1 + 1 * kHour, {}, {}, {}, {}},
        {u"r7"_s, u"a2"_s, RunStatus::Running, kDay1 + 2 * kHour + 50 * 60'000, {}, {}, {}, {}},
    };
}

RunFacts facts(const QString &id, RunStatus status, qint64 createdMs, std::optional<qint64> durationNs = {})
{
    RunFacts f;
    f.serverId = 1;
    f.id = id;
    f.agentId = u"a"_s;
    f.status = status;
    f.createdMs = createdMs;
    f.durationNs = durationNs;
    return f;
}

constexpr const char *kRunsWithoutFacts
    = "SELECT count(*) FROM runs r WHERE NOT EXISTS (SELECT 1 FROM run_facts f WHERE f.run_rowid = r.rowid)";

// Writes as the app's StoreWriter does: with the run facts derived in the write's transaction.
EntityWriter appWriter(Database &db)
{
    static const store::RunDerivation derivations[] = {runFactsDerivation()};
    return EntityWriter(db, derivations);
}

// Writes dataset() as one server's data, inside the caller's transaction.
void writeDataset(Database &db)
{
    auto server = appWriter(db).ensureServer({u"p"_s, u"Demo"_s, u"http://127.0.0.1:1"_s, u"rest"_s, {}});
    QVERIFY(server);
    WriteBatch batch;
    for (const RunSpec &spec : dataset())
        addRun(batch, spec);
    QVERIFY(appWriter(db).write(*server, batch, kNow));
}

// The loaded facts of `runId` after writing `batch` into a new cache at `path`; empty if anything failed.
std::optional<RunFacts> writeAndLoad(const QString &path, const WriteBatch &batch, const QString &runId)
{
    auto db = Database::open(path);
    if (!db || !migrate(*db))
        return std::nullopt;
    auto server = appWriter(*db).ensureServer({u"p"_s, u"Demo"_s, {}, u"rest"_s, {}});
    if (!server)
        return std::nullopt;
    Transaction transaction(*db);
    if (!appWriter(*db).write(*server, batch, kNow) || !transaction.commit())
        return std::nullopt;
    auto facts = loadRunFacts(*db, {});
    if (!facts)
        return std::nullopt;
    for (const RunFacts &f : std::as_const(*facts)) {
        if (f.id == runId)
            return f;
    }
    return std::nullopt;
}

AnalyticsResult aggregate(const QList<RunFacts> &list)
{
    RunFactsMap map;
    for (RunFacts f : list) {
        f.rowId = map.size() + 1; // as if cached: distinct rowids
        map.insert(f.rowId, f);
    }
    AnalyticsAccumulator accumulator({}, testPrices());
    accumulator.reset(map);
    return accumulator.result(kNow, kStuckAfter);
}

} // namespace

class TestAnalytics : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    Database m_db;
    AnalyticsResult m_result;

private Q_SLOTS:
    void initTestCase()
    {
        auto db = Database::open(m_dir.filePath(u"analytics.db"_s));
        QVERIFY(db);
        m_db = std::move(db).value();
        QVERIFY(migrate(m_db));
        Transaction transaction(m_db);
        writeDataset(m_db);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(transaction.commit());
        auto result = computeAnalytics(m_db, {}, testPrices(), kNow, kStuckAfter);
        QVERIFY(result);
        m_result = *result;
    }

    void buckets_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<QList<int>>("counts"); // runs, completed, failed, cancelled
        QTest::addColumn<QList<double>>("rates"); // success, failure, cancelled
        QTest::addColumn<QList<qint64>>("durations"); // p50, p90, p99
        QTest::addRow("day 0") << 0 << kDay0 << QList<int>{3, 1, 1, 1} << QList<double>{1 / 3.0, 1 / 3.0, 1 / 3.0}
                               << QList<qint64>{2 * kSecondNs, 3 * kSecondNs, 3 * kSecondNs};
        // Running runs count as runs but not in rates or durations.
        QTest::addRow("day 1") << 1 << kDay1 << QList<int>{4, 1, 1, 0} << QList<double>{0.5, 0.5, 0.0}
                               << QList<qint64>{4 * kSecondNs, 5 * kSecondNs, 5 * kSecondNs};
    }

    void buckets()
    {
        QFETCH(int, index);
        QFETCH(qint64, start);
        QFETCH(QList<int>, counts);
        QFETCH(QList<double>, rates);
        QFETCH(QList<qint64>, durations);
        QCOMPARE(m_result.totalRuns, 7);
        QCOMPARE(m_result.buckets.size(), 2);
        const BucketStats &b = m_result.buckets[index];
        QCOMPARE(b.startMs, start);
        QCOMPARE((QList<int>{b.runs, b.completed, b.failed, b.cancelled}), counts);
        QCOMPARE((QList<double>{*b.successRate, *b.failureRate, *b.cancelledRate}), rates);
        QVERIFY(b.durationNs);
        QCOMPARE((QList<qint64>{b.durationNs->p50, b.durationNs->p90, b.durationNs->p99}), durations);
    }

    void stopReasonsAndAgents()
    {
        QCOMPARE(m_result.buckets[0].stopReasons, (QMap<QString, int>{{u"end_turn"_s, 1}, {u"error"_s, 1}, {u"cancelled"_s, 1}}));
        QCOMPARE(m_result.buckets[1].stopReasons, (QMap<QString, int>{{u""_s, 2}, {u"end_turn"_s, 1}, {u"error"_s, 1}}));
        QCOMPARE(m_result.bucketsByAgent.keys(), (QStringList{u"a1"_s, u"a2"_s}));
        QCOMPARE(m_result.bucketsByAgent[u"a1"_s][1].failed, 1);
        QCOMPARE(*m_result.bucketsByAgent[u"a1"_s][0].successRate, 0.5);
        QCOMPARE(m_result.stepsPerRun, (QMap<int, int>{{0, 3}, {2, 4}}));
    }

    void tools_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<int>("calls");
        QTest::addColumn<int>("errors");
        QTest::addColumn<int>("timed");
        QTest::addColumn<std::optional<double>>("mean");
        QTest::addColumn<std::optional<qint64>>("p95");
        QTest::addRow("search") << u"search"_s << 4 << 0 << 4 << std::optional<double>(40.0 * kMsNs)
                                << std::optional<qint64>(70 * kMsNs);
        QTest::addRow("fetch: one step without metrics") << u"fetch"_s << 2 << 2 << 1
                                                         << std::optional<double>(40.0 * kMsNs)
                                                         << std::optional<qint64>(40 * kMsNs);
        QTest::addRow("send") << u"send"_s << 2 << 0 << 1 << std::optional<double>(20.0 * kMsNs)
                              << std::optional<qint64>(20 * kMsNs);
    }

    void tools()
    {
        QFETCH(QString, tool);
        const auto it = std::find_if(m_result.tools.cbegin(), m_result.tools.cend(),
                                     [&](const ToolStats &t) { return t.tool == tool; });
        QVERIFY(it != m_result.tools.cend());
        QTEST(it->calls, "calls");
        QTEST(it->errors, "errors");
        QCOMPARE(it->errorRate, double(it->errors) / it->calls);
        QTEST(it->timedCalls, "timed");
        QTEST(it->meanExecutionNs, "mean");
        QTEST(it->p95ExecutionNs, "p95");
        QCOMPARE(m_result.tools.first().tool, u"search"_s); // most calls first
    }

    void tokensAndCost()
    {
        const TokenEfficiency &t = m_result.tokens;
        // Runs reporting tokens: r1 (300/30), r2 (100/10), r4 (400/40), r5 (600/60).
        QCOMPARE(t.perRun.runs, 4);
        QCOMPARE(t.perRun.prompt, std::optional<double>(350.0));
        QCOMPARE(t.perRun.completion, std::optional<double>(35.0));
        QCOMPARE(t.perRun.cached, std::nullopt); // not reported, not 0
        QCOMPARE(t.perSuccessfulRun.prompt, std::optional<double>(450.0));
        QCOMPARE(t.pricedRuns, 4);
        QCOMPARE(t.costMicros, std::optional<qint64>(360 + 120 + 480 + 720));
        QCOMPARE(t.costPerRunMicros, std::optional<double>(420.0));
        QCOMPARE(t.costPerSuccessfulRunMicros, std::optional<double>(540.0));
        QVERIFY(t.unpricedModels.isEmpty());
        QCOMPARE(m_result.buckets[0].tokensPerRun.prompt, std::optional<double>(200.0));
    }

    void leaderboard()
    {
        QCOMPARE(m_result.leaderboard.size(), 2);
        const AgentRow &a2 = m_result.leaderboard[0]; // four runs
        QCOMPARE(a2.agentId, u"a2"_s);
        QCOMPARE(a2.successRate, std::optional<double>(0.5));
        QCOMPARE(a2.medianDurationNs, std::optional<qint64>(2 * kSecondNs));
        QCOMPARE(a2.totalTokens, std::optional<qint64>(660));
        QCOMPARE(a2.costMicros, std::optional<qint64>(720));
        QCOMPARE(a2.trend, Trend::Up); // 0 % on day 0 (cancelled), 100 % on day 1
        const AgentRow &a1 = m_result.leaderboard[1];
        QCOMPARE(a1.runs, 3);
        QCOMPARE(a1.successRate, std::optional<double>(1 / 3.0));
        QCOMPARE(a1.medianDurationNs, std::optional<qint64>(3 * kSecondNs));
        QCOMPARE(a1.totalTokens, std::optional<qint64>(880));
        QCOMPARE(a1.trend, Trend::Down); // 50 % then 0 %
    }

    void patterns()
    {
        // Two failed runs share search→fetch, which no successful run has: P(fail | seq) = 1, P(fail) = 0.5.
        QCOMPARE(m_result.patterns.size(), 1);
        const NGramPattern &p = m_result.patterns.first();
        QCOMPARE(p.tools, (QStringList{u"search"_s, u"fetch"_s}));
        QCOMPARE(p.failedRuns, 2);
        QCOMPARE(p.successfulRuns, 0);
        QCOMPARE(p.support, 1.0);
        QCOMPARE(p.lift, 2.0);
    }

    void errors()
    {
        QCOMPARE(m_result.runFailures.size(), 1);
        QCOMPARE(m_result.runFailures[0].signature, u"Timeout after <n> s calling <url> for run-<n>"_s);
        QCOMPARE(m_result.runFailures[0].count, 2);
        QCOMPARE(m_result.runFailures[0].exampleRunIds, (QStringList{u"r4"_s, u"r2"_s})); // newest first
        QCOMPARE(m_result.toolErrors.size(), 1);
        QCOMPARE(m_result.toolErrors[0].source, u"fetch"_s);
        QCOMPARE(m_result.toolErrors[0].signature, u"File <path> not found"_s);
        QCOMPARE(m_result.recurringErrors.size(), 2);
    }

    void stuckRuns()
    {
        // r6 has been silent for two hours; r7 started ten minutes ago.
        QCOMPARE(m_result.stuckRuns.size(), 1);
        QCOMPARE(m_result.stuckRuns[0].runId, u"r6"_s);
        QCOMPARE(m_result.stuckRuns[0].lastActivityMs, kDay1 + kHour);
    }

    void filters_data()
    {
        QTest::addColumn<AnalyticsFilter>("filter");
        QTest::addColumn<qint64>("runs");
        QTest::addColumn<int>("buckets");
        AnalyticsFilter agent;
        agent.agentIds = {u"a1"_s};
        QTest::addRow("agent") << agent << qint64(3) << 2;
        AnalyticsFilter since;
        since.sinceMs = kDay1;
        QTest::addRow("since") << since << qint64(4) << 1;
        AnalyticsFilter week;
        week.bucket = Bucket::Week;
        QTest::addRow("week") << week << qint64(7) << 1;
        AnalyticsFilter until;
        until.untilMs = kDay0 + 2 * kHour;
        QTest::addRow("until") << until << qint64(1) << 1;
    }

    void filters()
    {
        QFETCH(AnalyticsFilter, filter);
        auto result = computeAnalytics(m_db, filter, testPrices(), kNow, kStuckAfter);
        QVERIFY(result);
        QTEST(result->totalRuns, "runs");
        QTEST(int(result->buckets.size()), "buckets");
        if (filter.bucket == Bucket::Week)
            QCOMPARE(result->buckets[0].startMs, kDay0);
    }

    void stepTimeGoesOnlyToASingleCall()
    {
        // One step that made two calls reports one tool time that cannot be split: neither call gets it.
        WriteBatch batch;
        addRun(batch, {u"x"_s, u"a1"_s, RunStatus::Completed, kDay0, u"end_turn"_s, kSecondNs, {},
                       {{u"search"_s, {}, 10 * kMsNs, 1, 1}}});
        Message second = makeToolCall(u"x-s1-call2"_s, u"x"_s, u"send"_s, u"{}"_s, kDay0 + 5);
        second.stepId = u"x-s1"_s;
        batch.messages << second;
        const auto f = writeAndLoad(m_dir.filePath(u"split.db"_s), batch, u"x"_s);
        QVERIFY(f);
        QCOMPARE(f->toolCalls.size(), 2);
        QCOMPARE(f->toolCalls[0].executionNs, std::nullopt);
        QCOMPARE(f->toolCalls[1].executionNs, std::nullopt);
    }

    void tiedEntriesKeepStoredOrder()
    {
        // Two calls at the same time and sequence: the one stored first comes first, whatever their names
        // (the scan's index would order such ties by step and name).
        WriteBatch batch;
        addRun(batch, {u"x"_s, u"a1"_s, RunStatus::Completed, kDay0, u"end_turn"_s, kSecondNs, {}, {}});
        batch.messages << makeToolCall(u"x-zeta"_s, u"x"_s, u"zeta"_s, u"{}"_s, kDay0 + 5)
                       << makeToolCall(u"x-alpha"_s, u"x"_s, u"alpha"_s, u"{}"_s, kDay0 + 5);
        const auto f = writeAndLoad(m_dir.filePath(u"ties.db"_s), batch, u"x"_s);
        QVERIFY(f);
        QCOMPARE(f->toolCalls.size(), 2);
        QCOMPARE(f->toolCalls[0].tool, u"zeta"_s);
        QCOMPARE(f->toolCalls[1].tool, u"alpha"_s);
    }

    void emptyData()
    {
        const AnalyticsResult r = aggregate({});
        QCOMPARE(r.totalRuns, 0);
        QVERIFY(r.buckets.isEmpty());
        QVERIFY(r.tools.isEmpty());
        QVERIFY(r.patterns.isEmpty());
        QVERIFY(r.leaderboard.isEmpty());
        QCOMPARE(r.tokens.perRun.runs, 0);
        QCOMPARE(r.tokens.perRun.prompt, std::nullopt);
        QCOMPARE(r.tokens.costMicros, std::nullopt);
    }

    void oneRun()
    {
        const AnalyticsResult r = aggregate({facts(u"only"_s, RunStatus::Completed, kDay0, 7 * kSecondNs)});
        QCOMPARE(r.buckets.size(), 1);
        QCOMPARE(r.buckets[0].successRate, std::optional<double>(1.0));
        QCOMPARE(r.buckets[0].durationNs, (std::optional<Percentiles>(Percentiles{7 * kSecondNs, 7 * kSecondNs, 7 * kSecondNs})));
        QCOMPARE(r.buckets[0].tokensPerRun.prompt, std::nullopt);
        QCOMPARE(r.leaderboard[0].trend, Trend::Unknown); // one bucket: nothing to compare
        QCOMPARE(r.leaderboard[0].costMicros, std::nullopt);
        QCOMPARE(r.stepsPerRun, (QMap<int, int>{{0, 1}}));
    }

    void allFailures()
    {
        QList<RunFacts> list;
        for (int i = 0; i < 3; ++i) {
            RunFacts f = facts(u"f%1"_s.arg(i), RunStatus::Failed, kDay0 + i);
            f.toolCalls = {{u"a"_s, true, u"boom 1"_s, {}}, {u"b"_s, false, {}, {}}};
            list << f;
        }
        const AnalyticsResult r = aggregate(list);
        QCOMPARE(r.buckets[0].successRate, std::optional<double>(0.0));
        QCOMPARE(r.buckets[0].failureRate, std::optional<double>(1.0));
        QCOMPARE(r.buckets[0].durationNs, std::nullopt); // no run reported a duration
        QVERIFY(r.patterns.isEmpty()); // with nothing but failures no sequence is over-represented
        QCOMPARE(r.tools[0].errorRate, 1.0);
        QCOMPARE(r.runFailures[0].count, 3);
        QCOMPARE(r.runFailures[0].signature, QString()); // no metadata.error reported
        QCOMPARE(r.runFailures[0].exampleRunIds.size(), 3);
    }

    void missingMetrics()
    {
        RunFacts f = facts(u"m"_s, RunStatus::Completed, kDay0, kSecondNs);
        f.toolCalls = {{u"a"_s, false, {}, {}}};
        f.modelTokens = {{u"unknown-model"_s, 10, 5, {}, {}}};
        f.promptTokens = 10;
        f.completionTokens = 5;
        const AnalyticsResult r = aggregate({f});
        QCOMPARE(r.tools[0].timedCalls, 0);
        QCOMPARE(r.tools[0].meanExecutionNs, std::nullopt);
        QCOMPARE(r.tools[0].p95ExecutionNs, std::nullopt);
        QCOMPARE(r.tokens.costMicros, std::nullopt); // the model has no price
        QCOMPARE(r.tokens.unpricedModels, QStringList{u"unknown-model"_s});
        QCOMPARE(r.tokens.perRun.reasoning, std::nullopt);
    }

    void percentiles_data()
    {
        QTest::addColumn<QList<qint64>>("sample");
        QTest::addColumn<int>("p");
        QTest::addColumn<qint64>("expected");
        QTest::addRow("one value") << QList<qint64>{5} << 99 << qint64(5);
        QTest::addRow("median of four is the second") << QList<qint64>{4, 1, 3, 2} << 50 << qint64(2);
        QTest::addRow("p90 of ten is the ninth") << QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10} << 90 << qint64(9);
        QTest::addRow("p99 of ten is the tenth") << QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10} << 99 << qint64(10);
        QTest::addRow("p95 of twenty is the nineteenth") << [] {
            QList<qint64> v;
            for (int i = 1; i <= 20; ++i)
                v << i * 10;
            return v;
        }() << 95 << qint64(190);
    }

    void percentiles()
    {
        QFETCH(QList<qint64>, sample);
        QFETCH(int, p);
        // Added one by one, then in two halves with a read between (a merge), then with a removal.
        Sample whole;
        for (const qint64 value : std::as_const(sample))
            whole.add(value);
        QTEST(whole.percentile(p), "expected");
        Sample merged;
        merged.add(-1);
        for (qsizetype i = 0; i < sample.size(); ++i) {
            merged.add(sample[i]);
            if (i == sample.size() / 2)
                (void)merged.percentile(50); // a read merges what was added so far
        }
        merged.remove(-1);
        QCOMPARE(merged.size(), sample.size());
        QTEST(merged.percentile(p), "expected");
    }

    void prices_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<std::optional<double>>("completionPrice");
        QTest::addRow("name") << u"gpt-4o-mini"_s << std::optional<double>(0.60);
        QTest::addRow("handle") << u"openai/gpt-4o-mini"_s << std::optional<double>(0.60);
        QTest::addRow("dated snapshot") << u"claude-haiku-4-5-20251001"_s << std::optional<double>(5.00);
        QTest::addRow("unknown") << u"letta-free"_s << std::optional<double>();
    }

    void prices()
    {
        QFETCH(QString, model);
        const auto price = PriceTable::defaults().find(model);
        QTEST(price ? std::optional<double>(price->completion) : std::nullopt, "completionPrice");
    }

    void errorSignatures_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("signature");
        QTest::addRow("ids") << u"Agent agent-7f3c9a2e-1b4d-4c8e-9f00-123456789abc not found"_s
                             << u"Agent <id> not found"_s;
        QTest::addRow("numbers") << u"Rate limit: retry in 12.5 seconds (429)"_s << u"Rate limit: retry in <n> seconds (<n>)"_s;
        QTest::addRow("paths") << u"No such file: /home/me/data/x.csv"_s << u"No such file: <path>"_s;
        QTest::addRow("urls") << u"GET https://api.example.com/v1/x?y=2 failed"_s << u"GET <url> failed"_s;
        QTest::addRow("hex") << u"object 0x7ffd5e3a at deadbeef1234"_s << u"object <id> at <id>"_s;
        QTest::addRow("whitespace") << u"  line one\n\tline   two "_s << u"line one line two"_s;
        QTest::addRow("empty") << QString() << QString();
    }

    void storedOrDerived_data()
    {
        // SQL run after writing, as if the cache had been written by an older build or damaged.
        QTest::addColumn<QString>("before");
        QTest::addColumn<bool>("backfill");
        QTest::addRow("as written") << QString() << false;
        QTest::addRow("written before schema 6: no run facts") << u"DELETE FROM run_facts"_s << false;
        QTest::addRow("written before schema 4: no signatures either")
            << u"DELETE FROM run_facts; UPDATE runs SET error_signature = NULL; "
               "UPDATE messages SET tool_error_signature = NULL"_s
            << false;
        QTest::addRow("run facts of another version") << u"UPDATE run_facts SET facts = x'02' || substr(facts, 2)"_s
                                                     << false;
        QTest::addRow("run facts cut short") << u"UPDATE run_facts SET facts = substr(facts, 1, length(facts) - 1)"_s
                                             << false;
        QTest::addRow("written before schema 6, then backfilled") << u"DELETE FROM run_facts"_s << true;
    }

    void storedOrDerived()
    {
        // The writer stores each run's signatures (schema 4) and tool-call facts (schema 6); without them,
        // or when they do not decode, the loader derives them from the messages and steps. Either way the
        // aggregates are the same.
        QFETCH(QString, before);
        QFETCH(bool, backfill);
        auto db = Database::open(m_dir.filePath(u"stored-%1.db"_s.arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-')));
        QVERIFY(db);
        QVERIFY(migrate(*db));
        Transaction transaction(*db);
        writeDataset(*db);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(scalar(*db, "SELECT count(*) FROM run_facts"), scalar(*db, "SELECT count(*) FROM runs"));
        QVERIFY(scalar(*db, "SELECT count(*) FROM messages WHERE tool_error_signature IS NOT NULL") > 0);
        if (!before.isEmpty())
            QVERIFY(db->exec(before.toUtf8().constData()));
        if (backfill) {
            // Two runs a chunk, as the writer does after opening an older cache, until nothing is left.
            std::optional<qint64> next = 0;
            for (int chunks = 0; next; ++chunks) {
                QVERIFY(chunks < 100);
                auto stored = backfillRunFacts(*db, *next, 2);
                QVERIFY2(stored, qPrintable(stored ? QString() : stored.error().message));
                next = *stored;
            }
            QCOMPARE(scalar(*db, "SELECT count(*) FROM run_facts"), scalar(*db, "SELECT count(*) FROM runs"));
        }
        QVERIFY(transaction.commit());
        auto result = computeAnalytics(*db, {}, testPrices(), kNow, kStuckAfter);
        QVERIFY(result);
        QCOMPARE(result->runFailures, m_result.runFailures);
        QCOMPARE(result->toolErrors, m_result.toolErrors);
        QCOMPARE(result->tools, m_result.tools);
        QVERIFY(*result == m_result);
    }

    void openedCacheFillsRunFactsOfAnOlderCache()
    {
        // A cache written before schema 6 has no run facts: the app's writer fills them after opening it,
        // queued ahead of later jobs.
        const QString path = m_dir.filePath(u"older.db"_s);
        {
            auto db = Database::open(path);
            QVERIFY(db);
            QVERIFY(migrate(*db));
            Transaction transaction(*db);
            writeDataset(*db);
            QVERIFY(db->exec("DELETE FROM run_facts"));
            QVERIFY(transaction.commit());
            QCOMPARE(scalar(*db, kRunsWithoutFacts), qint64(dataset().size()));
        }
        StoreWriter writer;
        QVERIFY(session::openCache(writer, path));
        auto missing = writer.call<qint64>([](Database &db) -> Result<qint64> { return scalar(db, kRunsWithoutFacts); });
        QCOMPARE(missing.result().value(), 0);
    }

    void errorSignatures()
    {
        QFETCH(QString, text);
        QTEST(errorSignature(text), "signature");
    }
};

QTEST_GUILESS_MAIN(TestAnalytics)
#include "tst_analytics.moc"
