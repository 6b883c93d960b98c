// SPDX-License-Identifier: MIT
// Client + REST source + sync engine + store against the demo Letta server on 127.0.0.1, with every
// fault the demo can inject. The invariant throughout: a faulted sync may fail, but it never crashes,
// never corrupts or deletes the cache, and a clean sync afterwards ends exactly where a clean sync ends.
#include "cachecounts.h"

#include "demo/demofaults.h"
#include "demo/demoserverthread.h"
#include "net/httpclient.h"
#include "net/networkthread.h"
#include "session/opencache.h"
#include "store/queries/searchqueries.h"
#include "store/sqlite.h"
#include "store/storewriter.h"
#include "sync/restsource.h"
#include "sync/syncengine.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace testsupport;

namespace {

demo::DemoConfig smallDataset()
{
    demo::DemoConfig config;
    config.agents = 3;
    config.runsPerAgent = 15;
    return config;
}

class RestSyncHarness
{
public:
    explicit RestSyncHarness(const QUrl &server) : m_server(server)
    {
        net::ServerEndpoint endpoint;
        endpoint.baseUrl = server;
        m_network.client()->setEndpoint(endpoint);
        // Quick retries keep the fault table fast; Retry-After is still honoured as sent.
        net::HttpOptions options;
        options.backoffBaseMs = 20;
        options.backoffMaxMs = 100;
        m_network.client()->setOptions(options);
    }

    sync::SyncReport sync(const QString &cachePath, sync::SyncOptions options = {})
    {
        store::StoreWriter writer;
        if (auto opened = session::openCache(writer, cachePath); !opened) {
            sync::SyncReport failed;
            failed.fatal = opened.error();
            return failed;
        }
        sync::RestSource source(m_network.client());
        sync::SyncEngine engine(writer);
        options.stepMetricsBudget = std::numeric_limits<qint64>::max();
        return engine.run(source, {u"url:test"_s, u"demo"_s, m_server.toString(), u"rest"_s, {}}, options);
    }

private:
    QUrl m_server;
    net::NetworkThread m_network;
};

QString failedResources(const sync::SyncReport &report)
{
    QStringList failed;
    for (const auto &resource : report.resources) {
        if (!resource.ok)
            failed << resource.resource;
    }
    return failed.join(u',');
}

} // namespace

