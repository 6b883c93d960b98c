// SPDX-License-Identifier: MIT
// The fake OpenAI-compatible LLM: default rules (the capture conventions), both wire shapes,
// embeddings, scripted replies and faults, and the request log.
#include "fakellm/defaultrules.h"
#include "fakellm/fakellmserver.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using namespace lettascope::fakellm;

namespace {

struct HttpAnswer {
    int status = 0;
    QByteArray body;
    QByteArray retryAfter;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
};

QJsonObject chatBody(const QJsonArray &messages, bool stream)
{
    QJsonObject body{{u"model"_s, u"fake-model"_s}, {u"messages"_s, messages}, {u"stream"_s, stream}};
    if (stream)
        body.insert(u"stream_options"_s, QJsonObject{{u"include_usage"_s, true}});
    return body;
}

QJsonObject message(const QString &role, const QJsonValue &content)
{
    return {{u"role"_s, role}, {u"content"_s, content}};
}

// What a streaming client reassembles from the SSE chunks.
struct Streamed {
    QString text;
    QJsonArray toolCalls;
    QString finishReason;
    QJsonObject usage;
    bool done = false;
};

Streamed parseStream(const QByteArray &body)
{
    Streamed out;
    for (const QByteArray &line : body.split('\n')) {
        if (!line.startsWith("data: "))
            continue;
        const QByteArray data = line.mid(6);
        if (data == "[DONE]") {
            out.done = true;
            continue;
        }
        const QJsonObject chunk = QJsonDocument::fromJson(data).object();
        if (chunk.contains(u"usage"))
            out.usage = chunk.value(u"usage").toObject();
        for (const QJsonValue &choice : chunk.value(u"choices").toArray()) {
            const QJsonObject delta = choice.toObject().value(u"delta").toObject();
            out.text += delta.value(u"content").toString();
            for (const QJsonValue &call : delta.value(u"tool_calls").toArray())
                out.toolCalls.append(call);
            if (choice.toObject().value(u"finish_reason").isString())
                out.finishReason = choice.toObject().value(u"finish_reason").toString();
        }
    }
    return out;
}

} // namespace

