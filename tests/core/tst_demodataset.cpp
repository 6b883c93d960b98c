// SPDX-License-Identifier: MIT
#include "demo/democontent.h"
#include "demo/demogenerator.h"
#include "demo/demojson.h"
#include "demo/demorouter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope::demo;

namespace {

constexpr qint64 kAnchor = 1'790'000'000LL * 1'000'000; // 2026-09-21T14:13:20Z

DemoConfig config(quint64 seed = 42, int agents = 8, int runsPerAgent = 60, int steps = 5)
{
    DemoConfig result;
    result.seed = seed;
    result.agents = agents;
    result.runsPerAgent = runsPerAgent;
    result.stepsPerRun = steps;
    result.anchorMicros = kAnchor;
    return result;
}

QByteArray serve(const DemoDataset &data, const QString &pathAndQuery)
{
    DemoRequest request;
    const qsizetype question = pathAndQuery.indexOf(u'?');
    request.path = pathAndQuery.left(question);
    if (question >= 0)
        request.query = QUrlQuery(pathAndQuery.mid(question + 1));
    return DemoRouter::handle(data, request).body;
}

// One request per endpoint kind, with ids taken from the dataset itself.
QStringList everyEndpoint(const DemoDataset &data)
{
    auto id = [&](IdKind kind, quint32 index) { return QString::fromLatin1(data.ids.make(kind, index)); };
    const quint32 run = quint32(data.runs.size() / 2);
    const QString runId = id(IdKind::Run, run);
    const QString stepId = id(IdKind::Step, data.runs[run].steps.front());
    const QString agentId = id(IdKind::Agent, 1);
    return {u"/v1/health/"_s, u"/v1/agents/?include=agent.tools&include=agent.blocks"_s, u"/v1/agents/"_s + agentId,
            u"/v1/agents/%1/tools"_s.arg(agentId), u"/v1/agents/%1/core-memory/blocks"_s.arg(agentId),
            u"/v1/agents/%1/messages"_s.arg(agentId), u"/v1/runs/?limit=1000"_s, u"/v1/runs/"_s + runId,
            u"/v1/runs/%1/messages"_s.arg(runId), u"/v1/runs/%1/steps"_s.arg(runId), u"/v1/runs/%1/usage"_s.arg(runId),
            u"/v1/runs/%1/metrics"_s.arg(runId), u"/v1/steps/?limit=1000"_s, u"/v1/steps/"_s + stepId,
            u"/v1/steps/%1/metrics"_s.arg(stepId), u"/v1/steps/%1/messages"_s.arg(stepId),
            u"/v1/steps/%1/trace"_s.arg(stepId), u"/v1/messages/?limit=1000"_s, u"/v1/jobs/"_s, u"/v1/tools/"_s,
            u"/v1/blocks/"_s, u"/v1/mcp-servers/"_s, u"/v1/folders/"_s, u"/v1/archives/"_s, u"/v1/identities/"_s,
            u"/v1/models/"_s, u"/v1/models/embedding"_s, u"/v1/providers/"_s, u"/v1/groups/"_s,
            u"/v1/sandbox-config/"_s};
}

QString normalisedError(QString text)
{
    static const QRegularExpression variable(u"[0-9a-fA-F]*[0-9][0-9a-fA-F]*"_s);
    return text.replace(variable, u"#"_s);
}

} // namespace

class TestDemoDataset : public QObject
{
    Q_OBJECT

    DemoDataset m_data;

private Q_SLOTS:
    void initTestCase() { m_data = generateDataset(config()); }

    void sameSeedSameBytes()
    {
        const DemoDataset again = generateDataset(config());
        for (const QString &request : everyEndpoint(m_data)) {
            const QByteArray first = serve(m_data, request);
            QVERIFY2(first.size() > 2 || request.contains(u"trace"), qPrintable(request));
            QVERIFY2(first == serve(again, request), qPrintable(request));
        }
    }

    void otherSeedOtherData()
    {
        const DemoDataset other = generateDataset(config(7));
        QCOMPARE(other.runs.size(), m_data.runs.size());
        for (const auto request : {u"/v1/runs/?limit=1000", u"/v1/agents/", u"/v1/messages/?limit=1000", u"/v1/steps/"})
            QVERIFY2(serve(m_data, QString::fromUtf16(request)) != serve(other, QString::fromUtf16(request)),
                     qPrintable(QString::fromUtf16(request)));
    }

