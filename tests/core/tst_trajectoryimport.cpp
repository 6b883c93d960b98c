// SPDX-License-Identifier: MIT
// JSONL export and import: a round trip keeps data, enrichment, decisions and annotations; broken lines
// are rejected with their line numbers and never stop the good ones.
#include "cachefixture.h"
#include "store/sqlite.h"
#include "trajectories/metacounter.h"
#include "trajectories/processing/jobqueue.h"
#include "trajectories/processing/jobrunner.h"
#include "trajectories/processing/localbackend.h"
#include "trajectories/trajectorybuilder.h"
#include "trajectories/trajectoryimport.h"
#include "trajectories/trajectoryjson.h"
#include "trajectories/trajectoryqueries.h"
#include "trajectories/trajectorywriter.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::trajectories;
using namespace testsupport;

namespace {

constexpr qint64 T0 = 1'767'225'600'000;

QByteArray exportAll(store::Database &db)
{
    QByteArray out;
    TrajectoryQuery query;
    query.descending = false;
    query.limit = 0;
    // Held in a variable: a range-for over a member of a temporary Result would dangle.
    const auto keys = listTrajectoryKeys(db, query);
    if (!keys)
        return {};
    for (const RowKey &key : *keys) {
        const auto detail = loadTrajectoryDetail(db, key.rowId);
        if (detail && *detail)
            out += QJsonDocument(recordJson(**detail)).toJson(QJsonDocument::Compact) + '\n';
    }
    return out;
}

ImportReport importBytes(CacheFixture &cache, const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return importTrajectories(cache.writer(), buffer);
}

} // namespace

class TestTrajectoryImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        CacheFixture source;
        QVERIFY(source.open());
        QVERIFY(source.write(scenarioRuns(0, 8)));
        QVERIFY(TrajectoryBuilder(source.writer()).build().ok());
        RunnerConfig config;
        config.idlePollMs = 20;
        JobRunner runner(source.writer(), BackendSet::uniform(std::make_shared<LocalBackend>()), config);
        QVERIFY(runner.start());
        auto db = source.read();
        QTRY_COMPARE_WITH_TIMEOUT(jobqueue::stats(db)->succeeded, 8, 10000);
        runner.stop();
        QVERIFY(source.writer().transact([](store::Database &w) -> Result<store::ChangeSet> {
            Annotation a;
            a.humanScore = 0.0; // a zero is a score, not a missing one
            a.tags = {u"reviewed"_s};
            a.note = u"wrong tool"_s;
            if (auto s = TrajectoryWriter(w).setAnnotation(1, a, *bumpMetaCounter(w, kRowSeqKey), T0); !s)
                return s.error();
            return store::ChangeSet{};
        }).result());
        const QByteArray exported = exportAll(db);
        QCOMPARE(exported.count('\n'), 8);
        const QJsonObject first = QJsonDocument::fromJson(exported.left(exported.indexOf('\n'))).object();
        QStringList dataKeys = first.value(u"data"_s).toObject().keys();
        dataKeys.sort();
        QCOMPARE(dataKeys, (QStringList{u"metadata"_s, u"outcome"_s, u"run_id"_s, u"turns"_s}));
        QCOMPARE(first.value(u"annotations"_s).toObject().value(u"human_score"_s).toDouble(-1), 0.0);

        CacheFixture target;
        QVERIFY(target.open());
        const ImportReport report = importBytes(target, exported);
        QVERIFY2(report.ok(), qPrintable(report.error.toString()));
        QCOMPARE(report.imported, 8);
        QVERIFY(report.rejected.isEmpty());
        QCOMPARE(report.queued, 8); // embeddings are not exported: every import needs one
        auto imported = target.read();
        QCOMPARE(jobqueue::list(imported, 1)->constFirst().stages, stageBit(Stage::Embedding));
        // Everything but provenance and ids survives: compare the records field by field.
        const QList<QByteArray> before = exported.split('\n');
        const QList<QByteArray> after = exportAll(imported).split('\n');
        QCOMPARE(after.size(), before.size());
        for (int i = 0; i + 1 < before.size(); ++i) {
            QJsonObject a = QJsonDocument::fromJson(before[i]).object();
            QJsonObject b = QJsonDocument::fromJson(after[i]).object();
            for (const QString &key : {u"data"_s, u"searchable_summary"_s, u"outcome_score"_s, u"score_reasoning"_s, u"tags"_s,
                                       u"task_category"_s, u"complexity_level"_s, u"trajectory_metadata"_s, u"decisions"_s,
                                       u"agent_id"_s, u"id"_s, u"created_at"_s})
                QCOMPARE(b.value(key), a.value(key));
            QCOMPARE(b.value(u"annotations"_s).toObject().value(u"note"_s), a.value(u"annotations"_s).toObject().value(u"note"_s));
            const QJsonObject origin = b.value(u"enrichment"_s).toObject().value(u"score"_s).toObject();
            QCOMPARE(origin.value(u"backend"_s).toString(), u"import"_s);
            QCOMPARE(origin.value(u"model"_s).toString(), u"local/criteria-v1"_s);
        }
        // Importing the same file again changes nothing but queues nothing new either.
        const ImportReport again = importBytes(target, exported);
        QCOMPARE(again.imported, 8); // enrichment is re-applied, so it counts as imported
        QVERIFY(again.rejected.isEmpty());
    }

    void brokenLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("reason");
        QTest::addRow("not JSON") << QByteArray("{\"data\": ") << u"not JSON"_s;
        QTest::addRow("an array") << QByteArray("[1, 2, 3]") << u"not a JSON object"_s;
        QTest::addRow("no data") << QByteArray(R"({"id": "x"})") << u"no \"data\" object"_s;
        QTest::addRow("no run id") << QByteArray(R"({"data": {"turns": []}})") << u"data.run_id is missing"_s;
        QTest::addRow("turns not a list") << QByteArray(R"({"data": {"run_id": "r", "turns": 3}})") << u"data.turns is not a list"_s;
        QTest::addRow("score out of range") << QByteArray(R"({"data": {"run_id": "r", "turns": []}, "outcome_score": 1.7})")
                                            << u"outcome_score must be a number from 0 to 1"_s;
        QTest::addRow("decision without action") << QByteArray(R"({"data": {"run_id": "r", "turns": []}, "decisions": [{}]})")
                                                 << u"decision 0 has no action"_s;
    }

    void brokenLines()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, reason);
        CacheFixture cache;
        QVERIFY(cache.open());
        const QByteArray good1 = R"({"agent_id": "a1", "data": {"run_id": "run-1", "metadata": {"status": "completed"}, "turns": [], "outcome": {"type": "success"}}})";
        const QByteArray bare = R"({"run_id": "run-2", "metadata": {}, "turns": [], "outcome": {"execution": {"status": "failed"}}})";
        const ImportReport report = importBytes(cache, good1 + '\n' + line + '\n' + bare + '\n');
        QVERIFY(report.ok());
        QCOMPARE(report.imported, 2);
        QCOMPARE(report.rejected.size(), 1);
        QVERIFY2(report.rejected.constFirst().startsWith(u"line 2: "_s + reason), qPrintable(report.rejected.constFirst()));
        auto db = cache.read();
        auto rows = listTrajectories(db, {});
        QCOMPARE(rows->size(), 2);
        QStringList statuses{rows->at(0).executionStatus, rows->at(1).executionStatus};
        statuses.sort();
        // The legacy outcome.type still reads as an execution status.
        QCOMPARE(statuses, (QStringList{u"completed"_s, u"failed"_s}));
        QVERIFY(rows->at(0).imported);
    }
};

QTEST_GUILESS_MAIN(TestTrajectoryImport)
#include "tst_trajectoryimport.moc"
