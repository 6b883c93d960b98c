// SPDX-License-Identifier: MIT
#pragma once

#include "mcptools.h"

#include <memory>

namespace lettascope::trajectories {
class SearchSession;
}

namespace lettascope::mcp {

/**
 * What agents ask of their own history: `search_trajectories` (the app's hybrid search, optionally as
 * contrasts: successes, moderate, failures), `search_decisions` (single tool calls and how they went) and
 * `get_trajectory` (one run's summary, score and turns). Read-only, on the session's own read connection,
 * which sees what the app or a sync writes meanwhile (WAL). Every output is bounded (characters per field,
 * items per list) so a result never floods an agent's context.
 */
class TrajectoryTools final : public McpTools
{
public:
    /// `serverId` limits every tool to one server's data; 0: every server in the cache.
    TrajectoryTools(std::unique_ptr<trajectories::SearchSession> session, qint64 serverId);
    ~TrajectoryTools() override;

    QJsonArray descriptors() const override;
    std::optional<ToolResult> call(const QString &name, const QJsonObject &arguments, const Caller &caller) override;

private:
    ToolResult searchTrajectories(const QJsonObject &arguments, const Caller &caller);
    ToolResult searchDecisions(const QJsonObject &arguments, const Caller &caller);
    ToolResult getTrajectory(const QJsonObject &arguments);

    std::unique_ptr<trajectories::SearchSession> m_session;
    qint64 m_serverId;
};

} // namespace lettascope::mcp
