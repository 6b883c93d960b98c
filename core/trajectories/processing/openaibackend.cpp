// SPDX-License-Identifier: MIT
#include "openaibackend.h"

#include "common/logging.h"
#include "net/httpclient.h"
#include "net/networkthread.h"
#include "trajectories/processing/localstages.h"
#include "trajectories/processing/openaiparse.h"
#include "trajectories/processing/openaiprompts.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <condition_variable>
#include <mutex>

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

namespace {

// Lets a worker wait for a network future while still noticing its cancel flag.
struct Waiter {
    std::mutex mutex;
    std::condition_variable cv;
    bool done = false;
};

StageResult fromError(Stage stage, const Error &error)
{
    // Malformed answers are worth another try: models are not deterministic.
    const bool retryable = error.isTransient() || error.kind == ErrorKind::BadPayload;
    StageResult r = StageResult::failure(stage, error.toString(), retryable);
    r.retryAfterMs = error.retryAfterMs;
    return r;
}

} // namespace

OpenAiBackend::OpenAiBackend(OpenAiConfig config)
    : m_config(std::move(config))
    , m_network(std::make_unique<net::NetworkThread>(u"lettascope-llm"_s))
    , m_limiter(m_config.requestsPerSecond, std::max(1, m_config.concurrency))
{
    net::ServerEndpoint endpoint;
    endpoint.baseUrl = m_config.baseUrl;
    endpoint.token = m_config.apiKey;
    m_network->client()->setEndpoint(endpoint);
    net::HttpOptions options;
    options.maxConnectionsPerHost = std::max(1, m_config.concurrency);
    options.transferTimeoutMs = m_config.timeoutMs;
    options.maxAttempts = 1; // the job queue retries, with backoff that survives restarts
    m_network->client()->setOptions(options);
}

OpenAiBackend::~OpenAiBackend() = default;

QString OpenAiBackend::model(Stage stage) const
{
    return stage == Stage::Embedding ? m_config.embeddingModel : m_config.chatModel;
}

Result<QByteArray> OpenAiBackend::post(const QString &path, const QByteArray &body, const std::atomic_bool *cancel)
{
    if (!m_limiter.acquire(cancel))
        return Error{ErrorKind::Cancelled, u"cancelled"_s};
    net::HttpRequest request;
    request.method = "POST";
    request.path = path;
    request.body = body;
    QFuture<net::HttpResult> future = m_network->client()->send(request);
    auto waiter = std::make_shared<Waiter>();
    future.then(QtFuture::Launch::Sync, [waiter](const net::HttpResult &) {
        {
            std::lock_guard lock(waiter->mutex);
            waiter->done = true;
        }
        waiter->cv.notify_all();
    });
    std::unique_lock lock(waiter->mutex);
    while (!waiter->cv.wait_for(lock, std::chrono::milliseconds(50), [&] { return waiter->done; })) {
        if (cancel && cancel->load()) {
            future.cancel();
            return Error{ErrorKind::Cancelled, u"cancelled"_s};
        }
    }
    const net::HttpResult result = net::resultOf(future);
    if (!result)
        return result.error();
    return result->body;
}

Result<QList<float>> OpenAiBackend::embed(const QString &text, const std::atomic_bool *cancel)
{
    if (m_config.embeddingModel.isEmpty())
        return Error{ErrorKind::BadRequest, u"no embedding model is configured"_s};
    const QJsonObject body{{u"model"_s, m_config.embeddingModel}, {u"input"_s, text}};
    auto answer = post(u"/embeddings"_s, QJsonDocument(body).toJson(QJsonDocument::Compact), cancel);
    if (!answer)
        return answer.error();
    return openai::parseEmbedding(*answer);
}

Result<QList<float>> OpenAiBackend::embedQuery(const QString &text)
{
    return embed(text, nullptr);
}

StageResult OpenAiBackend::chatStage(Stage stage, const StageInput &input)
{
    QList<Decision> decisions;
    if (stage == Stage::Decisions) {
        decisions = local::decisions(input.digest);
        if (decisions.isEmpty()) { // nothing to ask about
            StageResult r;
            r.stage = stage;
            r.ok = true;
            return r;
        }
    }
    const QJsonObject request = openai::chatRequest(m_config.chatModel, m_config.temperature, openai::maxTokensFor(stage),
                                                    openai::systemPrompt(stage),
                                                    openai::userPrompt(stage, input.data, input.digest, m_config.maxPromptChars));
    auto body = post(u"/chat/completions"_s, QJsonDocument(request).toJson(QJsonDocument::Compact), input.cancel);
    if (!body)
        return fromError(stage, body.error());
    auto answer = openai::chatContent(*body);
    if (!answer)
        return fromError(stage, answer.error());
    StageResult r;
    r.stage = stage;
    switch (stage) {
    case Stage::Summary: {
        auto summary = openai::parseSummary(*answer);
        if (!summary)
            return fromError(stage, summary.error());
        r.summary = *summary;
        break;
    }
    case Stage::Score: {
        auto score = openai::parseScore(*answer);
        if (!score)
            return fromError(stage, score.error());
        r.score = score->first;
        r.scoreReasoning = score->second;
        break;
    }
    case Stage::Labels: {
        auto labels = openai::parseLabels(*answer);
        if (!labels)
            return fromError(stage, labels.error());
        r.labels = *labels;
        break;
    }
    case Stage::Decisions: {
        auto merged = openai::mergeDecisions(*answer, decisions);
        if (!merged)
            return fromError(stage, merged.error());
        r.decisions = *merged;
        break;
    }
    case Stage::Embedding: break;
    }
    r.ok = true;
    return r;
}

StageResult OpenAiBackend::run(Stage stage, const StageInput &input)
{
    QElapsedTimer clock;
    clock.start();
    const qint64 started = QDateTime::currentMSecsSinceEpoch();
    StageResult r;
    if (stage == Stage::Embedding) {
        if (input.summary.isEmpty()) {
            r = StageResult::failure(stage, u"nothing to embed: the trajectory has no summary yet"_s, true);
        } else if (auto vector = embed(input.summary, input.cancel); !vector) {
            r = fromError(stage, vector.error());
        } else {
            r.stage = stage;
            r.ok = true;
            r.embedding = *vector;
            r.embeddingModelKey = embeddingModelKey();
        }
    } else {
        r = chatStage(stage, input);
    }
    r.backend = backendKey(kind());
    r.model = model(stage);
    r.startedMs = started;
    r.elapsedMs = clock.elapsed();
    if (!r.ok)
        qCDebug(lcTrajectories).noquote() << stageKey(stage) << "failed:" << r.error;
    return r;
}

} // namespace lettascope::trajectories
