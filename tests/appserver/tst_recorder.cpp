// SPDX-License-Identifier: MIT
// The live recorder against a scripted App Server: subscriptions, writes, the read-only rule,
// reconnecting with backoff, recording gaps, server restarts, malformed frames, and the protocol check.
#include "appserver/backoff.h"
#include "appserver/recorder.h"
#include "appserver/wschannel.h"
#include "fakeappserver.h"
#include "replayutil.h"
#include "store/sqlite.h"
#include "store/storewriter.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::appserver;
using appservertest::FakeAppServer;

namespace {

const QJsonObject kRuntime{{u"agent_id"_s, u"agent-1"_s}, {u"conversation_id"_s, u"conv-a"_s}};

QJsonObject loopStatus(const QString &status, const QStringList &active, const QJsonObject &runs)
{
    return {{u"status"_s, status}, {u"active_run_ids"_s, QJsonArray::fromStringList(active)},
            {u"client_message_ids_by_run_id"_s, runs}};
}

QJsonObject frameOf(const QString &type, QJsonObject fields)
{
    fields.insert(u"type"_s, type);
    fields.insert(u"runtime"_s, kRuntime);
    fields.insert(u"emitted_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return fields;
}

QJsonObject delta(QJsonObject fields)
{
    return frameOf(u"stream_delta"_s, {{u"delta"_s, fields}});
}

/// A whole turn as the server streams it: one run, text, usage, end_turn, turn_finished.
QList<QJsonObject> turn(const QString &runId, const QString &clientId, const QString &text, const QJsonObject &knownRuns)
{
    QJsonObject runs = knownRuns;
    runs.insert(runId, QJsonArray{clientId});
    return {frameOf(u"update_loop_status"_s, {{u"loop_status"_s, loopStatus(u"PROCESSING_API_RESPONSE"_s, {runId}, runs)}}),
            delta({{u"message_type"_s, u"assistant_message"_s}, {u"id"_s, QString(u"msg-"_s + clientId)}, {u"run_id"_s, runId},
                   {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text}}}}}),
            delta({{u"message_type"_s, u"usage_statistics"_s}, {u"run_id"_s, runId}, {u"prompt_tokens"_s, 120},
                   {u"completion_tokens"_s, 12}, {u"total_tokens"_s, 132}}),
            delta({{u"message_type"_s, u"stop_reason"_s}, {u"stop_reason"_s, u"end_turn"_s}, {u"run_id"_s, runId}}),
            frameOf(u"update_loop_status"_s, {{u"loop_status"_s, loopStatus(u"WAITING_ON_INPUT"_s, {}, runs)}}),
            frameOf(u"turn_finished"_s, {{u"run_id"_s, runId}, {u"stop_reason"_s, u"end_turn"_s}, {u"turn_id"_s, u"t"_s}})};
}

} // namespace

