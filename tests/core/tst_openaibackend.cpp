// SPDX-License-Identifier: MIT
// The OpenAI-compatible backend against a scripted server on 127.0.0.1: good answers, malformed output,
// timeouts, 429 and 5xx, each failing only its own stage with a reason.
#include "cachefixture.h"
#include "scriptedhttpserver.h"
#include "store/sqlite.h"
#include "trajectories/converter.h"
#include "trajectories/processing/jobqueue.h"
#include "trajectories/processing/jobrunner.h"
#include "trajectories/processing/openaibackend.h"
#include "trajectories/trajectorybuilder.h"
#include "trajectories/trajectoryqueries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QtConcurrent>

using namespace Qt::StringLiterals;
using namespace lettascope;
using namespace lettascope::trajectories;
using namespace testsupport;

namespace {

constexpr qint64 T0 = 1'767'225'600'000;

QByteArray chatAnswer(const QByteArray &content)
{
    const QJsonObject body{{u"id"_s, u"chatcmpl-1"_s},
                           {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0},
                                                                 {u"message"_s, QJsonObject{{u"role"_s, u"assistant"_s},
                                                                                           {u"content"_s, QString::fromUtf8(content)}}}}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray embeddingAnswer(const QList<double> &values)
{
    QJsonArray vector;
    for (double v : values)
        vector.append(v);
    return QJsonDocument(QJsonObject{{u"data"_s, QJsonArray{QJsonObject{{u"embedding"_s, vector}}}}}).toJson(QJsonDocument::Compact);
}

StageInput inputFor(const ScenarioRun &s)
{
    StageInput input;
    input.data = convertRun(s.run, s.steps, s.messages);
    input.digest = digestOf(input.data);
    input.summary = u"The user asked about the weather in Paris."_s;
    return input;
}

// run() blocks, and the scripted server answers on this thread: run it elsewhere and keep the loop turning.
StageResult runStage(OpenAiBackend &backend, Stage stage, const StageInput &input)
{
    QFuture<StageResult> future = QtConcurrent::run([&backend, stage, input] { return backend.run(stage, input); });
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 20000))
        return StageResult::failure(stage, u"test: the stage never finished"_s, false);
    return future.result();
}

} // namespace

class TestOpenAiBackend : public QObject
{
    Q_OBJECT

    OpenAiConfig configFor(const ScriptedHttpServer &server, int timeoutMs = 5000)
    {
        OpenAiConfig config;
        config.baseUrl = QUrl(server.baseUrl().toString() + u"/v1"_s);
        config.apiKey = u"sk-test"_s;
        config.chatModel = u"gpt-4o-mini"_s;
        config.embeddingModel = u"text-embedding-3-small"_s;
        config.requestsPerSecond = 1000;
        config.timeoutMs = timeoutMs;
        return config;
    }

private Q_SLOTS:
    void stages_data()
    {
        QTest::addColumn<int>("stage");
        QTest::addColumn<FakeResponse>("response");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("retryable");
        QTest::addColumn<QString>("errorContains");

        const int summary = int(Stage::Summary);
        const int score = int(Stage::Score);
        const int labels = int(Stage::Labels);
        QTest::addRow("summary") << summary << FakeResponse::json(chatAnswer(R"({"summary":"Weather lookup for Paris."})"))
                                 << true << false << QString();
        QTest::addRow("fenced summary") << summary << FakeResponse::json(chatAnswer("```json\n{\"summary\":\"Fenced.\"}\n```"))
                                        << true << false << QString();
        QTest::addRow("score as text, clamped") << score << FakeResponse::json(chatAnswer(R"({"score":"1.4","reasoning":"Rich."})"))
                                                << true << false << QString();
        QTest::addRow("labels") << labels
                                << FakeResponse::json(chatAnswer(R"({"tags":["Research","web search","a","b","c","d","e","f"],"task_category":"information_retrieval","complexity_level":"galactic","metadata":{"interaction_style":"directive"}})"))
                                << true << false << QString();
        QTest::addRow("content is not JSON") << summary << FakeResponse::json(chatAnswer("Sure! Here is a summary."))
                                             << false << true << u"malformed model output"_s;
        QTest::addRow("score missing") << score << FakeResponse::json(chatAnswer(R"({"reasoning":"no number"})"))
                                       << false << true << u"expected {\"score\""_s;
        QTest::addRow("body is not JSON") << summary << FakeResponse::json("<html>gateway</html>")
                                          << false << true << u"not a JSON object"_s;
        QTest::addRow("429") << summary
                             << FakeResponse::json(R"({"error":{"message":"Rate limit reached"}})", 429).header("Retry-After", "2")
                             << false << true << u"429"_s;
        QTest::addRow("500") << score << FakeResponse::json(R"({"error":"boom"})", 500) << false << true << u"500"_s;
        QTest::addRow("401 is permanent") << labels << FakeResponse::json(R"({"error":{"message":"Incorrect API key"}})", 401)
                                          << false << false << u"401"_s;
    }

