// SPDX-License-Identifier: MIT
#include "cacheservices.h"

#include "analytics/analyticsservice.h"
#include "store/storewriter.h"
#include "trajectories/trajectoryservice.h"

namespace lettascope::session {

CacheServices::CacheServices(std::unique_ptr<store::StoreWriter> writer, trajectories::ProcessingSettings &processing)
    : m_writer(std::move(writer))
    , m_analytics(std::make_unique<analytics::AnalyticsService>(m_writer->path(), m_writer.get()))
    , m_trajectories(std::make_unique<trajectories::TrajectoryService>(*m_writer, processing))
{
    m_trajectories->start();
}

CacheServices::~CacheServices() = default;

} // namespace lettascope::session
