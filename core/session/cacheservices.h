// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

namespace lettascope::analytics {
class AnalyticsService;
}
namespace lettascope::store {
class StoreWriter;
}
namespace lettascope::trajectories {
class ProcessingSettings;
class TrajectoryService;
}

namespace lettascope::session {

/**
 * One open cache and the services that work on it: its writer, trajectory capture and processing, and
 * analytics. They are built and torn down together when the session switches caches, so no service ever
 * outlives the writer it follows. A new service over the cache plugs in here.
 */
class CacheServices final
{
public:
    /// `writer` is open; the services start on it at once.
    CacheServices(std::unique_ptr<store::StoreWriter> writer, trajectories::ProcessingSettings &processing);
    ~CacheServices();
    CacheServices(const CacheServices &) = delete;
    CacheServices &operator=(const CacheServices &) = delete;

    store::StoreWriter &writer() const { return *m_writer; }
    trajectories::TrajectoryService &trajectories() const { return *m_trajectories; }
    analytics::AnalyticsService &analytics() const { return *m_analytics; }

private:
    // Declared in dependency order: destroyed services first, the writer last.
    std::unique_ptr<store::StoreWriter> m_writer;
    std::unique_ptr<analytics::AnalyticsService> m_analytics;
    std::unique_ptr<trajectories::TrajectoryService> m_trajectories;
};

} // namespace lettascope::session
