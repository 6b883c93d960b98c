// SPDX-License-Identifier: MIT
#pragma once

#include "store/entitywriter.h"
#include "syncsource.h"

#include <atomic>
#include <functional>

namespace lettascope::store {
class StoreWriter;
}

namespace lettascope::sync {

/// Runs one sync of one source into the cache: registers the server, gives the source a sink over the
/// store writer, and records the outcome in the sync log whatever happens.
class SyncEngine
{
public:
    using ProgressCallback = std::function<void(const SyncProgress &)>;

    explicit SyncEngine(store::StoreWriter &writer) : m_writer(writer) { }

    /// Blocks; call it on a worker thread (or a CLI main thread). `cancel` may be flipped from any thread.
    SyncReport run(SyncSource &source, store::ServerRecord server, const SyncOptions &options,
                   const ProgressCallback &progress = {}, const std::atomic_bool *cancel = nullptr);

private:
    store::StoreWriter &m_writer;
};

} // namespace lettascope::sync
