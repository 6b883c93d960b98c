// SPDX-License-Identifier: MIT
// Capture: one trajectory per finished run, rebuilt when the run changes after capture.
#include "cachefixture.h"
#include "entityfactory.h"
#include "store/sqlite.h"
#include "trajectories/processing/jobqueue.h"
#include "trajectories/trajectorybuilder.h"
#include "trajectories/trajectoryqueries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::trajectories;
using namespace testsupport;

namespace {
constexpr qint64 T0 = 1'767'225'600'000;

qint64 count(store::Database &db, const char *sql)
{
    auto stmt = db.prepare(sql);
    if (!stmt || !stmt->step())
        return -1;
    return stmt->int64(0);
}
} // namespace

class TestTrajectoryBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onePerFinishedRun()
    {
        CacheFixture cache;
        QVERIFY(cache.open());
        QList<ScenarioRun> runs;
        for (int i = 0; i < 12; ++i)
            runs << scenarioRun(i, u"agent-1"_s, T0 + i * 1000);
        ScenarioRun running = scenarioRun(99, u"agent-1"_s, T0);
        running.run.status = RunStatus::Running;
        running.run.raw.insert(u"status"_s, u"running"_s);
        runs << running;
        QVERIFY(cache.write(runs, {makeAgent(u"agent-1"_s, u"Helper"_s)}));

        TrajectoryBuilder builder(cache.writer());
        const BuildReport report = builder.build();
        QVERIFY2(report.ok(), qPrintable(report.error.toString()));
        QCOMPARE(report.runsSeen, 12);
        QCOMPARE(report.created, 12);
        QCOMPARE(report.queued, 12);

        auto db = cache.read();
        QCOMPARE(count(db, "SELECT count(*) FROM trajectories"), 12);
        QCOMPARE(count(db, "SELECT count(*) FROM trajectories WHERE run_id = 'run-000099'"), 0);
        QCOMPARE(count(db, "SELECT count(*) FROM processing_jobs WHERE state = 'queued'"), 12);
        auto rows = listTrajectories(db, {});
        QVERIFY(rows);
        QCOMPARE(rows->size(), 12);
        QCOMPARE(rows->constFirst().agentName, u"Helper"_s);
        QCOMPARE(rows->constFirst().processingState, u"pending"_s);

        // Nothing new: the watermark makes the second pass free.
        const BuildReport again = builder.build();
        QCOMPARE(again.runsSeen, 0);
        // A full rebuild finds the same data and queues nothing.
        BuildOptions all;
        all.rebuildAll = true;
        const BuildReport rebuilt = builder.build(all);
        QCOMPARE(rebuilt.runsSeen, 12);
        QCOMPARE(rebuilt.unchanged, 12);
        QCOMPARE(rebuilt.queued, 0);
    }

    void rebuildsWhenTheRunChanges_data()
    {
        QTest::addColumn<bool>("lateMessage");
        QTest::addRow("late message") << true;
        QTest::addRow("status change") << false;
    }

    void rebuildsWhenTheRunChanges()
    {
        QFETCH(bool, lateMessage);
        CacheFixture cache;
        QVERIFY(cache.open());
        ScenarioRun s = scenarioRun(0, u"agent-1"_s, T0, ScenarioKind::ToolSuccess);
        QVERIFY(cache.write({s}));
        TrajectoryBuilder builder(cache.writer());
        QCOMPARE(builder.build().created, 1);
        // The first job ran already: a rebuild must queue a fresh one.
        auto db = cache.read();
        const qint64 rowId = **findTrajectory(db, 0, u"run-000000"_s);

        store::WriteBatch change;
        if (lateMessage) {
            Message late = makeText(u"late-1"_s, u"user_message"_s, s.run.id, u"thanks, one more thing"_s, T0 + 9000);
            change.messages << late;
        } else {
            Run cancelled = s.run;
            cancelled.status = RunStatus::Cancelled;
            cancelled.stopReason = u"cancelled"_s;
            cancelled.raw.insert(u"status"_s, u"cancelled"_s);
            change.runs << cancelled;
        }
        QVERIFY(cache.writer().write(cache.serverId(), change).result());
        const BuildReport report = builder.build();
        QCOMPARE(report.runsSeen, 1);
        QCOMPARE(report.updated, 1);
        QCOMPARE(report.queued, 1);

        auto detail = loadTrajectoryDetail(db, rowId);
        QVERIFY(detail && *detail);
        const QJsonObject data = (*detail)->data;
        if (lateMessage) {
            QCOMPARE(data.value(u"metadata"_s).toObject().value(u"message_count"_s).toInt(), s.messages.size() - 1 + 1);
            QVERIFY(QString::fromUtf8(QJsonDocument(data).toJson()).contains(u"one more thing"_s));
        } else {
            QCOMPARE(data.value(u"outcome"_s).toObject().value(u"execution"_s).toObject().value(u"status"_s).toString(),
                     u"failed"_s);
            QCOMPARE((*detail)->row.runStatus, u"cancelled"_s);
        }
        QCOMPARE((*detail)->row.id, u"trajectory-run-000000"_s); // same identity, rebuilt in place
    }

    void cancelStopsBetweenBatches()
    {
        CacheFixture cache;
        QVERIFY(cache.open());
        QList<ScenarioRun> runs;
        for (int i = 0; i < 30; ++i)
            runs << scenarioRun(i, u"agent-1"_s, T0 + i);
        QVERIFY(cache.write(runs));
        std::atomic_bool cancel = false;
        BuildOptions options;
        options.batchSize = 10;
        options.cancel = &cancel;
        options.progress = [&cancel](qint64 done) {
            if (done >= 10)
                cancel = true;
        };
        TrajectoryBuilder builder(cache.writer());
        const BuildReport first = builder.build(options);
        QVERIFY(first.cancelled);
        QCOMPARE(first.runsSeen, 10);
        // The next pass resumes after what was committed.
        const BuildReport rest = builder.build();
        QCOMPARE(rest.created, 20);
    }
};

QTEST_GUILESS_MAIN(TestTrajectoryBuilder)
#include "tst_trajectorybuilder.moc"
