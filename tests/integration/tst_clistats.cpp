// SPDX-License-Identifier: MIT
// `lettascope-cli stats` against a cache synced from the demo server on 127.0.0.1: its total_runs is the
// number of runs `list runs` prints for the same filters, and its buckets add up.
#include "clirunner.h"
#include "demo/demoserverthread.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace testsupport;

namespace {

CliResult runCli(const QStringList &arguments)
{
    return runProgram(QStringLiteral(LETTASCOPE_CLI), arguments);
}

} // namespace

class TestCliStats : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<demo::DemoServerThread> m_demo;
    QString m_db;

    QJsonArray listRuns(const QStringList &filters)
    {
        const CliResult list = runCli(QStringList{u"--cache"_s, m_db, u"list"_s, u"runs"_s, u"--json"_s, u"--limit"_s,
                                                  u"1000000"_s} + filters);
        if (list.exitCode != 0)
            qFatal("list runs failed: %s", list.err.constData());
        return QJsonDocument::fromJson(list.out).array();
    }

    QJsonObject stats(const QStringList &filters)
    {
        const CliResult stats = runCli(QStringList{u"--cache"_s, m_db, u"stats"_s, u"--json"_s} + filters);
        if (stats.exitCode != 0)
            qFatal("stats failed: %s", stats.err.constData());
        return QJsonDocument::fromJson(stats.out).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        demo::DemoConfig config;
        config.agents = 3;
        config.runsPerAgent = 30;
        m_demo = std::make_unique<demo::DemoServerThread>(config);
        QVERIFY(m_demo->start());
        m_db = m_dir.filePath(u"stats.db"_s);
        const CliResult sync = runCli({u"--cache"_s, m_db, u"sync"_s, u"--server"_s, m_demo->url().toString()});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
    }

    void totalRunsMatchesList_data()
    {
        QTest::addColumn<QStringList>("filters");
        QTest::addColumn<QString>("bucket");
        QTest::addRow("everything") << QStringList{} << u"day"_s;
        QTest::addRow("weeks") << QStringList{} << u"week"_s;
        const QJsonArray runs = listRuns({});
        QVERIFY(runs.size() > 10);
        const QString agent = runs.first().toObject().value(u"agent_id"_s).toString();
        QTest::addRow("one agent") << QStringList{u"--agent"_s, agent} << u"day"_s;
        // The run at the middle of the list (newest first) splits the history.
        const QString since = runs[runs.size() / 2].toObject().value(u"created_at"_s).toString();
        QTest::addRow("since") << QStringList{u"--since"_s, since} << u"week"_s;
        QTest::addRow("agent and since") << QStringList{u"--agent"_s, agent, u"--since"_s, since} << u"day"_s;
    }

    void totalRunsMatchesList()
    {
        QFETCH(QStringList, filters);
        QFETCH(QString, bucket);
        const QJsonArray runs = listRuns(filters);
        const QJsonObject json = stats(filters + QStringList{u"--bucket"_s, bucket});
        QVERIFY(!runs.isEmpty());
        QCOMPARE(json.value(u"total_runs"_s).toInteger(-1), runs.size());
        QCOMPARE(json.value(u"bucket"_s).toString(), bucket);

        qint64 bucketed = 0;
        qint64 completed = 0;
        for (const QJsonValue &b : json.value(u"buckets"_s).toArray()) {
            bucketed += b.toObject().value(u"runs"_s).toInteger();
            completed += b.toObject().value(u"completed"_s).toInteger();
        }
        QCOMPARE(bucketed, runs.size()); // demo runs all have a creation time
        qint64 listedCompleted = 0;
        for (const QJsonValue &run : runs)
            listedCompleted += run.toObject().value(u"status"_s).toString() == u"completed" ? 1 : 0;
        QCOMPARE(completed, listedCompleted);
        qint64 leaderboardRuns = 0;
        for (const QJsonValue &row : json.value(u"leaderboard"_s).toArray())
            leaderboardRuns += row.toObject().value(u"runs"_s).toInteger();
        QCOMPARE(leaderboardRuns, runs.size());
    }

    void notReportedIsNull()
    {
        // Demo steps report prompt and completion tokens; nothing is silently 0 when a run has none.
        const QJsonObject json = stats({});
        const QJsonObject perRun = json.value(u"tokens"_s).toObject().value(u"per_run"_s).toObject();
        QVERIFY(perRun.value(u"prompt"_s).toDouble() > 0);
        for (const QJsonValue &b : json.value(u"buckets"_s).toArray()) {
            const QJsonObject bucket = b.toObject();
            if (bucket.value(u"completed"_s).toInt() + bucket.value(u"failed"_s).toInt()
                    + bucket.value(u"cancelled"_s).toInt() == 0)
                QVERIFY(bucket.value(u"success_rate"_s).isNull());
        }
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("bucket") << QStringList{u"--bucket"_s, u"month"_s};
        QTest::addRow("since") << QStringList{u"--since"_s, u"yesterday-ish"_s};
        QTest::addRow("positional") << QStringList{u"runs"_s};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const CliResult result = runCli(QStringList{u"--cache"_s, m_db, u"stats"_s} + arguments);
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(result.err.trimmed().count('\n'), 0); // one line
    }
};

QTEST_GUILESS_MAIN(TestCliStats)
#include "tst_clistats.moc"
