// SPDX-License-Identifier: MIT
#pragma once

#include "common/result.h"

namespace lettascope::store {
class Database;
}

namespace lettascope::trajectories {

/// Increments an integer counter in the meta table and returns the new value. Writer thread only,
/// inside the caller's transaction: one bump per transaction stamps every row it touches.
Result<qint64> bumpMetaCounter(store::Database &db, const char *key);
Result<qint64> readMetaCounter(store::Database &db, const char *key);
Status writeMetaCounter(store::Database &db, const char *key, qint64 value);

inline constexpr const char *kRowSeqKey = "trajectory_row_seq";
inline constexpr const char *kBuildSeqKey = "trajectory_build_seq";
inline constexpr const char *kEmbeddingSeqKey = "embedding_seq";

} // namespace lettascope::trajectories
