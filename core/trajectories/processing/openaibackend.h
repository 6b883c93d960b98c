// SPDX-License-Identifier: MIT
#pragma once

#include "trajectories/processing/localbackend.h"
#include "trajectories/processing/openaiconfig.h"
#include "trajectories/processing/ratelimiter.h"

#include <QByteArray>

#include <memory>

namespace lettascope::net {
class NetworkThread;
}

namespace lettascope::trajectories {

/**
 * Every stage through an OpenAI-compatible endpoint: chat completions in JSON mode for summary, score,
 * labels and decision summaries, /embeddings for vectors. Owns its network thread (the HttpClient's
 * per-host limit is the concurrency limit) and a rate limiter shared by all workers.
 *
 * Failures are per stage and say why: timeouts, 429 (with Retry-After), 5xx and malformed answers are
 * retryable; 4xx such as a wrong key or an unknown model are not. Decisions keep the data's facts (the
 * action, arguments and the tool return's status) and take only summaries from the model.
 */
class OpenAiBackend final : public StageBackend
{
public:
    explicit OpenAiBackend(OpenAiConfig config);
    ~OpenAiBackend() override;

    Backend kind() const override { return Backend::OpenAi; }
    QString model(Stage stage) const override;
    StageResult run(Stage stage, const StageInput &input) override;
    Result<QList<float>> embedQuery(const QString &text) override;

private:
    Result<QByteArray> post(const QString &path, const QByteArray &body, const std::atomic_bool *cancel);
    Result<QList<float>> embed(const QString &text, const std::atomic_bool *cancel);
    StageResult chatStage(Stage stage, const StageInput &input);

    OpenAiConfig m_config;
    std::unique_ptr<net::NetworkThread> m_network;
    RateLimiter m_limiter;
};

} // namespace lettascope::trajectories
