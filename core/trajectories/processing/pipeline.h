// SPDX-License-Identifier: MIT
#pragma once

#include "trajectories/processing/jobcompletion.h"

#include <atomic>
#include <functional>

namespace lettascope::store {
class Database;
}

namespace lettascope::trajectories {

class StageBackend;

/// Which backend computes a stage (from the settings of the moment).
using BackendFor = std::function<StageBackend *(Stage)>;

/**
 * Runs one claimed job's stages against the trajectory as stored now: Summary first (the embedding
 * embeds it), the embedding last. Each stage succeeds or fails on its own; a failure never stops the
 * others. Reads through `db` (the worker's read connection); writes nothing.
 */
JobOutcome runPipeline(const ClaimedJob &job, store::Database &db, const BackendFor &backendFor,
                       const std::atomic_bool *cancel = nullptr,
                       const std::function<void(double)> &progress = {});

} // namespace lettascope::trajectories
