// SPDX-License-Identifier: MIT
// Every captured WebSocket session replayed through the event assembler, with exact expectations:
// runs keyed by turn, steps with the fake LLM's 120/12/132 tokens, tool calls and returns,
// approvals, the failed turn's four runs and the errors the server never stores.
#include "appserver/eventassembler.h"
#include "replayutil.h"

#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::appserver;
using appservertest::Merged;
using appservertest::receivedFrames;

namespace {

Merged replayFrames(const QList<QJsonObject> &frames, QList<FinishedTurn> *turns = nullptr, int *rejected = nullptr)
{
    EventAssembler assembler(u"test"_s);
    Merged merged;
    for (const QJsonObject &frame : frames) {
        if (!assembler.apply(frame) && rejected)
            ++*rejected;
        merged.add(assembler.takeChanges()); // flush after every frame: upserts must converge
    }
    if (turns)
        *turns = assembler.takeFinishedTurns();
    return merged;
}

Merged replay(const QString &fixture, QList<FinishedTurn> *turns = nullptr, int *rejected = nullptr)
{
    return replayFrames(receivedFrames(fixture), turns, rejected);
}

QString deltaType(const QJsonObject &frame)
{
    return frame.value(u"delta").toObject().value(u"message_type").toString();
}

QStringList describe(const QList<Message> &messages)
{
    QStringList out;
    for (const Message &m : messages) {
        QString line = m.messageType + u' ' + m.id;
        if (!m.toolCalls.isEmpty())
            line += u" call=" + m.toolCalls.first().name;
        if (!m.toolReturns.isEmpty())
            line += u" return=" + m.toolReturns.first().status;
        if (m.approved)
            line += *m.approved ? u" approved"_s : u" denied"_s;
        out.append(line);
    }
    return out;
}

void verifyFakeTokens(const Step &step)
{
    QCOMPARE(step.promptTokens, std::optional<qint64>(120));
    QCOMPARE(step.completionTokens, std::optional<qint64>(12));
    QCOMPARE(step.totalTokens, std::optional<qint64>(132));
    QCOMPARE(step.cachedTokens, std::optional<qint64>(0));
    QVERIFY(!step.reconstructed);
}

} // namespace

class TestFrameReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsOfEveryCapture_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QStringList>("runs");        // "id status stop_reason server_run_id steps"
        QTest::addRow("text and tool turn") << u"session-a.create-agent-text-turn-tool-turn.frames.jsonl"_s
            << QStringList{u"local-conv-1/cm-1/1 completed end_turn local-run-1 1"_s,
                           u"local-conv-1/cm-2/1 completed requires_approval local-run-2 1"_s,
                           u"local-conv-1/cm-2/2 completed end_turn local-run-3 1"_s};
        QTest::addRow("approval required") << u"turn-approval-required.frames.jsonl"_s
            << QStringList{u"local-conv-6/cm-5/1 completed requires_approval local-run-12 1"_s,
                           u"local-conv-6/cm-5/2 completed end_turn local-run-13 1"_s};
        QTest::addRow("LLM failure with retries") << u"turn-llm-error-with-retries.frames.jsonl"_s
            << QStringList{u"local-conv-5/cm-4/1 failed llm_api_error local-run-8 0"_s,
                           u"local-conv-5/cm-4/2 failed llm_api_error local-run-9 0"_s,
                           u"local-conv-5/cm-4/3 failed llm_api_error local-run-10 0"_s,
                           u"local-conv-5/cm-4/4 failed llm_api_error local-run-11 0"_s};
        QTest::addRow("observer of two conversations") << u"observer-two-conversations.frames.jsonl"_s
            << QStringList{u"local-conv-1/cm-8/1 completed end_turn local-run-16 1"_s,
                           u"local-conv-6/cm-9/1 completed end_turn local-run-17 1"_s};
    }
    void runsOfEveryCapture()
    {
        QFETCH(QString, fixture);
        QFETCH(QStringList, runs);
        int rejected = 0;
        const Merged merged = replay(fixture, nullptr, &rejected);
        QCOMPARE(rejected, 0);
        QStringList actual;
        for (const Run &run : merged.runs) {
            actual << u"%1 %2 %3 %4 %5"_s.arg(run.id, runStatusToString(run.status), run.stopReason,
                                             run.raw.value(u"server_run_id").toString())
                          .arg(merged.stepsOfRun(run.id).size());
            QVERIFY(!run.reconstructed);
            QVERIFY(run.createdMs.has_value());
            QVERIFY(run.completedMs.has_value());
            QVERIFY(!run.totalDurationNs.has_value()); // the App Server reports no durations
        }
        QCOMPARE(actual, runs);
        for (const Step &step : merged.steps)
            verifyFakeTokens(step);
    }

    void textAndToolTurnMessages()
    {
        QList<FinishedTurn> turns;
        const Merged merged = replay(u"session-a.create-agent-text-turn-tool-turn.frames.jsonl"_s, &turns);
        QCOMPARE(describe(merged.messagesOfRun(u"local-conv-1/cm-1/1"_s)), QStringList{u"assistant_message ui-msg-2"_s});
        QCOMPARE(merged.messagesOfRun(u"local-conv-1/cm-1/1"_s).first().text,
                 u"Hello from the fake LLM. You said: Hello agent, please say hi."_s);
        QCOMPARE(merged.messagesOfRun(u"local-conv-1/cm-1/1"_s).first().stepId, u"local-conv-1/cm-1/1/step/1"_s);
        QCOMPARE(describe(merged.messagesOfRun(u"local-conv-1/cm-2/1"_s)),
                 (QStringList{u"approval_request_message local-conv-1/tool/call_f9cc95045d/request call=Read"_s,
                              u"approval_response_message local-conv-1/tool/call_f9cc95045d/approval approved"_s,
                              u"tool_return_message local-conv-1/tool/call_f9cc95045d/return return=success"_s}));
        const QList<Message> toolRun = merged.messagesOfRun(u"local-conv-1/cm-2/1"_s);
        QCOMPARE(toolRun[0].toolCalls.first().arguments, u"{\"file_path\":\"<WORKDIR>/a.txt\"}"_s);
        QCOMPARE(toolRun[1].approvalReason, u"approved automatically by the permission mode"_s);
        QCOMPARE(toolRun[2].toolReturns.first().text, u"1\thello\n2\t"_s);
        QCOMPARE(toolRun[2].stepId, u"local-conv-1/cm-2/1/step/1"_s);
        QCOMPARE(describe(merged.messagesOfRun(u"local-conv-1/cm-2/2"_s)), QStringList{u"assistant_message ui-msg-6"_s});
        QCOMPARE(merged.messagesOfRun(u"local-conv-1/cm-2/2"_s).first().text, u"The tool ran. Final answer: 42."_s);
        // The Read call ran from 15:34:56.629 to .633: the step keeps that as its tool time.
        const Step toolStep = merged.steps.value(u"local-conv-1/cm-2/1/step/1"_s);
        QVERIFY(toolStep.metrics.has_value());
        QCOMPARE(toolStep.metrics->toolExecutionNs, std::optional<qint64>(4'000'000));
        QVERIFY(!toolStep.metrics->llmRequestNs.has_value());

        QCOMPARE(turns.size(), 2);
        QCOMPARE(turns[0].clientMessageIds, QStringList{u"cm-1"_s});
        QCOMPARE(turns[1].runKeys, (QStringList{u"local-conv-1/cm-2/1"_s, u"local-conv-1/cm-2/2"_s}));
    }

    void approvalTurnKeepsTheRequestAndTheDecision_data()
    {
        // The live server does not order the control_request against the approval_request_message
        // it belongs to: either may come first (seen against the real server).
        QTest::addColumn<QString>("order");
        QTest::addRow("as captured") << u"captured"_s;
        QTest::addRow("control_request first") << u"control first"_s;
        QTest::addRow("request streamed again after it") << u"request again"_s;
    }
    void approvalTurnKeepsTheRequestAndTheDecision()
    {
        QFETCH(QString, order);
        QList<QJsonObject> frames = receivedFrames(u"turn-approval-required.frames.jsonl"_s);
        const auto isControl = [](const QJsonObject &f) { return f.value(u"type").toString() == u"control_request"; };
        const auto isRequest = [](const QJsonObject &f) { return deltaType(f) == u"approval_request_message"; };
        const qsizetype control = std::find_if(frames.cbegin(), frames.cend(), isControl) - frames.cbegin();
        const qsizetype request = std::find_if(frames.cbegin(), frames.cend(), isRequest) - frames.cbegin();
        QVERIFY(control < frames.size() && request < control);
        if (order == u"control first")
            frames.move(control, request);
        else if (order == u"request again")
            frames.insert(control + 1, frames.at(request));
        const Merged merged = replayFrames(frames);
        const QList<Message> first = merged.messagesOfRun(u"local-conv-6/cm-5/1"_s);
        QCOMPARE(describe(first),
                 (QStringList{u"approval_request_message local-conv-6/tool/call_2393f35b14/request call=exec_command"_s,
                              u"approval_response_message local-conv-6/tool/call_2393f35b14/approval approved"_s,
                              u"tool_return_message local-conv-6/tool/call_2393f35b14/return return=success"_s}));
        QCOMPARE(first[0].raw.value(u"control_request").toObject().value(u"subtype").toString(), u"can_use_tool"_s);
        QCOMPARE(first[1].approvalReason, u"approved by the user (the tool started)"_s);
        QVERIFY(first[2].toolReturns.first().text.startsWith(u"Chunk ID: dbdefa"_s));
        QCOMPARE(describe(merged.messagesOfRun(u"local-conv-6/cm-5/2"_s)), QStringList{u"assistant_message ui-msg-22"_s});
    }

    void loopStatusShowsWhileTheRunWaits()
    {
        EventAssembler assembler(u"test"_s);
        Merged merged;
        for (const QJsonObject &frame : receivedFrames(u"turn-approval-required.frames.jsonl"_s)) {
            assembler.apply(frame);
            if (frame.value(u"type").toString() == u"control_request")
                break;
        }
        merged.add(assembler.takeChanges());
        const Run waiting = merged.runs.value(u"local-conv-6/cm-5/1"_s);
        QCOMPARE(waiting.statusText, u"WAITING_ON_APPROVAL"_s);
        QCOMPARE(waiting.stopReason, u"requires_approval"_s);
        QCOMPARE(assembler.activeRuns(), 1);
    }

    void failedTurnKeepsEveryError()
    {
        const Merged merged = replay(u"turn-llm-error-with-retries.frames.jsonl"_s);
        QCOMPARE(merged.steps.size(), 0); // no LLM call returned: no usage, no steps
        const QString upstream = u"500: {\"message\":\"fake upstream failure\",\"type\":\"server_error\",\"code\":\"fake_500\"}"_s;
        for (int attempt = 1; attempt <= 4; ++attempt) {
            const QString id = u"local-conv-5/cm-4/%1"_s.arg(attempt);
            const Run run = merged.runs.value(id);
            QCOMPARE(run.errorText, upstream);
            QStringList types;
            for (const Message &m : merged.messagesOfRun(id))
                types << m.messageType;
            const QStringList expected = attempt < 4
                ? QStringList{u"event_message"_s, u"event_message"_s, u"event_message"_s, u"loop_error"_s,
                              u"error_message"_s, u"retry"_s}
                : QStringList{u"event_message"_s, u"event_message"_s, u"event_message"_s, u"loop_error"_s,
                              u"error_message"_s, u"loop_error"_s};
            QCOMPARE(types, expected);
        }
        const QList<Message> last = merged.messagesOfRun(u"local-conv-5/cm-4/4"_s);
        QCOMPARE(last[4].kind, MessageKind::Error);
        QVERIFY(last[4].isError);
        QCOMPARE(last[4].text, upstream);
        QCOMPARE(last[4].id, u"local-conv-5/cm-4/4/error_message/1"_s);
        QVERIFY(last[0].text.startsWith(u"retry: {\"attempt\":1"_s));
        const Message lifecycleRetry = merged.messagesOfRun(u"local-conv-5/cm-4/1"_s).last();
        QCOMPARE(lifecycleRetry.kind, MessageKind::Event);
        QCOMPARE(lifecycleRetry.text, u"retry 1/3 in 1000 ms: Unexpected downstream LLM API error, retrying..."_s);
    }

    void malformedFramesAreSkipped_data()
    {
        QTest::addColumn<QJsonObject>("frame");
        QTest::addColumn<bool>("accepted");
        QTest::addRow("no type") << QJsonObject{{u"delta"_s, 1}} << false;
        QTest::addRow("delta without message_type")
            << QJsonObject{{u"type"_s, u"stream_delta"_s}, {u"delta"_s, QJsonObject{{u"run_id"_s, u"r"_s}}},
                           {u"runtime"_s, QJsonObject{{u"agent_id"_s, u"a"_s}, {u"conversation_id"_s, u"c"_s}}}}
            << false;
        QTest::addRow("event without runtime") << QJsonObject{{u"type"_s, u"turn_finished"_s}} << false;
        QTest::addRow("a push we do not record") << QJsonObject{{u"type"_s, u"update_device_status"_s}} << true;
        QTest::addRow("tool return that is no message")
            << QJsonObject{{u"type"_s, u"stream_delta"_s},
                           {u"delta"_s, QJsonObject{{u"message_type"_s, u"tool_return_message"_s}, {u"run_id"_s, u"r"_s}}},
                           {u"runtime"_s, QJsonObject{{u"agent_id"_s, u"a"_s}, {u"conversation_id"_s, u"c"_s}}}}
            << true;
    }
    void malformedFramesAreSkipped()
    {
        QFETCH(QJsonObject, frame);
        EventAssembler assembler(u"test"_s);
        QTEST(assembler.apply(frame), "accepted");
        const store::WriteBatch batch = assembler.takeChanges();
        QVERIFY(batch.messages.isEmpty());
        QVERIFY(batch.steps.isEmpty());
    }

    void runWithoutClientMessageUsesTheServerIdAndEpoch()
    {
        EventAssembler assembler(u"e1"_s);
        const QJsonObject runtime{{u"agent_id"_s, u"agent-1"_s}, {u"conversation_id"_s, u"local-conv-9"_s}};
        assembler.apply({{u"type"_s, u"stream_delta"_s}, {u"runtime"_s, runtime},
                         {u"delta"_s, QJsonObject{{u"message_type"_s, u"stop_reason"_s}, {u"stop_reason"_s, u"end_turn"_s},
                                                  {u"run_id"_s, u"local-run-1"_s}}}});
        QVERIFY(assembler.takeChanges().runs.isEmpty()); // not keyed yet: the loop status may still name it
        assembler.apply({{u"type"_s, u"turn_finished"_s}, {u"runtime"_s, runtime}, {u"run_id"_s, u"local-run-1"_s},
                         {u"stop_reason"_s, u"end_turn"_s}});
        const store::WriteBatch batch = assembler.takeChanges();
        QCOMPARE(batch.runs.size(), 1);
        QCOMPARE(batch.runs.first().id, u"local-conv-9/local-run-1@e1"_s);
    }
};

QTEST_GUILESS_MAIN(TestFrameReplay)
#include "tst_framereplay.moc"
