// SPDX-License-Identifier: MIT
// The recorder, the history sync and the store import against the real Letta Code App Server
// (@letta-ai/letta-code, installed by install-letta-code.sh) on loopback, with the fake LLM as its
// only model. The test drives real turns on its own socket (text, tool, approval, LLM failure with
// retries) and checks that the cache holds exactly what the server streamed and the LLM answered.
// Without node or the package it fails and says how to install it: it never passes by skipping.
#include "appserver/appserverclient.h"
#include "appserver/folderimport.h"
#include "appserver/historysource.h"
#include "appserver/recorder.h"
#include "cachefixture.h"
#include "fakellm/fakellmserver.h"
#include "lettacodeserver.h"
#include "replayutil.h"
#include "runscenarios.h"
#include "store/storewriter.h"
#include "sync/syncengine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTimer>
#include <QTest>
#include <QWebSocket>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::appserver;
using appservertest::LettaCodeServer;

namespace {

constexpr int kTurnTimeoutMs = 120000;  // the failing turn waits out the server's retry delays
constexpr int kApprovalDelayMs = 300;
constexpr const char *kMcpAgent = "agent-with-lettascope"; ///< `letta mcp` runs as it; its settings name the server

/// The test's own client: it sends what a user would (the recorder never does), answers every
/// approval request with "allow", and keeps every frame it receives.
class Driver final : public QObject
{
public:
    bool open(const QUrl &url)
    {
        connect(&m_socket, &QWebSocket::textMessageReceived, this, &Driver::onText);
        m_socket.open(QUrl(url.toString() + u"/ws"_s));
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 30000);
    }

    /// Sends a command and waits for its reply; an empty object when none came.
    QJsonObject command(QJsonObject frame, int timeoutMs = 60000)
    {
        const QString id = u"drv-%1"_s.arg(++m_nextId);
        frame.insert(u"request_id"_s, id);
        send(frame);
        if (!QTest::qWaitFor([&] { return m_replies.contains(id); }, timeoutMs))
            return {};
        return m_replies.take(id);
    }

    /// One user message on `runtime`; the turn_finished frame (empty on timeout) and the run ids streamed.
    std::pair<QJsonObject, QSet<QString>> turn(const QJsonObject &runtime, const QString &text, const QString &clientId)
    {
        const qsizetype first = m_frames.size();
        const QJsonObject message{{u"role"_s, u"user"_s}, {u"content"_s, text}, {u"client_message_id"_s, clientId}};
        const QJsonObject accepted = command({{u"type"_s, u"input"_s}, {u"runtime"_s, runtime},
                                              {u"payload"_s, QJsonObject{{u"kind"_s, u"create_message"_s},
                                                                         {u"messages"_s, QJsonArray{message}}}}});
        if (!accepted.value(u"accepted").toBool())
            return {};
        QJsonObject finished;
        QSet<QString> runIds;
        const bool ended = QTest::qWaitFor([&] {
            for (qsizetype i = first; i < m_frames.size(); ++i) {
                const QJsonObject &frame = m_frames.at(i);
                if (const QString run = frame.value(u"delta").toObject().value(u"run_id").toString(); !run.isEmpty())
                    runIds.insert(run);
                if (frame.value(u"type").toString() == u"turn_finished")
                    finished = frame;
            }
            return !finished.isEmpty();
        }, kTurnTimeoutMs);
        return {ended ? finished : QJsonObject(), runIds};
    }

    int approvalsAnswered() const { return m_approvals; }

    /// The types of the last `count` frames received, for failure messages.
    QString recentFrames(qsizetype count = 12) const
    {
        QStringList types;
        for (qsizetype i = std::max<qsizetype>(0, m_frames.size() - count); i < m_frames.size(); ++i) {
            const QJsonObject &frame = m_frames.at(i);
            const QString detail = frame.value(u"delta").toObject().value(u"message_type").toString()
                + frame.value(u"loop_status").toObject().value(u"status").toString()
                + frame.value(u"disposition").toString() + frame.value(u"error").toString();
            types << frame.value(u"type").toString() + (detail.isEmpty() ? QString() : u":"_s + detail);
        }
        return types.join(u", "_s);
    }

private:
    void send(const QJsonObject &frame)
    {
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    }

