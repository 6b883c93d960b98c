// SPDX-License-Identifier: MIT
// Local processing end to end through the persistent queue, and the queue's own guarantees:
// restart, cancel, retry with backoff, stale results, pause.
#include "cachefixture.h"
#include "store/sqlite.h"
#include "trajectories/processing/jobqueue.h"
#include "trajectories/processing/jobrunner.h"
#include "trajectories/processing/localbackend.h"
#include "trajectories/processing/pipeline.h"
#include "trajectories/trajectorybuilder.h"
#include "trajectories/trajectoryqueries.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::trajectories;
using namespace testsupport;

namespace {

constexpr qint64 T0 = 1'767'225'600'000;

qint64 scalar(store::Database &db, const QString &sql)
{
    auto stmt = db.prepare(sql.toUtf8().constData());
    if (!stmt)
        return -1;
    auto row = stmt->step();
    return row && *row ? stmt->int64(0) : -1;
}

QueueStats statsOf(store::Database &db)
{
    return jobqueue::stats(db).valueOr(QueueStats{});
}

/// A backend that fails chosen stages a number of times, then behaves like the local one.
class FlakyBackend final : public StageBackend
{
public:
    FlakyBackend(Stage stage, int failures, bool retryable) : m_stage(stage), m_failures(failures), m_retryable(retryable) { }
    Backend kind() const override { return Backend::OpenAi; }
    QString model(Stage stage) const override { return m_local.model(stage); }
    StageResult run(Stage stage, const StageInput &input) override
    {
        if (stage == m_stage && m_failures.fetchAndSubOrdered(1) > 0) {
            StageResult r = StageResult::failure(stage, u"HTTP 503 from the model"_s, m_retryable);
            r.retryAfterMs = 0;
            return r;
        }
        return m_local.run(stage, input);
    }
    Result<QList<float>> embedQuery(const QString &text) override { return m_local.embedQuery(text); }

private:
    LocalBackend m_local;
    Stage m_stage;
    QAtomicInt m_failures;
    bool m_retryable;
};

RunnerConfig fastConfig()
{
    RunnerConfig config;
    config.workers = 2;
    config.batchSize = 8;
    config.retry = RetryTiming{1, 1}; // retries come due at once
    config.idlePollMs = 20;
    return config;
}

} // namespace

class TestTrajectoryProcessing : public QObject
{
    Q_OBJECT

    std::unique_ptr<CacheFixture> builtCache(int runs)
    {
        auto cache = std::make_unique<CacheFixture>();
        if (!cache->open())
            return nullptr;
        QList<ScenarioRun> list;
        for (int i = 0; i < runs; ++i)
            list << scenarioRun(i, u"agent-%1"_s.arg(i % 2), T0 + i * 1000);
        if (!cache->write(list))
            return nullptr;
        if (!TrajectoryBuilder(cache->writer()).build().ok())
            return nullptr;
        return cache;
    }

private Q_SLOTS:
    void localProcessingFillsEveryStage()
    {
        auto cache = builtCache(12);
        QVERIFY(cache);
        JobRunner runner(cache->writer(), BackendSet::uniform(std::make_shared<LocalBackend>()), fastConfig());
        QVERIFY(runner.start());
        auto db = cache->read();
        QTRY_COMPARE_WITH_TIMEOUT(statsOf(db).succeeded, 12, 10000);
        runner.stop();

        QCOMPARE(scalar(db, u"SELECT count(*) FROM trajectories WHERE processing_state = 'completed'"_s), 12);
        QCOMPARE(scalar(db, u"SELECT count(*) FROM trajectory_embeddings WHERE model_key = 'local:hash256-v1' AND dim = 256"_s), 12);
        QCOMPARE(scalar(db, u"SELECT count(*) FROM trajectory_stages WHERE state = 'succeeded' AND backend = 'local'"_s), 60);

        // Scenario 1 (index 1) errs once and recovers; scenario 3 is cancelled.
        auto recovered = loadTrajectoryDetail(db, **findTrajectory(db, 0, u"run-000001"_s));
        QVERIFY(recovered && *recovered);
        const TrajectoryDetail &r = **recovered;
        QVERIFY(r.row.tags.contains(u"tool_error"_s));
        QVERIFY(r.row.tags.contains(u"recovered_after_error"_s));
        QVERIFY(r.row.tags.size() >= 3 && r.row.tags.size() <= 7);
        QCOMPARE(r.decisions.size(), 2);
        QCOMPARE(r.decisions[0].success, std::optional<bool>(false));
        QCOMPARE(r.decisions[0].errorType, u"Timeout"_s);
        QCOMPARE(r.decisions[1].success, std::optional<bool>(true));
        QVERIFY(r.row.score && *r.row.score >= 0 && *r.row.score <= 1);
        QVERIFY2(r.row.scoreReasoning.contains(u"recovered after a tool error"_s), qPrintable(r.row.scoreReasoning));
        QVERIFY(r.row.summary.contains(u"Paris"_s));
        QCOMPARE(r.stages.size(), StageCount);
        QCOMPARE(r.stages[int(Stage::Score)].model, u"criteria-v1"_s);

        auto cancelled = loadTrajectoryDetail(db, **findTrajectory(db, 0, u"run-000003"_s));
        QVERIFY((*cancelled)->row.tags.contains(u"cancelled"_s));
        QVERIFY2((*cancelled)->row.scoreReasoning.contains(u"cancelled"_s), qPrintable((*cancelled)->row.scoreReasoning));
        auto maxTokens = loadTrajectoryDetail(db, **findTrajectory(db, 0, u"run-000004"_s));
        QVERIFY((*maxTokens)->row.tags.contains(u"max_tokens"_s));
        QCOMPARE((*maxTokens)->row.executionStatus, u"incomplete"_s);
    }

