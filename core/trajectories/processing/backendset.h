// SPDX-License-Identifier: MIT
#pragma once

#include "trajectories/processing/stagebackend.h"

#include <array>
#include <memory>

namespace lettascope::trajectories {

/// The backend chosen for each stage. Shared (immutable once built) between the runner's workers and
/// the search thread, which embeds queries with the embedding stage's backend.
struct BackendSet {
    std::array<std::shared_ptr<StageBackend>, StageCount> byStage;

    StageBackend *forStage(Stage stage) const { return byStage[size_t(stage)].get(); }
    std::shared_ptr<StageBackend> embedding() const { return byStage[size_t(Stage::Embedding)]; }
    bool usesNetwork() const
    {
        for (const auto &backend : byStage) {
            if (backend && backend->kind() != Backend::Local)
                return true;
        }
        return false;
    }
    /// The same backend for every stage.
    static std::shared_ptr<const BackendSet> uniform(std::shared_ptr<StageBackend> backend)
    {
        auto set = std::make_shared<BackendSet>();
        set->byStage.fill(std::move(backend));
        return set;
    }
};

} // namespace lettascope::trajectories