    void sizeFollowsConfig_data()
    {
        QTest::addColumn<int>("agents");
        QTest::addColumn<int>("runsPerAgent");
        QTest::addColumn<int>("steps");
        QTest::addRow("defaults") << 6 << 40 << 5;
        QTest::addRow("many agents, short runs") << 12 << 25 << 2;
        QTest::addRow("few agents, long runs") << 2 << 80 << 9;
        QTest::addRow("no runs") << 3 << 0 << 5;
    }
    void sizeFollowsConfig()
    {
        QFETCH(int, agents);
        QFETCH(int, runsPerAgent);
        QFETCH(int, steps);
        const DemoDataset data = generateDataset(config(42, agents, runsPerAgent, steps));
        QCOMPARE(int(data.agents.size()), agents);
        QCOMPARE(int(data.runs.size()), agents * runsPerAgent);
        if (runsPerAgent == 0)
            return;
        const double average = double(data.steps.size()) / double(data.runs.size());
        QVERIFY2(average > steps * 0.7 && average < steps * 1.4, qPrintable(QString::number(average)));
        QSet<QString> names;
        for (const AgentRec &agent : data.agents) {
            QVERIFY(!agent.system.isEmpty());
            names << agent.name;
        }
        QCOMPARE(int(names.size()), agents);
    }

    void everyStatusAndStopReason()
    {
        QSet<RunState> states;
        QSet<StopReason> reasons;
        for (const RunRec &run : m_data.runs) {
            states << run.state;
            reasons << run.stopReason;
        }
        QCOMPARE(states.size(), 5);
        for (StopReason reason : {StopReason::EndTurn, StopReason::MaxSteps, StopReason::RequiresApproval,
                                  StopReason::ToolRule, StopReason::Cancelled, StopReason::Error,
                                  StopReason::LlmApiError, StopReason::InvalidToolCall, StopReason::MaxTokensExceeded})
            QVERIFY2(reasons.contains(reason), stopReasonName(reason));
    }

    void onlyTheNewestRunsAreActive()
    {
        const size_t total = m_data.runs.size();
        size_t firstActive = total;
        for (size_t i = 0; i < total; ++i) {
            if (isActive(m_data.runs[i].state)) {
                firstActive = qMin(firstActive, i);
                QVERIFY(m_data.runs[i].completed == 0 && m_data.runs[i].stopReason == StopReason::None);
            }
        }
        QVERIFY(firstActive >= total - total / 50);
        QCOMPARE(m_data.runs.back().state, RunState::Created);
    }

    void everyMessageType()
    {
        QSet<QString> types;
        for (const MessageRec &message : m_data.messages) {
            for (int part = 0; part < json::lettaMessageCount(message); ++part)
                types << QString::fromLatin1(json::lettaMessageType(message, part));
        }
        const QStringList expected{u"system_message"_s, u"user_message"_s, u"assistant_message"_s,
                                   u"reasoning_message"_s, u"hidden_reasoning_message"_s, u"tool_call_message"_s,
                                   u"tool_return_message"_s, u"approval_request_message"_s,
                                   u"approval_response_message"_s, u"summary_message"_s, u"event_message"_s};
        for (const QString &type : expected)
            QVERIFY2(types.contains(type), qPrintable(type));
    }

    void realisticVariety()
    {
        int parallel = 0, approved = 0, denied = 0, toolErrors = 0, stepless = 0, memgptJson = 0, parts = 0;
        for (const MessageRec &message : m_data.messages) {
            parallel += message.kind == MessageKind::ToolCall && message.calls >= 2;
            approved += message.kind == MessageKind::ApprovalResponse && !(message.flags & MessageFlag::Denied);
            denied += message.kind == MessageKind::ApprovalResponse && (message.flags & MessageFlag::Denied);
            toolErrors += message.kind == MessageKind::ToolReturn && (message.flags & MessageFlag::ToolError);
            stepless += message.run != kNone && message.step == kNone;
            parts += (message.flags & MessageFlag::ContentParts) != 0;
            memgptJson += message.kind == MessageKind::User
                && DemoContent(m_data).userContent(message).startsWith("{\"type\": \"user_message\"");
        }
        QVERIFY(parallel > 0 && approved > 0 && denied > 0 && toolErrors > 0 && stepless > 0 && memgptJson > 0 && parts > 0);

        int nullReasoning = 0, reportedReasoning = 0, nullCache = 0;
        for (const StepRec &step : m_data.steps) {
            nullReasoning += step.reasoningTokens < 0;
            reportedReasoning += step.reasoningTokens > 0;
            nullCache += step.cachedTokens < 0;
        }
        QVERIFY(nullReasoning > 0 && reportedReasoning > 0 && nullCache > 0);

        int longRuns = 0, multiModel = 0, background = 0;
        for (const RunRec &run : m_data.runs) {
            int entries = 0;
            for (quint32 message : run.messages)
                entries += json::lettaMessageCount(m_data.messages[message]);
            longRuns += entries >= 40;
            QSet<int> models;
            for (quint32 step : run.steps)
                models << m_data.steps[step].model;
            multiModel += models.size() > 1;
            background += run.background;
        }
        QVERIFY(longRuns > 0 && multiModel > 0 && background > 0);
    }

