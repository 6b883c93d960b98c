// SPDX-License-Identifier: MIT
// The key merge and the two item models, under QAbstractItemModelTester.
#include "cachefixture.h"
#include "trajectories/keymerge.h"
#include "trajectories/metacounter.h"
#include "trajectories/processing/jobrunner.h"
#include "trajectories/processing/localbackend.h"
#include "trajectories/processingjobmodel.h"
#include "trajectories/readworker.h"
#include "trajectories/trajectorybuilder.h"
#include "trajectories/trajectorylistmodel.h"
#include "trajectories/trajectorywriter.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::trajectories;
using namespace testsupport;

namespace {

constexpr qint64 T0 = 1'767'225'600'000;

QList<MergeKey> keys(const QList<int> &ids, int version = 0)
{
    QList<MergeKey> out;
    for (int id : ids)
        out << MergeKey{id, version};
    return out;
}

// Applies a plan the way a model does, so the test checks the outcome, not the plan's shape.
QList<MergeKey> apply(QList<MergeKey> list, const QList<MergeKey> &after, const MergePlan &plan)
{
    for (const auto &r : plan.removals)
        list.remove(r.first, r.count);
    for (const auto &r : plan.insertions)
        for (int i = 0; i < r.count; ++i)
            list.insert(r.first + i, after[r.first + i]);
    for (int row : plan.changed)
        list[row] = after[row];
    return list;
}

QStringList dump(const QAbstractItemModel &model, int rows)
{
    QStringList lines;
    for (int r = 0; r < rows; ++r) {
        QStringList cells;
        for (int c : {int(TrajectoryListModel::StatusColumn), int(TrajectoryListModel::ScoreColumn), int(TrajectoryListModel::StepsColumn)})
            cells << model.index(r, c).data().toString();
        lines << cells.join(u'|');
    }
    return lines;
}

bool loaded(const QAbstractItemModel &model)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        if (!model.index(r, 0).data(TrajectoryListModel::LoadedRole).toBool())
            return false;
    }
    return true;
}

} // namespace

class TestTrajectoryModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void merge_data()
    {
        QTest::addColumn<QList<int>>("before");
        QTest::addColumn<QList<int>>("after");
        QTest::addColumn<int>("kept");
        QTest::addRow("new rows on top") << QList<int>{3, 2, 1} << QList<int>{5, 4, 3, 2, 1} << 3;
        QTest::addRow("rows removed") << QList<int>{5, 4, 3, 2, 1} << QList<int>{5, 3, 1} << 3;
        QTest::addRow("one row moved") << QList<int>{1, 2, 3, 4} << QList<int>{2, 3, 1, 4} << 3;
        QTest::addRow("reversed") << QList<int>{1, 2, 3} << QList<int>{3, 2, 1} << 1;
        QTest::addRow("from empty") << QList<int>{} << QList<int>{1, 2} << 0;
        QTest::addRow("to empty") << QList<int>{1, 2} << QList<int>{} << 0;
        QTest::addRow("mixed") << QList<int>{9, 7, 5, 3, 1} << QList<int>{10, 7, 6, 1, 5} << 2;
    }

    void merge()
    {
        QFETCH(QList<int>, before);
        QFETCH(QList<int>, after);
        QFETCH(int, kept);
        const MergePlan plan = planMerge(keys(before), keys(after));
        QCOMPARE(apply(keys(before), keys(after), plan), keys(after));
        int removed = 0;
        for (const auto &r : plan.removals)
            removed += r.count;
        QCOMPARE(before.size() - removed, kept);
        // Same rows with a new version: nothing moves, every row is reported changed.
        const MergePlan versions = planMerge(keys(after, 1), keys(after, 2));
        QVERIFY(versions.removals.isEmpty() && versions.insertions.isEmpty());
        QCOMPARE(versions.changed.size(), after.size());
    }

    void listModelLoadsWindowsAndMerges()
    {
        CacheFixture cache;
        QVERIFY(cache.open());
        QList<ScenarioRun> runs;
        for (int i = 0; i < 250; ++i)
            runs << scenarioRun(i, u"agent-1"_s, T0 + i * 1000);
        QVERIFY(cache.write(runs));
        QVERIFY(TrajectoryBuilder(cache.writer()).build().ok());

        ReadWorker reader(cache.path());
        TrajectoryListModel model(&reader);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&model, &TrajectoryListModel::refreshed);
        model.setQuery({});
        QVERIFY(refreshed.wait());
        QCOMPARE(model.rowCount(), 250);
        QCOMPARE(model.columnCount(), int(TrajectoryListModel::ColumnCount));
        // Rows arrive by window: a placeholder first, then the data.
        QCOMPARE(model.index(0, TrajectoryListModel::SummaryColumn).data().toString(), u"…"_s);
        QTRY_VERIFY(model.index(0, 0).data(TrajectoryListModel::LoadedRole).toBool());
        QCOMPARE(model.index(0, 0).data(TrajectoryListModel::RunIdRole).toString(), u"run-000249"_s); // newest first
        QCOMPARE(dump(model, 3), (QStringList{u"failed|N/A|1"_s, u"failed|N/A|1"_s, u"completed|N/A|3"_s}));
        QVERIFY(model.index(0, 0).data(TrajectoryListModel::IsNewRole).toBool());
        QVERIFY(!model.index(0, 0).data(TrajectoryListModel::ScoreRole).isValid());

        // A persistent index (a selection) on an older row survives new rows arriving on top.
        const QPersistentModelIndex selected = model.index(10, 0);
        const qint64 selectedId = selected.data(TrajectoryListModel::TrajectoryIdRole).toLongLong();
        QList<ScenarioRun> more;
        for (int i = 250; i < 255; ++i)
            more << scenarioRun(i, u"agent-1"_s, T0 + i * 1000);
        QVERIFY(cache.write(more));
        QVERIFY(TrajectoryBuilder(cache.writer()).build().ok());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.refresh();
        QVERIFY(refreshed.wait());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 255);
        QCOMPARE(selected.row(), 15);
        QCOMPARE(selected.data(TrajectoryListModel::TrajectoryIdRole).toLongLong(), selectedId);

        // An annotation changes one row: dataChanged for it, nothing else moves.
        QVERIFY(cache.writer().transact([selectedId](store::Database &db) -> Result<store::ChangeSet> {
            auto seq = bumpMetaCounter(db, kRowSeqKey);
            Annotation a;
            a.humanScore = 0.9;
            if (auto s = TrajectoryWriter(db).setAnnotation(selectedId, a, *seq, 1); !s)
                return s.error();
            return store::ChangeSet{};
        }).result());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.refresh();
        QVERIFY(refreshed.wait());
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.constFirst().at(0).toModelIndex().row(), 15);
        QTRY_COMPARE(selected.data(TrajectoryListModel::HumanScoreRole).toDouble(), 0.9);
        QCOMPARE(resets.count(), 0);

        // A filter is a new list.
        TrajectoryQuery failedOnly;
        failedOnly.filters.executionStatuses = {u"failed"_s};
        model.setQuery(failedOnly);
        QVERIFY(refreshed.wait());
        QVERIFY(model.rowCount() > 0 && model.rowCount() < 255);
        QTRY_VERIFY(loaded(model) || model.rowCount() > 100);
        QCOMPARE(model.index(0, 0).data(TrajectoryListModel::ExecutionStatusRole).toString(), u"failed"_s);
    }

    void jobModelFollowsTheQueue()
    {
        CacheFixture cache;
        QVERIFY(cache.open());
        QList<ScenarioRun> runs;
        for (int i = 0; i < 6; ++i)
            runs << scenarioRun(i, u"agent-1"_s, T0 + i);
        QVERIFY(cache.write(runs));
        QVERIFY(TrajectoryBuilder(cache.writer()).build().ok());
        ReadWorker reader(cache.path());
        ProcessingJobModel model(&reader);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(&model, &ProcessingJobModel::refreshed);
        model.refresh();
        QVERIFY(refreshed.wait());
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.index(0, ProcessingJobModel::StateColumn).data().toString(), u"queued"_s);
        QVERIFY(model.index(0, 0).data(ProcessingJobModel::CanCancelRole).toBool());
        QCOMPARE(model.index(0, ProcessingJobModel::StagesColumn).data().toString(), u"summary, score, labels, embedding, decisions"_s);

        RunnerConfig config;
        config.idlePollMs = 20;
        JobRunner runner(cache.writer(), BackendSet::uniform(std::make_shared<LocalBackend>()), config);
        QVERIFY(runner.start());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     model.refresh();
                                     refreshed.wait(1000);
                                     return model.index(model.rowCount() - 1, ProcessingJobModel::StateColumn).data().toString() == u"succeeded";
                                 }()),
                                 10000);
        runner.stop();
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.rowCount(), 6);
        for (int r = 0; r < 6; ++r) {
            QCOMPARE(model.index(r, ProcessingJobModel::StateColumn).data().toString(), u"succeeded"_s);
            QCOMPARE(model.index(r, ProcessingJobModel::ProgressColumn).data().toString(), u"100%"_s);
            QVERIFY(!model.index(r, 0).data(ProcessingJobModel::CanCancelRole).toBool());
        }
    }
};

QTEST_MAIN(TestTrajectoryModels)
#include "tst_trajectorymodels.moc"