    void interruptedJobsResumeAfterRestart()
    {
        auto cache = builtCache(6);
        QVERIFY(cache);
        // A previous process claimed three jobs and died.
        auto claimed = cache->writer().call<QList<ClaimedJob>>([](store::Database &db) {
            return jobqueue::claim(db, 3, QDateTime::currentMSecsSinceEpoch(), 42);
        }).result();
        QVERIFY(claimed);
        QCOMPARE(claimed->size(), 3);
        auto db = cache->read();
        QCOMPARE(statsOf(db).running, 3);

        JobRunner runner(cache->writer(), BackendSet::uniform(std::make_shared<LocalBackend>()), fastConfig());
        QVERIFY(runner.start());
        QTRY_COMPARE_WITH_TIMEOUT(statsOf(db).succeeded, 6, 10000);
        runner.stop();
        QCOMPARE(statsOf(db).running, 0);
        // The interrupted ones ran a second time: their attempt count says so.
        QCOMPARE(scalar(db, u"SELECT count(*) FROM processing_jobs WHERE attempts = 2"_s), 3);
    }

    void staleResultIsDropped()
    {
        auto cache = builtCache(1);
        QVERIFY(cache);
        auto claimed = cache->writer().call<QList<ClaimedJob>>([](store::Database &db) {
            return jobqueue::claim(db, 1, QDateTime::currentMSecsSinceEpoch(), 7);
        }).result();
        QCOMPARE(claimed->size(), 1);
        auto db = cache->read();
        LocalBackend local;
        const JobOutcome outcome = runPipeline(claimed->constFirst(), db, [&local](Stage) { return &local; });
        QCOMPARE(outcome.results.size(), StageCount);
        // The user cancels while the worker computes.
        QVERIFY(cache->writer().call<qint64>([](store::Database &w) { return jobqueue::cancel(w, {}, 1); }).result());
        QVERIFY(cache->writer().transact([outcome](store::Database &w) { return completeJobs(w, {outcome}, 2); }).result());
        QCOMPARE(scalar(db, u"SELECT count(*) FROM trajectories WHERE summary IS NOT NULL"_s), 0);
        QCOMPARE(statsOf(db).cancelled, 1);
    }

