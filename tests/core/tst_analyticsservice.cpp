// SPDX-License-Identifier: MIT
// The service against a real cache: results arrive from its worker, and after writes the incrementally
// updated result equals a full recompute of the same data, for every filter it has cached.
#include "analytics/analyticsservice.h"
#include "analytics/computeanalytics.h"
#include "analytics/statsjson.h"
#include "entityfactory.h"
#include "runbatchgenerator.h"
#include "session/opencache.h"
#include "store/sqlite.h"
#include "store/storewriter.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::analytics;
using namespace lettascope::store;
using namespace testsupport;

namespace {

constexpr qint64 kStart = 1'767'225'600'000; // 2026-01-01 UTC
constexpr qint64 kNow = kStart + 2 * 86'400'000LL;
constexpr qint64 kStuckAfter = 30 * 60 * 1000;

RunBatchSpec spec(int firstRun, int runs)
{
    RunBatchSpec s;
    s.firstRun = firstRun;
    s.runs = runs;
    s.startMs = kStart + qint64(firstRun) * 5 * 60'000;
    s.spacingMs = 5 * 60'000; // 300 runs span about a day: several buckets, both halves of the range
    s.seed = 7;
    return s;
}

// Changes to runs already cached: a status flip, a new step with a failing call, an agent change that
// moves a run out of an agent filter.
WriteBatch edits(const WriteBatch &original)
{
    WriteBatch batch;
    Run failed = original.runs[5];
    failed.status = RunStatus::Failed;
    failed.statusText = u"failed"_s;
    failed.errorText = u"Timeout after 99 s calling https://example.com/x"_s;
    failed.raw.insert(u"status"_s, u"failed"_s);
    Run moved = original.runs[7];
    moved.agentId = u"agent-9"_s;
    moved.raw.insert(u"agent_id"_s, moved.agentId);
    batch.runs << failed << moved;
    const QString runId = original.runs[6].id;
    Step step = makeStep(runId + u"-extra"_s, runId, 1234, 56);
    step.ordinal = 10;
    batch.steps << step;
    Message call = makeToolCall(runId + u"-extra-call"_s, runId, u"run_code"_s, u"{}"_s, kNow - 1000);
    call.stepId = step.id;
    Message ret = makeToolReturn(runId + u"-extra-ret"_s, runId, u"error"_s, u"exit code 3"_s, kNow - 999);
    ret.toolReturns[0].toolCallId = call.toolCalls[0].id;
    ret.stepId = step.id;
    batch.messages << call << ret;
    return batch;
}

QByteArray json(const AnalyticsResult &result)
{
    return QJsonDocument(statsToJson(result)).toJson(QJsonDocument::Indented);
}

} // namespace

class TestAnalyticsService : public QObject
{
    Q_OBJECT

    AnalyticsResult fullRecompute(const QString &path, const AnalyticsFilter &filter)
    {
        auto db = Database::open(path, Database::Mode::ReadOnly);
        if (!db)
            qFatal("cannot open %s", qPrintable(path));
        auto result = computeAnalytics(*db, filter, PriceTable::defaults(), kNow, kStuckAfter);
        if (!result)
            qFatal("%s", qPrintable(result.error().message));
        return *result;
    }

    static std::pair<AnalyticsResult, ComputeStats> next(QSignalSpy &spy)
    {
        if (spy.isEmpty() && !spy.wait(30'000))
            qFatal("no analytics result");
        const QList<QVariant> args = spy.takeFirst();
        return {args[0].value<AnalyticsResult>(), args[1].value<ComputeStats>()};
    }

private Q_SLOTS:
    void incrementalEqualsFullRecompute_data()
    {
        QTest::addColumn<AnalyticsFilter>("filter");
        QTest::addRow("everything") << AnalyticsFilter{};
        AnalyticsFilter agent;
        agent.agentIds = {u"agent-1"_s, u"agent-2"_s};
        QTest::addRow("two agents") << agent;
        AnalyticsFilter since;
        since.sinceMs = kStart + 12 * 3'600'000LL;
        since.bucket = Bucket::Week;
        QTest::addRow("since, weeks") << since;
    }

    void incrementalEqualsFullRecompute()
    {
        QFETCH(AnalyticsFilter, filter);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.db"_s);
        StoreWriter writer;
        QVERIFY(session::openCache(writer, path));
        auto server = writer.ensureServer({u"p"_s, u"Demo"_s, u"http://127.0.0.1:1"_s, u"rest"_s, {}}).result();
        QVERIFY(server);
        filter.serverId = *server;
        const WriteBatch first = generateRunBatch(spec(0, 300));
        QVERIFY(writer.write(*server, first).result());

        AnalyticsService service(path, &writer);
        service.setClock([] { return kNow; });
        QSignalSpy results(&service, &AnalyticsService::resultReady);
        service.setFilter(filter);
        auto [initial, initialStats] = next(results);
        QVERIFY(!initialStats.incremental);
        QCOMPARE(initial, fullRecompute(path, filter));
        QVERIFY(initial.totalRuns > 0);

        // Another filter is cached too, and must follow the same writes.
        AnalyticsFilter other = filter;
        other.bucket = filter.bucket == Bucket::Day ? Bucket::Week : Bucket::Day;
        service.setFilter(other);
        next(results);
        service.setFilter(filter);
        QCOMPARE(next(results).second.runsReloaded, 0); // served from the cache: no run read again
        QCOMPARE(initialStats.runsReloaded, initial.totalRuns);

        QVERIFY(writer.write(*server, generateRunBatch(spec(300, 40))).result());
        auto [grown, grownStats] = next(results);
        QVERIFY(grownStats.incremental);
        QVERIFY(grownStats.runsReloaded <= 2 * 40); // only the new runs were read, for each cached filter
        QVERIFY(writer.write(*server, edits(first)).result());
        auto [edited, editedStats] = next(results);
        QVERIFY(editedStats.incremental);

        const AnalyticsResult full = fullRecompute(path, filter);
        QCOMPARE(json(edited), json(full)); // readable diff first
        QVERIFY(edited == full);
        QVERIFY(edited.totalRuns > initial.totalRuns || !filter.agentIds.isEmpty());

        service.setFilter(other);
        const AnalyticsResult cachedOther = next(results).first;
        QCOMPARE(json(cachedOther), json(fullRecompute(path, other)));
        QVERIFY(cachedOther == fullRecompute(path, other));
    }

    void staleResultsAreDropped()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.db"_s);
        StoreWriter writer;
        QVERIFY(session::openCache(writer, path));
        auto server = writer.ensureServer({u"p"_s, u"Demo"_s, {}, u"rest"_s, {}}).result();
        QVERIFY(writer.write(*server, generateRunBatch(spec(0, 50))).result());
        AnalyticsService service(path, nullptr);
        QSignalSpy results(&service, &AnalyticsService::resultReady);
        AnalyticsFilter day;
        AnalyticsFilter week;
        week.bucket = Bucket::Week;
        service.setFilter(day);
        service.setFilter(week); // asked before the first could be delivered
        // Deliveries are queued in order, so a stale result would have arrived before this one.
        QVERIFY(results.wait(30'000));
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().first().value<AnalyticsResult>().filter.bucket, Bucket::Week);
    }

    void missingCacheFails()
    {
        QTemporaryDir dir;
        AnalyticsService service(dir.filePath(u"absent.db"_s), nullptr);
        QSignalSpy failures(&service, &AnalyticsService::computeFailed);
        service.setFilter({});
        QVERIFY(failures.wait(10'000));
    }
};

QTEST_GUILESS_MAIN(TestAnalyticsService)
#include "tst_analyticsservice.moc"
