// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonArray>

namespace lettascope::mcp {

/// The trajectory tools as tools/list describes them: names, titles, descriptions an agent can act on, and
/// JSON Schemas of their inputs and outputs (what TrajectoryTools checks and returns).
QJsonArray toolDescriptors();

} // namespace lettascope::mcp
