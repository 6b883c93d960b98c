// SPDX-License-Identifier: MIT
// `lettascope-cli mcp` over stdio as an agent's MCP client runs it: a separate process on a cache the test
// wrote and processed. Its answers are the CLI's own `trajectories search` for the same query and filters;
// stdout carries protocol messages only; a malformed or oversized message is answered and the server goes on.
// An independent client, the official MCP TypeScript SDK (tests/mcp/sdkclient.mjs), drives both transports.
#include "cachefixture.h"
#include "runscenarios.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace testsupport;

namespace {

constexpr int kRuns = 24;

QByteArray line(const QJsonObject &message)
{
    return QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n';
}

QJsonObject call(int id, const QString &tool, const QJsonObject &arguments)
{
    return {{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"method"_s, u"tools/call"_s},
            {u"params"_s, QJsonObject{{u"name"_s, tool}, {u"arguments"_s, arguments}}}};
}

QStringList runIds(const QJsonArray &items, const QString &key)
{
    QStringList ids;
    for (const auto &item : items) {
        const QJsonObject object = item.toObject();
        ids << (key.isEmpty() ? object.value(u"run_id"_s).toString()
                              : object.value(key).toObject().value(u"run_id"_s).toString());
    }
    return ids;
}

/// Where tests/mcp/install-mcp-sdk.sh put the SDK (the same default as the script).
QString sdkDir()
{
    if (const QString dir = qEnvironmentVariable("LETTASCOPE_MCP_SDK_DIR"); !dir.isEmpty())
        return dir;
    const QString cache = qEnvironmentVariable("XDG_CACHE_HOME", QDir::homePath() + u"/.cache"_s);
    return cache + u"/lettascope/mcp-sdk-1.30.0"_s;
}

} // namespace

class TestMcpCli : public QObject
{
    Q_OBJECT

