// SPDX-License-Identifier: MIT
// The MCP protocol side without a transport: both eras' handshakes, tools/list and tools/call, and every
// malformed message a client (or an attacker on the pipe) can send, each answered with the JSON-RPC error
// that says what was wrong and never a crash. Also the argument checks and the bounded turns text.
#include "mcp/mcpserver.h"
#include "mcp/toolargs.h"
#include "mcp/turnstext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::mcp;

namespace {

/// One tool, "echo", that returns its text and who called; "fail" returns a tool error.
class EchoTools final : public McpTools
{
public:
    QJsonArray descriptors() const override
    {
        return {QJsonObject{{u"name"_s, u"echo"_s}, {u"inputSchema"_s, QJsonObject{{u"type"_s, u"object"_s}}}}};
    }
    std::optional<ToolResult> call(const QString &name, const QJsonObject &arguments, const Caller &caller) override
    {
        if (name == u"fail")
            return ToolResult::error(u"text: must be a string"_s);
        if (name != u"echo")
            return std::nullopt;
        const QJsonObject out{{u"text"_s, arguments.value(u"text"_s)}, {u"agent"_s, caller.agentId}};
        return ToolResult{out, arguments.value(u"text"_s).toString(), false};
    }
};

QJsonObject reply(McpServer &server, const QByteArray &message, const Caller &caller = {})
{
    return QJsonDocument::fromJson(server.handle(message, caller)).object();
}

QByteArray request(const QString &method, const QJsonObject &params = {}, const QJsonValue &id = 1)
{
    QJsonObject object{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"method"_s, method}};
    if (!params.isEmpty())
        object.insert(u"params"_s, params);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject stateless(QJsonObject params, const QString &version = u"2026-07-28"_s)
{
    params.insert(u"_meta"_s, QJsonObject{{u"io.modelcontextprotocol/protocolVersion"_s, version},
                                          {u"io.modelcontextprotocol/clientCapabilities"_s, QJsonObject()}});
    return params;
}

} // namespace

class TestMcpServer : public QObject
{
    Q_OBJECT

    EchoTools m_tools;
    McpServer m_server{m_tools, {u"lettascope"_s, u"Lettascope"_s, u"1.2.3"_s, u"Search your history."_s}};

private Q_SLOTS:
    void initializeAgreesOnARevision_data()
    {
        QTest::addColumn<QString>("asked");
        QTest::addColumn<QString>("agreed");
        QTest::newRow("2025-06-18 (letta-code's SDK)") << u"2025-06-18"_s << u"2025-06-18"_s;
        QTest::newRow("2025-11-25") << u"2025-11-25"_s << u"2025-11-25"_s;
        QTest::newRow("2024-11-05") << u"2024-11-05"_s << u"2024-11-05"_s;
        QTest::newRow("unknown: the newest handshake revision") << u"1999-01-01"_s << u"2025-11-25"_s;
        QTest::newRow("2026 has no handshake") << u"2026-07-28"_s << u"2025-11-25"_s;
    }

    void initializeAgreesOnARevision()
    {
        QFETCH(QString, asked);
        QFETCH(QString, agreed);
        const QJsonObject result = reply(m_server, request(u"initialize"_s, {{u"protocolVersion"_s, asked},
                                                                             {u"capabilities"_s, QJsonObject()}}))
                                       .value(u"result"_s).toObject();
        QCOMPARE(result.value(u"protocolVersion"_s).toString(), agreed);
        QVERIFY(result.value(u"capabilities"_s).toObject().contains(u"tools"_s));
        QCOMPARE(result.value(u"serverInfo"_s).toObject().value(u"version"_s).toString(), u"1.2.3"_s);
        QCOMPARE(result.value(u"instructions"_s).toString(), u"Search your history."_s);
    }

    void discoverListsBothEras()
    {
        const QJsonObject result = reply(m_server, request(u"server/discover"_s, stateless({})))
                                       .value(u"result"_s).toObject();
        const QJsonArray versions = result.value(u"supportedVersions"_s).toArray();
        QVERIFY(versions.contains(u"2026-07-28"_s));
        QVERIFY(versions.contains(u"2025-06-18"_s));
        QCOMPARE(result.value(u"resultType"_s).toString(), u"complete"_s);
        QCOMPARE(result.value(u"_meta"_s).toObject().value(u"io.modelcontextprotocol/serverInfo"_s).toObject()
                     .value(u"name"_s).toString(), u"lettascope"_s);
    }

    void statelessResultsAreMarkedComplete_data()
    {
        QTest::addColumn<bool>("withMeta");
        QTest::newRow("2026-07-28") << true;
        QTest::newRow("2025 era") << false;
    }

