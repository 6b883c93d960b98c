// SPDX-License-Identifier: MIT
#pragma once

#include "trajectories/processing/backendset.h"
#include "trajectories/processing/jobrunner.h"
#include "trajectories/processing/openaiconfig.h"

#include <array>
#include <memory>

namespace lettascope::trajectories {

/// A snapshot of the processing settings (the CLI applies its overrides to a copy, never to the file).
struct ProcessingConfig {
    std::array<Backend, StageCount> backends{}; ///< Local for every stage by default
    OpenAiConfig openai;        ///< without the key: that comes from the keychain when needed
    bool autoProcess = true;    ///< queue every new or changed trajectory for processing
    int maxAttempts = 5;
    int localWorkers = 2;

    Backend backend(Stage stage) const { return backends[size_t(stage)]; }
    bool usesNetwork() const;
    /// "<backend>:<model>" of the embedding stage: the index searches use.
    QString embeddingModelKey() const;
    /// Why this configuration cannot run (an OpenAI stage without a base URL or model), or empty.
    QString problem() const;
};

/// The backends a config describes; the OpenAI one is shared by every stage that uses it.
std::shared_ptr<const BackendSet> makeBackends(const ProcessingConfig &config, const QString &apiKey);
/// Concurrency and batching for the runner: network backends go one job per worker, as many workers as
/// the endpoint's concurrency; local ones batch 64 jobs per transaction on one worker per core.
RunnerConfig runnerConfigFor(const ProcessingConfig &config);

} // namespace lettascope::trajectories
