// SPDX-License-Identifier: MIT
// The whole session without a single widget (QCoreApplication: a widget would abort the test): it starts
// the demo, opens its cache with every service, syncs, computes analytics and processes trajectories, switches
// to a profile's cache and back, reports what cannot be activated, and tests connections, all while the
// thread that drives it stays free.
#include "analytics/analyticsresult.h"
#include "analytics/analyticsservice.h"
#include "demo/demoserverthread.h"
#include "letta/profilestore.h"
#include "session/agentaccess.h"
#include "session/appsettings.h"
#include "session/cachereader.h"
#include "session/session.h"
#include "session/syncservice.h"
#include "store/storewriter.h"
#include "trajectories/trajectoryservice.h"
#include "scalarquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;

class TestSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<session::AppSettings> m_settings;
    std::unique_ptr<session::Session> m_session;

    qint64 cachedRuns() const
    {
        auto db = store::Database::open(m_session->cachePath(), store::Database::Mode::ReadOnly);
        return db ? testsupport::scalar(*db, "SELECT count(*) FROM runs") : -1;
    }

    /// A profile saved in the session's store, pointing at `url`.
    letta::ServerProfile saveProfile(const QString &name, const QUrl &url)
    {
        auto profile = letta::ServerProfile::create(name, url);
        [&] { QVERIFY(m_session->profiles().save(profile)); }();
        return profile;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(u"LettascopeTest"_s);
        QStandardPaths::setTestModeEnabled(true);
        m_settings = std::make_unique<session::AppSettings>(
            std::make_unique<QSettings>(m_dir.filePath(u"app.ini"_s), QSettings::IniFormat));
        m_settings->setSyncIntervalSeconds(0);
        m_settings->setStepMetricsBudget(50);
        session::SessionOptions options;
        options.cachePath = m_dir.filePath(u"user-cache.db"_s);
        auto profiles = std::make_unique<letta::ProfileStore>(
            std::make_unique<QSettings>(m_dir.filePath(u"profiles.ini"_s), QSettings::IniFormat));
        m_session = std::make_unique<session::Session>(options, *m_settings, std::move(profiles));
    }

    void cleanupTestCase()
    {
        m_session.reset();
    }

    void startOpensTheDemoWithItsServices()
    {
        QVERIFY(!m_session->writer() && !m_session->analytics() && !m_session->trajectories());
        QSignalSpy active(m_session.get(), &session::Session::activeChanged);
        QSignalSpy synced(m_session->sync(), &session::SyncService::finished);
        QVERIFY(m_session->start());
        // Activation opens the cache on its writer thread: start() returns before it is done.
        QVERIFY(!m_session->active().isValid());
        QVERIFY(active.wait(30'000));
        QVERIFY(m_session->isDemo());
        QVERIFY(m_session->writer() && m_session->analytics() && m_session->trajectories());
        QVERIFY(!m_session->cachePath().startsWith(m_dir.path())); // the demo never writes the user's cache
        QVERIFY(m_session->traceFetcher()); // REST servers keep provider traces
        QVERIFY(synced.wait(120'000));
        QVERIFY2(synced.last().constFirst().value<sync::SyncReport>().ok(),
                 qPrintable(synced.last().constFirst().value<sync::SyncReport>().summary()));
        QVERIFY(cachedRuns() > 0);
    }

    void analyticsComputeOverTheSyncedCache()
    {
        analytics::AnalyticsService *service = m_session->analytics();
        QSignalSpy ready(service, &analytics::AnalyticsService::resultReady);
        service->setFilter({});
        QVERIFY(ready.wait(60'000));
        QCOMPARE(ready.last().constFirst().value<analytics::AnalyticsResult>().totalRuns, cachedRuns());
    }

    void trajectoriesAreProcessedInTheBackground()
    {
        trajectories::TrajectoryService *service = m_session->trajectories();
        QTRY_VERIFY_WITH_TIMEOUT(service->queueStats().open() == 0 && service->queueStats().succeeded > 0, 120'000);
    }

    void switchingToAProfileSwitchesCaches_data()
    {
        QTest::addColumn<bool>("clearFirst");
        QTest::newRow("switch") << false;
        QTest::newRow("after clearing the demo cache") << true;
    }

    void switchingToAProfileSwitchesCaches()
    {
        QFETCH(bool, clearFirst);
        if (clearFirst) {
            QSignalSpy reopened(m_session.get(), &session::Session::activeChanged);
            QVERIFY(m_session->clearCache());
            QVERIFY(reopened.wait(30'000));
            QVERIFY(m_session->isDemo());
        }
        const QString demoCache = m_session->cachePath();
        const letta::ServerProfile profile = saveProfile(u"Local"_s, m_session->demoServer()->url());
        QStringList order;
        connect(m_session.get(), &session::Session::cacheClosing, this, [&order, this] {
            order << u"closing"_s;
            QVERIFY(m_session->writer()); // the old services are still there to let go of
        });
        connect(m_session.get(), &session::Session::cacheOpened, this, [&order] { order << u"opened"_s; });
        QSignalSpy active(m_session.get(), &session::Session::activeChanged);
        QSignalSpy synced(m_session->sync(), &session::SyncService::finished);
        m_session->activate(profile.id);
        QVERIFY(active.wait(30'000));
        QCOMPARE(order, (QStringList{u"closing"_s, u"opened"_s}));
        QCOMPARE(m_session->active().profile.id, profile.id);
        QCOMPARE(m_session->cachePath(), m_dir.filePath(u"user-cache.db"_s));
        QVERIFY(synced.wait(120'000));
        QVERIFY(cachedRuns() > 0);

        m_session->activateDemo();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->isDemo(), 30'000);
        QCOMPARE(m_session->cachePath(), demoCache);
        disconnect(m_session.get(), nullptr, this, nullptr);
        QVERIFY(m_session->profiles().remove(profile.id));
    }

    void agentAccessServesTheOpenCache()
    {
        // Agents reach the open cache over MCP on 127.0.0.1 with the token; the person sees what they asked.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        m_settings->setAgentAccessPort(probe.serverPort());
        probe.close();
        session::AgentAccess &access = m_session->agentAccess();
        QSignalSpy changed(&access, &session::AgentAccess::stateChanged);
        access.start();
        QTRY_VERIFY_WITH_TIMEOUT(access.isRunning(), 30'000);
        QCOMPARE(access.url().port(), int(m_settings->agentAccessPort()));
        QVERIFY(m_settings->agentAccessEnabled());

        QNetworkAccessManager network;
        QNetworkRequest request(access.url());
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader("Authorization", "Bearer " + access.token().toUtf8());
        request.setRawHeader("x-agent-id", "agent-under-test");
        const QByteArray call = R"({"jsonrpc":"2.0","id":1,"method":"tools/call",)"
                                R"("params":{"name":"search_trajectories","arguments":{"query":"memory","min_score":0}}})";
        QSignalSpy called(&access, &session::AgentAccess::called);
        QNetworkReply *reply = network.post(request, call);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(30'000));
        const QJsonObject result = QJsonDocument::fromJson(reply->readAll()).object().value(u"result"_s).toObject();
        reply->deleteLater();
        QVERIFY(result.value(u"structuredContent"_s).toObject().value(u"results"_s).isArray());
        QVERIFY(called.wait(5'000) || called.size() == 1);
        QCOMPARE(access.callCount(), 1);
        QCOMPARE(access.recentCalls().value(0), u"agent-under-test: search_trajectories “memory”"_s);

        access.stop();
        QTRY_VERIFY(!access.isRunning());
        QVERIFY(!m_settings->agentAccessEnabled());
        QTcpServer again; // the port is free once more
        QVERIFY2(again.listen(QHostAddress::LocalHost, quint16(m_settings->agentAccessPort())),
                 qPrintable(again.errorString()));
    }

    void aMissingProfileFailsAndKeepsTheActiveServer()
    {
        QSignalSpy failed(m_session.get(), &session::Session::activationFailed);
        m_session->activate(u"no-such-profile"_s);
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().constFirst().toString().contains(u"no-such-profile"_s));
        QVERIFY(m_session->isDemo());
        QVERIFY(m_session->writer());
    }

    void testConnection_data()
    {
        QTest::addColumn<bool>("reachable");
        QTest::newRow("the demo server") << true;
        QTest::newRow("nothing listening") << false;
    }

    void testConnection()
    {
        QFETCH(bool, reachable);
        QUrl url = m_session->demoServer()->url();
        if (!reachable) {
            QTcpServer closed; // a port that was free a moment ago
            QVERIFY(closed.listen(QHostAddress::LocalHost));
            url.setPort(closed.serverPort());
        }
        const auto profile = letta::ServerProfile::create(u"Probe"_s, url);
        auto future = m_session->testConnection(profile, {});
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 60'000);
        const auto info = future.result();
        QCOMPARE(bool(info), reachable);
        if (reachable)
            QVERIFY(!info->version.isEmpty());
        QVERIFY(m_session->isDemo()); // a probe never touches the active server
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
