// SPDX-License-Identifier: MIT
#include "demo/demoserverthread.h"
#include "httpget.h"
#include "openapivalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope::demo;
using testsupport::httpGet;
using testsupport::OpenApiValidator;

// Every response the demo server serves, checked against the real Letta OpenAPI spec.
class TestDemoSchema : public QObject
{
    Q_OBJECT

    struct Ids {
        QString agent, approvalAgent, run, failedRun, step, tracedStep, untracedStep, message, job, tool, block,
            folder, archive, identity, group, provider, mcp;
    };

    std::unique_ptr<DemoServerThread> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<OpenApiValidator> m_validator;
    Ids m_ids;

    QString path(QString text) const
    {
        const std::pair<const char *, QString> names[] = {
            {"{agent}", m_ids.agent}, {"{approvalAgent}", m_ids.approvalAgent}, {"{run}", m_ids.run},
            {"{failedRun}", m_ids.failedRun}, {"{step}", m_ids.step}, {"{tracedStep}", m_ids.tracedStep},
            {"{untracedStep}", m_ids.untracedStep}, {"{message}", m_ids.message}, {"{job}", m_ids.job},
            {"{tool}", m_ids.tool}, {"{block}", m_ids.block}, {"{folder}", m_ids.folder}, {"{archive}", m_ids.archive},
            {"{identity}", m_ids.identity}, {"{group}", m_ids.group}, {"{provider}", m_ids.provider}, {"{mcp}", m_ids.mcp}};
        for (const auto &[name, id] : names)
            text.replace(QLatin1StringView(name), id);
        return text;
    }

    testsupport::HttpResult get(const QString &pathAndQuery, const testsupport::HeaderList &headers = {}) const
    {
        return httpGet(*m_network, QUrl(m_server->url().toString() + pathAndQuery), headers);
    }

    void expectValid(const QString &pathTemplate, const testsupport::HttpResult &result) const
    {
        const QStringList errors = m_validator->validateResponse(pathTemplate, u"GET"_s, result.status, result.body);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.mid(0, 8).join(u'\n')));
    }

