// SPDX-License-Identifier: MIT
// The typed endpoints against a scripted server: exact paths, explicit includes, repeated-key
// arrays, 0.x parameter names, and pages decoded on the network thread.
// moc does not understand raw strings: JSON in them keeps braces balanced, writes "//" as "\/\/"
// and nested quotes as \u0022.
#include "letta/lettaapi.h"
#include "net/networkthread.h"
#include "letta/parsers.h"
#include "scriptedhttpserver.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::letta;
using namespace lettascope::net;
using testsupport::FakeResponse;
using testsupport::RecordedRequest;
using testsupport::ScriptedHttpServer;

Q_DECLARE_METATYPE(lettascope::ResourceKind)

namespace {
template<typename T>
Result<T> await(const QFuture<Result<T>> &future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 15000))
        return Error{ErrorKind::None, u"test timed out waiting for the future"_s};
    return resultOf(future);
}

ServerInfo serverVersion(const QString &version)
{
    return parseServerInfo(QJsonObject{{u"version"_s, version}, {u"status"_s, u"ok"_s}}).value();
}
} // namespace

class TestLettaApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ScriptedHttpServer> m_server;
    std::unique_ptr<NetworkThread> m_network;
    std::unique_ptr<LettaApi> m_api;

    RecordedRequest lastRequest() const { return m_server->requests().value(m_server->requestCount() - 1); }
    void answer(const QByteArray &body) { m_server->enqueue(FakeResponse::json(body)); }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ScriptedHttpServer>();
        QVERIFY(m_server->listen());
        m_network = std::make_unique<NetworkThread>();
        m_network->client()->setEndpoint(ServerEndpoint{m_server->baseUrl(), u"token"_s, {}});
        m_api = std::make_unique<LettaApi>(m_network->client());
    }

    void cleanup()
    {
        m_api.reset();
        m_network.reset();
        m_server.reset();
    }

    void healthProbesVersion()
    {
        answer(R"({"version":"0.11.7","status":"ok"})");
        const auto info = await(m_api->health());
        QVERIFY(info.ok());
        QCOMPARE(lastRequest().path, u"/v1/health/"_s);
        QCOMPARE(info->version, u"0.11.7"_s);
        QVERIFY(info->runsAreJobs());
    }

    void agentsAlwaysSendIncludes()
    {
        answer(R"([{"id":"agent-1","name":"a","tags":["x"]},{"id":"agent-2","name":"b"}])");
        AgentQuery query;
        query.limit = 2;
        query.after = u"agent-0"_s;
        query.order = SortOrder::Ascending;
        query.tags = {u"x"_s, u"y"_s};
        const auto page = await(m_api->listAgents(query));
        QVERIFY(page.ok());
        const RecordedRequest request = lastRequest();
        QCOMPARE(request.path, u"/v1/agents/"_s);
        QCOMPARE(request.values(u"include"_s), defaultAgentIncludes());
        QCOMPARE(request.values(u"tags"_s), (QStringList{u"x"_s, u"y"_s}));
        QCOMPARE(request.values(u"limit"_s), QStringList{u"2"_s});
        QCOMPARE(request.values(u"after"_s), QStringList{u"agent-0"_s});
        QCOMPARE(request.values(u"order"_s), QStringList{u"asc"_s});
        QCOMPARE(page->items.size(), 2);
        QCOMPARE(page->limit, 2);
        QVERIFY(!page->isLastPage());
        QCOMPARE(page->lastId, u"agent-2"_s);

        answer(R"({"id":"agent-1","name":"a"})");
        QCOMPARE(await(m_api->agent(u"agent-1"_s))->name, u"a"_s);
        QCOMPARE(lastRequest().path, u"/v1/agents/agent-1"_s);
        QCOMPARE(lastRequest().values(u"include"_s), defaultAgentIncludes());
    }

    void agentMessagesKnowTheirAgent()
    {
        answer(R"([{"id":"message-1","message_type":"user_message","content":"hi"},{"id":"message-2","message_type":"assistant_message","content":"hello","run_id":"run-1"}])");
        MessageQuery query;
        query.limit = 50;
        query.before = u"message-9"_s;
        const auto page = await(m_api->agentMessages(u"agent-1"_s, query));
        QVERIFY(page.ok());
        QCOMPARE(lastRequest().path, u"/v1/agents/agent-1/messages"_s);
        QCOMPARE(lastRequest().values(u"include_err"_s), QStringList{u"true"_s});
        QCOMPARE(lastRequest().values(u"before"_s), QStringList{u"message-9"_s});
        QCOMPARE(page->items.size(), 2);
        QCOMPARE(page->items[0].agentId, u"agent-1"_s);
        QCOMPARE(page->items[1].sequence, 1);
        QCOMPARE(page->items[1].runId, u"run-1"_s);
        QVERIFY(page->isLastPage());
    }

    void runsCurrentServer()
    {
        answer(R"([{"id":"run-1","status":"running","agent_id":"agent-1"}])");
        RunQuery query;
        query.agentId = u"agent-1"_s;
        query.statuses = {u"running"_s, u"created"_s};
        query.limit = 5000;
        query.order = SortOrder::Descending;
        query.before = u"run-0"_s;
        query.stopReason = u"end_turn"_s;
        const auto page = await(m_api->listRuns(query));
        QVERIFY(page.ok());
        const RecordedRequest request = lastRequest();
        QCOMPARE(request.path, u"/v1/runs/"_s);
        QCOMPARE(request.values(u"agent_id"_s), QStringList{u"agent-1"_s});
        QCOMPARE(request.values(u"statuses"_s), (QStringList{u"running"_s, u"created"_s}));
        QCOMPARE(request.values(u"limit"_s), QStringList{u"1000"_s}); // the route's maximum
        QCOMPARE(request.values(u"order"_s), QStringList{u"desc"_s});
        QCOMPARE(request.values(u"before"_s), QStringList{u"run-0"_s});
        QCOMPARE(request.values(u"stop_reason"_s), QStringList{u"end_turn"_s});
        QCOMPARE(page->limit, 1000);
        QCOMPARE(page->items.value(0).status, RunStatus::Running);
    }

    void runsOnAZeroXServer()
    {
        m_api->setServerInfo(serverVersion(u"0.11.7"_s));
        answer(R"([{"id":"run-1","status":"pending","metadata":{"agent_id":"agent-1","job_type":"send_message"}}])");
        RunQuery query;
        query.agentId = u"agent-1"_s;
        query.statuses = {u"running"_s};
        query.order = SortOrder::Ascending;
        const auto page = await(m_api->listRuns(query));
        QVERIFY(page.ok());
        const RecordedRequest request = lastRequest();
        QCOMPARE(request.values(u"agent_ids"_s), QStringList{u"agent-1"_s});
        QCOMPARE(request.values(u"ascending"_s), QStringList{u"true"_s});
        QVERIFY(!request.query.hasQueryItem(u"agent_id"_s));
        QVERIFY(!request.query.hasQueryItem(u"statuses"_s));
        QCOMPARE(page->items.value(0).agentId, u"agent-1"_s);

        const int before = m_server->requestCount();
        QCOMPARE(await(m_api->runMetrics(u"run-1"_s)).error().kind, ErrorKind::Unsupported);
        QCOMPARE(m_server->requestCount(), before);

        m_server->enqueue(FakeResponse::json("null"));
        QVERIFY(await(m_api->stepTrace(u"step-1"_s)).ok());
        QCOMPARE(lastRequest().path, u"/v1/telemetry/step-1"_s);
    }

    void runSubResources()
    {
        answer(R"({"id":"run-1","status":"completed","agent_id":"a"})");
        QCOMPARE(await(m_api->run(u"run-1"_s))->status, RunStatus::Completed);
        QCOMPARE(lastRequest().path, u"/v1/runs/run-1"_s);

        answer(R"([{"id":"message-1","message_type":"user_message","content":"go"}])");
        const auto messages = await(m_api->runMessages(u"run-1"_s, PageQuery{{}, u"message-0"_s, 100, SortOrder::Ascending}));
        QCOMPARE(lastRequest().path, u"/v1/runs/run-1/messages"_s);
        QCOMPARE(lastRequest().values(u"after"_s), QStringList{u"message-0"_s});
        QVERIFY(!lastRequest().query.hasQueryItem(u"include_err"_s));
        QCOMPARE(messages->items.value(0).runId, u"run-1"_s);

        answer(R"([{"id":"step-2","run_id":"run-1"},{"id":"step-1","run_id":"run-1"}])");
        QCOMPARE(await(m_api->runSteps(u"run-1"_s))->items.size(), 2);
        QCOMPARE(lastRequest().path, u"/v1/runs/run-1/steps"_s);

        answer(R"({"prompt_tokens":1,"completion_tokens":2,"total_tokens":3})");
        QCOMPARE(await(m_api->runUsage(u"run-1"_s))->totalTokens.value_or(0), 3);
        QCOMPARE(lastRequest().path, u"/v1/runs/run-1/usage"_s);

        answer(R"({"id":"run-1","run_ns":42,"num_steps":2})");
        QCOMPARE(await(m_api->runMetrics(u"run-1"_s))->runNs.value_or(0), 42);
        QCOMPARE(lastRequest().path, u"/v1/runs/run-1/metrics"_s);
    }

    void steps()
    {
        answer(R"([{"id":"step-1"}])");
        StepQuery query;
        query.startDate = u"2025-01-29T15:01:19-08:00"_s;
        query.agentId = u"agent-1"_s;
        query.traceIds = {u"t1"_s, u"t2"_s};
        QVERIFY(await(m_api->listSteps(query)).ok());
        QCOMPARE(lastRequest().path, u"/v1/steps/"_s);
        QCOMPARE(lastRequest().values(u"start_date"_s), QStringList{u"2025-01-29T15:01:19-08:00"_s});
        QCOMPARE(lastRequest().values(u"trace_ids"_s), (QStringList{u"t1"_s, u"t2"_s}));

        answer(R"({"id":"step-1","job_id":"run-1"})");
        QCOMPARE(await(m_api->step(u"step-1"_s))->runId, u"run-1"_s);
        QCOMPARE(lastRequest().path, u"/v1/steps/step-1"_s);

        answer(R"({"id":"step-1","step_ns":7})");
        QCOMPARE(await(m_api->stepMetrics(u"step-1"_s))->stepNs.value_or(0), 7);
        QCOMPARE(lastRequest().path, u"/v1/steps/step-1/metrics"_s);

        answer(R"([{"id":"message-1","message_type":"reasoning_message","reasoning":"r"}])");
        QCOMPARE(await(m_api->stepMessages(u"step-1"_s))->items.value(0).kind, MessageKind::Reasoning);
        QCOMPARE(lastRequest().path, u"/v1/steps/step-1/messages"_s);

        m_server->enqueue(FakeResponse::json("null"));
        const auto noTrace = await(m_api->stepTrace(u"step-1"_s));
        QVERIFY(noTrace.ok());
        QVERIFY(!noTrace->has_value());
        QCOMPARE(lastRequest().path, u"/v1/steps/step-1/trace"_s);
    }

    void orgWideMessagesAndJobs()
    {
        answer(R"([{"id":"message-1","message_type":"user_message","content":"x"}])");
        QVERIFY(await(m_api->listMessages(MessageQuery{})).ok());
        QCOMPARE(lastRequest().path, u"/v1/messages/"_s);
        QVERIFY(!lastRequest().query.hasQueryItem(u"include_err"_s));

        answer(R"([{"id":"job-1","status":"running","job_type":"job"}])");
        JobQuery jobs;
        jobs.active = true;
        QCOMPARE(await(m_api->listJobs(jobs))->items.value(0).status, u"running"_s);
        QCOMPARE(lastRequest().path, u"/v1/jobs/"_s);
        QCOMPARE(lastRequest().values(u"active"_s), QStringList{u"true"_s});

        answer(R"({"id":"job-1","status":"completed"})");
        QCOMPARE(await(m_api->job(u"job-1"_s))->status, u"completed"_s);
        QCOMPARE(lastRequest().path, u"/v1/jobs/job-1"_s);
    }

    void resourceRoutes_data()
    {
        QTest::addColumn<ResourceKind>("kind");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("paged");
        QTest::addRow("tools") << ResourceKind::Tool << u"/v1/tools/"_s << true;
        QTest::addRow("blocks") << ResourceKind::Block << u"/v1/blocks/"_s << true;
        QTest::addRow("mcp servers") << ResourceKind::McpServer << u"/v1/mcp-servers/"_s << false;
        QTest::addRow("folders") << ResourceKind::Folder << u"/v1/folders/"_s << true;
        QTest::addRow("archives") << ResourceKind::Archive << u"/v1/archives/"_s << true;
        QTest::addRow("identities") << ResourceKind::Identity << u"/v1/identities/"_s << true;
        QTest::addRow("models") << ResourceKind::LlmModel << u"/v1/models/"_s << false;
        QTest::addRow("embedding models") << ResourceKind::EmbeddingModel << u"/v1/models/embedding"_s << false;
        QTest::addRow("providers") << ResourceKind::Provider << u"/v1/providers/"_s << true;
        QTest::addRow("groups") << ResourceKind::Group << u"/v1/groups/"_s << true;
        QTest::addRow("sandbox configs") << ResourceKind::SandboxConfig << u"/v1/sandbox-config/"_s << true;
    }
    void resourceRoutes()
    {
        QFETCH(ResourceKind, kind);
        QFETCH(QString, path);
        QFETCH(bool, paged);
        answer(R"([{"id":"x-1","name":"one"},{"id":"x-2","name":"two"}])");
        const auto page = await(m_api->listResources(kind, PageQuery{{}, {}, 2, SortOrder::ServerDefault}));
        QVERIFY(page.ok());
        QCOMPARE(lastRequest().path, path);
        QCOMPARE(lastRequest().query.hasQueryItem(u"limit"_s), paged);
        QCOMPARE(page->items.size(), 2);
        QCOMPARE(page->items[1].kind, kind);
        QCOMPARE(page->limit, paged ? 2 : 0);
    }

    void legacyMcpServerObject()
    {
        answer(R"({"github":{"server_url":"https:\/\/x/sse","type":"sse"},"fs":{"command":"npx","args":["fs"]}})");
        const auto page = await(m_api->listResources(ResourceKind::McpServer));
        QVERIFY(page.ok());
        QCOMPARE(page->items.size(), 2);
        QStringList names;
        for (const Resource &r : page->items)
            names.append(r.name);
        names.sort();
        QCOMPARE(names, (QStringList{u"fs"_s, u"github"_s}));
    }

    void badElementsAndBadBodies()
    {
        answer(R"([{"id":"run-1"},"oops",{"id":"run-3"}])");
        const auto page = await(m_api->listRuns());
        QVERIFY(page.ok());
        QCOMPARE(page->items.size(), 2);
        QCOMPARE(page->skipped, 1);

        answer("[{\"id\":\"run-1\"},"); // cut short
        const auto broken = await(m_api->listRuns());
        QCOMPARE(broken.error().kind, ErrorKind::BadPayload);
        QVERIFY(broken.error().message.startsWith(u"GET /v1/runs/: invalid JSON"_s));

        answer(R"({"detail":"not a list"})");
        QCOMPARE(await(m_api->listRuns()).error().kind, ErrorKind::BadPayload);
    }

    void rawGetAndPathIds()
    {
        answer("17");
        const auto count = await(m_api->get(u"/v1/agents/count"_s, {{u"name"_s, u"x"_s}}));
        QCOMPARE(count->toInt(), 17);
        QCOMPARE(lastRequest().values(u"name"_s), QStringList{u"x"_s});

        m_server->enqueue(FakeResponse::json(R"({"detail":"Run not found"})", 404));
        QCOMPARE(await(m_api->run(u"run-1/../../v1/agents"_s)).error().kind, ErrorKind::NotFound);
        // One segment on the wire: the slashes stay encoded and cannot climb out of /v1/runs/.
        QCOMPARE(lastRequest().target, "/v1/runs/run-1%2F..%2F..%2Fv1%2Fagents"_ba);
        QCOMPARE(pathId(u"a/b c"_s), u"a%2Fb%20c"_s);
    }

    void cancellingAnApiCallAbortsTheRequest()
    {
        m_server->setHandler([](const auto &) { return FakeResponse::of(FakeResponse::Mode::Hang); });
        auto future = m_api->listRuns();
        QTRY_COMPARE(m_server->requestCount(), 1);
        future.cancel();
        QTRY_VERIFY(future.isFinished());
        QCOMPARE(resultOf(future).error().kind, ErrorKind::Cancelled);
        QTRY_COMPARE(m_server->abandonedByClient(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLettaApi)
#include "tst_lettaapi.moc"