    void onText(const QString &text)
    {
        const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
        // Commands answer with <type>_response and a success flag; `input` answers with input_accepted.
        const QString id = frame.value(u"request_id").toString();
        if (id.startsWith(u"drv-") && (frame.contains(u"success") || frame.value(u"type").toString() == u"input_accepted"))
            m_replies.insert(id, frame);
        if (!m_replies.contains(id) || id.startsWith(u"drv-approval-"))
            m_frames.append(frame); // approval answers are kept for failure messages
        if (frame.value(u"type").toString() == u"control_request") {
            ++m_approvals;
            // Answered after a human's moment: an answer within a millisecond of the request can reach
            // the server before it waits for one, and the turn then never resumes (seen with 0.32.18).
            const QJsonObject answer{
                {u"type"_s, u"input"_s}, {u"request_id"_s, u"drv-approval-%1"_s.arg(m_approvals)},
                {u"runtime"_s, frame.value(u"runtime")},
                {u"payload"_s, QJsonObject{{u"kind"_s, u"approval_response"_s}, {u"request_id"_s, frame.value(u"request_id")},
                                           {u"decision"_s, QJsonObject{{u"behavior"_s, u"allow"_s}}}}}};
            QTimer::singleShot(kApprovalDelayMs, this, [this, answer] { send(answer); });
        }
    }

    QWebSocket m_socket;
    QHash<QString, QJsonObject> m_replies;
    QList<QJsonObject> m_frames;
    int m_nextId = 0;
    int m_approvals = 0;
};

} // namespace

class TestRealServer : public QObject
{
    Q_OBJECT

    fakellm::FakeLlmServer m_llm;
    LettaCodeServer m_server;
    QTemporaryDir m_cacheDir;
    std::unique_ptr<store::StoreWriter> m_writer;
    std::unique_ptr<Recorder> m_recorder;
    Driver m_driver;
    QJsonObject m_runtime;
    QString m_conversation;
    testsupport::CacheFixture m_trajectories;   ///< what the agent's MCP server serves

    store::ServerRecord serverRecord() const
    {
        return {u"real"_s, u"letta-code"_s, m_server.url().toString(), u"app_server"_s, {}};
    }

    QStringList query(const QString &sql) const
    {
        return appservertest::rows(m_writer->path(), sql.toUtf8().constData());
    }

    /// `columns` of the recorded runs of one user message, in order.
    QStringList runsOf(const QString &clientId, const QString &columns, const QString &conversation = {}) const
    {
        return query(u"SELECT %1 FROM runs WHERE id LIKE '%2/%3/%' ORDER BY created_ms, id"_s
                         .arg(columns, conversation.isEmpty() ? m_conversation : conversation, clientId));
    }

    /// A new conversation of the test's agent, subscribed to by the recorder; its runtime.
    QJsonObject startConversation(const QString &mode)
    {
        const qint64 subscribed = m_recorder->stats().conversations;
        const QJsonObject started = m_driver.command({{u"type"_s, u"runtime_start"_s}, {u"agent_id"_s, m_runtime.value(u"agent_id")},
                                                      {u"create_conversation"_s, QJsonObject{}}, {u"mode"_s, mode},
                                                      {u"cwd"_s, m_server.workDir()}, {u"wait_for_replay"_s, true}});
        if (!started.value(u"success").toBool()) {
            qWarning() << "runtime_start failed:" << started;
            return {};
        }
        if (!QTest::qWaitFor([&] { return m_recorder->stats().conversations > subscribed; }, 30000))
            return {};
        return started.value(u"runtime").toObject();
    }

