// SPDX-License-Identifier: MIT
#include "processingconfig.h"

#include "trajectories/processing/localbackend.h"
#include "trajectories/processing/localstages.h"
#include "trajectories/processing/openaibackend.h"

using namespace Qt::StringLiterals;

namespace lettascope::trajectories {

bool ProcessingConfig::usesNetwork() const
{
    return std::any_of(backends.begin(), backends.end(), [](Backend b) { return b == Backend::OpenAi; });
}

QString ProcessingConfig::embeddingModelKey() const
{
    if (backend(Stage::Embedding) == Backend::OpenAi)
        return u"openai:"_s + openai.embeddingModel;
    return u"local:"_s + QString::fromLatin1(local::EmbeddingModel);
}

QString ProcessingConfig::problem() const
{
    if (!usesNetwork())
        return {};
    if (!openai.baseUrl.isValid() || openai.baseUrl.host().isEmpty())
        return u"an OpenAI-compatible stage is selected but no base URL is set"_s;
    for (int i = 0; i < StageCount; ++i) {
        if (Stage(i) != Stage::Embedding && backends[size_t(i)] == Backend::OpenAi && openai.chatModel.isEmpty())
            return u"an OpenAI-compatible chat stage is selected but no chat model is set"_s;
    }
    if (backend(Stage::Embedding) == Backend::OpenAi && openai.embeddingModel.isEmpty())
        return u"OpenAI-compatible embeddings are selected but no embedding model is set"_s;
    return {};
}

std::shared_ptr<const BackendSet> makeBackends(const ProcessingConfig &config, const QString &apiKey)
{
    auto set = std::make_shared<BackendSet>();
    std::shared_ptr<StageBackend> local = std::make_shared<LocalBackend>();
    std::shared_ptr<StageBackend> remote;
    for (int i = 0; i < StageCount; ++i) {
        if (config.backends[size_t(i)] == Backend::OpenAi) {
            if (!remote) {
                OpenAiConfig openai = config.openai;
                openai.apiKey = apiKey;
                remote = std::make_shared<OpenAiBackend>(openai);
            }
            set->byStage[size_t(i)] = remote;
        } else {
            set->byStage[size_t(i)] = local;
        }
    }
    return set;
}

RunnerConfig runnerConfigFor(const ProcessingConfig &config)
{
    RunnerConfig runner;
    if (config.usesNetwork()) {
        runner.workers = std::max(1, config.openai.concurrency);
        runner.batchSize = 1;
    } else {
        runner.workers = std::max(1, config.localWorkers);
        runner.batchSize = 64;
    }
    return runner;
}

} // namespace lettascope::trajectories