class TestRecorder : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FakeAppServer> m_server;
    std::unique_ptr<store::StoreWriter> m_writer;
    std::unique_ptr<Recorder> m_recorder;

    QStringList query(const char *sql) { return appservertest::rows(m_writer->path(), sql); }

    void startRecorder()
    {
        RecorderOptions options;
        options.flushIntervalMs = 20;
        options.discoveryIntervalMs = 100;
        options.statsIntervalMs = 0;
        options.backoff = BackoffPolicy{50, 400, 2.0, 0.0};
        const AppServerEndpoint endpoint{m_server->url(), {}};
        m_recorder = std::make_unique<Recorder>(*m_writer, store::ServerRecord{u"test"_s, u"fake"_s, m_server->url().toString(),
                                                                               u"app_server"_s, {}},
                                                endpoint, options);
        m_recorder->start();
    }

    void pushAll(const QList<QJsonObject> &frames)
    {
        for (const QJsonObject &frame : frames)
            m_server->push(frame);
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeAppServer>();
        QVERIFY(m_server->listen());
        m_server->setAgents({QJsonObject{{u"id"_s, u"agent-1"_s}, {u"name"_s, u"one"_s}}});
        m_server->setConversations({QJsonObject{{u"id"_s, u"conv-a"_s}, {u"agent_id"_s, u"agent-1"_s}}});
        m_writer = std::make_unique<store::StoreWriter>();
        QVERIFY(m_writer->open(m_dir.filePath(u"%1.db"_s.arg(QString::fromLatin1(QTest::currentTestFunction())))));
    }
    void cleanup()
    {
        m_recorder.reset();
        m_writer.reset();
        m_server.reset();
    }

    void backoffGrowsToItsCap()
    {
        Backoff backoff(BackoffPolicy{100, 1000, 2.0, 0.0});
        QList<int> delays;
        for (int i = 0; i < 6; ++i)
            delays << backoff.nextDelayMs();
        QCOMPARE(delays, (QList<int>{100, 200, 400, 800, 1000, 1000}));
        backoff.reset();
        QCOMPARE(backoff.nextDelayMs(), 100);
        Backoff jittered(BackoffPolicy{1000, 1000, 2.0, 0.2});
        for (int i = 0; i < 50; ++i) {
            const int delay = jittered.nextDelayMs();
            QVERIFY2(delay >= 800 && delay <= 1200, qPrintable(QString::number(delay)));
        }
    }

    void recordsATurnAndItsPrompt()
    {
        // The live stream and the history name the assistant's message alike (ui-msg-N on a real server).
        m_server->setMessages(u"conv-a"_s, {QJsonObject{{u"id"_s, u"msg-cm-1"_s}, {u"message_type"_s, u"assistant_message"_s},
                                                        {u"date"_s, u"2026-11-24T10:00:01Z"_s},
                                                        {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"hi"_s}}}}},
                                            QJsonObject{{u"id"_s, u"m-1"_s}, {u"message_type"_s, u"user_message"_s},
                                                        {u"otid"_s, u"cm-1"_s}, {u"date"_s, u"2026-11-24T10:00:00Z"_s},
                                                        {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"hello"_s}}}}}});
        startRecorder();
        QTRY_COMPARE_WITH_TIMEOUT(m_recorder->state(), RecorderState::Recording, 10000);
        QCOMPARE(m_server->syncs(), 2); // conv-a and agent-1's default conversation
        QCOMPARE(m_server->subscribedSockets(u"conv-a"_s), 1);
        pushAll(turn(u"local-run-1"_s, u"cm-1"_s, u"hi"_s, {}));
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT id || ' ' || status || ' ' || total_tokens || ' ' || message_count FROM runs"),
                                  QStringList{u"conv-a/cm-1/1 completed 132 2"_s}, 10000);
        QCOMPARE(query("SELECT message_type || ' ' || id || ' ' || text FROM messages ORDER BY date_ms"),
                 (QStringList{u"user_message m-1 hello"_s, u"assistant_message msg-cm-1 hi"_s}));
        QSignalSpy stopped(m_recorder.get(), &Recorder::stopped);
        m_recorder->stop();
        QVERIFY(stopped.wait(10000));
        QCOMPARE(m_recorder->state(), RecorderState::Stopped);
        // An observer only reads.
        QSet<QString> sent(m_server->commandTypes().cbegin(), m_server->commandTypes().cend());
        QVERIFY(sent.subtract({u"agent_list"_s, u"conversation_list"_s, u"sync"_s, u"conversation_messages_list"_s}).isEmpty());
    }

    void reconnectsWithBackoffAndMarksTheGap()
    {
        startRecorder();
        QTRY_COMPARE_WITH_TIMEOUT(m_recorder->state(), RecorderState::Recording, 10000);
        const QList<QJsonObject> frames = turn(u"local-run-1"_s, u"cm-1"_s, u"partial"_s, {});
        pushAll(frames.mid(0, 2)); // the run starts, then the connection drops mid-run
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT id || ' ' || status FROM runs"), QStringList{u"conv-a/cm-1/1 running"_s}, 10000);

        QSignalSpy gaps(m_recorder.get(), &Recorder::gapRecorded);
        m_server->setRefusing(true);
        m_server->dropConnections();
        QTRY_COMPARE_WITH_TIMEOUT(m_recorder->state(), RecorderState::Reconnecting, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_server->refusedConnections() >= 3, 10000); // it keeps trying, backing off
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT count(*) FROM recording_gaps WHERE ended_ms IS NULL"), QStringList{u"1"_s}, 10000);
        // Meanwhile the run ended and a whole second one ran: the replayed loop status says so.
        m_server->setLoopStatus(u"conv-a"_s, loopStatus(u"WAITING_ON_INPUT"_s, {},
                                                      {{u"local-run-1"_s, QJsonArray{u"cm-1"_s}}, {u"local-run-2"_s, QJsonArray{u"cm-2"_s}}}));
        m_server->setRefusing(false);
        QVERIFY(gaps.wait(10000));
        const RecordingGap gap = gaps.first().first().value<RecordingGap>();
        QCOMPARE(gap.missedRunIds, QStringList{u"local-run-2"_s});
        QCOMPARE(gap.unobservedRunIds, QStringList{u"conv-a/cm-1/1"_s});
        QVERIFY(gap.endedMs && *gap.endedMs >= gap.startedMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_recorder->state(), RecorderState::Recording, 10000);
        QCOMPARE(m_server->webSocketConnections(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT missed_runs || ' ' || unobserved || ' ' || (ended_ms IS NOT NULL) FROM recording_gaps"),
                                  QStringList{u"[\"local-run-2\"] [\"conv-a/cm-1/1\"] 1"_s}, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT status || ' ' || status_raw FROM runs WHERE id = 'conv-a/cm-1/1'"),
                                  QStringList{u"unknown end not observed (recording gap)"_s}, 10000);
        QCOMPARE(m_recorder->stats().gaps, 1);
    }

    void serverRestartKeepsRunsApart()
    {
        startRecorder();
        QTRY_COMPARE_WITH_TIMEOUT(m_recorder->state(), RecorderState::Recording, 10000);
        pushAll(turn(u"local-run-1"_s, u"cm-1"_s, u"before"_s, {}));
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT count(*) FROM runs WHERE status = 'completed'"), QStringList{u"1"_s}, 10000);
        QSignalSpy gaps(m_recorder.get(), &Recorder::gapRecorded);
        // A new server process remembers no runs and numbers its own from 1 again.
        m_server->dropConnections();
        QVERIFY(gaps.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(m_recorder->state(), RecorderState::Recording, 10000);
        pushAll(turn(u"local-run-1"_s, u"cm-9"_s, u"after"_s, {}));
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT id || ' ' || status || ' ' || (raw->>'server_run_id') FROM runs ORDER BY created_ms"),
                                  (QStringList{u"conv-a/cm-1/1 completed local-run-1"_s, u"conv-a/cm-9/1 completed local-run-1"_s}),
                                  10000);
        QCOMPARE(query("SELECT text FROM messages ORDER BY date_ms"), (QStringList{u"before"_s, u"after"_s}));
    }

    void malformedFramesAreSkipped()
    {
        startRecorder();
        QTRY_COMPARE_WITH_TIMEOUT(m_recorder->state(), RecorderState::Recording, 10000);
        m_server->pushRaw(u"this is not JSON"_s);
        m_server->pushRaw(u"{\"no\":\"type\"}"_s);
        m_server->push(frameOf(u"stream_delta"_s, {{u"delta"_s, QJsonObject{{u"run_id"_s, u"x"_s}}}}));
        pushAll(turn(u"local-run-1"_s, u"cm-1"_s, u"still fine"_s, {}));
        QTRY_COMPARE_WITH_TIMEOUT(query("SELECT id FROM runs"), QStringList{u"conv-a/cm-1/1"_s}, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_recorder->stats().framesSkipped, 3, 10000);
    }

    void unsupportedProtocolFailsClearly()
    {
        m_server->setProtocolVersion(2);
        startRecorder();
        QSignalSpy failed(m_recorder.get(), &Recorder::failed);
        QVERIFY(failed.wait(10000));
        const Error error = failed.first().first().value<Error>();
        QCOMPARE(error.kind, ErrorKind::Unsupported);
        QVERIFY2(error.message.contains(u"speaks protocol version 2, but Lettascope supports protocol 1"_s), qPrintable(error.message));
        QTRY_COMPARE(m_recorder->state(), RecorderState::Failed);
        QCOMPARE(m_server->webSocketConnections(), 0);
    }

    void channelRefusesWrites_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<bool>("sent");
        QTest::addRow("input") << u"input"_s << false;
        QTest::addRow("abort_message") << u"abort_message"_s << false;
        QTest::addRow("agent_update") << u"agent_update"_s << false;
        QTest::addRow("runtime_start") << u"runtime_start"_s << false;
        QTest::addRow("agent_list") << u"agent_list"_s << true;
    }
    void channelRefusesWrites()
    {
        QFETCH(QString, command);
        WsChannel channel;
        QSignalSpy opened(&channel, &WsChannel::opened);
        channel.open(AppServerEndpoint{m_server->url(), {}});
        QVERIFY(opened.wait(10000));
        std::optional<Result<QJsonObject>> answer;
        channel.request(command, {}, [&answer](Result<QJsonObject> reply) { answer = std::move(reply); });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
        QFETCH(bool, sent);
        QCOMPARE(answer->ok(), sent);
        if (!sent)
            QCOMPARE(answer->error().kind, ErrorKind::Unsupported);
        QCOMPARE(m_server->commandTypes().contains(command), sent);
    }
};

QTEST_GUILESS_MAIN(TestRecorder)
#include "tst_recorder.moc"