    void statelessResultsAreMarkedComplete()
    {
        QFETCH(bool, withMeta);
        const QJsonObject params{{u"name"_s, u"echo"_s}, {u"arguments"_s, QJsonObject{{u"text"_s, u"hi"_s}}}};
        const QJsonObject result = reply(m_server, request(u"tools/call"_s, withMeta ? stateless(params) : params))
                                       .value(u"result"_s).toObject();
        QCOMPARE(result.contains(u"resultType"_s), withMeta);
        QCOMPARE(result.value(u"structuredContent"_s).toObject().value(u"text"_s).toString(), u"hi"_s);
        QCOMPARE(result.value(u"content"_s).toArray().first().toObject().value(u"text"_s).toString(), u"hi"_s);
        QCOMPARE(result.value(u"isError"_s).toBool(true), false);
    }

    void toolsListAndCallerReachTheTools()
    {
        const QJsonObject listed = reply(m_server, request(u"tools/list"_s)).value(u"result"_s).toObject();
        QCOMPARE(listed.value(u"tools"_s).toArray().size(), 1);
        const QJsonObject called = reply(m_server, request(u"tools/call"_s, {{u"name"_s, u"echo"_s}}),
                                         Caller{u"agent-7"_s});
        QCOMPARE(called.value(u"result"_s).toObject().value(u"structuredContent"_s).toObject()
                     .value(u"agent"_s).toString(), u"agent-7"_s);
        QCOMPARE(called.value(u"id"_s).toInt(), 1);
    }

    void theObserverHearsEveryCallOfAKnownTool()
    {
        QStringList heard;
        m_server.setCallObserver([&heard](const QString &tool, const QJsonObject &arguments, const Caller &caller) {
            heard << u"%1 %2 %3"_s.arg(caller.agentId, tool, arguments.value(u"text"_s).toString());
        });
        const QJsonObject echo{{u"name"_s, u"echo"_s}, {u"arguments"_s, QJsonObject{{u"text"_s, u"hi"_s}}}};
        reply(m_server, request(u"tools/call"_s, echo), Caller{u"agent-1"_s});
        reply(m_server, request(u"tools/call"_s, {{u"name"_s, u"rm"_s}}));   // unknown: nothing ran
        reply(m_server, request(u"tools/list"_s));                            // not a call
        m_server.setCallObserver({});
        QCOMPARE(heard, QStringList{u"agent-1 echo hi"_s});
    }

    void aToolErrorIsAResultTheAgentCanRead()
    {
        const QJsonObject result = reply(m_server, request(u"tools/call"_s, {{u"name"_s, u"fail"_s}}))
                                       .value(u"result"_s).toObject();
        QVERIFY(result.value(u"isError"_s).toBool());
        QVERIFY(!result.contains(u"structuredContent"_s));
        QCOMPARE(result.value(u"content"_s).toArray().first().toObject().value(u"text"_s).toString(),
                 u"text: must be a string"_s);
    }

