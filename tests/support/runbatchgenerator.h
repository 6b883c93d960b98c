// SPDX-License-Identifier: MIT
#pragma once

#include "store/writebatch.h"

namespace testsupport {

/// Runs with steps (tokens, some with metrics) and tool calls and returns (some failing), deterministic
/// for a seed: the data the analytics tests and benchmark write straight through the store.
struct RunBatchSpec {
    int firstRun = 0;          ///< run ids are "run-<index>", so batches can extend a cache
    int runs = 100;
    int agents = 5;
    qint64 startMs = 0;        ///< the first run's creation time; runs are spaced by spacingMs
    qint64 spacingMs = 60'000;
    quint32 seed = 1;
};

lettascope::store::WriteBatch generateRunBatch(const RunBatchSpec &spec);

} // namespace testsupport
