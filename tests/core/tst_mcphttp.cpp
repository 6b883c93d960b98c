// SPDX-License-Identifier: MIT
// The Streamable HTTP transport on 127.0.0.1: what a client with the token gets, and what everyone else gets
// instead (no or a wrong token, a browser page on another origin, GET, a body over the limit, a flood).
#include "mcp/mcphttpserver.h"
#include "mcp/mcpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::mcp;

namespace {

/// Answers "whoami" with the agent the transport said is calling.
class WhoTools final : public McpTools
{
public:
    QJsonArray descriptors() const override { return {QJsonObject{{u"name"_s, u"whoami"_s}}}; }
    std::optional<ToolResult> call(const QString &name, const QJsonObject &, const Caller &caller) override
    {
        if (name != u"whoami")
            return std::nullopt;
        return ToolResult{{{u"agent"_s, caller.agentId}}, caller.agentId, false};
    }
};

struct Answer {
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
};

const QByteArray kCall = R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"whoami"}})";

} // namespace

class TestMcpHttp : public QObject
{
    Q_OBJECT

    WhoTools m_tools;
    McpServer m_server{m_tools, {u"lettascope"_s, u"Lettascope"_s, u"1"_s, {}}};
    QNetworkAccessManager m_network;

    Answer send(McpHttpServer &http, const QByteArray &verb, const QByteArray &body,
                const QList<std::pair<QByteArray, QByteArray>> &headers)
    {
        QNetworkRequest request(http.url());
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(10'000))
            return {};
        Answer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                      reply->rawHeader("Retry-After")};
        reply->deleteLater();
        return answer;
    }

    std::unique_ptr<McpHttpServer> server(int requestsPerMinute = 600)
    {
        HttpServerOptions options;
        options.token = u"right-token"_s;
        options.requestsPerMinute = requestsPerMinute;
        auto http = std::make_unique<McpHttpServer>(m_server, options);
        return http->listen() ? std::move(http) : nullptr;
    }

private Q_SLOTS:
    void onlyTheRightClientGetsIn_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("origin"); // "self": the server's own origin
        QTest::addColumn<int>("status");
        QTest::newRow("a tool call") << QByteArray("POST") << kCall << QByteArray("right-token") << QByteArray() << 200;
        QTest::newRow("the server's own origin") << QByteArray("POST") << kCall << QByteArray("right-token")
                                                 << QByteArray("self") << 200;
        QTest::newRow("no token") << QByteArray("POST") << kCall << QByteArray() << QByteArray() << 401;
        QTest::newRow("a wrong token") << QByteArray("POST") << kCall << QByteArray("wrong-token!") << QByteArray()
                                       << 401;
        QTest::newRow("a page on another origin") << QByteArray("POST") << kCall << QByteArray("right-token")
                                                  << QByteArray("http://evil.example") << 403;
        QTest::newRow("another port on this machine") << QByteArray("POST") << kCall << QByteArray("right-token")
                                                      << QByteArray("http://127.0.0.1:1") << 403;
        QTest::newRow("GET (no event stream)") << QByteArray("GET") << QByteArray() << QByteArray("right-token")
                                               << QByteArray() << 405;
        QTest::newRow("DELETE (no session)") << QByteArray("DELETE") << QByteArray() << QByteArray("right-token")
                                             << QByteArray() << 405;
        QTest::newRow("a notification") << QByteArray("POST")
                                        << QByteArray(R"({"jsonrpc":"2.0","method":"notifications/initialized"})")
                                        << QByteArray("right-token") << QByteArray() << 202;
        QTest::newRow("over the size limit") << QByteArray("POST") << QByteArray(2 * 1024 * 1024, ' ')
                                             << QByteArray("right-token") << QByteArray() << 413;
        QTest::newRow("bad JSON is a JSON-RPC error") << QByteArray("POST") << QByteArray("{")
                                                      << QByteArray("right-token") << QByteArray() << 200;
    }

    void onlyTheRightClientGetsIn()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, origin);
        QFETCH(int, status);
        auto http = server();
        QVERIFY(http);
        QList<std::pair<QByteArray, QByteArray>> headers{{"x-agent-id", "agent-42"}};
        if (!token.isEmpty())
            headers.append({"Authorization", "Bearer " + token});
        if (origin == "self")
            origin = http->url().adjusted(QUrl::RemovePath).toString().toUtf8();
        if (!origin.isEmpty())
            headers.append({"Origin", origin});
        const Answer answer = send(*http, verb, body, headers);
        QCOMPARE(answer.status, status);
        const QJsonObject json = QJsonDocument::fromJson(answer.body).object();
        if (status == 200 && body == kCall) {
            QCOMPARE(json.value(u"result"_s).toObject().value(u"structuredContent"_s).toObject()
                         .value(u"agent"_s).toString(), u"agent-42"_s);
        } else if (status == 200) {
            QCOMPARE(json.value(u"error"_s).toObject().value(u"code"_s).toInt(), -32700);
        } else if (status != 202) {
            QVERIFY2(json.value(u"error"_s).toObject().contains(u"message"_s), answer.body.constData());
        }
    }

    void aFloodIsSlowedDown()
    {
        auto http = server(60); // a burst of 6, then one a second
        QVERIFY(http);
        int ok = 0;
        int limited = 0;
        QByteArray retryAfter;
        for (int i = 0; i < 12; ++i) {
            const Answer answer = send(*http, "POST", kCall, {{"Authorization", "Bearer right-token"}});
            answer.status == 429 ? ++limited : ok += answer.status == 200;
            if (answer.status == 429)
                retryAfter = answer.retryAfter;
        }
        QVERIFY2(ok >= 6 && limited >= 4, qPrintable(u"%1 ok, %2 limited"_s.arg(ok).arg(limited)));
        QCOMPARE(retryAfter, QByteArray("1"));
    }

    void refusesToListenWithoutAToken()
    {
        McpHttpServer http(m_server, HttpServerOptions{});
        QVERIFY(!http.listen());
        QVERIFY(generateToken().size() >= 43); // 256 bits
        QVERIFY(generateToken() != generateToken());
    }
};

QTEST_GUILESS_MAIN(TestMcpHttp)
#include "tst_mcphttp.moc"