    CacheFixture m_cache;
    QTemporaryDir m_home;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.path());
        env.insert(u"HOME"_s, m_home.path());
        env.remove(u"LETTASCOPE_LLM_API_KEY"_s);
        return env;
    }

    QByteArray cli(const QStringList &arguments, const QByteArray &input = {}, QByteArray *err = nullptr)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(LETTASCOPE_CLI), QStringList{u"--cache"_s, m_cache.path()} + arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(120'000))
            return {};
        if (err)
            *err = process.readAllStandardError();
        return process.readAllStandardOutput();
    }

    /// Every reply the server printed, one JSON object per line (and nothing else on stdout).
    QList<QJsonObject> mcp(const QByteArray &input)
    {
        QList<QJsonObject> replies;
        for (const QByteArray &text : cli({u"mcp"_s}, input).split('\n')) {
            if (text.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(text, &error);
            if (error.error != QJsonParseError::NoError || !document.isObject()) {
                qWarning() << "not a protocol message on stdout:" << text.left(200);
                return {};
            }
            replies << document.object();
        }
        return replies;
    }

    QJsonObject structured(const QJsonObject &reply)
    {
        return reply.value(u"result"_s).toObject().value(u"structuredContent"_s).toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(m_cache.open());
        QVERIFY(m_cache.write(scenarioRuns(0, kRuns, 2)));
        cli({u"trajectories"_s, u"build"_s});
        QByteArray err;
        cli({u"trajectories"_s, u"process"_s, u"--quiet"_s}, {}, &err);
        QVERIFY2(err.isEmpty(), err.constData());
    }

    void answersEqualTheCliSearch_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("contrasts");
        QTest::newRow("plain") << u"tool error"_s << false;
        QTest::newRow("contrasts") << u"tool error"_s << true;
        QTest::newRow("plain, other words") << u"search the web"_s << false;
    }

    void answersEqualTheCliSearch()
    {
        QFETCH(QString, query);
        QFETCH(bool, contrasts);
        QStringList cliArguments{u"trajectories"_s, u"search"_s, query, u"--json"_s, u"--limit"_s, u"3"_s};
        QJsonObject arguments{{u"query"_s, query}, {u"limit"_s, 3}};
        if (contrasts) {
            cliArguments << u"--contrasts"_s;
            arguments.insert(u"include_contrasts"_s, true);
        } else {
            cliArguments << u"--min-score"_s << u"0.5"_s; // the tool's default min_score
        }
        const QJsonObject expected = QJsonDocument::fromJson(cli(cliArguments)).object();
        const QList<QJsonObject> replies = mcp(line(call(1, u"search_trajectories"_s, arguments)));
        QCOMPARE(replies.size(), 1);
        const QJsonObject got = structured(replies.first());
        const QStringList tiers = contrasts ? QStringList{u"successes"_s, u"moderate"_s, u"failures"_s}
                                            : QStringList{u"results"_s};
        int total = 0;
        for (const QString &tier : tiers) {
            QVERIFY2(got.value(tier).isArray(), qPrintable(tier)); // every tier present, if empty
            const QStringList ids = runIds(got.value(tier).toArray(), {});
            QCOMPARE(ids, runIds(expected.value(tier).toArray(), u"trajectory"_s));
            total += int(ids.size());
            for (const auto &item : got.value(tier).toArray()) {
                QVERIFY(item.toObject().value(u"similarity"_s).isDouble());
                QVERIFY(item.toObject().value(u"outcome_score"_s).isDouble()); // 0.0 is a number, never "N/A"
            }
        }
        QVERIFY(total > 0);
        QVERIFY(got.value(u"message"_s).toString().startsWith(u"Found"_s));
    }

    void getTrajectoryAndDecisionsReadTheSameRuns()
    {
        const QJsonObject found = structured(
            mcp(line(call(1, u"search_trajectories"_s, {{u"query"_s, u"tool error"_s}, {u"min_score"_s, 0}})))
                .value(0));
        const QString runId = found.value(u"results"_s).toArray().first().toObject().value(u"run_id"_s).toString();
        QVERIFY(!runId.isEmpty());
        const QList<QJsonObject> replies =
            mcp(line(call(2, u"get_trajectory"_s, {{u"run_id"_s, runId}}))
                + line(call(3, u"search_decisions"_s, {{u"query"_s, u"search"_s}, {u"limit"_s, 20}}))
                + line(call(4, u"get_trajectory"_s, {{u"run_id"_s, u"run-that-never-was"_s}})));
        QCOMPARE(replies.size(), 3);
        const QJsonObject trajectory = structured(replies.at(0));
        QCOMPARE(trajectory.value(u"run_id"_s).toString(), runId);
        QVERIFY(trajectory.value(u"turns"_s).toString().startsWith(u"Turn 1\n"_s));
        QVERIFY(trajectory.value(u"turns"_s).toString().size() <= 12'100);
        const QJsonArray decisions = structured(replies.at(1)).value(u"results"_s).toArray();
        QVERIFY(!decisions.isEmpty());
        for (const auto &d : decisions) {
            const QJsonObject decision = d.toObject();
            const QString text = (decision.value(u"action"_s).toString() + decision.value(u"arguments_summary"_s)
                                  .toString() + decision.value(u"result_summary"_s).toString()).toLower();
            QVERIFY2(text.contains(u"search"_s), qPrintable(text));
            QVERIFY(decision.value(u"result_summary"_s).toString().size() <= 200);
        }
        const QJsonObject missing = replies.at(2).value(u"result"_s).toObject();
        QVERIFY(missing.value(u"isError"_s).toBool());
        QVERIFY(missing.value(u"content"_s).toArray().first().toObject().value(u"text"_s).toString()
                    .startsWith(u"run_id: no trajectory for run-that-never-was"_s));
    }

    void anIndependentClientDrivesBothTransports_data()
    {
        QTest::addColumn<bool>("http");
        QTest::newRow("stdio") << false;
        QTest::newRow("streamable HTTP") << true;
    }

    void anIndependentClientDrivesBothTransports()
    {
        QFETCH(bool, http);
        const QString sdk = sdkDir();
        const QString node = QStandardPaths::findExecutable(u"node"_s);
        QVERIFY2(!node.isEmpty() && QFile::exists(sdk + u"/node_modules/@modelcontextprotocol/sdk/package.json"_s),
                 qPrintable(u"the MCP TypeScript SDK is not installed at %1: run tests/mcp/install-mcp-sdk.sh "
                            "first (scripts/dev.sh test does)"_s.arg(sdk)));
        QTemporaryDir dir;
        QFile calls(dir.filePath(u"calls.json"_s));
        QVERIFY(calls.open(QIODevice::WriteOnly));
        const QJsonArray list{QJsonObject{{u"tool"_s, u"search_trajectories"_s},
                                          {u"arguments"_s, QJsonObject{{u"query"_s, u"tool error"_s},
                                                                       {u"include_contrasts"_s, true}}}},
                              QJsonObject{{u"tool"_s, u"search_decisions"_s},
                                          {u"arguments"_s, QJsonObject{{u"query"_s, u"search"_s}}}},
                              QJsonObject{{u"tool"_s, u"search_trajectories"_s},
                                          {u"arguments"_s, QJsonObject{{u"limit"_s, 3}}}}}; // no query
        calls.write(QJsonDocument(list).toJson());
        calls.close();

        QStringList arguments{QStringLiteral(LETTASCOPE_SOURCE_DIR) + u"/tests/mcp/sdkclient.mjs"_s, u"--sdk"_s, sdk,
                              u"--calls"_s, calls.fileName()};
        QProcess server;
        server.setProcessEnvironment(environment());
        if (http) {
            const QString token = u"sdk-test-token"_s;
            server.start(QStringLiteral(LETTASCOPE_CLI), {u"--cache"_s, m_cache.path(), u"mcp"_s, u"--http"_s,
                                                          u"127.0.0.1:0"_s, u"--token"_s, token});
            QVERIFY(server.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10'000);
            const QString line = QString::fromUtf8(server.readLine()).trimmed();
            QVERIFY2(line.startsWith(u"MCP server listening on http://127.0.0.1:"_s), qPrintable(line));
            arguments << u"--http"_s << line.section(u' ', -1) << u"--token"_s << token;
        } else {
            arguments << u"--stdio"_s << u"--"_s << QStringLiteral(LETTASCOPE_CLI) << u"--cache"_s << m_cache.path()
                      << u"mcp"_s;
        }
        QProcess client;
        client.setProcessEnvironment(environment());
        client.start(node, arguments);
        QVERIFY(client.waitForFinished(60'000));
        server.terminate();
        server.waitForFinished();
        QVERIFY2(client.exitCode() == 0, client.readAllStandardError().constData());
        const QJsonObject out = QJsonDocument::fromJson(client.readAllStandardOutput()).object();

        QCOMPARE(out.value(u"serverVersion"_s).toObject().value(u"name"_s).toString(), u"lettascope"_s);
        QStringList tools;
        for (const auto &tool : out.value(u"tools"_s).toArray())
            tools << tool.toObject().value(u"name"_s).toString();
        QCOMPARE(tools, (QStringList{u"search_trajectories"_s, u"search_decisions"_s, u"get_trajectory"_s}));
        const QJsonArray results = out.value(u"results"_s).toArray();
        QCOMPARE(results.size(), 3);
        const QJsonObject expected = QJsonDocument::fromJson(cli({u"trajectories"_s, u"search"_s, u"tool error"_s,
                                                                  u"--contrasts"_s, u"--limit"_s, u"3"_s,
                                                                  u"--json"_s})).object();
        const QJsonObject contrasts = results.at(0).toObject().value(u"structuredContent"_s).toObject();
        for (const QString &tier : {u"successes"_s, u"moderate"_s, u"failures"_s})
            QCOMPARE(runIds(contrasts.value(tier).toArray(), {}), runIds(expected.value(tier).toArray(), u"trajectory"_s));
        QVERIFY(!results.at(1).toObject().value(u"structuredContent"_s).toObject().value(u"results"_s).toArray()
                     .isEmpty());
        const QJsonObject missing = results.at(2).toObject();
        QVERIFY(missing.value(u"isError"_s).toBool());
        QVERIFY(missing.value(u"content"_s).toArray().first().toObject().value(u"text"_s).toString()
                    .startsWith(u"query: is required"_s));
    }

    void theCallingAgentScopesTheSearch_data()
    {
        QTest::addColumn<QByteArray>("agentHeader");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QStringList>("agents");
        QTest::newRow("x-agent-id: its own history") << QByteArray("agent-1") << QString() << QStringList{u"agent-1"_s};
        QTest::newRow("scope all") << QByteArray("agent-1") << u"all"_s
                                   << QStringList{u"agent-0"_s, u"agent-1"_s};
        QTest::newRow("no caller: everyone's") << QByteArray() << QString() << QStringList{u"agent-0"_s, u"agent-1"_s};
    }

    void theCallingAgentScopesTheSearch()
    {
        QFETCH(QByteArray, agentHeader);
        QFETCH(QString, scope);
        QFETCH(QStringList, agents);
        QProcess server;
        server.setProcessEnvironment(environment());
        server.start(QStringLiteral(LETTASCOPE_CLI), {u"--cache"_s, m_cache.path(), u"mcp"_s, u"--http"_s,
                                                      u"127.0.0.1:0"_s, u"--token"_s, u"t"_s});
        QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10'000);
        const QUrl url(QString::fromUtf8(server.readLine()).trimmed().section(u' ', -1));
        QJsonObject arguments{{u"query"_s, u"tool error search"_s}, {u"min_score"_s, 0}, {u"limit"_s, 10}};
        if (!scope.isEmpty())
            arguments.insert(u"scope"_s, scope);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader("Authorization", "Bearer t");
        if (!agentHeader.isEmpty())
            request.setRawHeader("x-agent-id", agentHeader);
        QNetworkAccessManager network;
        QNetworkReply *reply = network.post(request, line(call(1, u"search_trajectories"_s, arguments)));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30'000);
        const QJsonObject found = structured(QJsonDocument::fromJson(reply->readAll()).object());
        reply->deleteLater();
        server.terminate();
        server.waitForFinished();
        QSet<QString> seen;
        for (const auto &item : found.value(u"results"_s).toArray())
            seen.insert(item.toObject().value(u"agent_id"_s).toString());
        QCOMPARE(seen, QSet<QString>(agents.cbegin(), agents.cend()));
    }

    void newTrajectoriesAreFoundWithoutARestart()
    {
        QProcess server;
        server.setProcessEnvironment(environment());
        server.start(QStringLiteral(LETTASCOPE_CLI), {u"--cache"_s, m_cache.path(), u"mcp"_s});
        QVERIFY(server.waitForStarted());
        const auto found = [&server](int id, const QString &runId) {
            server.write(line(call(id, u"get_trajectory"_s, {{u"run_id"_s, runId}})));
            while (!server.canReadLine() && server.waitForReadyRead(30'000)) {
            }
            const QJsonObject reply = QJsonDocument::fromJson(server.readLine()).object();
            return !reply.value(u"result"_s).toObject().value(u"isError"_s).toBool(true);
        };
        const QString newRun = u"run-%1"_s.arg(kRuns + 11, 6, 10, QLatin1Char('0'));
        QVERIFY(found(1, u"run-000000"_s));
        QVERIFY(!found(2, newRun));
        // Another process (a sync, the app) adds runs and processes them while the server runs.
        QVERIFY(m_cache.write(scenarioRuns(kRuns, 12, 2)));
        cli({u"trajectories"_s, u"build"_s});
        cli({u"trajectories"_s, u"process"_s, u"--quiet"_s});
        QVERIFY(found(3, newRun));
        server.closeWriteChannel();
        QVERIFY(server.waitForFinished(10'000)); // stdin closed: the server exits
        QCOMPARE(server.exitCode(), 0);
    }

    void badInputIsAnsweredAndTheServerGoesOn()
    {
        QByteArray input = "this is not json\n";
        input += QByteArray(2 * 1024 * 1024, 'x') + '\n'; // over the 1 MiB a message may have
        input += line(call(5, u"search_trajectories"_s, {{u"query"_s, u"x"_s}, {u"limit"_s, u"three"_s}}));
        input += line({{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, 6}, {u"method"_s, u"ping"_s}});
        const QList<QJsonObject> replies = mcp(input);
        QCOMPARE(replies.size(), 4);
        QCOMPARE(replies.at(0).value(u"error"_s).toObject().value(u"code"_s).toInt(), -32700);
        QCOMPARE(replies.at(1).value(u"error"_s).toObject().value(u"code"_s).toInt(), -32600);
        QVERIFY(replies.at(1).value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"1 MiB"_s));
        const QJsonObject wrong = replies.at(2).value(u"result"_s).toObject();
        QVERIFY(wrong.value(u"isError"_s).toBool());
        QVERIFY(wrong.value(u"content"_s).toArray().first().toObject().value(u"text"_s).toString()
                    .startsWith(u"limit:"_s));
        QCOMPARE(replies.at(3).value(u"id"_s).toInt(), 6);
    }
};

QTEST_GUILESS_MAIN(TestMcpCli)
#include "tst_mcpcli.moc"