    /// A cache of processed trajectories for the MCP test, built and processed by the CLI.
    bool writeProcessedTrajectories()
    {
        if (!m_trajectories.open() || !m_trajectories.write(testsupport::scenarioRuns(0, 12, 2)))
            return false;
        for (const QStringList &step : {QStringList{u"trajectories"_s, u"build"_s},
                                        QStringList{u"trajectories"_s, u"process"_s, u"--quiet"_s}}) {
            QProcess cli;
            cli.start(QStringLiteral(LETTASCOPE_CLI), QStringList{u"--cache"_s, m_trajectories.path()} + step);
            if (!cli.waitForFinished(60'000) || cli.exitCode() != 0)
                return false;
        }
        return true;
    }

    /// LLM calls the fake answered with a completion (every call but the scripted 500s).
    qsizetype answeredLlmCalls() const
    {
        qsizetype answered = 0;
        for (const fakellm::LlmRequest &request : m_llm.requests(fakellm::Route::ChatCompletions))
            answered += request.lastUserText().contains(u"FAIL_500") ? 0 : 1;
        return answered;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_llm.listen());
        QVERIFY(writeProcessedTrajectories());
        // Lettascope's MCP server as a client-local server of one agent, as `/mcp add --transport stdio` adds it.
        m_server.addClientMcpServer(QString::fromLatin1(kMcpAgent),
                                    {{u"name"_s, u"lettascope"_s}, {u"transport"_s, u"stdio"_s},
                                     {u"command"_s, QStringLiteral(LETTASCOPE_CLI)},
                                     {u"args"_s, QJsonArray{u"--cache"_s, m_trajectories.path(), u"mcp"_s}}});
        if (const QString failed = m_server.start(m_llm.baseUrl()); !failed.isEmpty())
            QFAIL(qPrintable(failed));
        m_writer = std::make_unique<store::StoreWriter>();
        QVERIFY(m_writer->open(m_cacheDir.filePath(u"cache.db"_s)));

        RecorderOptions options;
        options.flushIntervalMs = 50;
        options.discoveryIntervalMs = 200;
        options.statsIntervalMs = 0;
        m_recorder = std::make_unique<Recorder>(*m_writer, serverRecord(), AppServerEndpoint{m_server.url(), {}}, options);
        m_recorder->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_recorder->state(), RecorderState::Recording, 30000);

        QVERIFY(m_driver.open(m_server.url()));
        // Standard mode: shell commands need an approval, as for a user at a terminal.
        const QJsonObject started = m_driver.command(
            {{u"type"_s, u"runtime_start"_s},
             {u"create_agent"_s, QJsonObject{{u"body"_s, QJsonObject{{u"name"_s, u"realserver-agent"_s},
                                                                     {u"model"_s, u"openai-compatible/fake-model"_s}}},
                                             {u"pin_global"_s, false}}},
             {u"mode"_s, u"standard"_s}, {u"cwd"_s, m_server.workDir()}, {u"wait_for_replay"_s, true}});
        QVERIFY2(started.value(u"success").toBool(), QJsonDocument(started).toJson().constData());
        m_runtime = started.value(u"runtime").toObject();
        m_conversation = m_runtime.value(u"conversation_id").toString();
        QVERIFY(!m_conversation.isEmpty());
        // The new agent's conversation and its default one: events are recorded only once subscribed.
        QTRY_COMPARE_WITH_TIMEOUT(m_recorder->stats().conversations, 2, 30000);
    }

    void cleanupTestCase()
    {
        m_recorder.reset();
        m_server.stop();
    }