class TestFakeLlm : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeLlmServer> m_server;
    QNetworkAccessManager m_nam;

    HttpAnswer call(const QString &path, const QJsonObject &body = {}, int transferTimeoutMs = 10000)
    {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server->port()).arg(path)));
        request.setTransferTimeout(transferTimeoutMs);
        QNetworkReply *reply = nullptr;
        if (body.isEmpty()) {
            reply = m_nam.get(request);
        } else {
            request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
            reply = m_nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        }
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(transferTimeoutMs + 5000))
            qFatal("no HTTP answer from the fake LLM");
        HttpAnswer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                          reply->rawHeader("Retry-After"), reply->error()};
        reply->deleteLater();
        return answer;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeLlmServer>();
        QVERIFY(m_server->listen());
        QCOMPARE(m_server->baseUrl().host(), u"127.0.0.1"_s);
    }
    void cleanup() { m_server.reset(); }

    void listsTheFakeModel()
    {
        const HttpAnswer answer = call(u"/v1/models"_s);
        QCOMPARE(answer.status, 200);
        const QJsonArray data = QJsonDocument::fromJson(answer.body).object().value(u"data").toArray();
        QCOMPARE(data.size(), 1);
        QCOMPARE(data[0].toObject().value(u"id").toString(), u"fake-model"_s);
    }

    void defaultRules_data()
    {
        QTest::addColumn<QJsonArray>("messages");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("toolName");
        QTest::addColumn<QString>("toolArguments");
        QTest::addColumn<QString>("finishReason");

        const QJsonArray reminderAndText{QJsonObject{{u"type"_s, u"text"_s},
                                                     {u"text"_s, u"<system-reminder>\n- **Current working directory**: /work/dir\n</system-reminder>"_s}},
                                         QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, u"Hello agent, please say hi."_s}}};
        QTest::addRow("text, streamed") << QJsonArray{message(u"user"_s, reminderAndText)} << true
                                        << u"Hello from the fake LLM. You said: Hello agent, please say hi."_s << QString()
                                        << QString() << u"stop"_s;
        QTest::addRow("text, plain") << QJsonArray{message(u"user"_s, u"hi"_s)} << false
                                     << u"Hello from the fake LLM. You said: hi"_s << QString() << QString() << u"stop"_s;
        const QJsonArray toolTurn{message(u"system"_s, u"- **Current working directory**: /work/dir"_s),
                                  message(u"user"_s, u"USE_TOOL: read a.txt and tell me what it says."_s)};
        QTest::addRow("USE_TOOL, streamed") << toolTurn << true << QString() << u"Read"_s
                                            << u"{\"file_path\":\"/work/dir/a.txt\"}"_s << u"tool_calls"_s;
        QTest::addRow("USE_TOOL, plain") << toolTurn << false << QString() << u"Read"_s
                                         << u"{\"file_path\":\"/work/dir/a.txt\"}"_s << u"tool_calls"_s;
        QTest::addRow("USE_BASH") << QJsonArray{message(u"user"_s, u"USE_BASH: create a marker file"_s)} << true << QString()
                                  << u"exec_command"_s
                                  << u"{\"cmd\":\"touch created-by-agent.txt\",\"description\":\"Create a marker file\"}"_s
                                  << u"tool_calls"_s;
        QTest::addRow("RUN_COMMAND") << QJsonArray{message(u"user"_s, u"RUN_COMMAND: echo \"hi\" > out.txt"_s)} << true
                                     << QString() << u"exec_command"_s
                                     << u"{\"cmd\":\"echo \\\"hi\\\" > out.txt\",\"description\":\"Run the requested command\"}"_s
                                     << u"tool_calls"_s;
        QTest::addRow("after a tool result") << QJsonArray{message(u"user"_s, u"USE_TOOL x.txt"_s), message(u"tool"_s, u"1\thello"_s)}
                                             << true << u"The tool ran. Final answer: 42."_s << QString() << QString()
                                             << u"stop"_s;
    }
    void shellCallFollowsTheOfferedTools_data()
    {
        QTest::addColumn<QStringList>("offered");
        QTest::addColumn<QString>("toolName");
        QTest::addColumn<QString>("commandKey");
        QTest::addRow("no tools") << QStringList{} << u"exec_command"_s << u"cmd"_s;
        QTest::addRow("exec_command") << QStringList{u"Read"_s, u"exec_command"_s} << u"exec_command"_s << u"cmd"_s;
        QTest::addRow("Bash only") << QStringList{u"Read"_s, u"Bash"_s} << u"Bash"_s << u"command"_s;
        QTest::addRow("both") << QStringList{u"Bash"_s, u"exec_command"_s} << u"exec_command"_s << u"cmd"_s;
    }
    void shellCallFollowsTheOfferedTools()
    {
        QFETCH(QStringList, offered);
        QJsonObject body = chatBody({message(u"user"_s, u"USE_BASH: create a marker file"_s)}, false);
        QJsonArray tools;
        for (const QString &name : offered)
            tools.append(QJsonObject{{u"type"_s, u"function"_s}, {u"function"_s, QJsonObject{{u"name"_s, name}}}});
        body.insert(u"tools"_s, tools);
        const HttpAnswer answer = call(u"/v1/chat/completions"_s, body);
        QCOMPARE(answer.status, 200);
        const QJsonObject function = QJsonDocument::fromJson(answer.body).object().value(u"choices").toArray().first().toObject()
                                     .value(u"message").toObject().value(u"tool_calls").toArray().first().toObject()
                                     .value(u"function").toObject();
        QFETCH(QString, toolName);
        QFETCH(QString, commandKey);
        QCOMPARE(function.value(u"name").toString(), toolName);
        const QJsonObject args = QJsonDocument::fromJson(function.value(u"arguments").toString().toUtf8()).object();
        QCOMPARE(args.value(commandKey).toString(), u"touch created-by-agent.txt"_s);
    }
    void defaultRules()
    {
        QFETCH(QJsonArray, messages);
        QFETCH(bool, stream);
        const HttpAnswer answer = call(u"/v1/chat/completions"_s, chatBody(messages, stream));
        QCOMPARE(answer.status, 200);
        QString text;
        QJsonArray calls;
        QString finish;
        QJsonObject usage;
        if (stream) {
            const Streamed streamed = parseStream(answer.body);
            QVERIFY(streamed.done);
            text = streamed.text;
            calls = streamed.toolCalls;
            finish = streamed.finishReason;
            usage = streamed.usage;
        } else {
            const QJsonObject json = QJsonDocument::fromJson(answer.body).object();
            const QJsonObject choice = json.value(u"choices").toArray().first().toObject();
            text = choice.value(u"message").toObject().value(u"content").toString();
            calls = choice.value(u"message").toObject().value(u"tool_calls").toArray();
            finish = choice.value(u"finish_reason").toString();
            usage = json.value(u"usage").toObject();
        }
        QTEST(text, "text");
        QTEST(finish, "finishReason");
        QFETCH(QString, toolName);
        QCOMPARE(calls.size(), toolName.isEmpty() ? 0 : 1);
        if (!toolName.isEmpty()) {
            const QJsonObject function = calls[0].toObject().value(u"function").toObject();
            QCOMPARE(function.value(u"name").toString(), toolName);
            QTEST(function.value(u"arguments").toString(), "toolArguments");
            QVERIFY(calls[0].toObject().value(u"id").toString().startsWith(u"call_"));
        }
        QCOMPARE(usage.value(u"prompt_tokens").toInt(), 120);
        QCOMPARE(usage.value(u"completion_tokens").toInt(), 12);
        QCOMPARE(usage.value(u"total_tokens").toInt(), 132);
    }

    void fail500ByDefault()
    {
        const HttpAnswer answer = call(u"/v1/chat/completions"_s, chatBody({message(u"user"_s, u"FAIL_500 please"_s)}, true));
        QCOMPARE(answer.status, 500);
        QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(u"error").toObject().value(u"code").toString(),
                 u"fake_500"_s);
    }

    void jsonModeAnswersJson()
    {
        QJsonObject body = chatBody({message(u"user"_s, u"summarise"_s)}, false);
        body.insert(u"response_format"_s, QJsonObject{{u"type"_s, u"json_object"_s}});
        const HttpAnswer answer = call(u"/v1/chat/completions"_s, body);
        const QString content = QJsonDocument::fromJson(answer.body)
                                    .object()
                                    .value(u"choices")
                                    .toArray()
                                    .first()
                                    .toObject()
                                    .value(u"message")
                                    .toObject()
                                    .value(u"content")
                                    .toString();
        QJsonParseError error;
        const QJsonObject parsed = QJsonDocument::fromJson(content.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(parsed.value(u"reply").toString(), u"Hello from the fake LLM. You said: summarise"_s);
    }

    void toolCallIdsAreUnique()
    {
        const QJsonObject body = chatBody({message(u"user"_s, u"USE_BASH"_s)}, false);
        auto idOf = [](const HttpAnswer &answer) {
            return QJsonDocument::fromJson(answer.body).object().value(u"choices").toArray().first().toObject()
                .value(u"message").toObject().value(u"tool_calls").toArray().first().toObject().value(u"id").toString();
        };
        QCOMPARE_NE(idOf(call(u"/v1/chat/completions"_s, body)), idOf(call(u"/v1/chat/completions"_s, body)));
    }

    void embeddingsAreDeterministicUnitVectors()
    {
        const QJsonObject body{{u"model"_s, u"fake-embed"_s},
                               {u"input"_s, QJsonArray{u"the cat sat"_s, u"the cat sat"_s, u"quantum flux"_s}},
                               {u"dimensions"_s, 32}};
        const HttpAnswer answer = call(u"/v1/embeddings"_s, body);
        QCOMPARE(answer.status, 200);
        const QJsonArray data = QJsonDocument::fromJson(answer.body).object().value(u"data").toArray();
        QCOMPARE(data.size(), 3);
        auto vector = [&](int i) { return data[i].toObject().value(u"embedding").toArray(); };
        QCOMPARE(vector(0).size(), 32);
        QCOMPARE(vector(0), vector(1));
        QVERIFY(vector(0) != vector(2));
        double norm = 0;
        for (const QJsonValue &v : vector(2))
            norm += v.toDouble() * v.toDouble();
        QCOMPARE(qRound(std::sqrt(norm) * 1000), 1000);
        const QList<double> expected = fakeEmbedding(u"quantum flux"_s, 32);
        QCOMPARE(vector(2)[5].toDouble(), expected[5]);
    }

    void scriptedRepliesComeFirstThenTheResponder()
    {
        m_server->enqueue(Route::ChatCompletions, Reply::text(u"scripted one"_s));
        m_server->setResponder(Route::ChatCompletions, [](const LlmRequest &request) {
            return Reply::text(u"responder saw "_s + request.lastUserText());
        });
        const QJsonObject body = chatBody({message(u"user"_s, u"ping"_s)}, true);
        QCOMPARE(parseStream(call(u"/v1/chat/completions"_s, body).body).text, u"scripted one"_s);
        QCOMPARE(parseStream(call(u"/v1/chat/completions"_s, body).body).text, u"responder saw ping"_s);
    }

    void faults()
    {
        const QJsonObject body = chatBody({message(u"user"_s, u"x"_s)}, false);
        m_server->enqueue(Route::ChatCompletions, Reply::rateLimited(7));
        const HttpAnswer limited = call(u"/v1/chat/completions"_s, body);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.retryAfter, QByteArray("7"));

        m_server->enqueue(Route::ChatCompletions, Reply::malformedJson());
        QJsonParseError error;
        QJsonDocument::fromJson(call(u"/v1/chat/completions"_s, body).body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);

        m_server->enqueue(Route::ChatCompletions, Reply::httpError(503));
        QCOMPARE(call(u"/v1/chat/completions"_s, body).status, 503);

        m_server->enqueue(Route::ChatCompletions, Reply::hang());
        QCOMPARE(call(u"/v1/chat/completions"_s, body, 300).error, QNetworkReply::OperationCanceledError);
    }

    void latencyDelaysTheAnswer()
    {
        m_server->enqueue(Route::ChatCompletions, Reply::text(u"late"_s).delayedBy(300));
        QElapsedTimer clock;
        clock.start();
        const HttpAnswer answer = call(u"/v1/chat/completions"_s, chatBody({message(u"user"_s, u"x"_s)}, false));
        QCOMPARE(answer.status, 200);
        QVERIFY2(clock.elapsed() >= 290, qPrintable(QString::number(clock.elapsed())));
    }

    void logsEveryRequest()
    {
        QSignalSpy received(m_server.get(), &FakeLlmServer::requestReceived);
        call(u"/v1/models"_s);
        call(u"/v1/chat/completions"_s, chatBody({message(u"user"_s, u"one"_s)}, true));
        QCOMPARE(received.size(), 2);
        QCOMPARE(m_server->requests().size(), 2);
        const QList<LlmRequest> chats = m_server->requests(Route::ChatCompletions);
        QCOMPARE(chats.size(), 1);
        QCOMPARE(chats[0].index, 1);
        QVERIFY(chats[0].stream());
        QCOMPARE(chats[0].lastUserText(), u"one"_s);
        QCOMPARE(chats[0].headers.value("content-type"), QByteArray("application/json"));
    }

    void unknownRoutesAre404()
    {
        QCOMPARE(call(u"/v1/responses"_s, QJsonObject{{u"x"_s, 1}}).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestFakeLlm)
#include "tst_fakellm.moc"