class TestRestSync : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<demo::DemoServerThread> m_demo;
    std::unique_ptr<RestSyncHarness> m_harness;
    QString m_baselinePath;
    CacheCounts m_baseline;
    int m_cacheSerial = 0;

    QString freshCache() { return m_dir.filePath(u"cache-%1.db"_s.arg(++m_cacheSerial)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = std::make_unique<demo::DemoServerThread>(smallDataset());
        auto port = m_demo->start();
        QVERIFY2(port, qPrintable(port ? QString() : port.error().message));
        m_harness = std::make_unique<RestSyncHarness>(m_demo->url());
        m_baselinePath = freshCache();
        const sync::SyncReport report = m_harness->sync(m_baselinePath);
        QVERIFY2(report.ok(), qPrintable(report.summary()));
        m_baseline = readCacheCounts(m_baselinePath);
    }

    void cleanup() { m_demo->faults().clear(); }

    void fullSyncMirrorsTheServer()
    {
        const auto expected = m_demo->store().read([](const demo::DemoDataset &data) {
            return CacheCounts{qint64(data.agents.size()), qint64(data.runs.size()), 0,
                               qint64(data.steps.size()), 0, qint64(data.jobs.size()), 0};
        });
        QCOMPARE(m_baseline.agents, expected.agents);
        QCOMPARE(m_baseline.runs, expected.runs);
        QCOMPARE(m_baseline.steps, expected.steps);
        QCOMPARE(m_baseline.jobs, expected.jobs);
        // Every run's messages arrive: each run has at least its user message and a reply.
        QVERIFY2(m_baseline.messages >= 2 * expected.runs, qPrintable(m_baseline.toString()));
        QVERIFY(m_baseline.resources > 0);
        QCOMPARE(integrityCheck(m_baselinePath), u"ok"_s);
    }

    void idleSyncChangesNothing()
    {
        const QString path = freshCache();
        QVERIFY(QFile::copy(m_baselinePath, path));
        const sync::SyncReport report = m_harness->sync(path);
        QVERIFY2(report.ok(), qPrintable(report.summary()));
        QVERIFY2(report.changes.runIds.isEmpty(), qPrintable(report.summary()));
        QCOMPARE(readCacheCounts(path), m_baseline);
        // A handful of "anything newer?" pages, never a re-walk of the history.
        QVERIFY2(report.requests() < 40, qPrintable(report.summary()));
    }

    void faultedSyncRecovers_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<bool>("firstSyncOk");
        QTest::addColumn<QString>("failedResource"); // a resource named in the failure, or empty

        QTest::newRow("latency") << u"latency:ms=150,first=6"_s << true << QString();
        QTest::newRow("429 with Retry-After") << u"429:path=/v1/runs/,first=2,retry-after=1"_s << true << QString();
        QTest::newRow("503 retried") << u"503:first=3"_s << true << QString();
        QTest::newRow("502 html retried") << u"502:path=/v1/agents/,first=2"_s << true << QString();
        QTest::newRow("500 on runs persists") << u"500:path=/v1/runs/"_s << false << u"runs"_s;
        QTest::newRow("truncated body retried") << u"truncate:path=/v1/messages/,first=1"_s << true << QString();
        QTest::newRow("malformed steps page") << u"malformed:path=/v1/steps/,first=1"_s << false << u"steps"_s;
        QTest::newRow("malformed jobs") << u"malformed:path=/v1/jobs/"_s << false << u"jobs"_s;
        QTest::newRow("steps endpoint answers 400") << u"steps-400"_s << true << QString();
    }

    void faultedSyncRecovers()
    {
        QFETCH(QString, fault);
        QFETCH(bool, firstSyncOk);
        QFETCH(QString, failedResource);

        auto rule = demo::FaultRule::parse(fault);
        QVERIFY2(rule, qPrintable(rule ? QString() : rule.error().message));
        m_demo->faults().add(*rule);
        const QString path = freshCache();
        const sync::SyncReport faulted = m_harness->sync(path);
        QVERIFY2(faulted.ok() == firstSyncOk, qPrintable(faulted.summary()));
        QCOMPARE(faulted.fatal.kind, ErrorKind::None);
        if (!failedResource.isEmpty())
            QVERIFY2(failedResources(faulted).contains(failedResource), qPrintable(faulted.summary()));
        QCOMPARE(integrityCheck(path), u"ok"_s);

        m_demo->faults().clear();
        const sync::SyncReport clean = m_harness->sync(path);
        QVERIFY2(clean.ok(), qPrintable(clean.summary()));
        const CacheCounts counts = readCacheCounts(path);
        QVERIFY2(counts == m_baseline, qPrintable(counts.toString() + u" vs "_s + m_baseline.toString()));
    }

    void failuresNeverDeleteCachedData_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("every request 500") << u"500"_s;
        QTest::newRow("every body malformed") << u"malformed"_s;
        QTest::newRow("every body truncated") << u"truncate"_s;
    }

    void failuresNeverDeleteCachedData()
    {
        QFETCH(QString, fault);
        const QString path = freshCache();
        QVERIFY(QFile::copy(m_baselinePath, path));
        m_demo->faults().add(*demo::FaultRule::parse(fault));
        const sync::SyncReport report = m_harness->sync(path);
        QVERIFY(!report.ok());
        QCOMPARE(readCacheCounts(path), m_baseline);
        QCOMPARE(integrityCheck(path), u"ok"_s);
    }

    void unauthorizedIsFatalAndKeepsTheCache()
    {
        const QString path = freshCache();
        QVERIFY(QFile::copy(m_baselinePath, path));
        m_demo->faults().add(*demo::FaultRule::parse(u"401"));
        const sync::SyncReport report = m_harness->sync(path);
        QCOMPARE(report.fatal.kind, ErrorKind::Auth);
        QCOMPARE(readCacheCounts(path), m_baseline);
    }

    void unknownMessageTypeIsKeptRaw()
    {
        const QString path = freshCache();
        m_demo->faults().add(*demo::FaultRule::parse(u"unknown-type:path=/v1/messages/,first=1"));
        const sync::SyncReport report = m_harness->sync(path);
        QVERIFY2(report.ok(), qPrintable(report.summary()));
        auto db = store::Database::open(path, store::Database::Mode::ReadOnly);
        QVERIFY(db);
        auto statement = db->prepare("SELECT raw FROM messages WHERE message_type = 'hologram_message'");
        QVERIFY(statement);
        auto row = statement->step();
        QVERIFY(row && *row);
        QVERIFY(statement->text(0).contains(u"volumetric"));
    }

    void tenMegabyteMessageIsStoredAndSearchable()
    {
        const QString path = freshCache();
        m_demo->faults().add(*demo::FaultRule::parse(u"huge-message:path=/v1/messages/,first=1"));
        const sync::SyncReport report = m_harness->sync(path);
        QVERIFY2(report.ok(), qPrintable(report.summary()));
        auto db = store::Database::open(path, store::Database::Mode::ReadOnly);
        QVERIFY(db);
        auto statement = db->prepare("SELECT max(length(raw)) FROM messages");
        QVERIFY(statement);
        auto row = statement->step();
        QVERIFY(row && *row);
        QVERIFY(statement->int64(0) >= 10 * 1024 * 1024);
        auto hits = store::searchMessages(*db, 0, u"lazy dog"_s, 5);
        QVERIFY2(hits, qPrintable(hits ? QString() : hits.error().message));
        QVERIFY(!hits->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRestSync)
#include "tst_restsync.moc"
