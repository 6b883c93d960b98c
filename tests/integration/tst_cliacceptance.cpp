// SPDX-License-Identifier: MIT
// The foundation's acceptance run, as a person types it, against the demo server on 127.0.0.1: sync, list
// every run once, search, sync again with nothing new; exit codes; and a sync killed with SIGKILL at
// several points that resumes into the same cache a clean sync produces.
#include "cachecounts.h"
#include "clirunner.h"

#include "demo/demofaults.h"
#include "demo/demoserverthread.h"
#include "letta/profilestore.h"
#include "letta/serverprofile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace testsupport;

namespace {

CliResult runCli(const QStringList &arguments, int timeoutMs = 120'000,
               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    return runProgram(QStringLiteral(LETTASCOPE_CLI), arguments, timeoutMs, environment);
}

QJsonArray jsonArray(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).array();
}

} // namespace

class TestCliAcceptance : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<demo::DemoServerThread> m_demo;
    QString m_url;
    qint64 m_serverRuns = 0;

    QString cache(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        demo::DemoConfig config;
        config.agents = 4;
        config.runsPerAgent = 40;
        m_demo = std::make_unique<demo::DemoServerThread>(config);
        auto port = m_demo->start();
        QVERIFY(port);
        m_url = m_demo->url().toString();
        m_serverRuns = m_demo->store().read([](const demo::DemoDataset &data) { return qint64(data.runs.size()); });
    }

    void cleanup() { m_demo->faults().clear(); }

    void acceptanceRun()
    {
        const QString db = cache(u"acceptance.db"_s);
        const CliResult sync = runCli({u"--cache"_s, db, u"sync"_s, u"--server"_s, m_url, u"--json"_s});
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        QVERIFY(QJsonDocument::fromJson(sync.out).object().value(u"ok"_s).toBool());

        const CliResult list = runCli({u"--cache"_s, db, u"list"_s, u"runs"_s, u"--json"_s, u"--limit"_s, u"1000000"_s});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray runs = jsonArray(list.out);
        QCOMPARE(runs.size(), m_serverRuns);
        QSet<QString> ids;
        for (const auto &run : runs)
            ids.insert(run.toObject().value(u"id"_s).toString());
        QCOMPARE(ids.size(), m_serverRuns); // every run once

        const CliResult search = runCli({u"--cache"_s, db, u"search"_s, u"error"_s, u"--json"_s});
        QCOMPARE(search.exitCode, 0);
        const QJsonArray hits = jsonArray(search.out);
        QVERIFY(!hits.isEmpty());
        for (const auto &hit : hits)
            QVERIFY2(hit.toObject().value(u"snippet"_s).toString().contains(u"[error"_s, Qt::CaseInsensitive),
                     qPrintable(QString::fromUtf8(QJsonDocument(hit.toObject()).toJson())));

        const CliResult again = runCli({u"--cache"_s, db, u"sync"_s, u"--server"_s, m_url, u"--json"_s});
        QCOMPARE(again.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(again.out).object();
        QCOMPARE(report.value(u"changed_runs"_s).toInt(-1), 0);

        const QString runId = runs.first().toObject().value(u"id"_s).toString();
        const CliResult show = runCli({u"--cache"_s, db, u"show"_s, u"run"_s, runId, u"--json"_s});
        QCOMPARE(show.exitCode, 0);
        const QJsonObject detail = QJsonDocument::fromJson(show.out).object();
        QVERIFY(!detail.value(u"messages"_s).toArray().isEmpty());

        const CliResult csv = runCli({u"--cache"_s, db, u"export"_s, u"runs"_s, u"--format"_s, u"csv"_s});
        QCOMPARE(csv.exitCode, 0);
        QCOMPARE(csv.out.trimmed().count('\n'), m_serverRuns); // header + one line per run
    }

    void profileByName()
    {
        // A profile as the app saves it, in a settings folder of its own.
        QTemporaryDir config;
        const QString settingsFile = config.filePath(u"Lettascope/lettascope.conf"_s);
        letta::ProfileStore profiles(std::make_unique<QSettings>(settingsFile, QSettings::IniFormat));
        const auto profile = letta::ServerProfile::create(u"Staging box"_s, m_demo->url());
        QVERIFY(profiles.save(profile));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"XDG_CONFIG_HOME"_s, config.path());

        const QString db = cache(u"profile.db"_s);
        const CliResult sync = runCli({u"--cache"_s, db, u"--profile"_s, u"staging BOX"_s, u"sync"_s}, 120'000, environment);
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        const CliResult list = runCli({u"--cache"_s, db, u"--profile"_s, u"Staging box"_s, u"list"_s, u"agents"_s,
                                       u"--json"_s}, 120'000, environment);
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(jsonArray(list.out).size(), 4);

        const CliResult unknown = runCli({u"--cache"_s, db, u"--profile"_s, u"prod"_s, u"sync"_s}, 120'000, environment);
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("no server profile 'prod' (saved: Staging box)"), unknown.err.constData());
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no command") << QStringList{} << 1;
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << 1;
        QTest::newRow("unknown list kind") << QStringList{u"list"_s, u"planets"_s} << 1;
        QTest::newRow("bad --since") << QStringList{u"list"_s, u"runs"_s, u"--since"_s, u"yesterdayish"_s} << 1;
        QTest::newRow("sync without server") << QStringList{u"sync"_s} << 1;
        QTest::newRow("server unreachable") << QStringList{u"sync"_s, u"--server"_s, u"http://127.0.0.1:9"_s} << 2;
        QTest::newRow("unknown run") << QStringList{u"show"_s, u"run"_s, u"run-00000000-0000"_s} << 2;
    }

    void exitCodes()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        const CliResult result = runCli(QStringList{u"--cache"_s, cache(u"codes.db"_s)} + arguments);
        QCOMPARE(result.exitCode, exitCode);
        if (exitCode != 0) {
            QCOMPARE(result.err.count('\n'), 1); // one line, for scripts
            QVERIFY(result.err.startsWith("lettascope-cli: "));
        }
    }

    void killedSyncResumes_data()
    {
        QTest::addColumn<int>("killAfterMs");
        QTest::newRow("early") << 250;
        QTest::newRow("middle") << 900;
        QTest::newRow("late") << 1800;
    }

    void killedSyncResumes()
    {
        QFETCH(int, killAfterMs);
        const QString reference = cache(u"reference.db"_s);
        if (!QFile::exists(reference))
            QCOMPARE(runCli({u"--cache"_s, reference, u"sync"_s, u"--server"_s, m_url, u"--step-metrics"_s, u"all"_s}).exitCode, 0);

        // Slow responses stretch the sync so SIGKILL lands inside it, mid-write included.
        m_demo->faults().add(*demo::FaultRule::parse(u"latency:ms=15"));
        const QString db = cache(u"killed-%1.db"_s.arg(killAfterMs));
        QProcess process;
        process.start(QStringLiteral(LETTASCOPE_CLI),
                      {u"--cache"_s, db, u"sync"_s, u"--server"_s, m_url, u"--step-metrics"_s, u"all"_s});
        QVERIFY(process.waitForStarted());
        QTest::qWait(killAfterMs);
        QVERIFY2(process.state() == QProcess::Running, "the sync finished before it could be killed");
        process.kill(); // SIGKILL: no handler runs
        QVERIFY(process.waitForFinished());
        m_demo->faults().clear();

        QCOMPARE(integrityCheck(db), u"ok"_s);
        const CliResult resumed = runCli({u"--cache"_s, db, u"sync"_s, u"--server"_s, m_url, u"--step-metrics"_s, u"all"_s});
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        const CacheCounts counts = readCacheCounts(db);
        const CacheCounts expected = readCacheCounts(reference);
        QVERIFY2(counts == expected, qPrintable(counts.toString() + u" vs "_s + expected.toString()));

        // The same run list, status for status.
        const auto listing = [](const QString &path) {
            return runCli({u"--cache"_s, path, u"export"_s, u"runs"_s, u"--format"_s, u"csv"_s}).out;
        };
        QCOMPARE(listing(db), listing(reference));
    }
};

QTEST_GUILESS_MAIN(TestCliAcceptance)
#include "tst_cliacceptance.moc"