    void recurringErrorSignatures()
    {
        const DemoContent content(m_data);
        QHash<QString, int> signatures;
        QSet<QString> raw;
        for (quint32 run = 0; run < m_data.runs.size(); ++run) {
            const QString error = QString::fromUtf8(content.runError(run));
            QCOMPARE(error.isEmpty(), m_data.runs[run].state != RunState::Failed);
            if (!error.isEmpty()) {
                ++signatures[normalisedError(error)];
                raw << error;
            }
        }
        // Several signatures recur, and the raw texts differ within a signature.
        QVERIFY(signatures.size() >= 5);
        QVERIFY(raw.size() > signatures.size());
        QVERIFY(std::count_if(signatures.cbegin(), signatures.cend(), [](int n) { return n >= 3; }) >= 3);
    }

    void idsAreValidAndDecode()
    {
        QSet<QByteArray> seen;
        for (quint32 i = 0; i < m_data.runs.size(); ++i) {
            const QByteArray id = m_data.ids.make(IdKind::Run, i);
            QVERIFY(DemoIds::isWellFormed(IdKind::Run, QString::fromLatin1(id)));
            QCOMPARE(m_data.find(IdKind::Run, QString::fromLatin1(id)), std::optional<quint32>(i));
            seen << id;
        }
        QCOMPARE(qsizetype(seen.size()), qsizetype(m_data.runs.size()));
        for (quint32 i = 0; i < m_data.messages.size(); i += 37) {
            const QString id = QString::fromLatin1(m_data.ids.make(IdKind::Message, i));
            QCOMPARE(m_data.find(IdKind::Message, id), std::optional<quint32>(i));
        }
        QVERIFY(!m_data.find(IdKind::Run, u"run-123e4567-e89b-42d3-a456-426614174000"_s));
        QVERIFY(!m_data.find(IdKind::Step, QString::fromLatin1(m_data.ids.make(IdKind::Run, 0))));
        QVERIFY(!DemoIds::isWellFormed(IdKind::Run, u"run-123e4567-e89b-12d3-a456-426614174000"_s)); // version 1
        QVERIFY(!DemoIds::isWellFormed(IdKind::Run, u"run-123e4567-e89b-42d3-c456-426614174000"_s)); // variant c
    }

    void timestampShapes()
    {
        const QRegularExpression zulu(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z$"_s);
        const QRegularExpression naive(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?$"_s);
        const QRegularExpression seconds(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00$"_s);
        for (const QJsonValue &value : QJsonDocument::fromJson(serve(m_data, u"/v1/runs/?limit=1000"_s)).array()) {
            const QJsonObject run = value.toObject();
            QVERIFY(zulu.match(run.value(u"created_at"_s).toString()).hasMatch());
            if (!run.value(u"completed_at"_s).isNull())
                QVERIFY2(naive.match(run.value(u"completed_at"_s).toString()).hasMatch(),
                         qPrintable(run.value(u"completed_at"_s).toString()));
        }
        for (const QJsonValue &value : QJsonDocument::fromJson(serve(m_data, u"/v1/messages/?limit=500"_s)).array())
            QVERIFY(seconds.match(value.toObject().value(u"date"_s).toString()).hasMatch());
    }

    void historyShape()
    {
        // ~60 days before the anchor, denser recently, quieter at weekends.
        int recent = 0, older = 0, weekday = 0, weekend = 0;
        for (const RunRec &run : m_data.runs) {
            QVERIFY(run.created < kAnchor && run.created > kAnchor - 61 * kMicrosPerDay);
            (run.created > kAnchor - 30 * kMicrosPerDay ? recent : older) += 1;
            (weekdayOf(run.created) >= 5 ? weekend : weekday) += 1;
        }
        QVERIFY(recent > older);
        QVERIFY(weekday / 5.0 > weekend / 2.0 * 1.5);
    }

    void largeDatasetFitsTheBudget()
    {
        const DemoDataset large = generateDataset(config(42, 20, 500, 5));
        QCOMPARE(large.runs.size(), size_t(10'000));
        QVERIFY(large.steps.size() > 40'000);
        QVERIFY2(large.memoryEstimate() < 100 * 1024 * 1024, qPrintable(QString::number(large.memoryEstimate())));
    }
};

QTEST_GUILESS_MAIN(TestDemoDataset)
#include "tst_demodataset.moc"