    void badMessagesGetTheRightError_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        QTest::newRow("not JSON") << QByteArray("{\"jsonrpc\": \"2.0\", ") << -32700 << u"not JSON"_s;
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe", 3) << -32700 << u"not JSON"_s;
        QTest::newRow("a batch") << QByteArray("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]") << -32600
                                 << u"one JSON-RPC object"_s;
        QTest::newRow("no jsonrpc") << QByteArray("{\"id\":1,\"method\":\"ping\"}") << -32600 << u"jsonrpc"_s;
        QTest::newRow("no method") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1}") << -32600 << u"method"_s;
        QTest::newRow("object id") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}") << -32600
                                   << u"id"_s;
        QTest::newRow("params not an object") << request(u"tools/list"_s).replace("}", ",\"params\":[1]}") << -32602
                                              << u"params"_s;
        QTest::newRow("unknown method") << request(u"resources/list"_s) << -32601 << u"resources/list"_s;
        QTest::newRow("unknown tool") << request(u"tools/call"_s, {{u"name"_s, u"rm"_s}}) << -32602 << u"rm"_s;
        QTest::newRow("tool without a name") << request(u"tools/call"_s, {{u"arguments"_s, QJsonObject()}})
                                             << -32602 << u"name"_s;
        QTest::newRow("arguments not an object")
            << request(u"tools/call"_s, {{u"name"_s, u"echo"_s}, {u"arguments"_s, u"hi"_s}}) << -32602
            << u"arguments"_s;
        QTest::newRow("a version nobody speaks") << request(u"tools/list"_s, stateless({}, u"2030-01-01"_s))
                                                 << -32022 << u"2030-01-01"_s;
    }

    void badMessagesGetTheRightError()
    {
        QFETCH(QByteArray, message);
        QFETCH(int, code);
        QFETCH(QString, says);
        const QJsonObject error = reply(m_server, message).value(u"error"_s).toObject();
        QCOMPARE(error.value(u"code"_s).toInt(), code);
        QVERIFY2(error.value(u"message"_s).toString().contains(says), qPrintable(error.value(u"message"_s).toString()));
    }

    void notificationsAreNeverAnswered()
    {
        QVERIFY(m_server.handle(R"({"jsonrpc":"2.0","method":"notifications/initialized"})").isEmpty());
        QVERIFY(m_server.handle(R"({"jsonrpc":"2.0","method":"no/such/thing"})").isEmpty());
        // Not even a tool call without an id runs or answers.
        QVERIFY(m_server.handle(R"({"jsonrpc":"2.0","method":"tools/call","params":{"name":"echo"}})").isEmpty());
    }

    void pingAnswersEmpty()
    {
        const QJsonObject answer = reply(m_server, request(u"ping"_s, {}, u"p-1"_s));
        QCOMPARE(answer.value(u"id"_s).toString(), u"p-1"_s);
        QCOMPARE(answer.value(u"result"_s).toObject(), QJsonObject());
    }

    void argumentsAreCheckedByName_data()
    {
        QTest::addColumn<QJsonObject>("arguments");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::newRow("all good") << QJsonObject{{u"query"_s, u"q"_s}, {u"limit"_s, 3}} << QString();
        QTest::newRow("defaults") << QJsonObject{{u"query"_s, u"q"_s}} << QString();
        QTest::newRow("missing query") << QJsonObject{{u"limit"_s, 3}} << u"query: is required"_s;
        QTest::newRow("blank query") << QJsonObject{{u"query"_s, u"  "_s}} << u"query: must not be empty"_s;
        QTest::newRow("query not text") << QJsonObject{{u"query"_s, 5}} << u"query: must be a string"_s;
        QTest::newRow("limit too big") << QJsonObject{{u"query"_s, u"q"_s}, {u"limit"_s, 11}}
                                       << u"limit: must be an integer from 1 to 10"_s;
        QTest::newRow("limit fractional") << QJsonObject{{u"query"_s, u"q"_s}, {u"limit"_s, 2.5}}
                                          << u"limit: must be an integer from 1 to 10"_s;
        QTest::newRow("limit as text") << QJsonObject{{u"query"_s, u"q"_s}, {u"limit"_s, u"3"_s}}
                                       << u"limit: must be an integer from 1 to 10"_s;
        QTest::newRow("score out of range") << QJsonObject{{u"query"_s, u"q"_s}, {u"min_score"_s, 1.5}}
                                            << u"min_score: must be a number from 0 to 1"_s;
        QTest::newRow("flag as text") << QJsonObject{{u"query"_s, u"q"_s}, {u"include_contrasts"_s, u"yes"_s}}
                                      << u"include_contrasts: must be true or false"_s;
        QTest::newRow("a typo") << QJsonObject{{u"query"_s, u"q"_s}, {u"limt"_s, 3}} << u"limt: unknown argument"_s;
    }

    void argumentsAreCheckedByName()
    {
        QFETCH(QJsonObject, arguments);
        QFETCH(QString, error);
        ToolArgs args(arguments, {u"query"_s, u"limit"_s, u"min_score"_s, u"include_contrasts"_s});
        args.text(u"query"_s, 100, true);
        const int limit = args.integer(u"limit"_s, 3, 1, 10);
        args.number(u"min_score"_s, 0.5, 0, 1);
        args.boolean(u"include_contrasts"_s);
        if (error.isEmpty()) {
            QVERIFY2(!args.error(), qPrintable(args.error() ? args.error()->message : QString()));
            QCOMPARE(limit, 3);
        } else {
            QVERIFY(args.error());
            QVERIFY2(args.error()->message.startsWith(error), qPrintable(args.error()->message));
        }
    }

    void turnsTextIsBoundedAndSaysWhatItLeftOut()
    {
        const QJsonObject user{{u"role"_s, u"user"_s},
                               {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s},
                                                                     {u"text"_s, QString(5000, u'x')}}}}};
        const QJsonObject call{{u"role"_s, u"assistant"_s},
                               {u"tool_calls"_s, QJsonArray{QJsonObject{
                                   {u"function"_s, QJsonObject{{u"name"_s, u"web_search"_s},
                                                               {u"arguments"_s, u"{\"q\":1}"_s}}}}}}};
        const QJsonObject failed{{u"role"_s, u"tool"_s}, {u"status"_s, u"error"_s},
                                 {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s},
                                                                       {u"text"_s, u"HTTP 502"_s}}}}};
        QJsonArray turns;
        for (int i = 0; i < 100; ++i)
            turns.append(QJsonObject{{u"messages"_s, QJsonArray{user, call, failed}}});
        const QString text = turnsText(turns, 100, 2000);
        QVERIFY(text.size() <= 2100);
        QVERIFY(text.startsWith(u"Turn 1\nuser: "_s));
        QVERIFY(text.contains(u"→ web_search({\"q\":1})"_s));
        QVERIFY(text.contains(u"✗ HTTP 502"_s));
        QVERIFY(text.endsWith(u"more turn(s) not shown (size limit)"_s));
        QCOMPARE(turnsText({}, 100, 2000), QString());
    }
};

QTEST_GUILESS_MAIN(TestMcpServer)
#include "tst_mcpserver.moc"
