// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QUrl>

namespace lettascope::trajectories {

/// Where and how to reach an OpenAI-compatible endpoint (OpenAI, Ollama, LM Studio, vLLM).
struct OpenAiConfig {
    QUrl baseUrl;               ///< up to and including /v1, e.g. http://localhost:11434/v1
    QString apiKey;             ///< empty for local servers that need none; never logged
    QString chatModel;          ///< e.g. gpt-4o-mini, llama3.1
    QString embeddingModel;     ///< e.g. text-embedding-3-small, nomic-embed-text
    int concurrency = 2;        ///< requests in flight
    double requestsPerSecond = 2.0;
    int timeoutMs = 60'000;     ///< per request without progress
    double temperature = 0.3;   ///< the seed's setting for every chat call
    int maxPromptChars = 24'000; ///< the trajectory JSON is cut beyond this, with a note saying so

    bool isComplete() const { return baseUrl.isValid() && !baseUrl.host().isEmpty() && !chatModel.isEmpty(); }
};

} // namespace lettascope::trajectories