private Q_SLOTS:
    void initTestCase()
    {
        DemoConfig config;
        config.agents = 8;
        config.runsPerAgent = 40;
        config.anchorMicros = 1'790'000'000LL * 1'000'000;
        m_server = std::make_unique<DemoServerThread>(config);
        QVERIFY(m_server->start());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_validator = std::make_unique<OpenApiValidator>(
            OpenApiValidator::fromFixture(u"letta-openapi/letta-openapi.json"_s));
        m_ids = m_server->store().read([](const DemoDataset &data) {
            auto id = [&](IdKind kind, quint32 index) { return QString::fromLatin1(data.ids.make(kind, index)); };
            Ids ids;
            ids.agent = id(IdKind::Agent, 0);
            for (quint32 i = 0; i < data.agents.size(); ++i) {
                if (data.agents[i].pendingApproval != kNone)
                    ids.approvalAgent = id(IdKind::Agent, i);
            }
            for (quint32 i = 0; i < data.runs.size(); ++i) {
                if (data.runs[i].steps.size() >= 4 && ids.run.isEmpty())
                    ids.run = id(IdKind::Run, i);
                if (data.runs[i].state == RunState::Failed && ids.failedRun.isEmpty())
                    ids.failedRun = id(IdKind::Run, i);
            }
            for (quint32 i = 0; i < data.steps.size(); ++i) {
                if (data.steps[i].providerTrace && ids.tracedStep.isEmpty())
                    ids.tracedStep = id(IdKind::Step, i);
                if (!data.steps[i].providerTrace && ids.untracedStep.isEmpty())
                    ids.untracedStep = id(IdKind::Step, i);
            }
            ids.step = id(IdKind::Step, data.runs[data.ids.decode(IdKind::Run, ids.run).value()].steps.front());
            ids.message = id(IdKind::Message, data.runs.back().messages.front());
            ids.job = id(IdKind::Job, 0);
            ids.tool = id(IdKind::Tool, 3);
            ids.block = id(IdKind::Block, 0);
            ids.folder = id(IdKind::Source, 0);
            ids.archive = id(IdKind::Archive, 0);
            ids.identity = id(IdKind::Identity, 0);
            ids.group = id(IdKind::Group, 0);
            ids.provider = id(IdKind::Provider, 0);
            ids.mcp = id(IdKind::McpServer, 0);
            return ids;
        });
        QVERIFY(!m_ids.approvalAgent.isEmpty());
        QVERIFY(!m_ids.failedRun.isEmpty());
    }

    void cleanupTestCase()
    {
        m_network.reset();
        m_server.reset();
    }

    void endpoint_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<QString>("pathTemplate");
        const QString all = u"include=agent.blocks&include=agent.tools&include=agent.tags&include=agent.identities"
                            "&include=agent.sources&include=agent.managed_group&include=agent.pending_approval"_s;
        const std::pair<QString, QString> rows[] = {
            {u"/v1/health/"_s, u"/v1/health/"_s},
            {u"/v1/agents/"_s, u"/v1/agents/"_s},
            {u"/v1/agents/?"_s + all, u"/v1/agents/"_s},
            {u"/v1/agents/count"_s, u"/v1/agents/count"_s},
            {u"/v1/agents/{agent}"_s, u"/v1/agents/{agent_id}"_s},
            {u"/v1/agents/{approvalAgent}?"_s + all, u"/v1/agents/{agent_id}"_s},
            {u"/v1/agents/{agent}/tools?limit=100"_s, u"/v1/agents/{agent_id}/tools"_s},
            {u"/v1/agents/{agent}/core-memory/blocks"_s, u"/v1/agents/{agent_id}/core-memory/blocks"_s},
            {u"/v1/agents/{agent}/messages?limit=1000"_s, u"/v1/agents/{agent_id}/messages"_s},
            {u"/v1/runs/?limit=1000"_s, u"/v1/runs/"_s},
            {u"/v1/runs/active"_s, u"/v1/runs/active"_s},
            {u"/v1/runs/{run}"_s, u"/v1/runs/{run_id}"_s},
            {u"/v1/runs/{failedRun}"_s, u"/v1/runs/{run_id}"_s},
            {u"/v1/runs/{run}/messages"_s, u"/v1/runs/{run_id}/messages"_s},
            {u"/v1/runs/{run}/steps"_s, u"/v1/runs/{run_id}/steps"_s},
            {u"/v1/runs/{failedRun}/steps"_s, u"/v1/runs/{run_id}/steps"_s},
            {u"/v1/runs/{run}/usage"_s, u"/v1/runs/{run_id}/usage"_s},
            {u"/v1/runs/{run}/metrics"_s, u"/v1/runs/{run_id}/metrics"_s},
            {u"/v1/steps/?limit=1000"_s, u"/v1/steps/"_s},
            {u"/v1/steps/{step}"_s, u"/v1/steps/{step_id}"_s},
            {u"/v1/steps/{step}/metrics"_s, u"/v1/steps/{step_id}/metrics"_s},
            {u"/v1/steps/{step}/messages"_s, u"/v1/steps/{step_id}/messages"_s},
            {u"/v1/steps/{tracedStep}/trace"_s, u"/v1/steps/{step_id}/trace"_s},
            {u"/v1/steps/{untracedStep}/trace"_s, u"/v1/steps/{step_id}/trace"_s},
            {u"/v1/messages/?limit=1000"_s, u"/v1/messages/"_s},
            {u"/v1/messages/{message}"_s, u"/v1/messages/{message_id}"_s},
            {u"/v1/jobs/"_s, u"/v1/jobs/"_s},
            {u"/v1/jobs/{job}"_s, u"/v1/jobs/{job_id}"_s},
            {u"/v1/tools/"_s, u"/v1/tools/"_s},
            {u"/v1/tools/count"_s, u"/v1/tools/count"_s},
            {u"/v1/tools/{tool}"_s, u"/v1/tools/{tool_id}"_s},
            {u"/v1/blocks/"_s, u"/v1/blocks/"_s},
            {u"/v1/blocks/count"_s, u"/v1/blocks/count"_s},
            {u"/v1/blocks/{block}"_s, u"/v1/blocks/{block_id}"_s},
            {u"/v1/mcp-servers/"_s, u"/v1/mcp-servers/"_s},
            {u"/v1/mcp-servers/{mcp}"_s, u"/v1/mcp-servers/{mcp_server_id}"_s},
            {u"/v1/mcp-servers/{mcp}/tools"_s, u"/v1/mcp-servers/{mcp_server_id}/tools"_s},
            {u"/v1/folders/"_s, u"/v1/folders/"_s},
            {u"/v1/folders/count"_s, u"/v1/folders/count"_s},
            {u"/v1/folders/{folder}"_s, u"/v1/folders/{folder_id}"_s},
            {u"/v1/archives/"_s, u"/v1/archives/"_s},
            {u"/v1/archives/{archive}"_s, u"/v1/archives/{archive_id}"_s},
            {u"/v1/identities/"_s, u"/v1/identities/"_s},
            {u"/v1/identities/count"_s, u"/v1/identities/count"_s},
            {u"/v1/identities/{identity}"_s, u"/v1/identities/{identity_id}"_s},
            {u"/v1/models/"_s, u"/v1/models/"_s},
            {u"/v1/models/embedding"_s, u"/v1/models/embedding"_s},
            {u"/v1/providers/"_s, u"/v1/providers/"_s},
            {u"/v1/providers/{provider}"_s, u"/v1/providers/{provider_id}"_s},
            {u"/v1/groups/"_s, u"/v1/groups/"_s},
            {u"/v1/groups/count"_s, u"/v1/groups/count"_s},
            {u"/v1/groups/{group}"_s, u"/v1/groups/{group_id}"_s},
        };
        for (const auto &[request, pathTemplate] : rows)
            QTest::addRow("%s", qPrintable(request.left(70))) << request << pathTemplate;
    }

    void endpoint()
    {
        QFETCH(QString, request);
        QFETCH(QString, pathTemplate);
        const auto result = get(path(request));
        QCOMPARE(result.status, 200);
        expectValid(pathTemplate, result);
    }

    // Walks whole collections so every variant the generator produces (failed steps, approvals,
    // parallel calls, hidden reasoning, compaction …) is checked, not just one page.
    void everyMessageRunAndStep_data()
    {
        QTest::addColumn<QString>("collection");
        QTest::addColumn<QString>("cursor");
        QTest::addRow("messages") << u"/v1/messages/"_s << u"before"_s;
        QTest::addRow("runs") << u"/v1/runs/"_s << u"before"_s;
        QTest::addRow("steps") << u"/v1/steps/"_s << u"after"_s;
    }
    void everyMessageRunAndStep()
    {
        QFETCH(QString, collection);
        QFETCH(QString, cursor);
        QString next;
        int pages = 0;
        QSet<QString> messageTypes;
        for (;;) {
            const auto result = get(collection + u"?limit=1000"_s + (next.isEmpty() ? QString() : u"&%1=%2"_s.arg(cursor, next)));
            QCOMPARE(result.status, 200);
            expectValid(collection, result);
            if (QTest::currentTestFailed())
                return;
            const QJsonArray page = QJsonDocument::fromJson(result.body).array();
            for (const QJsonValue &item : page)
                messageTypes << item.toObject().value(u"message_type"_s).toString();
            ++pages;
            if (page.size() < 1000)
                break;
            // Message pages come back oldest first (the server's reversal): the next page is before the first.
            next = (collection == u"/v1/messages/" ? page.first() : page.last()).toObject().value(u"id"_s).toString();
        }
        QVERIFY(pages >= 1);
        // Every member of LettaMessageUnion went through the validator.
        if (collection == u"/v1/messages/")
            QCOMPARE(messageTypes.size(), 11);
    }

    void everyAgentWithAllRelationships()
    {
        // A browser-like User-Agent is a legacy client: every relationship is included by default.
        const auto result = get(u"/v1/agents/?limit=100"_s, {{"User-Agent", "Mozilla/5.0"}});
        QCOMPARE(result.status, 200);
        expectValid(u"/v1/agents/"_s, result);
        const QJsonArray agents = QJsonDocument::fromJson(result.body).array();
        QVERIFY(!agents.first().toObject().value(u"tools"_s).toArray().isEmpty());
    }

    void everyProviderTrace()
    {
        const int steps = m_server->store().read([](const DemoDataset &data) { return int(data.steps.size()); });
        for (int i = 0; i < steps; i += 97) {
            const QString id = m_server->store().read(
                [&](const DemoDataset &data) { return QString::fromLatin1(data.ids.make(IdKind::Step, quint32(i))); });
            const auto result = get(u"/v1/steps/%1/trace"_s.arg(id));
            QCOMPARE(result.status, 200);
            expectValid(u"/v1/steps/{step_id}/trace"_s, result);
            if (QTest::currentTestFailed())
                return;
        }
    }

    // /v1/sandbox-config/ is absent from the spec: check the shape of letta-api.md §2.14 by hand.
    void sandboxConfigs()
    {
        const auto result = get(u"/v1/sandbox-config/"_s);
        QCOMPARE(result.status, 200);
        const QJsonArray configs = QJsonDocument::fromJson(result.body).array();
        QCOMPARE(configs.size(), 3);
        const QRegularExpression id(u"^sandbox-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);
        QStringList types;
        for (const QJsonValue &value : configs) {
            const QJsonObject config = value.toObject();
            QVERIFY(id.match(config.value(u"id"_s).toString()).hasMatch());
            types << config.value(u"type"_s).toString();
            QVERIFY(config.value(u"config"_s).isObject());
            QVERIFY(config.value(u"organization_id"_s).isString());
            for (const auto key : {u"created_by_id", u"last_updated_by_id", u"created_at", u"updated_at"})
                QVERIFY(config.contains(key));
            QVERIFY(config.value(u"created_at"_s).toString().endsWith(u'Z'));
        }
        QCOMPARE(types, (QStringList{u"local"_s, u"e2b"_s, u"modal"_s}));
        const auto filtered = get(u"/v1/sandbox-config/?sandbox_type=e2b"_s);
        QCOMPARE(QJsonDocument::fromJson(filtered.body).array().size(), 1);
    }

    // The spec declares no 404 bodies for these routes; the server's are {"detail": "<text>"}.
    void notFoundBodies_data()
    {
        QTest::addColumn<QString>("request");
        const QString unknown = u"123e4567-e89b-42d3-a456-426614174000"_s;
        for (const auto prefix : {u"/v1/agents/agent-", u"/v1/runs/run-", u"/v1/steps/step-", u"/v1/jobs/job-",
                                  u"/v1/tools/tool-", u"/v1/blocks/block-", u"/v1/folders/source-",
                                  u"/v1/archives/archive-", u"/v1/identities/identity-", u"/v1/groups/group-",
                                  u"/v1/providers/provider-", u"/v1/messages/message-", u"/v1/mcp-servers/mcp_server-"})
            QTest::addRow("%s", qPrintable(QString::fromUtf16(prefix))) << QString::fromUtf16(prefix) + unknown;
        QTest::addRow("unknown route") << u"/v1/nothing-here/"_s;
        QTest::addRow("unknown cursor") << u"/v1/runs/?before=run-"_s + unknown;
    }
    void notFoundBodies()
    {
        QFETCH(QString, request);
        const auto result = get(request);
        QCOMPARE(result.status, 404);
        const QJsonObject body = QJsonDocument::fromJson(result.body).object();
        QCOMPARE(body.keys(), QStringList{u"detail"_s});
        QVERIFY(!body.value(u"detail"_s).toString().isEmpty());
    }

    // 422 follows the server (detail is a string, letta-api.md §4), not the spec's HTTPValidationError.
    void validationBodies_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addRow("malformed agent id") << u"/v1/agents/agent-123"_s;
        QTest::addRow("wrong prefix") << u"/v1/runs/step-123e4567-e89b-42d3-a456-426614174000"_s;
        QTest::addRow("uppercase uuid") << u"/v1/steps/step-123E4567-E89B-42D3-A456-426614174000"_s;
        QTest::addRow("limit too large") << u"/v1/runs/?limit=1001"_s;
        QTest::addRow("limit not a number") << u"/v1/tools/?limit=ten"_s;
        QTest::addRow("bad order") << u"/v1/steps/?order=sideways"_s;
        QTest::addRow("bad status") << u"/v1/runs/?statuses=finished"_s;
        QTest::addRow("bad include") << u"/v1/agents/?include=agent.everything"_s;
    }
    void validationBodies()
    {
        QFETCH(QString, request);
        const auto result = get(request);
        QCOMPARE(result.status, 422);
        const QJsonObject body = QJsonDocument::fromJson(result.body).object();
        QVERIFY(body.value(u"trace_id"_s).isString());
        QVERIFY(body.value(u"detail"_s).toString().startsWith(u"[{'type': "_s));
    }
};

QTEST_GUILESS_MAIN(TestDemoSchema)
#include "tst_demoschema.moc"
