// SPDX-License-Identifier: MIT
#include "demo/demoserverthread.h"
#include "httpget.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope::demo;
using testsupport::httpGet;

// The demo server over real HTTP: keep-alive, faults, auth, request log, mutations and live mode.
class TestDemoServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<DemoServerThread> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;

    testsupport::HttpResult get(const QString &pathAndQuery, const testsupport::HeaderList &headers = {}) const
    {
        return httpGet(*m_network, QUrl(m_server->url().toString() + pathAndQuery), headers);
    }

    QJsonObject getObject(const QString &pathAndQuery) const { return QJsonDocument::fromJson(get(pathAndQuery).body).object(); }
    QJsonArray getArray(const QString &pathAndQuery) const { return QJsonDocument::fromJson(get(pathAndQuery).body).array(); }

    QString newestRunId() const { return getArray(u"/v1/runs/?limit=1"_s).first().toObject().value(u"id"_s).toString(); }

    QString agentId(quint32 index) const
    {
        return m_server->store().read(
            [&](const DemoDataset &data) { return QString::fromLatin1(data.ids.make(IdKind::Agent, index)); });
    }

private Q_SLOTS:
    void initTestCase()
    {
        DemoConfig config;
        config.agents = 4;
        config.runsPerAgent = 30;
        config.anchorMicros = 1'790'000'000LL * 1'000'000;
        m_server = std::make_unique<DemoServerThread>(config);
        const auto port = m_server->start();
        QVERIFY2(port, qPrintable(port.ok() ? QString() : port.error().message));
        QVERIFY(*port > 0);
        QCOMPARE(m_server->url().port(), int(*port));
    }

    void init()
    {
        // A fresh client per test, so connection counts start from zero.
        m_network = std::make_unique<QNetworkAccessManager>();
        m_server->faults().clear();
        m_server->requestLog().clear();
        m_server->setPassword({});
    }

    void cleanupTestCase()
    {
        m_network.reset();
        m_server->stop();
        m_server->stop(); // idempotent
    }

    void keepAlive()
    {
        for (int i = 0; i < 30; ++i)
            QCOMPARE(get(u"/v1/health/"_s).status, 200);
        QCOMPARE(m_server->requestLog().connectionCount(), 1);

        // Parallel requests use at most QNetworkAccessManager's six connections per host.
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 24; ++i)
            replies << m_network->get(QNetworkRequest(QUrl(m_server->url().toString() + u"/v1/runs/?limit=5"_s)));
        for (QNetworkReply *reply : replies) {
            if (!reply->isFinished())
                QVERIFY(QSignalSpy(reply, &QNetworkReply::finished).wait(10000));
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
        QVERIFY(m_server->requestLog().connectionCount() <= 6);
        QCOMPARE(m_server->requestLog().count(u"/v1/runs/"), 24);
    }

    void requestLog()
    {
        get(u"/v1/runs/?limit=2"_s);
        get(u"/v1/runs/?limit=3"_s);
        get(u"/v1/agents/"_s);
        get(u"/v1/nothing"_s);
        const DemoRequestLog &log = m_server->requestLog();
        QCOMPARE(log.count(), 4);
        QCOMPARE(log.count(u"/v1/runs"), 2);
        QCOMPARE(log.countExact(u"/v1/agents/"), 1);
        const auto entries = log.entries();
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries.first().query, u"limit=2"_s);
        QCOMPARE(entries.last().status, 404);
    }

    void faultStatus_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addRow("429") << u"429:path=/v1/runs/,first=2,retry-after=7"_s << 429 << QByteArray("application/json");
        QTest::addRow("500") << u"500:path=/v1/runs/"_s << 500 << QByteArray("application/json");
        QTest::addRow("502 from a proxy") << u"502:path=/v1/runs/"_s << 502 << QByteArray("text/html");
        QTest::addRow("503") << u"503:path=/v1/runs/"_s << 503 << QByteArray("application/json");
        QTest::addRow("401") << u"401:path=/v1/runs/"_s << 401 << QByteArray("application/json");
    }
    void faultStatus()
    {
        QFETCH(QString, spec);
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        m_server->faults().add(FaultRule::parse(spec).value());
        const auto faulted = get(u"/v1/runs/"_s);
        QCOMPARE(faulted.status, status);
        QCOMPARE(faulted.header("content-type"), contentType);
        if (status == 429)
            QCOMPARE(faulted.header("retry-after"), QByteArray("7"));
        if (status == 401)
            QCOMPARE(faulted.body, QByteArray(R"({"detail":"Unauthorized"})"));
        QCOMPARE(get(u"/v1/agents/"_s).status, 200); // other paths are untouched
    }

    void faultFirstN()
    {
        m_server->faults().add(FaultRule::parse(u"429:path=/v1/runs/,first=2").value());
        QCOMPARE(get(u"/v1/runs/"_s).status, 429);
        QCOMPARE(get(u"/v1/runs/"_s).status, 429);
        QCOMPARE(get(u"/v1/runs/"_s).status, 200);
        QCOMPARE(m_server->requestLog().count(u"/v1/runs/"), 3);
    }

    void faultProbabilityIsSeeded()
    {
        auto pattern = [this] {
            m_server->faults().clear();
            m_server->faults().add(FaultRule::parse(u"500:p=0.5").value());
            QString outcome;
            for (int i = 0; i < 24; ++i)
                outcome += get(u"/v1/health/"_s).status == 500 ? u'x' : u'.';
            return outcome;
        };
        const QString first = pattern();
        QVERIFY(first.contains(u'x') && first.contains(u'.'));
        QCOMPARE(pattern(), first);
    }

    void faultTruncatedBody()
    {
        m_server->faults().add(FaultRule::parse(u"truncate:path=/v1/runs/").value());
        const auto result = get(u"/v1/runs/?limit=50"_s);
        QVERIFY(result.error != QNetworkReply::NoError);
        QCOMPARE(result.status, 200);
        QVERIFY(result.body.size() < result.header("content-length").toLongLong());
        QCOMPARE(get(u"/v1/agents/"_s).status, 200); // the client recovers on a new connection
    }

    void faultMalformedJson()
    {
        m_server->faults().add(FaultRule::parse(u"malformed:path=/v1/runs/").value());
        const auto result = get(u"/v1/runs/?limit=3"_s);
        QCOMPARE(result.status, 200);
        QJsonParseError error;
        QJsonDocument::fromJson(result.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
    }

    void faultUnknownMessageType()
    {
        m_server->faults().add(FaultRule::parse(u"unknown-type").value());
        const QJsonArray runs = getArray(u"/v1/runs/?limit=3"_s);
        QCOMPARE(runs.size(), 3); // not a message list: untouched, and the rule is not consumed
        const QJsonArray messages = getArray(u"/v1/messages/?limit=3"_s);
        QCOMPARE(messages.first().toObject().value(u"message_type"_s).toString(), u"hologram_message"_s);
        QVERIFY(messages.size() > 3);
    }

    void faultHugeMessage()
    {
        const QString run = newestRunId();
        m_server->faults().add(FaultRule::parse(u"huge-message:path=/v1/runs/,first=1").value());
        const auto result = get(u"/v1/runs/%1/messages"_s.arg(run));
        QCOMPARE(result.status, 200);
        QVERIFY(result.body.size() > 10 * 1024 * 1024);
        const QJsonObject huge = QJsonDocument::fromJson(result.body).array().first().toObject();
        QCOMPARE(huge.value(u"message_type"_s).toString(), u"assistant_message"_s);
        QCOMPARE(huge.value(u"content"_s).toString().size(), 10 * 1024 * 1024);
        QVERIFY(get(u"/v1/runs/%1/messages"_s.arg(run)).body.size() < 1024 * 1024);
    }

    void faultStepsBadRequest()
    {
        m_server->faults().add(FaultRule::parse(u"steps-400").value());
        const auto result = get(u"/v1/steps/?limit=5"_s);
        QCOMPARE(result.status, 400);
        QVERIFY(QJsonDocument::fromJson(result.body).object().value(u"detail"_s).toString().startsWith(u"Argument order"_s));
        QCOMPARE(get(u"/v1/runs/%1/steps"_s.arg(newestRunId())).status, 200); // the fallback still works
    }

    void faultLatencyDoesNotBlockOthers()
    {
        m_server->faults().add(FaultRule::parse(u"latency:ms=600,path=/v1/runs/").value());
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *slow = m_network->get(QNetworkRequest(QUrl(m_server->url().toString() + u"/v1/runs/"_s)));
        QSignalSpy slowDone(slow, &QNetworkReply::finished);
        const auto fast = get(u"/v1/health/"_s);
        QCOMPARE(fast.status, 200);
        QVERIFY(slowDone.isEmpty()); // the health check was answered while the slow reply waited
        QVERIFY(slowDone.wait(5000));
        QVERIFY(timer.elapsed() >= 600);
        QCOMPARE(slow->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        slow->deleteLater();
    }

    void faultSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::addRow("plain") << u"502"_s << true;
        QTest::addRow("options") << u"latency:ms=250,p=0.25,path=/v1/"_s << true;
        QTest::addRow("unknown kind") << u"explode"_s << false;
        QTest::addRow("unknown option") << u"429:after=3"_s << false;
        QTest::addRow("bad number") << u"429:first=x"_s << false;
        QTest::addRow("bad probability") << u"500:p=2"_s << false;
        QTest::addRow("no value") << u"500:first"_s << false;
    }
    void faultSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(bool, valid);
        QCOMPARE(FaultRule::parse(spec).ok(), valid);
    }

    void auth()
    {
        m_server->setPassword(u"s3cret"_s);
        const auto refused = get(u"/v1/runs/"_s);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.body, QByteArray(R"({"detail":"Unauthorized"})"));
        QCOMPARE(get(u"/v1/runs/"_s, {{"Authorization", "Bearer wrong"}}).status, 401);
        QCOMPARE(get(u"/v1/runs/"_s, {{"Authorization", "Bearer s3cret"}}).status, 200);
        QCOMPARE(get(u"/v1/runs/"_s, {{"X-BARE-PASSWORD", "password s3cret"}}).status, 200);
        QCOMPARE(get(u"/v1/health/"_s).status, 200);
        m_server->setPassword({});
        QCOMPARE(get(u"/v1/runs/"_s).status, 200);
    }

    void mutations()
    {
        DemoStore &store = m_server->store();
        const QString agent = agentId(0);
        const auto run = store.appendRun(agent);
        QVERIFY(run);
        QCOMPARE(newestRunId(), *run);
        QCOMPARE(getObject(u"/v1/runs/"_s + *run).value(u"status"_s).toString(), u"created"_s);

        QVERIFY(store.addStep(*run));
        QCOMPARE(getObject(u"/v1/runs/"_s + *run).value(u"status"_s).toString(), u"running"_s);
        QCOMPARE(getArray(u"/v1/runs/%1/steps"_s.arg(*run)).size(), 1);

        QVERIFY(store.completeRun(*run, StopReason::EndTurn));
        const QJsonObject done = getObject(u"/v1/runs/"_s + *run);
        QCOMPARE(done.value(u"status"_s).toString(), u"completed"_s);
        QCOMPARE(done.value(u"stop_reason"_s).toString(), u"end_turn"_s);
        QCOMPARE(getArray(u"/v1/runs/%1/messages?order=desc&limit=1"_s.arg(*run)).last().toObject().value(u"message_type"_s).toString(),
                 u"assistant_message"_s);
        // The newest messages of the organisation are this run's (absolute sequence).
        QCOMPARE(getArray(u"/v1/messages/?limit=1"_s).last().toObject().value(u"run_id"_s).toString(), *run);
        const QJsonObject agentState = getObject(u"/v1/agents/"_s + agent);
        QCOMPARE(agentState.value(u"last_stop_reason"_s).toString(), u"end_turn"_s);
        QVERIFY(!agentState.value(u"last_run_completion"_s).isNull());

        const auto failed = store.appendRun(agent);
        QVERIFY(failed);
        QVERIFY(store.completeRun(*failed, StopReason::LlmApiError));
        const QJsonObject failure = getObject(u"/v1/runs/"_s + *failed);
        QCOMPARE(failure.value(u"status"_s).toString(), u"failed"_s);
        QVERIFY(!failure.value(u"metadata"_s).toObject().value(u"error"_s).toString().isEmpty());
        QVERIFY(!store.completeRun(*failed, StopReason::EndTurn)); // already finished
        QVERIFY(!store.addStep(u"run-123e4567-e89b-42d3-a456-426614174000"_s));
    }

    void agentChanges()
    {
        DemoStore &store = m_server->store();
        const QString agent = agentId(1);
        QVERIFY(store.setAgentSystem(agent, u"You are terse."_s));
        QVERIFY(store.setAgentModel(agent, u"google_ai/gemini-2.5-pro"_s));
        QVERIFY(store.setAgentTools(agent, {u"web_search"_s, u"run_code"_s}));
        QVERIFY(store.setBlockValue(agent, u"human"_s, u"Name: Test."_s));
        const QJsonObject state = getObject(u"/v1/agents/%1?include=agent.tools&include=agent.blocks"_s.arg(agent));
        QCOMPARE(state.value(u"system"_s).toString(), u"You are terse."_s);
        QCOMPARE(state.value(u"model"_s).toString(), u"google_ai/gemini-2.5-pro"_s);
        QCOMPARE(state.value(u"llm_config"_s).toObject().value(u"model"_s).toString(), u"gemini-2.5-pro"_s);
        QStringList tools;
        for (const QJsonValue &tool : state.value(u"tools"_s).toArray())
            tools << tool.toObject().value(u"name"_s).toString();
        QCOMPARE(tools, (QStringList{u"web_search"_s, u"run_code"_s}));
        bool found = false;
        for (const QJsonValue &block : state.value(u"blocks"_s).toArray())
            found = found || block.toObject().value(u"value"_s).toString() == u"Name: Test.";
        QVERIFY(found);
        QVERIFY(!store.setAgentModel(agent, u"acme/unknown"_s));
        QVERIFY(!store.setAgentTools(agent, {u"teleport"_s}));
        QVERIFY(!store.setAgentSystem(u"agent-123e4567-e89b-42d3-a456-426614174000"_s, u"x"_s));
    }

    void liveMode()
    {
        const QString before = newestRunId();
        const int runsBefore = m_server->store().read([](const DemoDataset &data) { return int(data.runs.size()); });
        m_server->setLive(true, 20, 200.0);
        QTRY_VERIFY_WITH_TIMEOUT(newestRunId() != before, 5000);
        // New runs go through their steps to a terminal state, visible over HTTP.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonArray runs = getArray(u"/v1/runs/?limit=1000&after=%1&statuses=completed&statuses=failed&statuses=cancelled"_s.arg(before));
                return !runs.isEmpty();
            }(),
            15000);
        m_server->setLive(false);
        const int runsAfter = m_server->store().read([](const DemoDataset &data) { return int(data.runs.size()); });
        QVERIFY(runsAfter > runsBefore);
        // Still one consistent, inverted-paginated list: the newest page then the next one via before.
        const QJsonArray first = getArray(u"/v1/runs/?limit=5"_s);
        const QJsonArray next = getArray(u"/v1/runs/?limit=5&before="_s + first.last().toObject().value(u"id"_s).toString());
        QVERIFY(next.first().toObject().value(u"created_at"_s).toString() < first.last().toObject().value(u"created_at"_s).toString());
    }

    void threadHelperLifecycle()
    {
        DemoConfig config;
        config.agents = 1;
        config.runsPerAgent = 3;
        DemoServerThread server(config);
        const auto port = server.start();
        QVERIFY(port);
        QVERIFY(!server.start()); // already running
        QCOMPARE(httpGet(*m_network, QUrl(server.url().toString() + u"/v1/health/"_s)).status, 200);
        DemoServerThread clash(config);
        QVERIFY(!clash.start(*port)); // the port is taken: an error value, not a crash
        server.stop();
        QVERIFY(!server.isRunning());
        QCOMPARE(httpGet(*m_network, QUrl(server.url().toString() + u"/v1/health/"_s)).status, 0);
    }
};

QTEST_GUILESS_MAIN(TestDemoServer)
#include "tst_demoserver.moc"