    void stages()
    {
        QFETCH(int, stage);
        QFETCH(FakeResponse, response);
        QFETCH(bool, ok);
        QFETCH(bool, retryable);
        QFETCH(QString, errorContains);
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(response);
        OpenAiBackend backend(configFor(server));
        const StageResult r = runStage(backend, Stage(stage), inputFor(scenarioRun(0, u"agent-1"_s, T0)));
        QCOMPARE(r.ok, ok);
        QCOMPARE(r.backend, u"openai"_s);
        QCOMPARE(r.model, u"gpt-4o-mini"_s);
        if (!ok) {
            QCOMPARE(r.retryable, retryable);
            QVERIFY2(r.error.contains(errorContains), qPrintable(r.error));
        }
        QCOMPARE(server.requestCount(), 1);
        const RecordedRequest request = server.requests().constFirst();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, u"/v1/chat/completions"_s);
        QCOMPARE(request.header("Authorization"), QByteArray("Bearer sk-test"));
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        QCOMPARE(body.value(u"model"_s).toString(), u"gpt-4o-mini"_s);
        QCOMPARE(body.value(u"response_format"_s).toObject().value(u"type"_s).toString(), u"json_object"_s);
        QCOMPARE(body.value(u"temperature"_s).toDouble(), 0.3);
        QVERIFY(body.value(u"messages"_s).toArray().at(1).toObject().value(u"content"_s).toString().contains(u"Paris"_s));
        if (qstrcmp(QTest::currentDataTag(), "score as text, clamped") == 0) {
            QCOMPARE(r.score, std::optional<double>(1.0));
            QCOMPARE(r.scoreReasoning, u"Rich."_s);
        } else if (qstrcmp(QTest::currentDataTag(), "labels") == 0) {
            QCOMPARE(r.labels.tags.size(), 7);
            QCOMPARE(r.labels.tags.mid(0, 2), (QStringList{u"research"_s, u"web_search"_s}));
            QCOMPARE(r.labels.complexity, u"moderate"_s);
            QCOMPARE(r.labels.category, u"information_retrieval"_s);
        } else if (qstrcmp(QTest::currentDataTag(), "429") == 0) {
            QCOMPARE(r.retryAfterMs, std::optional<int>(2000));
        }
    }

    void timeoutFailsTheStage()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeResponse::of(FakeResponse::Mode::Hang));
        OpenAiBackend backend(configFor(server, 300));
        const StageResult r = runStage(backend, Stage::Summary, inputFor(scenarioRun(0, u"agent-1"_s, T0)));
        QVERIFY(!r.ok);
        QVERIFY(r.retryable);
        QVERIFY2(r.error.contains(u"no data for 300 ms"_s), qPrintable(r.error));
    }

    void embeddings()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        server.enqueue(FakeResponse::json(embeddingAnswer({3, 4})));
        server.enqueue(FakeResponse::json(embeddingAnswer({})));
        OpenAiBackend backend(configFor(server));
        const StageInput input = inputFor(scenarioRun(0, u"agent-1"_s, T0));
        const StageResult good = runStage(backend, Stage::Embedding, input);
        QVERIFY2(good.ok, qPrintable(good.error));
        QCOMPARE(good.embedding, (QList<float>{0.6f, 0.8f}));
        QCOMPARE(good.embeddingModelKey, u"openai:text-embedding-3-small"_s);
        const QJsonObject body = QJsonDocument::fromJson(server.requests().constFirst().body).object();
        QCOMPARE(server.requests().constFirst().path, u"/v1/embeddings"_s);
        QCOMPARE(body.value(u"input"_s).toString(), input.summary);
        const StageResult empty = runStage(backend, Stage::Embedding, input);
        QVERIFY(!empty.ok);
        QVERIFY(empty.retryable);
    }

    void decisionsKeepTheDataFacts()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        // The model claims the failed call succeeded and invents a third call: neither is trusted.
        server.enqueue(FakeResponse::json(chatAnswer(
            R"({"decisions":[{"index":0,"result_summary":"Weather API timed out","error_type":"Timeout","success":true},{"index":1,"result_summary":"Got the forecast"},{"index":7,"result_summary":"invented"}]})")));
        OpenAiBackend backend(configFor(server));
        const StageResult r = runStage(backend, Stage::Decisions,
                                       inputFor(scenarioRun(1, u"agent-1"_s, T0, ScenarioKind::ToolErrorRecovered)));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.decisions.size(), 2);
        QCOMPARE(r.decisions[0].success, std::optional<bool>(false));
        QCOMPARE(r.decisions[0].resultSummary, u"Weather API timed out"_s);
        QCOMPARE(r.decisions[1].success, std::optional<bool>(true));
        QCOMPARE(r.decisions[1].resultSummary, u"Got the forecast"_s);
        QVERIFY(server.requests().constFirst().body.contains("get_weather"));
    }

    // Through the queue: a 429 and a 500 are retried, a malformed score fails only the score stage.
    void runnerAgainstTheEndpoint()
    {
        ScriptedHttpServer server;
        QVERIFY(server.listen());
        int scoreCalls = 0;
        int summaryCalls = 0;
        server.setHandler([&](const RecordedRequest &request) {
            if (request.path.endsWith(u"/embeddings"_s))
                return FakeResponse::json(embeddingAnswer({1, 2, 2}));
            const QString system = QJsonDocument::fromJson(request.body).object().value(u"messages"_s).toArray().at(0)
                                       .toObject().value(u"content"_s).toString();
            if (system.contains(u"summarise"_s)) {
                if (summaryCalls++ == 0)
                    return FakeResponse::json(R"({"error":"slow down"})", 429).header("Retry-After", "0");
                return FakeResponse::json(chatAnswer(R"({"summary":"Paris weather lookup."})"));
            }
            if (system.contains(u"You score"_s)) {
                if (scoreCalls++ == 0)
                    return FakeResponse::json(R"({"error":"upstream"})", 500);
                return FakeResponse::json(chatAnswer(R"({"score": "high"})")); // never a number
            }
            if (system.contains(u"You label"_s))
                return FakeResponse::json(chatAnswer(R"({"tags":["weather","lookup","api"],"task_category":"information_retrieval","complexity_level":"simple"})"));
            return FakeResponse::json(chatAnswer(R"({"decisions":[]})"));
        });
        CacheFixture cache;
        QVERIFY(cache.open());
        QVERIFY(cache.write({scenarioRun(0, u"agent-1"_s, T0, ScenarioKind::ToolSuccess)}));
        BuildOptions build;
        build.maxAttempts = 3;
        QVERIFY(TrajectoryBuilder(cache.writer()).build(build).ok());
        RunnerConfig config;
        config.workers = 1;
        config.batchSize = 1;
        config.retry = RetryTiming{1, 1};
        config.idlePollMs = 20;
        JobRunner runner(cache.writer(), BackendSet::uniform(std::make_shared<OpenAiBackend>(configFor(server))), config);
        QVERIFY(runner.start());
        auto db = cache.read();
        QTRY_COMPARE_WITH_TIMEOUT(jobqueue::stats(db)->open(), 0, 20000);
        runner.stop();
        const ProcessingJob job = jobqueue::list(db, 1)->constFirst();
        QCOMPARE(job.state, JobState::Failed);
        QCOMPARE(job.attempts, 3);
        QCOMPARE(job.stages, stageBit(Stage::Score));
        QVERIFY2(job.lastError.contains(u"malformed model output"_s), qPrintable(job.lastError));
        const TrajectoryDetail detail = **loadTrajectoryDetail(db, job.trajectoryId);
        QCOMPARE(detail.row.summary, u"Paris weather lookup."_s);
        QCOMPARE(detail.row.tags, (QStringList{u"weather"_s, u"lookup"_s, u"api"_s}));
        QCOMPARE(detail.embeddingModels, QStringList{u"openai:text-embedding-3-small"_s});
        QVERIFY(!detail.row.score);
        QCOMPARE(detail.row.processingState, u"partial"_s);
        QCOMPARE(detail.stages[int(Stage::Summary)].model, u"gpt-4o-mini"_s);
        QVERIFY(!detail.stages[int(Stage::Score)].ok);
    }
};

QTEST_MAIN(TestOpenAiBackend)
#include "tst_openaibackend.moc"