    void textTurn()
    {
        const auto [finished, runIds] = m_driver.turn(m_runtime, u"Hello agent, please say hi."_s, u"cm-1"_s);
        QCOMPARE(finished.value(u"stop_reason").toString(), u"end_turn"_s);
        QCOMPARE(runIds.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(runsOf(u"cm-1"_s, u"status || ' ' || stop_reason || ' ' || total_tokens || ' ' || step_count "
                                                    "|| ' ' || reconstructed || ' ' || (raw->>'server_run_id')"_s),
                                  QStringList{u"completed end_turn 132 1 0 "_s + *runIds.cbegin()}, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(query(u"SELECT prompt_tokens || ' ' || completion_tokens || ' ' || total_tokens FROM steps "
                       "WHERE run_id = '%1/cm-1/1'"_s.arg(m_conversation)),
                 QStringList{u"120 12 132"_s}, 10000);
        // The prompt is read from the history once the turn finished.
        QTRY_COMPARE_WITH_TIMEOUT(query(u"SELECT message_type || ': ' || text FROM messages WHERE run_id = '%1/cm-1/1' "
                                        "ORDER BY date_ms, seq"_s.arg(m_conversation)),
                                  (QStringList{u"user_message: Hello agent, please say hi."_s,
                                               u"assistant_message: Hello from the fake LLM. You said: Hello agent, please say hi."_s}),
                                  10000);
    }

    void toolTurn()
    {
        QFile file(m_server.workDir() + u"/a.txt"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("text the Read tool returns\n");
        file.close();
        const auto [finished, runIds] = m_driver.turn(m_runtime, u"USE_TOOL: read a.txt and tell me what it says."_s, u"cm-2"_s);
        QCOMPARE(finished.value(u"stop_reason").toString(), u"end_turn"_s);
        // The call ends one run (requires_approval, even when approved automatically); the answer is another.
        QCOMPARE(runIds.size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(runsOf(u"cm-2"_s, u"stop_reason || ' ' || total_tokens || ' ' || coalesce(tools_used, '-')"_s),
                                  (QStringList{u"requires_approval 132 Read"_s, u"end_turn 132 -"_s}), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(query(u"SELECT tool_names || ' ' || (tool_text LIKE '%a.txt%') FROM messages "
                       "WHERE run_id = '%1/cm-2/1' AND message_type = 'approval_request_message'"_s.arg(m_conversation)),
                 QStringList{u"Read 1"_s}, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(query(u"SELECT tool_status || ' ' || (tool_text LIKE '%text the Read tool returns%') FROM messages "
                       "WHERE run_id LIKE '%1/cm-2/%' AND message_type = 'tool_return_message'"_s.arg(m_conversation)),
                 QStringList{u"success 1"_s}, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(query(u"SELECT text FROM messages WHERE run_id = '%1/cm-2/2' "
                                        "AND message_type = 'assistant_message'"_s.arg(m_conversation)),
                                  QStringList{u"The tool ran. Final answer: 42."_s}, 10000);
    }

    void approvalTurn()
    {
        // In a conversation of its own, standard mode, as a user at a terminal would meet it.
        const QJsonObject runtime = startConversation(u"standard"_s);
        QVERIFY(!runtime.isEmpty());
        const QString conversation = runtime.value(u"conversation_id").toString();
        const int approvalsBefore = m_driver.approvalsAnswered();
        const auto [finished, runIds] = m_driver.turn(runtime, u"USE_BASH: create a marker file"_s, u"cm-3"_s);
        QVERIFY2(finished.value(u"stop_reason").toString() == u"end_turn", qPrintable(m_driver.recentFrames()));
        QCOMPARE(m_driver.approvalsAnswered(), approvalsBefore + 1);
        QVERIFY2(QFile::exists(m_server.workDir() + u"/created-by-agent.txt"_s), "the approved command ran");
        QCOMPARE(runIds.size(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(runsOf(u"cm-3"_s, u"status || ' ' || stop_reason || ' ' || coalesce(tools_used, '-')"_s, conversation),
                                  (QStringList{u"completed requires_approval Bash"_s, u"completed end_turn -"_s}), 10000);
        // The request the user answered, and the answer, are both kept with the call.
        QTRY_COMPARE_WITH_TIMEOUT(query(u"SELECT tool_names || ' ' || (raw->'control_request'->>'subtype') FROM messages "
                                        "WHERE run_id = '%1/cm-3/1' AND message_type = 'approval_request_message'"_s.arg(conversation)),
                                  QStringList{u"Bash can_use_tool"_s}, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(query(u"SELECT message_type || ' ' || coalesce(tool_status, '-') FROM messages "
                                        "WHERE run_id = '%1/cm-3/1' AND message_type <> 'user_message' ORDER BY message_type"_s.arg(conversation)),
                                  (QStringList{u"approval_request_message -"_s, u"approval_response_message -"_s,
                                               u"tool_return_message success"_s}), 10000);
    }

    void failingTurnKeepsItsErrors()
    {
        const auto [finished, runIds] = m_driver.turn(m_runtime, u"FAIL_500 please"_s, u"cm-4"_s);
        QCOMPARE(finished.value(u"stop_reason").toString(), u"llm_api_error"_s);
        QVERIFY(finished.value(u"error").toString().contains(u"fake_500"));
        // Each outer retry runs under a new run id; every one is kept, with the error the server does not store.
        QVERIFY2(runIds.size() > 1, "the server retried");
        QTRY_COMPARE_WITH_TIMEOUT(runsOf(u"cm-4"_s, u"raw->>'server_run_id'"_s).size(), runIds.size(), 10000);
        const QStringList recorded = runsOf(u"cm-4"_s, u"raw->>'server_run_id'"_s);
        QCOMPARE(QSet<QString>(recorded.cbegin(), recorded.cend()), runIds);
        const QStringList failed(runIds.size(), u"failed llm_api_error 0 1"_s);
        QTRY_COMPARE_WITH_TIMEOUT(runsOf(u"cm-4"_s, u"status || ' ' || stop_reason || ' ' || step_count || ' ' || "
                                                    "(error_text LIKE '%fake_500%')"_s),
                                  failed, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(query(u"SELECT count(DISTINCT run_id) FROM messages WHERE run_id LIKE '%1/cm-4/%' "
                       "AND message_type = 'error_message'"_s.arg(m_conversation)),
                 QStringList{QString::number(runIds.size())}, 10000);
    }

    void stepsAreTheLlmCalls()
    {
        // One step per answered LLM call, with its tokens: nothing invented, nothing lost.
        const qsizetype calls = answeredLlmCalls();
        QCOMPARE(calls, 5);
        QCOMPARE(query(u"SELECT count(*) || ' ' || sum(total_tokens) FROM steps"_s),
                 QStringList{u"%1 %2"_s.arg(calls).arg(calls * 132)});
        QCOMPARE(m_recorder->stats().gaps, 0);
    }

    void historySyncAddsNoReconstructedRuns()
    {
        AppServerClient client(AppServerEndpoint{m_server.url(), {}});
        AppServerSource source(&client);
        sync::SyncEngine engine(*m_writer);
        const sync::SyncReport report = engine.run(source, serverRecord(), {}, {}, nullptr);
        QVERIFY2(report.ok(), qPrintable(report.summary()));
        QCOMPARE(report.serverVersion, u"letta-code 0.32.18 (protocol 1, local backend)"_s);
        // Every turn was recorded live: history fills in nothing and replaces nothing.
        QCOMPARE(query(u"SELECT count(*) FROM runs WHERE reconstructed = 1"_s), QStringList{u"0"_s});
        QCOMPARE(query(u"SELECT count(*) FROM steps"_s), QStringList{QString::number(answeredLlmCalls())});
        QCOMPARE(query(u"SELECT name FROM agents"_s), QStringList{u"realserver-agent"_s});
    }

    void storeImportMatchesTheRecording()
    {
        store::StoreWriter imported;
        QVERIFY(imported.open(m_cacheDir.filePath(u"imported.db"_s)));
        const ImportReport report = importFolder(imported, m_server.home());
        QVERIFY2(report.ok(), qPrintable(report.summary()));
        QCOMPARE(report.format, ImportFormat::AppServerStore);
        // messages.jsonl keeps one assistant entry per LLM call with its usage: the same steps and tokens.
        QCOMPARE(report.steps, answeredLlmCalls());
        QCOMPARE(appservertest::rows(imported.path(), "SELECT sum(total_tokens) FROM steps"),
                 query(u"SELECT sum(total_tokens) FROM steps"_s));
    }

    void anAgentSearchesItsHistoryOverMcp()
    {
        // letta-code agents reach their client-local MCP servers through `letta mcp call` in their shell (the
        // system reminder lists the servers). The fake LLM has the agent run exactly that; the tool return the
        // server streams is Lettascope's contrast search, through letta-code's own MCP client.
        const QJsonObject runtime = startConversation(u"standard"_s);
        QVERIFY(!runtime.isEmpty());
        const QString command = u"node %1 mcp call mcp__lettascope__search_trajectories --args "
                                "'{\"query\":\"tool error\",\"include_contrasts\":true,\"limit\":1}' --agent %2"_s
                                    .arg(LettaCodeServer::lettaJs(), QString::fromLatin1(kMcpAgent));
        const auto [finished, runIds] = m_driver.turn(runtime, u"RUN_COMMAND: "_s + command, u"cm-mcp"_s);
        QVERIFY2(finished.value(u"stop_reason").toString() == u"end_turn", qPrintable(m_driver.recentFrames()));
        const QString conversation = runtime.value(u"conversation_id").toString();
        QTRY_COMPARE_WITH_TIMEOUT(query(u"SELECT tool_status || ' ' || (tool_text LIKE '%%for comparison%%') || ' ' || "
                                        "(tool_text LIKE '%%\"failures\"%%') FROM messages WHERE run_id LIKE '%1/cm-mcp/%' "
                                        "AND message_type = 'tool_return_message'"_s.arg(conversation)),
                                  QStringList{u"success 1 1"_s}, 30000);
        // The call ends one run (its approval), the answer another; both are recorded in full.
        QTRY_COMPARE_WITH_TIMEOUT(runsOf(u"cm-mcp"_s, u"status || ' ' || stop_reason"_s, conversation),
                                  (QStringList{u"completed requires_approval"_s, u"completed end_turn"_s}), 30000);
    }
};

QTEST_GUILESS_MAIN(TestRealServer)
#include "tst_realserver.moc"
