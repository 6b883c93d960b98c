// SPDX-License-Identifier: MIT
// The converter against the seed's rules (seed-trajectories.md §2), including the flaws it fixes.
#include "entityfactory.h"
#include "trajectories/converter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::trajectories;
using namespace testsupport;

namespace {

constexpr qint64 T0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z

Message withStep(Message m, const QString &stepId)
{
    m.stepId = stepId;
    return m;
}

QStringList roles(const QJsonArray &messages)
{
    QStringList out;
    for (const auto &m : messages)
        out << m.toObject().value(u"role"_s).toString();
    return out;
}

QJsonArray turnsOf(const QJsonObject &data)
{
    return data.value(u"turns"_s).toArray();
}

} // namespace

class TestTrajectoryConverter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void topLevelKeys()
    {
        const Run run = makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Completed, T0, u"end_turn"_s);
        const QJsonObject data = convertRun(run, {}, {});
        QStringList keys = data.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{u"metadata"_s, u"outcome"_s, u"run_id"_s, u"turns"_s}));
        QCOMPARE(data.value(u"run_id"_s).toString(), u"run-1"_s);
    }

    void metadata()
    {
        Run run = makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Failed, T0, u"error"_s);
        run.completedMs = T0 + 2500;
        run.runType = u"send_message"_s;
        run.errorText = u"LLM timeout"_s;
        Step a = makeStep(u"s1"_s, u"run-1"_s, 100, 20);
        Step b = makeStep(u"s2"_s, u"run-1"_s, std::nullopt, 5);
        b.model = u"claude-3"_s;
        Step c = makeStep(u"s3"_s, u"run-1"_s, 7, std::nullopt);
        const QList<Message> messages{
            withStep(makeToolCall(u"m1"_s, u"run-1"_s, u"web_search"_s, u"{}"_s, T0 + 10), u"s1"_s),
            withStep(makeToolCall(u"m2"_s, u"run-1"_s, u"archival_memory_insert"_s, u"{}"_s, T0 + 20), u"s2"_s),
            withStep(makeToolCall(u"m3"_s, u"run-1"_s, u"web_search"_s, u"{}"_s, T0 + 30), u"s3"_s),
        };
        const QJsonObject md = convertRun(run, {a, b, c}, messages).value(u"metadata"_s).toObject();
        QCOMPARE(md.value(u"start_time"_s).toString(), u"2026-01-01T00:00:00.000Z"_s);
        QCOMPARE(md.value(u"end_time"_s).toString(), u"2026-01-01T00:00:02.500Z"_s);
        QCOMPARE(md.value(u"duration_ns"_s).toDouble(), 2.5e9);
        QCOMPARE(md.value(u"status"_s).toString(), u"failed"_s);
        QCOMPARE(md.value(u"stop_reason"_s).toString(), u"error"_s);
        QCOMPARE(md.value(u"step_count"_s).toInt(), 3);
        QCOMPARE(md.value(u"message_count"_s).toInt(), 3);
        QCOMPARE(md.value(u"tools_used"_s).toArray(),
                 (QJsonArray{u"archival_memory_insert"_s, u"web_search"_s})); // sorted, de-duplicated
        QCOMPARE(md.value(u"input_tokens"_s).toInt(), 107);  // null counts as 0 in sums
        QCOMPARE(md.value(u"output_tokens"_s).toInt(), 25);
        QCOMPARE(md.value(u"total_tokens"_s).toInt(), 132);
        QCOMPARE(md.value(u"models"_s).toArray(), (QJsonArray{u"gpt-4o-mini"_s, u"claude-3"_s}));
        QCOMPARE(md.value(u"run_type"_s).toString(), u"send_message"_s);
        QCOMPARE(md.value(u"error"_s).toString(), u"LLM timeout"_s);
    }

    void missingTimestampsAndNullTokens()
    {
        Run run = makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Cancelled, T0);
        run.createdMs.reset();
        Message undated = withStep(makeText(u"m1"_s, u"user_message"_s, u"run-1"_s, u"hi"_s, 0), u"s1"_s);
        undated.dateMs.reset();
        const QJsonObject data = convertRun(run, {makeStep(u"s1"_s, u"run-1"_s, std::nullopt, std::nullopt)}, {undated});
        const QJsonObject md = data.value(u"metadata"_s).toObject();
        QVERIFY(md.value(u"start_time"_s).isNull());
        QCOMPARE(md.value(u"end_time"_s).toString(), u"2026-01-01T00:00:01.500Z"_s);
        QVERIFY(md.value(u"duration_ns"_s).isNull()); // needs both ends
        QVERIFY(md.value(u"run_type"_s).isNull());
        QVERIFY(md.value(u"error"_s).isNull());
        QCOMPARE(md.value(u"input_tokens"_s).toInt(), 0);
        const QJsonObject turn = turnsOf(data).at(0).toObject();
        QVERIFY(turn.value(u"input_tokens"_s).isNull()); // turns keep the raw null
        QVERIFY(turn.value(u"output_tokens"_s).isNull());
        QVERIFY(turn.value(u"messages"_s).toArray().at(0).toObject().value(u"timestamp"_s).isNull());
    }

    void turnGrouping_data()
    {
        QTest::addColumn<QStringList>("messageSteps"); // step id per message, in message order; "" = none
        QTest::addColumn<QStringList>("expectedTurns"); // "stepId:messageCount" per turn; "-" = no step id

        QTest::addRow("one turn per step, step order") << QStringList{u"s1"_s, u"s2"_s, u"s2"_s}
                                                       << QStringList{u"s1:1"_s, u"s2:2"_s, u"s3:0"_s};
        QTest::addRow("step without messages keeps an empty turn") << QStringList{u"s3"_s}
                                                                   << QStringList{u"s1:0"_s, u"s2:0"_s, u"s3:1"_s};
        QTest::addRow("leading message without a step gets its own turn first")
            << QStringList{u""_s, u"s1"_s} << QStringList{u"-:1"_s, u"s1:1"_s, u"s2:0"_s, u"s3:0"_s};
        QTest::addRow("stepless messages after step 2 follow its turn")
            << QStringList{u"s1"_s, u"s2"_s, u""_s, u""_s, u"s3"_s}
            << QStringList{u"s1:1"_s, u"s2:1"_s, u"-:2"_s, u"s3:1"_s};
        QTest::addRow("unknown step id is kept under that id")
            << QStringList{u"s1"_s, u"ghost"_s} << QStringList{u"s1:1"_s, u"ghost:1"_s, u"s2:0"_s, u"s3:0"_s};
        QTest::addRow("no messages at all") << QStringList{} << QStringList{u"s1:0"_s, u"s2:0"_s, u"s3:0"_s};
    }

    void turnGrouping()
    {
        QFETCH(QStringList, messageSteps);
        QFETCH(QStringList, expectedTurns);
        const Run run = makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Completed, T0, u"end_turn"_s);
        const QList<Step> steps{makeStep(u"s1"_s, u"run-1"_s, 1, 1), makeStep(u"s2"_s, u"run-1"_s, 1, 1),
                                makeStep(u"s3"_s, u"run-1"_s, 1, 1)};
        QList<Message> messages;
        for (qsizetype i = 0; i < messageSteps.size(); ++i)
            messages << withStep(makeText(u"m%1"_s.arg(i), u"user_message"_s, u"run-1"_s, u"text"_s, T0 + i), messageSteps[i]);
        const QJsonObject data = convertRun(run, steps, messages);
        QStringList turns;
        for (const auto &t : turnsOf(data)) {
            const QJsonObject turn = t.toObject();
            const QString id = turn.value(u"step_id"_s).isNull() ? u"-"_s : turn.value(u"step_id"_s).toString();
            turns << id + u':' + QString::number(turn.value(u"messages"_s).toArray().size());
        }
        QCOMPARE(turns, expectedTurns);
        // Nothing is dropped: every message is in some turn, and message_count counts them all.
        QCOMPARE(data.value(u"metadata"_s).toObject().value(u"message_count"_s).toInt(), messageSteps.size());
    }

    void messageShapes()
    {
        const Run run = makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Completed, T0, u"end_turn"_s);
        // One stored assistant message expands into reasoning, text and a tool call sharing an id.
        Message reasoning = withStep(makeText(u"a1"_s, u"reasoning_message"_s, u"run-1"_s, u"Let me look"_s, T0 + 1), u"s1"_s);
        Message call = withStep(makeToolCall(u"a1"_s, u"run-1"_s, u"web_search"_s, u"{\"q\":\"x\"}"_s, T0 + 2), u"s1"_s);
        Message ret = withStep(makeToolReturn(u"t1"_s, u"run-1"_s, u"error"_s, u"Timeout talking to search"_s, T0 + 3), u"s1"_s);
        ret.toolReturns[0].toolCallId = u"call-a1"_s;
        Message odd = withStep(makeText(u"x1"_s, u"telepathy_message"_s, u"run-1"_s, u"??"_s, T0 + 4), u"s1"_s);
        const QJsonObject data = convertRun(run, {makeStep(u"s1"_s, u"run-1"_s, 1, 1)}, {reasoning, call, ret, odd});
        const QJsonArray messages = turnsOf(data).at(0).toObject().value(u"messages"_s).toArray();
        QCOMPARE(roles(messages), (QStringList{u"assistant"_s, u"tool"_s, u"unknown"_s}));

        const QJsonObject assistant = messages.at(0).toObject();
        QCOMPARE(assistant.value(u"message_id"_s).toString(), u"a1"_s);
        QCOMPARE(assistant.value(u"timestamp"_s).toString(), u"2026-01-01T00:00:00.001Z"_s);
        QCOMPARE(assistant.value(u"content"_s).toArray(),
                 (QJsonArray{QJsonObject{{u"type"_s, u"reasoning"_s}, {u"text"_s, u"Let me look"_s}}}));
        const QJsonObject toolCall = assistant.value(u"tool_calls"_s).toArray().at(0).toObject();
        QCOMPARE(toolCall.value(u"id"_s).toString(), u"call-a1"_s);
        QCOMPARE(toolCall.value(u"type"_s).toString(), u"function"_s);
        QCOMPARE(toolCall.value(u"function"_s).toObject().value(u"name"_s).toString(), u"web_search"_s);
        QCOMPARE(toolCall.value(u"function"_s).toObject().value(u"arguments"_s).toString(), u"{\"q\":\"x\"}"_s);
        QVERIFY(!assistant.contains(u"tool_call_id"_s));

        const QJsonObject tool = messages.at(1).toObject();
        QCOMPARE(tool.value(u"tool_call_id"_s).toString(), u"call-a1"_s);
        QCOMPARE(tool.value(u"status"_s).toString(), u"error"_s);
        QCOMPARE(tool.value(u"content"_s).toArray().at(0).toObject().value(u"text"_s).toString(), u"Timeout talking to search"_s);

        const QJsonObject unknown = messages.at(2).toObject();
        QCOMPARE(unknown.value(u"message_type"_s).toString(), u"telepathy_message"_s);
        QCOMPARE(unknown.value(u"content"_s).toArray().at(0).toObject().value(u"text"_s).toString(), u"??"_s);
    }

    void outcome_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("stopReason");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("userMessages");
        QTest::addColumn<int>("toolMessages");
        QTest::addColumn<QString>("expectedStatus");
        QTest::addColumn<QString>("expectedType");
        QTest::addColumn<double>("expectedConfidence");
        QTest::addColumn<QStringList>("expectedReasoning");

        const int completed = int(RunStatus::Completed);
        const QString done = u"Run completed without errors"_s;
        QTest::addRow("completed end_turn") << completed << u"end_turn"_s << QString() << 1 << 0 << u"completed"_s
                                            << u"success"_s << 0.8 << QStringList{done, u"Agent naturally ended turn"_s};
        QTest::addRow("completed max_tokens") << completed << u"max_tokens"_s << QString() << 1 << 0 << u"incomplete"_s
                                              << u"partial_success"_s << 0.5
                                              << QStringList{done, u"Hit token limit (may be incomplete)"_s};
        QTest::addRow("completed other stop") << completed << u"max_steps"_s << QString() << 0 << 0 << u"completed"_s
                                              << u"success"_s << 0.7 << QStringList{done};
        QTest::addRow("failed with error") << int(RunStatus::Failed) << u"error"_s << u"boom"_s << 1 << 0 << u"failed"_s
                                           << u"failure"_s << 0.9
                                           << QStringList{u"Run failed with error"_s, u"Error: boom"_s};
        QTest::addRow("failed with max_tokens stays failure") << int(RunStatus::Failed) << u"max_tokens"_s << QString()
                                                              << 5 << 0 << u"failed"_s << u"failure"_s << 0.9
                                                              << QStringList{u"Run failed with error"_s};
        QTest::addRow("cancelled") << int(RunStatus::Cancelled) << u"cancelled"_s << QString() << 0 << 0 << u"failed"_s
                                   << u"failure"_s << 0.8 << QStringList{u"Run was cancelled"_s};
        QTest::addRow("running is unknown") << int(RunStatus::Running) << QString() << QString() << 0 << 0
                                            << u"unknown"_s << u"unknown"_s << 0.5 << QStringList{};
        QTest::addRow("3 user messages: no boost") << completed << u"end_turn"_s << QString() << 3 << 0 << u"completed"_s
                                                   << u"success"_s << 0.8
                                                   << QStringList{done, u"Agent naturally ended turn"_s};
        QTest::addRow("4 user messages: boost") << completed << u"end_turn"_s << QString() << 4 << 0 << u"completed"_s
                                                << u"success"_s << 0.9
                                                << QStringList{done, u"Agent naturally ended turn"_s,
                                                               u"High user engagement (4 user messages)"_s};
        QTest::addRow("partial gets no boost") << completed << u"max_tokens"_s << QString() << 6 << 0 << u"incomplete"_s
                                               << u"partial_success"_s << 0.5
                                               << QStringList{done, u"Hit token limit (may be incomplete)"_s};
        QTest::addRow("tool note never moves confidence")
            << int(RunStatus::Cancelled) << QString() << QString() << 0 << 2 << u"failed"_s << u"failure"_s << 0.8
            << QStringList{u"Run was cancelled"_s, u"Used 2 tool calls"_s};
    }

    void outcome()
    {
        QFETCH(int, status);
        QFETCH(QString, stopReason);
        QFETCH(QString, error);
        QFETCH(int, userMessages);
        QFETCH(int, toolMessages);
        QFETCH(QString, expectedStatus);
        QFETCH(QString, expectedType);
        QFETCH(double, expectedConfidence);
        QFETCH(QStringList, expectedReasoning);

        Run run = makeRun(u"run-1"_s, u"agent-1"_s, RunStatus(status), T0, stopReason);
        run.errorText = error;
        QList<Message> messages;
        for (int i = 0; i < userMessages; ++i)
            messages << makeText(u"u%1"_s.arg(i), u"user_message"_s, u"run-1"_s, u"please"_s, T0 + i);
        for (int i = 0; i < toolMessages; ++i)
            messages << makeToolCall(u"c%1"_s.arg(i), u"run-1"_s, u"tool"_s, u"{}"_s, T0 + 100 + i);
        const QJsonObject outcome = convertRun(run, {}, messages).value(u"outcome"_s).toObject();
        const QJsonObject execution = outcome.value(u"execution"_s).toObject();
        QCOMPARE(execution.value(u"status"_s).toString(), expectedStatus);
        QCOMPARE(execution.value(u"confidence"_s).toDouble(), expectedConfidence);
        QStringList reasoning;
        for (const auto &r : execution.value(u"reasoning"_s).toArray())
            reasoning << r.toString();
        QCOMPARE(reasoning, expectedReasoning);
        // The legacy keys stay for readers of the older format.
        QCOMPARE(outcome.value(u"type"_s).toString(), expectedType);
        QCOMPARE(outcome.value(u"confidence"_s).toDouble(), expectedConfidence);
        QCOMPARE(outcome.value(u"reasoning"_s).toArray(), execution.value(u"reasoning"_s).toArray());
    }

    void approvalsAndParallelReturns()
    {
        const Run run = makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Completed, T0, u"requires_approval"_s);
        Message request = withStep(makeText(u"p1"_s, u"approval_request_message"_s, u"run-1"_s, QString(), T0), u"s1"_s);
        request.toolCalls = {{u"call-9"_s, u"delete_file"_s, u"{\"path\":\"/tmp/x\"}"_s}};
        Message response = makeText(u"p2"_s, u"approval_response_message"_s, u"run-1"_s, QString(), T0 + 1);
        response.approved = false;
        response.approvalReason = u"too risky"_s;
        Message returns = withStep(makeToolReturn(u"r1"_s, u"run-1"_s, u"success"_s, u"ok"_s, T0 + 2), u"s1"_s);
        returns.toolReturns << ToolReturn{u"call-b"_s, u"error"_s, u"denied"_s, {}, {}};
        const QJsonObject data = convertRun(run, {makeStep(u"s1"_s, u"run-1"_s, 1, 1)}, {request, response, returns});
        const QJsonArray turns = turnsOf(data);
        QCOMPARE(turns.size(), 2);
        const QJsonArray stepMessages = turns.at(0).toObject().value(u"messages"_s).toArray();
        QCOMPARE(roles(stepMessages), (QStringList{u"assistant"_s, u"tool"_s, u"tool"_s}));
        QCOMPARE(stepMessages.at(0).toObject().value(u"approval"_s).toString(), u"requested"_s);
        QCOMPARE(stepMessages.at(2).toObject().value(u"status"_s).toString(), u"error"_s);
        const QJsonObject answer = turns.at(1).toObject().value(u"messages"_s).toArray().at(0).toObject();
        QCOMPARE(answer.value(u"role"_s).toString(), u"approval"_s);
        QCOMPARE(answer.value(u"approved"_s).toBool(true), false);
        QCOMPARE(answer.value(u"content"_s).toArray().at(0).toObject().value(u"text"_s).toString(), u"denied: too risky"_s);
        QCOMPARE(data.value(u"metadata"_s).toObject().value(u"tools_used"_s).toArray(), (QJsonArray{u"delete_file"_s}));
    }

    void deterministic()
    {
        const Run run = makeRun(u"run-1"_s, u"agent-1"_s, RunStatus::Completed, T0, u"end_turn"_s);
        const QList<Step> steps{makeStep(u"s1"_s, u"run-1"_s, 3, 4)};
        const QList<Message> messages{withStep(makeText(u"m1"_s, u"user_message"_s, u"run-1"_s, u"hi"_s, T0), u"s1"_s)};
        QCOMPARE(QJsonDocument(convertRun(run, steps, messages)).toJson(), QJsonDocument(convertRun(run, steps, messages)).toJson());
    }
};

QTEST_GUILESS_MAIN(TestTrajectoryConverter)
#include "tst_trajectoryconverter.moc"