    void cancelAndRetry()
    {
        auto cache = builtCache(4);
        QVERIFY(cache);
        auto db = cache->read();
        QCOMPARE(*cache->writer().call<qint64>([](store::Database &w) { return jobqueue::cancel(w, {}, 1); }).result(), 4);
        JobRunner runner(cache->writer(), BackendSet::uniform(std::make_shared<LocalBackend>()), fastConfig());
        QSignalSpy landed(&runner, &JobRunner::batchLanded);
        QVERIFY(runner.start());
        QVERIFY(!landed.wait(200)); // nothing to do: every job is cancelled
        QCOMPARE(statsOf(db).cancelled, 4);
        auto jobs = jobqueue::list(db, 10);
        QCOMPARE(*cache->writer().call<qint64>([id = jobs->constFirst().id](store::Database &w) {
            return jobqueue::retry(w, {id}, QDateTime::currentMSecsSinceEpoch());
        }).result(), 1);
        runner.wake();
        QTRY_COMPARE_WITH_TIMEOUT(statsOf(db).succeeded, 1, 10000);
        QCOMPARE(statsOf(db).cancelled, 3);
        runner.stop();
    }

    void transientFailuresRetryThenGiveUp_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<bool>("retryable");
        QTest::addColumn<QString>("finalState");
        QTest::addColumn<int>("attempts");
        QTest::addRow("recovers on the third attempt") << 2 << true << u"succeeded"_s << 3;
        QTest::addRow("gives up after max attempts") << 100 << true << u"failed"_s << 3;
        QTest::addRow("permanent error fails at once") << 100 << false << u"failed"_s << 1;
    }

    void transientFailuresRetryThenGiveUp()
    {
        QFETCH(int, failures);
        QFETCH(bool, retryable);
        QFETCH(QString, finalState);
        QFETCH(int, attempts);
        CacheFixture cache;
        QVERIFY(cache.open());
        QVERIFY(cache.write({scenarioRun(0, u"agent-1"_s, T0)}));
        BuildOptions build;
        build.maxAttempts = 3;
        QVERIFY(TrajectoryBuilder(cache.writer()).build(build).ok());

        auto flaky = std::make_shared<FlakyBackend>(Stage::Score, failures, retryable);
        JobRunner runner(cache.writer(), BackendSet::uniform(flaky), fastConfig());
        QVERIFY(runner.start());
        auto db = cache.read();
        QTRY_COMPARE_WITH_TIMEOUT(statsOf(db).open(), 0, 10000);
        runner.stop();
        auto jobs = jobqueue::list(db, 1);
        QCOMPARE(jobStateKey(jobs->constFirst().state), finalState);
        QCOMPARE(jobs->constFirst().attempts, attempts);
        auto detail = **loadTrajectoryDetail(db, jobs->constFirst().trajectoryId);
        // Whatever happened to the score, nothing else was lost.
        QVERIFY(!detail.row.summary.isEmpty());
        QCOMPARE(detail.decisions.size(), 1);
        QCOMPARE(detail.embeddingModels, QStringList{u"local:hash256-v1"_s});
        if (finalState == u"failed") {
            QVERIFY(!detail.row.score);
            QVERIFY2(jobs->constFirst().lastError.contains(u"score: HTTP 503 from the model"_s), qPrintable(jobs->constFirst().lastError));
            QCOMPARE(detail.row.processingState, u"partial"_s);
            QCOMPARE(detail.stages[int(Stage::Score)].error, u"HTTP 503 from the model"_s);
        } else {
            QVERIFY(detail.row.score);
            QCOMPARE(detail.row.processingState, u"completed"_s);
        }
    }

    void pauseStopsClaiming()
    {
        auto cache = builtCache(3);
        QVERIFY(cache);
        JobRunner runner(cache->writer(), BackendSet::uniform(std::make_shared<LocalBackend>()), fastConfig());
        runner.pause();
        QVERIFY(runner.start());
        QSignalSpy landed(&runner, &JobRunner::batchLanded);
        QVERIFY(!landed.wait(200));
        auto db = cache->read();
        QCOMPARE(statsOf(db).queued, 3);
        runner.resume();
        QTRY_COMPARE_WITH_TIMEOUT(statsOf(db).succeeded, 3, 10000);
        runner.stop();
    }
};

QTEST_GUILESS_MAIN(TestTrajectoryProcessing)
#include "tst_trajectoryprocessing.moc"
